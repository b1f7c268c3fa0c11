import { type Unmet } from '../errors';
import { type CaseRole, type PurchaseType, SHORTLIST_MINIMUM, type Stage, TERMINAL_STAGES } from './stages';

/** What the state machine needs to know about a case; services gather it from the database. */
export interface CaseFacts {
  stage: Stage;
  purchaseType: PurchaseType;
  /** roles held by at least one member of the buying center */
  rolesPresent: CaseRole[];
  specification: { criteria: number; problems: string[] } | null;
  shortlist: { shortlisted: number; soleSourceJustification: boolean; approved: boolean };
  rounds: { open: number; closedWithCompliantOffer: number; pendingRateCurrencies: string[] };
  decision: { proposed: boolean; stale: boolean; missingScores: string[] };
  /** who could sign the proposal: approvers who are neither its proposer nor a buyer of the case */
  approvers: { required: number; executiveRequired: boolean; eligible: number; eligibleExecutives: number } | null;
  approvals: { complete: boolean };
}

export type TransitionResult = { ok: true; to: Stage } | { ok: false; unmet: Unmet[] };

/** The forward path; APPROVAL moves on by itself (sign-off), and any active stage may be cancelled. */
const NEXT: Partial<Record<Stage, Stage>> = {
  NEED: 'SPECIFICATION',
  SPECIFICATION: 'SHORTLISTING',
  SHORTLISTING: 'NEGOTIATION',
  NEGOTIATION: 'DECISION',
  DECISION: 'APPROVAL',
  APPROVAL: 'AWARDED',
};

/** Who moves the case on from each stage (DESIGN "The case lifecycle"). */
const MOVERS: Record<Stage, readonly CaseRole[]> = {
  NEED: ['initiator', 'buyer'],
  SPECIFICATION: ['prescriber'],
  SHORTLISTING: ['buyer'],
  NEGOTIATION: ['buyer'],
  DECISION: ['decider'],
  APPROVAL: [],
  AWARDED: [],
  CANCELLED: [],
};
const CANCELLERS: readonly CaseRole[] = ['initiator', 'buyer'];

export function isTerminal(stage: Stage): boolean {
  return TERMINAL_STAGES.includes(stage);
}

/** May a person with these case roles (and org admin flag) ask for this transition? */
export function mayRequestTransition(from: Stage, to: Stage, roles: readonly CaseRole[], isAdmin: boolean): boolean {
  if (to === 'CANCELLED') return isAdmin || roles.some((r) => CANCELLERS.includes(r));
  return roles.some((r) => MOVERS[from].includes(r));
}

/** The conditions for leaving `facts.stage` forward; an empty list means the case may move on. */
export function exitConditions(facts: CaseFacts): Unmet[] {
  const unmet: Unmet[] = [];
  const need = (ok: boolean, code: string, message: string) => {
    if (!ok) unmet.push({ code, message });
  };
  switch (facts.stage) {
    case 'NEED':
      for (const role of ['prescriber', 'buyer', 'decider', 'approver'] as const) {
        need(facts.rolesPresent.includes(role), `MISSING_${role.toUpperCase()}`, `the buying center has no ${role}`);
      }
      break;
    case 'SPECIFICATION':
      need(facts.specification !== null, 'NO_SPECIFICATION', 'the specification has not been written');
      if (facts.specification) {
        need(facts.specification.criteria >= 1, 'NO_CRITERIA', 'the specification has no evaluation criterion');
        for (const problem of facts.specification.problems) unmet.push({ code: 'SPECIFICATION_INVALID', message: problem });
      }
      break;
    case 'SHORTLISTING': {
      const minimum = SHORTLIST_MINIMUM[facts.purchaseType];
      const { shortlisted, soleSourceJustification, approved } = facts.shortlist;
      need(shortlisted >= 1, 'SHORTLIST_EMPTY', 'no supplier is shortlisted');
      need(
        shortlisted >= minimum || (shortlisted >= 1 && soleSourceJustification),
        'SHORTLIST_TOO_SHORT',
        `a ${facts.purchaseType} purchase needs at least ${minimum} shortlisted suppliers (${shortlisted} now) or a sole-source justification`,
      );
      need(approved, 'SHORTLIST_NOT_APPROVED', 'the gatekeeper has not approved the shortlist');
      break;
    }
    case 'NEGOTIATION':
      need(facts.rounds.open === 0, 'ROUND_OPEN', 'a negotiation round is still open');
      need(
        facts.rounds.closedWithCompliantOffer >= 1,
        'NO_COMPLIANT_OFFER',
        'no closed round has a compliant offer',
      );
      need(
        facts.rounds.pendingRateCurrencies.length === 0,
        'EXCHANGE_RATE_MISSING',
        `no exchange rate for ${facts.rounds.pendingRateCurrencies.join(', ')}`,
      );
      break;
    case 'DECISION':
      need(facts.decision.proposed, 'NO_PROPOSAL', 'the decider has not proposed a supplier');
      need(!facts.decision.stale, 'PROPOSAL_STALE', 'the proposal is stale: the matrix changed since it was made');
      for (const missing of facts.decision.missingScores) unmet.push({ code: 'SCORE_MISSING', message: missing });
      if (facts.decision.proposed && facts.approvers) {
        const { required, executiveRequired, eligible, eligibleExecutives } = facts.approvers;
        need(
          eligible >= required,
          'APPROVERS_MISSING',
          `the decision needs ${required} approvers who may sign it (not its proposer, a buyer or the initiator, and with no declared conflict of interest); the buying center has ${eligible}`,
        );
        need(
          !executiveRequired || eligibleExecutives >= 1,
          'EXECUTIVE_APPROVER_MISSING',
          'the decision needs an approver with the executive flag who may sign it (not its proposer, a buyer or the initiator, and with no declared conflict of interest)',
        );
      }
      break;
    case 'APPROVAL':
      need(facts.approvals.complete, 'APPROVALS_INCOMPLETE', 'the required approvals have not all been given');
      break;
    case 'AWARDED':
    case 'CANCELLED':
      break;
    default: {
      const exhaustive: never = facts.stage;
      return exhaustive;
    }
  }
  return unmet;
}

/** Is there an edge from → to at all (whatever the facts)? */
export function edgeProblem(from: Stage, to: Stage): Unmet | null {
  if (isTerminal(from)) return { code: 'CASE_CLOSED', message: `the case is ${from} and can no longer change` };
  if (to === 'CANCELLED' || NEXT[from] === to) return null;
  return { code: 'INVALID_TRANSITION', message: `a case cannot move from ${from} to ${to}` };
}

/**
 * The one state machine: may the case move from its stage to `to`?
 * Returns the next stage, or every unmet precondition.
 */
export function transition(facts: CaseFacts, to: Stage): TransitionResult {
  const edge = edgeProblem(facts.stage, to);
  if (edge) return { ok: false, unmet: [edge] };
  if (to === 'CANCELLED') return { ok: true, to };
  const unmet = exitConditions(facts);
  return unmet.length === 0 ? { ok: true, to } : { ok: false, unmet };
}

/** A rejection in APPROVAL sends the case back: to DECISION unless the approver says NEGOTIATION. */
export function rejectionTarget(from: Stage, returnTo: 'DECISION' | 'NEGOTIATION' | undefined): Stage {
  if (from !== 'APPROVAL') throw new Error(`a decision is rejected only in APPROVAL, not ${from}`);
  return returnTo ?? 'DECISION';
}
