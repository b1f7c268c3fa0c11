export const STAGES = [
  'NEED',
  'SPECIFICATION',
  'SHORTLISTING',
  'NEGOTIATION',
  'DECISION',
  'APPROVAL',
  'AWARDED',
  'CANCELLED',
] as const;
export type Stage = (typeof STAGES)[number];

export const TERMINAL_STAGES: readonly Stage[] = ['AWARDED', 'CANCELLED'];
export const ACTIVE_STAGES: readonly Stage[] = STAGES.filter((s) => !TERMINAL_STAGES.includes(s));

export const CASE_ROLES = ['initiator', 'prescriber', 'buyer', 'evaluator', 'gatekeeper', 'decider', 'approver'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const PURCHASE_TYPES = ['new_task', 'modified_rebuy', 'straight_rebuy'] as const;
export type PurchaseType = (typeof PURCHASE_TYPES)[number];

export const KRALJIC_CATEGORIES = ['strategic', 'leverage', 'bottleneck', 'routine'] as const;
export type KraljicCategory = (typeof KRALJIC_CATEGORIES)[number];

/** Kraljic matrix: "high" means 3 or more on the 1–5 scale. */
export function kraljicCategory(profitImpact: number, supplyRisk: number): KraljicCategory {
  const highImpact = profitImpact >= 3;
  const highRisk = supplyRisk >= 3;
  if (highImpact && highRisk) return 'strategic';
  if (highImpact) return 'leverage';
  if (highRisk) return 'bottleneck';
  return 'routine';
}

/** Minimum shortlist size per purchase type (buygrid), unless a sole-source justification is written. */
export const SHORTLIST_MINIMUM: Record<PurchaseType, number> = {
  new_task: 3,
  modified_rebuy: 2,
  straight_rebuy: 1,
};
