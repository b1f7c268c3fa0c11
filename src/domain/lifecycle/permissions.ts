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
  // conflict-of-interest declarations: those who score, propose and sign make them, while the case is open
  'declarations.write': { roles: ['evaluator', 'decider', 'approver'], stages: ACTIVE_STAGES },
  'declarations.read': { roles: ANY_ROLE, stages: STAGES, admin: true },
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
  // the suppliers' clarification questions: the buying center reads them (with who asked), the buyer answers
  'questions.read': { roles: ANY_ROLE, stages: from('NEGOTIATION'), admin: true },
  'questions.answer': { roles: ['buyer'], stages: ['NEGOTIATION'] },
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
  // the open-contracting export: what the buying center may already read, never a sealed offer
  'ocds.read': { roles: ANY_ROLE, stages: STAGES, admin: true },
  'performance.record': { roles: ['buyer'], stages: ['AWARDED'] },
  // the buying center sees what was sent on the case and when, never the content (README "Messages")
  'messages.read': { roles: ANY_ROLE, stages: STAGES, admin: true },
  // supplier-facing messages leave only with the gatekeeper's approval (DESIGN §1)
  'messages.approve': { roles: ['gatekeeper'], stages: ['SHORTLISTING', 'NEGOTIATION', 'DECISION', 'APPROVAL', 'AWARDED'] },
  // who at each supplier the case's messages go to: those who run and filter supplier contact
  'messages.settings': { roles: ['buyer', 'gatekeeper'], stages: ACTIVE_STAGES },
} as const satisfies Record<string, Permission>;

export type CaseAction = keyof typeof PERMISSIONS;

/**
 * Organization roles, granted by an admin and never by oneself (README "Permissions"):
 * `registry` writes the supplier registry, `procurement` opens cases and may be a buyer,
 * `approver` may be named approver on cases (the `executive` flag marks the top band). An admin
 * (`orgRole: 'admin'`) manages users and policy; being admin grants none of these roles.
 */
export const ORG_ROLES = ['registry', 'procurement', 'approver'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

/**
 * The second table, read by the same guard: organization-level actions, with no case and no
 * stage. `admin: true` lets an org admin take it; otherwise one of `orgRoles` is needed.
 */
export interface OrgPermission {
  admin: boolean;
  orgRoles: readonly OrgRole[];
  /** the 403's detail */
  refusal: string;
}

export const ORG_PERMISSIONS = {
  'registry.write': {
    admin: true,
    orgRoles: ['registry'],
    refusal: 'changing the supplier registry needs the admin role or the registry organization role',
  },
  // a delivery against an AWARDED case is also its buyer's to record: the service checks the case (performance.record)
  'performance.write': {
    admin: true,
    orgRoles: ['registry', 'procurement'],
    refusal: 'recording performance needs the admin role or the registry or procurement organization role',
  },
  'cases.create': { admin: true, orgRoles: ['procurement'], refusal: 'opening a case needs the procurement organization role' },
  'users.manage': { admin: true, orgRoles: [], refusal: 'this needs the admin role' },
  'policy.write': { admin: true, orgRoles: [], refusal: 'this needs the admin role' },
  'audit.org': { admin: true, orgRoles: [], refusal: 'the organization audit trail needs the admin role' },
  'messages.manage': { admin: true, orgRoles: [], refusal: 'the dead messages and their retry need the admin role' },
  // an approver names their own delegate; an admin one for someone absent (the service checks whose)
  'delegations.manage': { admin: true, orgRoles: ['approver'], refusal: 'delegation needs the approver organization role or the admin role' },
  'webhooks.manage': { admin: true, orgRoles: [], refusal: 'webhook endpoints and their deliveries need the admin role' },
} as const satisfies Record<string, OrgPermission>;

export type OrgAction = keyof typeof ORG_PERMISSIONS;

/** The organization role a case role needs; null: any user of the organization may hold it. */
export const CASE_ROLE_NEEDS = {
  initiator: 'procurement',
  prescriber: null,
  buyer: 'procurement',
  evaluator: null,
  gatekeeper: null,
  decider: null,
  approver: 'approver',
} as const satisfies Record<CaseRole, OrgRole | null>;

/** The case roles of `wanted` that the user's organization roles do not allow, each with the role it needs. */
export function caseRolesNotAllowed(wanted: readonly CaseRole[], orgRoles: readonly OrgRole[]): Array<{ role: CaseRole; needs: OrgRole }> {
  return wanted.flatMap((role) => {
    const needs: OrgRole | null = CASE_ROLE_NEEDS[role];
    return needs !== null && !orgRoles.includes(needs) ? [{ role, needs }] : [];
  });
}

export interface Actor {
  isAdmin: boolean;
  /** the actor's roles on this case (empty when not a member) */
  roles: readonly CaseRole[];
}

/** Who takes an organization action: their admin flag and the organization roles granted to them. */
export interface OrgActor {
  isAdmin: boolean;
  orgRoles: readonly OrgRole[];
}

/** Decides an organization action. */
export function orgAllowed(action: OrgAction, actor: OrgActor): boolean {
  const permission: OrgPermission = ORG_PERMISSIONS[action];
  return (permission.admin && actor.isAdmin) || actor.orgRoles.some((r) => permission.orgRoles.includes(r));
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
export function assertAllowed(action: OrgAction, stage: null, actor: OrgActor): void;
export function assertAllowed(action: CaseAction | OrgAction, stage: Stage | null, actor: Actor | OrgActor): void {
  if (stage === null) {
    const orgAction = action as OrgAction;
    if (!orgAllowed(orgAction, actor as OrgActor)) throw new DomainError('FORBIDDEN', ORG_PERMISSIONS[orgAction].refusal, { action });
    return;
  }
  const caseAction = action as CaseAction;
  const decision = authorize(caseAction, stage, actor as Actor);
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
