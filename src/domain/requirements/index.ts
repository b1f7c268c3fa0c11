/**
 * Requirements: one definition for the specification (value rules), the shortlist (the check of a
 * registry record), the round comparison and the decision matrix (the check of an offer).
 */
export {
  MAX_REQUIREMENT_LIMIT,
  MAX_REQUIREMENTS,
  REQUIREMENT_TYPES,
  type CertificationHeld,
  type FailedRequirement,
  type OfferToCheck,
  type Requirement,
  type RequirementType,
} from './types';
export { certificationStanding, certificationValidOn, type CertificationStanding } from './certification';
export { certificationNamed, failedRequirements, meetsRequirements, registryFailures, type RequirementToCheck } from './check';
export { isRequirementType, requirementValueProblem } from './value-rules';
