/**
 * The mandatory pass/fail requirements of a specification (README "Requirements"). Every
 * requirement is mandatory: an offer that fails one is excluded from the ranking.
 */

export const REQUIREMENT_TYPES = ['certification', 'max_lead_time_days', 'min_warranty_months', 'yes_no', 'text'] as const;
export type RequirementType = (typeof REQUIREMENT_TYPES)[number];

/**
 * A requirement, as stored in `specification_versions.requirements` (jsonb).
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

export const MAX_REQUIREMENTS = 40;
/** Largest day/month limit a requirement may state (100 years). */
export const MAX_REQUIREMENT_LIMIT = 36500;

/** What of an offer the requirements look at. */
export interface OfferToCheck {
  leadTimeDays: number;
  warrantyMonths: number;
  compliance: ReadonlyArray<{ requirementId: string; met: boolean; note?: string | null }>;
}

/** A certification in the supplier registry; dates are calendar dates (YYYY-MM-DD). */
export interface CertificationHeld {
  name: string;
  /** null: no issue date recorded (taken as issued) */
  issuedOn: string | null;
  /** null: does not expire */
  expiresOn: string | null;
}

export interface FailedRequirement {
  requirementId: string;
  reason: string;
}
