import { DomainError } from '../errors';
import { ACTIVE_STAGES, type CaseRole, type Stage, STAGES, TERMINAL_STAGES } from './stages';

/**
 * The one permission table: every case action, the case roles that may take it and the stages
 * in which it is open. `admin: true` lets an org admin take it without a case role (admins read
 * every case and may cancel; they never see sealed offers, which the negotiation rules enforce).
 */
export interface Permission {
  roles: readonly CaseRole[] | 'any';
  stages: readonly Stage[];
  admin?: boolean;
}

const ANY_ROLE = 'any' as const;
/** From `stage` on, to the end: AWARDED, and CANCELLED too, since a case cancelled late keeps its history readable. */
const from = (stage: Stage): Stage[] => [...STAGES.slice(STAGES.indexOf(stage), STAGES.indexOf('AWARDED') + 1), 'CANCELLED'];

export const PERMISSIONS = {
  'case.read': { roles: ANY_ROLE, stages: STAGES, admin: true },
  'case.update': { roles: ['initiator', 'buyer'], stages: ['NEED', 'SPECIFICATION'] },
  // who may move the case on is decided per stage by the state machine (mayRequestTransition)
  'case.transition': { roles: ANY_ROLE, stages: ACTIVE_STAGES, admin: true },
  'members.read': { roles: ANY_ROLE, stages: STAGES, admin: true },
  // closed in APPROVAL: nobody may give themselves (or a friend) a signature once sign-off has begun
  'members.manage': { roles: ['initiator', 'buyer'], stages: ['NEED', 'SPECIFICATION', 'SHORTLISTING', 'NEGOTIATION', 'DECISION'] },
  'audit.read': { roles: ANY_ROLE, stages: STAGES, admin: true },
  'specification.read': { roles: ANY_ROLE, stages: STAGES, admin: true },
  'specification.write': { roles: ['prescriber'], stages: ['SPECIFICATION', 'SHORTLISTING', 'NEGOTIATION', 'DECISION'] },
  'criteria.ahp': { roles: ['prescriber'], stages: ['SPECIFICATION'] },
  'weights.read': { roles: ANY_ROLE, stages: STAGES, admin: true },
  'shortlist.read': { roles: ANY_ROLE, stages: STAGES, admin: true },
  'shortlist.write': { roles: ['buyer'], stages: ['SHORTLISTING'] },
  'shortlist.approve': { roles: ['gatekeeper'], stages: ['SHORTLISTING'] },
  'rounds.read': { roles: ANY_ROLE, stages: from('NEGOTIATION'), admin: true },
  'rounds.manage': { roles: ['buyer'], stages: ['NEGOTIATION'] },
  'offers.record': { roles: ['buyer'], stages: ['NEGOTIATION'] },
  'invitations.issue': { roles: ['buyer'], stages: ['NEGOTIATION'] },
  'rates.write': { roles: ['buyer'], stages: ['SHORTLISTING', 'NEGOTIATION', 'DECISION'] },
  'rates.read': { roles: ANY_ROLE, stages: STAGES, admin: true },
  'scores.write': { roles: ['evaluator'], stages: ['DECISION'] },
  'scores.read': { roles: ANY_ROLE, stages: from('DECISION'), admin: true },
  'matrix.read': { roles: ANY_ROLE, stages: from('NEGOTIATION'), admin: true },
  'decision.propose': { roles: ['decider'], stages: ['DECISION'] },
  'decision.read': { roles: ANY_ROLE, stages: from('DECISION'), admin: true },
  'approvals.sign': { roles: ['approver'], stages: ['APPROVAL'] },
  'approvals.read': { roles: ANY_ROLE, stages: STAGES, admin: true },
  'report.read': { roles: ANY_ROLE, stages: from('DECISION'), admin: true },
  'performance.record': { roles: ['buyer'], stages: ['AWARDED'] },
} as const satisfies Record<string, Permission>;

export type CaseAction = keyof typeof PERMISSIONS;

/**
 * Organization-level actions, with no case and no stage: an org admin may take them, and so may
 * whoever holds one of `caseRoles` on at least one case (today only the registry needs that: the
 * people who buy). A later organization-role table replaces `caseRoles`.
 */
