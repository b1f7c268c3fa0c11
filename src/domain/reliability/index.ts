export {
  DEFAULT_RELIABILITY_POLICY,
  reliabilityScore,
  type ReliabilityCertification,
  type ReliabilityDelivery,
  type ReliabilityIncident,
  type ReliabilityInput,
  type ReliabilityObservations,
  type ReliabilityParts,
  type ReliabilityPolicy,
  type ReliabilityResult,
  type Severity,
} from './reliability';
