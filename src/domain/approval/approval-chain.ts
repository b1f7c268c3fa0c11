import Decimal from 'decimal.js';

/** An approval band: amounts below `below` (base currency; null = no upper bound) need this chain. */
export interface ApprovalBand {
  below: string | null;
  approvals: number;
  executive: boolean;
}

/** Defaults (DESIGN "Approval"): below 10,000 one approver; below 100,000 two; from 100,000 two plus one executive. */
export const DEFAULT_APPROVAL_BANDS: ApprovalBand[] = [
  { below: '10000', approvals: 1, executive: false },
  { below: '100000', approvals: 2, executive: false },
  { below: null, approvals: 3, executive: true },
];

export interface ApprovalRequirement {
  required: number;
  executiveRequired: boolean;
}

/** The chain for an awarded amount: the first band whose upper bound lies above it. */
export function approvalRequirement(amount: string, bands: ApprovalBand[]): ApprovalRequirement {
  const value = new Decimal(amount);
  const band = bands.find((b) => b.below === null || value.lessThan(b.below)) ?? bands[bands.length - 1];
  return { required: band.approvals, executiveRequired: band.executive };
}

export interface ApprovalSignature {
  approverId: string;
  executive: boolean;
  verdict: 'approve' | 'reject';
}

/** Complete when enough distinct people approved and, if required, one of them is an executive. */
export function chainComplete(requirement: ApprovalRequirement, signatures: ApprovalSignature[]): boolean {
  const approvers = new Map<string, boolean>();
  for (const s of signatures) if (s.verdict === 'approve') approvers.set(s.approverId, s.executive);
  const executives = [...approvers.values()].filter(Boolean).length;
  return approvers.size >= requirement.required && (!requirement.executiveRequired || executives >= 1);
}
