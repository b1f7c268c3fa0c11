import type { CriterionKind, CriterionSource, Direction, Normalization } from '../../domain/scoring';

export const REQUIREMENT_TYPES = ['certification', 'max_lead_time_days', 'min_warranty_months', 'yes_no', 'text'] as const;
export type RequirementType = (typeof REQUIREMENT_TYPES)[number];

/**
 * A mandatory pass/fail requirement, stored in `specification_versions.requirements` (jsonb).
 * `value`: the certification name for `certification`, a whole number of days/months for the
 * lead-time and warranty limits, the required answer (true/false) for `yes_no`, null for `text`.
 * Ids stay the same across versions so offers' compliance answers keep pointing at them.
 */
export interface Requirement {
  id: string;
  text: string;
  type: RequirementType;
  value: string | number | boolean | null;
}

/** A weighted evaluation criterion, stored in `specification_versions.criteria` (jsonb); ids stable across versions. */
export interface Criterion {
  id: string;
  name: string;
  kind: CriterionKind;
  direction: Direction;
  source: CriterionSource;
  normalization: Normalization;
  /** positive base weight as entered (or derived by AHP); normalized to sum 1 where used */
  weight: number;
}

export interface SpecificationVersionRow {
  id: string;
  caseId: string;
  version: number;
  frozenAt: Date | null;
  description: string;
  deliverables: string;
  quantity: string | null;
  requirements: Requirement[];
  criteria: Criterion[];
  ahp: unknown;
  reason: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
