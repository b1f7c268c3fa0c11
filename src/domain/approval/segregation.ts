import { type CaseRole } from '../lifecycle/stages';

/**
 * Segregation of duties (README "Segregation of duties"), each rule a policy switch, all on by
 * default: nobody approves a decision they proposed, nor one where they are the buyer (whoever
 * holds the buyer role, and whoever ran the negotiation — opened or closed a round, recorded an
 * offer — even after giving the role up), nor one whose case they raised (the initiator); nobody
 * names themselves approver or decider; evaluators, deciders and approvers declare conflicts of
 * interest before they act (src/domain/approval/declarations.ts).
 */
export interface SegregationPolicy {
  proposerMayNotApprove: boolean;
  buyerMayNotApprove: boolean;
  initiatorMayNotApprove: boolean;
  noSelfAppointment: boolean;
  conflictDeclarations: boolean;
}

export const DEFAULT_SEGREGATION_POLICY: SegregationPolicy = {
  proposerMayNotApprove: true,
  buyerMayNotApprove: true,
  initiatorMayNotApprove: true,
  noSelfAppointment: true,
  conflictDeclarations: true,
};

export interface ApproverOnCase {
  userId: string;
  roles: readonly CaseRole[];
  /** opened or closed a round or recorded an offer on this case: a buyer in deed, whatever the role now */
  actedAsBuyer: boolean;
  /** raised the case (created it, or holds the initiator role) */
  initiator?: boolean;
  /** declared a conflict of interest with a supplier still shortlisted on the case */
  conflicted?: boolean;
}

/** Why a member may not sign: not an approver at all (FORBIDDEN), or barred by segregation of duties. */
export interface ApprovalRefusal {
  code: 'FORBIDDEN' | 'SOD_VIOLATION';
  reason: string;
}

/** Why this member may not sign this proposal, or null when they may. `approver` undefined: not a member of the case. */
export function approvalRefusal(
  approver: ApproverOnCase | undefined,
  proposal: { proposedBy: string },
  rules: SegregationPolicy = DEFAULT_SEGREGATION_POLICY,
): ApprovalRefusal | null {
  if (!approver || !approver.roles.includes('approver')) return { code: 'FORBIDDEN', reason: 'you are not an approver of this case' };
  const sod = (reason: string): ApprovalRefusal => ({ code: 'SOD_VIOLATION', reason });
  if (rules.proposerMayNotApprove && approver.userId === proposal.proposedBy) return sod('you proposed this decision and cannot approve it');
  if (rules.buyerMayNotApprove && (approver.roles.includes('buyer') || approver.actedAsBuyer)) return sod('you are a buyer of this case and cannot approve its decision');
  if (rules.initiatorMayNotApprove && (approver.roles.includes('initiator') || approver.initiator === true)) {
    return sod('you raised this case (its initiator) and cannot approve its decision');
  }
  return null;
}

/**
 * Why this member cannot be counted on to sign this proposal, or null when they can: segregation of
 * duties, or a declared conflict with a shortlisted supplier (which the signature itself refuses,
 * CONFLICT_OF_INTEREST). Who is still to sign, how many approvers the decision has and the inbox read this.
 */
export function approvalIneligibility(
  approver: ApproverOnCase | undefined,
  proposal: { proposedBy: string },
  rules: SegregationPolicy = DEFAULT_SEGREGATION_POLICY,
): string | null {
  const refusal = approvalRefusal(approver, proposal, rules)?.reason ?? null;
  if (refusal !== null) return refusal;
  return rules.conflictDeclarations && approver?.conflicted === true ? 'you declared a conflict of interest with a shortlisted supplier of this case' : null;
}

/** The case roles nobody may give themselves (rule `noSelfAppointment`). */
export const SELF_APPOINTMENT_BARRED: readonly CaseRole[] = ['approver', 'decider'];
