import { certificationStanding, type CertificationStanding } from './certification';
import { type CertificationHeld, type FailedRequirement, type OfferToCheck, type Requirement } from './types';

/** The part of a requirement a check reads. */
export type RequirementToCheck = Pick<Requirement, 'id' | 'text' | 'type' | 'value'>;

/** The certification a `certification` requirement names, trimmed; '' when it names none. */
export function certificationNamed(requirement: Pick<Requirement, 'value'>): string {
  return String(requirement.value ?? '').trim();
}

/**
 * The check of an offer (the decision matrix, the round comparison): every mandatory requirement
 * the offer fails, in the specification's order, one entry per requirement:
 * - `certification`: the supplier holds a registry certification of that name valid on `asOf`
 *   (see `certificationStanding`);
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
    const reason = offerFailure(requirement, offer, certifications, asOf);
    if (reason !== null) failed.push({ requirementId: requirement.id, reason });
  }
  return failed;
}

/** Whether the offer passes every mandatory requirement: the matrix ranks it, the comparison calls it compliant. */
export function meetsRequirements(
  requirements: readonly RequirementToCheck[],
  offer: OfferToCheck,
  certifications: readonly CertificationHeld[],
  asOf: string,
): boolean {
  return failedRequirements(requirements, offer, certifications, asOf).length === 0;
}

/**
 * The check of a registry record before any offer (the shortlist suggestions): the `certification`
 * requirements the supplier does not meet on `asOf`, by the same rule as the offer check; the
 * other types need an offer and are not judged here.
 */
export function registryFailures(
  requirements: readonly RequirementToCheck[],
  certifications: readonly CertificationHeld[],
  asOf: string,
): FailedRequirement[] {
  const failed: FailedRequirement[] = [];
  for (const requirement of requirements) {
    if (requirement.type !== 'certification') continue;
    const name = certificationNamed(requirement);
    const reason = name === '' ? NO_NAME : registryReason(name, certificationStanding(name, certifications, asOf));
    if (reason !== null) failed.push({ requirementId: requirement.id, reason });
  }
  return failed;
}

const NO_NAME = 'the requirement names no certification';

function registryReason(name: string, standing: CertificationStanding): string | null {
  switch (standing.status) {
    case 'valid':
      return null;
    case 'missing':
      return `no "${name}" certification on record`;
    case 'expired':
      return `"${name}" certification expired on ${standing.expiredOn}`;
    case 'not_yet_valid':
      return `"${name}" certification is not valid before ${standing.validFrom}`;
    default: {
      const exhaustive: never = standing;
      return exhaustive;
    }
  }
}

function offerFailure(requirement: RequirementToCheck, offer: OfferToCheck, certifications: readonly CertificationHeld[], asOf: string): string | null {
  const answer = offer.compliance.find((c) => c.requirementId === requirement.id);
  const declaredNotMet =
    answer && !answer.met ? `the offer declares it does not meet "${requirement.text}"${answer.note ? `: ${answer.note}` : ''}` : null;

  switch (requirement.type) {
    case 'certification': {
      const name = certificationNamed(requirement);
      if (name === '') return NO_NAME;
      const standing = certificationStanding(name, certifications, asOf);
      switch (standing.status) {
        case 'valid':
          return declaredNotMet;
        case 'missing':
          return `no "${name}" certification in the supplier registry`;
        case 'expired':
          return `the "${name}" certification expired on ${standing.expiredOn} (checked on ${asOf})`;
        case 'not_yet_valid':
          return `the "${name}" certification is not yet valid on ${asOf}`;
        default: {
          const exhaustive: never = standing;
          return exhaustive;
        }
      }
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
