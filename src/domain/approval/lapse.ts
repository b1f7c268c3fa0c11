import { type ApprovalRequirement, chainComplete } from './approval-chain';

/**
 * Which signatures count (README "Signatures bound to the snapshot"): a signature counts only for
 * the current proposal and the snapshot it stands on now. A rejection lapses it for good
 * (`lapsedAt`); a new proposal, or a change of the snapshot (a policy change, a back-dated
 * delivery record), lapses it without touching it.
 */
export interface Signature {
  decisionId: string;
  snapshotHash: string;
  lapsedAt: Date | null;
}

/** The current proposal: its id, and the hash of the snapshot recomputed from today's data. */
export interface CurrentProposal {
  decisionId: string;
  currentHash: string;
  /** the recomputed snapshot differs from the one proposed */
  stale: boolean;
}

export function signatureLapsed(signature: Signature, proposal: Pick<CurrentProposal, 'decisionId' | 'currentHash'> | null): boolean {
  return signature.lapsedAt !== null || signature.decisionId !== proposal?.decisionId || signature.snapshotHash !== proposal?.currentHash;
}

/**
 * The chain is complete when the case has its chain, the proposal is not stale and the live
 * signatures (none lapsed) satisfy it: enough distinct approvers, an executive if required.
 */
export function signOffComplete(
  chain: ApprovalRequirement | null,
  proposal: CurrentProposal | null,
  signatures: ReadonlyArray<Signature & { approverId: string; executive: boolean; verdict: 'approve' | 'reject' }>,
): boolean {
  if (chain === null || proposal === null || proposal.stale) return false;
  return chainComplete(
    chain,
    signatures.filter((s) => !signatureLapsed(s, proposal)).map((s) => ({ approverId: s.approverId, executive: s.executive, verdict: s.verdict })),
  );
}
