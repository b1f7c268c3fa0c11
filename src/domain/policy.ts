import { type ApprovalBand, DEFAULT_APPROVAL_BANDS } from './approval/approval-chain';
import { DEFAULT_RELIABILITY_POLICY, type ReliabilityPolicy } from './reliability';
import { DEFAULT_STRATEGIC_POLICY, type StrategicPolicy } from './scoring';

/** Every constant of the rules that an organization may set (admin, GET/PUT /policy). */
export interface Policy {
  strategic: StrategicPolicy;
  reliability: ReliabilityPolicy;
  approval: { bands: ApprovalBand[] };
  /** a winner that flips under a weight change below this (absolute, 0–1) is "sensitive" */
  sensitivity: { threshold: number };
}

export const DEFAULT_POLICY: Policy = {
  strategic: { ...DEFAULT_STRATEGIC_POLICY },
  reliability: {
    ...DEFAULT_RELIABILITY_POLICY,
    severity: { ...DEFAULT_RELIABILITY_POLICY.severity },
    weights: { ...DEFAULT_RELIABILITY_POLICY.weights },
  },
  approval: { bands: DEFAULT_APPROVAL_BANDS.map((b) => ({ ...b })) },
  sensitivity: { threshold: 0.1 },
};
