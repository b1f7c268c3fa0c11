import { type ApprovalBand, DEFAULT_APPROVAL_BANDS } from './approval/approval-chain';
import { DEFAULT_SEGREGATION_POLICY, type SegregationPolicy } from './approval/segregation';
import { DEFAULT_RELIABILITY_POLICY, type ReliabilityPolicy } from './reliability';
import {
  DEFAULT_CLOSE_CALL_PERCENT,
  DEFAULT_ROBUSTNESS_POLICY,
  DEFAULT_SENSITIVE_THRESHOLD,
  DEFAULT_STRATEGIC_POLICY,
  type RobustnessPolicy,
  type StrategicPolicy,
} from './scoring';

/** Every constant of the rules that an organization may set (admin, GET/PUT /policy). */
export interface Policy {
  strategic: StrategicPolicy;
  reliability: ReliabilityPolicy;
  approval: { bands: ApprovalBand[] };
  /**
   * threshold: a winner that flips under a change of a shown weight below this (0–1 scale: 0.1 =
   * 10 percentage points) is "sensitive"; closeCallPercent: a runner-up that would win with a price
   * cut below this percentage makes a "close call"
   */
  sensitivity: { threshold: number; closeCallPercent: number };
  /** rank acceptability (SMAA-2): draws, and the ± share each weight moves in a draw */
  robustness: RobustnessPolicy;
  /** segregation of duties: each rule a switch, all on by default */
  segregation: SegregationPolicy;
  /** the CSV import's body: the most bytes it may inflate to, and how many times the bytes sent */
  imports: { maxInflatedBytes: number; maxInflateRatio: number };
  /** the deadline reminder to invitees that have neither submitted nor declined: how many hours before, and whether the gatekeeper releases it */
  supplierReminders: { hoursBefore: number; needGatekeeper: boolean };
  /**
   * the approver pages: how long an e-mailed sign-in link lives, how long a browser session lasts
   * idle-free, after how many days waiting the approver is reminded and the admins are told
   */
  signOff: SignOffPolicy;
}

export interface SignOffPolicy {
  linkHours: number;
  sessionMinutes: number;
  reminderDays: number;
  escalationDays: number;
}

export const DEFAULT_POLICY: Policy = {
  strategic: { ...DEFAULT_STRATEGIC_POLICY },
  reliability: {
    ...DEFAULT_RELIABILITY_POLICY,
    severity: { ...DEFAULT_RELIABILITY_POLICY.severity },
    weights: { ...DEFAULT_RELIABILITY_POLICY.weights },
  },
  approval: { bands: DEFAULT_APPROVAL_BANDS.map((b) => ({ ...b })) },
  sensitivity: { threshold: DEFAULT_SENSITIVE_THRESHOLD, closeCallPercent: DEFAULT_CLOSE_CALL_PERCENT },
  robustness: { ...DEFAULT_ROBUSTNESS_POLICY },
  segregation: { ...DEFAULT_SEGREGATION_POLICY },
  imports: { maxInflatedBytes: 20 * 1024 * 1024, maxInflateRatio: 100 },
  signOff: { linkHours: 72, sessionMinutes: 30, reminderDays: 2, escalationDays: 5 },
  supplierReminders: { hoursBefore: 48, needGatekeeper: true },
};
