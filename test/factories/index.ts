import { type BuiltCase, caseBody as builderCaseBody, createPerson, unique } from '../../src/tools/case-builder';
import { DECLARING_ROLES } from '../../src/domain/approval/declarations';
import { type OrgRole } from '../../src/domain/lifecycle/permissions';
import { type TestApp, type TestUser } from '../setup/test-app';

/**
 * The e2e specs' shorthands. Every case is made by the one case builder (src/tools/case-builder)
 * through the real API; these functions only name the stages the specs start from and hand back
 * the shapes the specs read.
 */
/** A user; by default one who may open cases (the procurement organization role) and nothing more. */
export async function createUser(
  t: TestApp,
  options: { name?: string; orgRole?: 'admin' | 'member'; executive?: boolean; orgRoles?: OrgRole[] } = {},
): Promise<TestUser> {
  return createPerson(t.api, t.admin.token, {
    key: 'user',
    name: options.name ?? `User ${unique()}`,
    admin: options.orgRole === 'admin',
    executive: options.executive,
    orgRoles: options.orgRoles ?? ['procurement'],
  });
}

/** An admin grants organization roles (`PATCH /users/:id`): they replace the user's. */
export async function grantOrgRoles(t: TestApp, user: { id: string }, orgRoles: OrgRole[]): Promise<void> {
  await t.http.patch(`/api/v1/users/${user.id}`).set(t.admin.auth).send({ orgRoles }).expect(200);
}

export const caseBody = builderCaseBody;

export async function createCase(t: TestApp, initiator: TestUser, overrides: Record<string, unknown> = {}) {
  const res = await t.http.post('/api/v1/cases').set(initiator.auth).send(caseBody(overrides)).expect(201);
  return res.body as { id: string; stage: string; reference: string; [k: string]: unknown };
}

/** Adds a member; one who will score, propose or sign also declares no conflict of interest, as the case builder's people do. */
export async function addMember(t: TestApp, caseId: string, actor: TestUser, user: TestUser, roles: string[]) {
  await t.http.post(`/api/v1/cases/${caseId}/members`).set(actor.auth).send({ userId: user.id, roles }).expect(201);
  if (roles.some((r) => (DECLARING_ROLES as readonly string[]).includes(r))) {
    await t.http.post(`/api/v1/cases/${caseId}/declarations`).set(user.auth).send({ conflict: false }).expect(201);
  }
}

export interface BuyingCenter {
  initiator: TestUser;
  prescriber: TestUser;
  buyer: TestUser;
  evaluator: TestUser;
  evaluator2: TestUser;
  gatekeeper: TestUser;
  decider: TestUser;
  approver: TestUser;
  approver2: TestUser;
  executive: TestUser;
  outsider: TestUser;
}

/** The builder's default people (one per role, a second evaluator, three approvers, an outsider) as the specs name them. */
export function buyingCenter(built: BuiltCase): BuyingCenter {
  const keys: Array<keyof BuyingCenter> = [
    'initiator',
    'prescriber',
    'buyer',
    'evaluator',
    'evaluator2',
    'gatekeeper',
    'decider',
    'approver',
    'approver2',
    'executive',
    'outsider',
  ];
  return Object.fromEntries(keys.map((k) => [k, built.person(k)])) as unknown as BuyingCenter;
}

export type CaseCreated = { id: string; stage: string; reference: string; [k: string]: unknown };

/** A case in NEED with a full buying center, one person per role (plus a second evaluator and approvers). */
export async function caseWithBuyingCenter(t: TestApp, overrides: Record<string, unknown> = {}) {
  const built = await t.builder().withCase(overrides).build('NEED');
  return { caseId: built.caseId, case: built.case as CaseCreated, people: buyingCenter(built) };
}

export async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const rows: Array<{ relname: string }> = await t.db.query(
    `SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'public' AND relname <> 'migrations' ORDER BY relname`,
  );
  const counts: Record<string, number> = {};
  for (const { relname } of rows) {
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM "${relname}"`);
    counts[relname] = n;
  }
  return counts;
}
