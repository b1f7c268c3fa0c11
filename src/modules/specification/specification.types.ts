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

export const CRITERION_KINDS = ['price', 'quality', 'delivery', 'reliability', 'technical', 'service', 'sustainability', 'other'] as const satisfies readonly CriterionKind[];
export const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const satisfies readonly Direction[];
export const CRITERION_SOURCES = [
  'offer.price',
  'offer.leadTimeDays',
  'offer.warrantyMonths',
  'offer.paymentDays',
  'offer.value',
  'evaluator',
  'reliability',
] as const satisfies readonly CriterionSource[];
export const NORMALIZATIONS = ['ratio', 'minmax', 'scale'] as const satisfies readonly Normalization[];
/** `scale` normalizes against full marks, which only evaluator scores (10) and the reliability score (100) have. */
export const SCALE_SOURCES: readonly CriterionSource[] = ['evaluator', 'reliability'];

export const MAX_CRITERIA = 40;
export const MAX_REQUIREMENTS = 40;
/** Largest day/month limit a requirement may state (100 years). */
export const MAX_REQUIREMENT_LIMIT = 36500;

/**
 * How the draft's weights were derived by AHP, stored in `specification_versions.ahp` (jsonb);
 * kept on a later save only while the criteria and their weights are still the ones it set.
 */
export interface AhpRecord {
  criteria: string[];
  matrix: number[][];
  weights: number[];
  lambdaMax: number;
  ci: number;
  cr: number;
  consistent: boolean;
  /** CR > 0.10 applied anyway: the prescriber's reason */
  acceptedInconsistency: boolean;
  reason: string | null;
  appliedBy: string;
  appliedAt: string;
}
