import { type ApprovalRequirement } from './approval-chain';

/**
 * The chain's order, for who is asked to sign next (README "Approver pages"): one approver at a
 * time, the others before the executive, so the top band signs last, on a decision the others have
 * already judged; the executive is asked as soon as their signature is the one the chain still lacks.
 * `waiting` are the approvers who may still sign, in the buying center's order (by name).
 */
export function nextInTurn<T extends { executive: boolean }>(waiting: readonly T[], chain: ApprovalRequirement, signed: readonly { executive: boolean }[]): T | null {
  if (waiting.length === 0) return null;
  const executiveMissing = chain.executiveRequired && !signed.some((s) => s.executive);
  const stillNeeded = Math.max(0, chain.required - signed.length);
  if (executiveMissing && stillNeeded <= 1) return waiting.find((a) => a.executive) ?? waiting[0];
  return waiting.find((a) => !a.executive) ?? waiting[0];
}
