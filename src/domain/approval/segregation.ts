import { type CaseRole } from '../lifecycle/stages';

/**
 * Segregation of duties (README "Approval sign-off"): nobody approves a decision they proposed,
 * nor one where they are the buyer: whoever holds the buyer role, and whoever ran the negotiation
 * (opened or closed a round, recorded an offer) even after giving the role up.
 */
export interface ApproverOnCase {
  userId: string;
  roles: readonly CaseRole[];
  /** opened or closed a round or recorded an offer on this case: a buyer in deed, whatever the role now */
  actedAsBuyer: boolean;
}

/** Why this member may not sign this proposal, or null when they may. `approver` undefined: not a member of the case. */
export function approvalIneligibility(approver: ApproverOnCase | undefined, proposal: { proposedBy: string }): string | null {
  if (!approver || !approver.roles.includes('approver')) return 'you are not an approver of this case';
  if (approver.userId === proposal.proposedBy) return 'you proposed this decision and cannot approve it';
  if (approver.roles.includes('buyer') || approver.actedAsBuyer) return 'you are a buyer of this case and cannot approve its decision';
  return null;
}
