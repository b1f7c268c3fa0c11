/**
 * Mandatory requirements of a specification checked against one supplier's offer and its registry
 * certifications (DESIGN §3, "Requirements"). Pure: dates are calendar dates (YYYY-MM-DD) and the
 * caller says on which date the check is made.
 */

export type RequirementType = 'certification' | 'max_lead_time_days' | 'min_warranty_months' | 'yes_no' | 'text';

export interface RequirementToCheck {
  id: string;
  text: string;
  type: RequirementType;
  /** certification name; day/month limit; yes/no and text carry no value to compare */
  value: string | number | boolean | null;
}

export interface OfferToCheck {
  leadTimeDays: number;
  warrantyMonths: number;
  compliance: ReadonlyArray<{ requirementId: string; met: boolean; note?: string | null }>;
}

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

/** Valid on `asOf` when issued on or before it and expiring on or after it (valid through the expiry date). */
export function certificationValidOn(certification: CertificationHeld, asOf: string): boolean {
  const issued = certification.issuedOn === null || dateOnly(certification.issuedOn) <= asOf;
  const unexpired = certification.expiresOn === null || asOf <= dateOnly(certification.expiresOn);
  return issued && unexpired;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Every mandatory requirement the offer fails, in the specification's order, one entry per
 * requirement:
 * - `certification`: the supplier holds a registry certification of that name (case-insensitive)
 *   valid on `asOf`;
 * - `max_lead_time_days`: lead time ≤ the limit; `min_warranty_months`: warranty ≥ the limit;
 * - `yes_no` and `text`: the offer's compliance answer says `met: true` (no answer fails);
 * - whatever the type, an answer `met: false` fails: the supplier itself says it does not comply.
 */
export function failedRequirements(
  requirements: readonly RequirementToCheck[],
  offer: OfferToCheck,
  certifications: readonly CertificationHeld[],
  asOf: string,
): FailedRequirement[] {
  const failed: FailedRequirement[] = [];
  for (const requirement of requirements) {
    const reason = failure(requirement, offer, certifications, asOf);
    if (reason !== null) failed.push({ requirementId: requirement.id, reason });
  }
  return failed;
}

function failure(
  requirement: RequirementToCheck,
  offer: OfferToCheck,
  certifications: readonly CertificationHeld[],
  asOf: string,
): string | null {
  const answer = offer.compliance.find((c) => c.requirementId === requirement.id);
  const declaredNotMet =
    answer && !answer.met ? `the offer declares it does not meet "${requirement.text}"${answer.note ? `: ${answer.note}` : ''}` : null;

  switch (requirement.type) {
    case 'certification': {
      const name = String(requirement.value ?? '').trim();
      if (name === '') return `the requirement names no certification`;
      const held = certifications.filter((c) => sameName(c.name, name));
      if (held.some((c) => certificationValidOn(c, asOf))) return declaredNotMet;
      if (held.length === 0) return `no "${name}" certification in the supplier registry`;
      const expired = held.filter((c) => c.expiresOn !== null && dateOnly(c.expiresOn) < asOf);
      if (expired.length > 0) {
        const last = expired.map((c) => dateOnly(c.expiresOn!)).sort()[expired.length - 1];
        return `the "${name}" certification expired on ${last} (checked on ${asOf})`;
      }
      return `the "${name}" certification is not yet valid on ${asOf}`;
    }
    case 'max_lead_time_days': {
      const limit = limitOf(requirement);
      if (limit === null) return `the requirement's limit is not a number`;
      if (offer.leadTimeDays > limit) return `lead time of ${offer.leadTimeDays} days exceeds the maximum of ${limit} days`;
      return declaredNotMet;
    }
    case 'min_warranty_months': {
      const limit = limitOf(requirement);
      if (limit === null) return `the requirement's limit is not a number`;
      if (offer.warrantyMonths < limit) return `warranty of ${offer.warrantyMonths} months is below the minimum of ${limit} months`;
      return declaredNotMet;
    }
    case 'yes_no':
    case 'text':
      if (!answer) return `the offer gives no compliance answer to "${requirement.text}"`;
      return declaredNotMet;
    default: {
      const exhaustive: never = requirement.type;
      return `unknown requirement type ${String(exhaustive)}`;
    }
  }
}

function limitOf(requirement: RequirementToCheck): number | null {
  const value = typeof requirement.value === 'string' ? requirement.value.trim() : requirement.value;
  if (value === null || value === '' || typeof value === 'boolean') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** jsonb dates may come back as full ISO timestamps; the calendar date is what counts. */
function dateOnly(value: string): string {
  return value.slice(0, 10);
}