export interface OrgPermission {
  admin: true;
  caseRoles: readonly CaseRole[];
  /** the 403's detail */
  refusal: string;
}

export const ORG_PERMISSIONS = {
  'registry.write': {
    admin: true,
    caseRoles: ['buyer'],
    refusal: 'changing the supplier registry needs the admin role or the buyer role on a case',
  },
  'users.manage': { admin: true, caseRoles: [], refusal: 'this needs the admin role' },
  'policy.write': { admin: true, caseRoles: [], refusal: 'this needs the admin role' },
} as const satisfies Record<string, OrgPermission>;

export type OrgAction = keyof typeof ORG_PERMISSIONS;

export interface Actor {
  isAdmin: boolean;
  /**
   * for a case action, the actor's roles on this case (empty when not a member); for an
   * organization action, the roles the actor holds on any case
   */
  roles: readonly CaseRole[];
}

export type Authorization =
  | { allowed: true }
  | { allowed: false; status: 'not_found' | 'forbidden' | 'wrong_stage'; reason: string };

/**
 * Decides an action on a case. Order matters: someone with no part in a case learns nothing
 * about it (not found), a member without the role is forbidden, a right role at the wrong stage
 * is a conflict with the case's state.
 */
export function authorize(action: CaseAction, stage: Stage, actor: Actor): Authorization {
  const permission: Permission = PERMISSIONS[action];
  const member = actor.roles.length > 0;
  if (!member && !actor.isAdmin) return { allowed: false, status: 'not_found', reason: 'case not found' };
  const roleOk =
    permission.roles === 'any' ? member : actor.roles.some((r) => (permission.roles as readonly CaseRole[]).includes(r));
  const adminOk = actor.isAdmin && permission.admin === true;
  if (!roleOk && !adminOk) {
    const needed = permission.roles === 'any' ? 'a role on the case' : `one of the roles ${permission.roles.join(', ')}`;
    return { allowed: false, status: 'forbidden', reason: `${action} needs ${needed}` };
  }
  if (!permission.stages.includes(stage)) {
    return {
      allowed: false,
      status: 'wrong_stage',
      reason: `${action} is not open while the case is ${stage} (open in ${permission.stages.join(', ')})`,
    };
  }
  return { allowed: true };
}

/**
 * The one authorization path: the guard, the case lock (re-checking under the row lock) and any
 * service deciding an action by hand all call this, and it throws the coded error:
 * - a case action: NOT_FOUND for someone with no part in the case, FORBIDDEN for a role without
 *   the right, and at the wrong stage CASE_READ_ONLY for a write on an AWARDED or CANCELLED case,
 *   STAGE_NOT_ALLOWED otherwise (409 both);
 * - an organization action (`stage` null): FORBIDDEN unless allowed.
 */
export function assertAllowed(action: CaseAction, stage: Stage, actor: Actor): void;
export function assertAllowed(action: OrgAction, stage: null, actor: Actor): void;
export function assertAllowed(action: CaseAction | OrgAction, stage: Stage | null, actor: Actor): void {
  if (stage === null) {
    const permission: OrgPermission = ORG_PERMISSIONS[action as OrgAction];
    const allowed = (permission.admin && actor.isAdmin) || actor.roles.some((r) => permission.caseRoles.includes(r));
    if (!allowed) throw new DomainError('FORBIDDEN', permission.refusal, { action });
    return;
  }
  const caseAction = action as CaseAction;
  const decision = authorize(caseAction, stage, actor);
  if (decision.allowed) return;
  switch (decision.status) {
    case 'not_found':
      throw new DomainError('NOT_FOUND', 'case not found');
    case 'forbidden':
      throw new DomainError('FORBIDDEN', decision.reason, { action });
    case 'wrong_stage': {
      const terminalWrite = TERMINAL_STAGES.includes(stage) && !caseAction.endsWith('.read');
      throw new DomainError(terminalWrite ? 'CASE_READ_ONLY' : 'STAGE_NOT_ALLOWED', decision.reason, { action, stage });
    }
    default: {
      const exhaustive: never = decision.status;
      throw new Error(`unknown authorization status ${String(exhaustive)}`);
    }
  }
}
