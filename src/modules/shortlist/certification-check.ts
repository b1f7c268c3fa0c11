import type { Requirement } from '../specification/specification.types';

export interface RequirementFailure {
  requirementId: string;
  reason: string;
}

interface Certification {
  name: string;
  issuedOn: string;
  expiresOn: string;
}

const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The mandatory requirements the registry can check: each `certification` requirement names a
 * certification the supplier must hold valid on `on` (issuedOn ≤ on ≤ expiresOn). Names match
 * case-insensitively, whatever the spacing. Returns one failure per requirement not met, with why.
 */
export function certificationFailures(requirements: readonly Requirement[], certifications: readonly Certification[], on: string): RequirementFailure[] {
  const failures: RequirementFailure[] = [];
  for (const requirement of requirements) {
    if (requirement.type !== 'certification' || typeof requirement.value !== 'string' || requirement.value.trim() === '') continue;
    const wanted = requirement.value.trim();
    const held = certifications.filter((c) => key(c.name) === key(wanted));
    if (held.some((c) => c.issuedOn <= on && on <= c.expiresOn)) continue;
    let reason: string;
    if (held.length === 0) {
      reason = `no "${wanted}" certification on record`;
    } else {
      const expired = held.filter((c) => c.expiresOn < on).map((c) => c.expiresOn).sort();
      reason = expired.length > 0
        ? `"${wanted}" certification expired on ${expired[expired.length - 1]}`
        : `"${wanted}" certification is not valid before ${held.map((c) => c.issuedOn).sort()[0]}`;
    }
    failures.push({ requirementId: requirement.id, reason });
  }
  return failures;
}
