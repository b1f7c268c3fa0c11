import { randomBytes } from 'node:crypto';
import { type TestApp, type TestUser } from '../setup/test-app';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

export async function createUser(
  t: TestApp,
  options: { name?: string; orgRole?: 'admin' | 'member'; executive?: boolean } = {},
): Promise<TestUser> {
  const name = options.name ?? `User ${unique()}`;
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${unique()}@example.com`;
  const created = await t.http
    .post('/api/v1/users')
    .set(t.admin.auth)
    .send({ name, email, orgRole: options.orgRole ?? 'member', executive: options.executive ?? false })
    .expect(201);
  const token = await t.http.post(`/api/v1/users/${created.body.id}/tokens`).set(t.admin.auth).send({}).expect(201);
  return { id: created.body.id, name, email, token: token.body.token, auth: { Authorization: `Bearer ${token.body.token}` } };
}

export function caseBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Industrial compressors for plant 2',
    businessNeed: 'Replace two end-of-life compressors before the winter shutdown',
    quantity: 2,
    unit: 'pcs',
    estimatedBudget: '85000.00',
    currency: 'EUR',
    neededBy: '2027-03-31',
    category: 'compressors',
    purchaseType: 'new_task',
    profitImpact: 4,
    supplyRisk: 4,
    ...overrides,
  };
}

export async function createCase(t: TestApp, initiator: TestUser, overrides: Record<string, unknown> = {}) {
  const res = await t.http.post('/api/v1/cases').set(initiator.auth).send(caseBody(overrides)).expect(201);
  return res.body as { id: string; stage: string; reference: string; [k: string]: unknown };
}

export async function addMember(t: TestApp, caseId: string, actor: TestUser, user: TestUser, roles: string[]) {
  await t.http.post(`/api/v1/cases/${caseId}/members`).set(actor.auth).send({ userId: user.id, roles }).expect(201);
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

/** A case with a full buying center, one person per role (plus a second evaluator and approvers). */
export async function caseWithBuyingCenter(t: TestApp, overrides: Record<string, unknown> = {}) {
  const initiator = await createUser(t, { name: 'Iris Initiator' });
  const people: BuyingCenter = {
    initiator,
    prescriber: await createUser(t, { name: 'Pablo Prescriber' }),
    buyer: await createUser(t, { name: 'Bea Buyer' }),
    evaluator: await createUser(t, { name: 'Eva Evaluator' }),
    evaluator2: await createUser(t, { name: 'Ezra Evaluator' }),
    gatekeeper: await createUser(t, { name: 'Gus Gatekeeper' }),
    decider: await createUser(t, { name: 'Dora Decider' }),
    approver: await createUser(t, { name: 'Alma Approver' }),
    approver2: await createUser(t, { name: 'Abel Approver' }),
    executive: await createUser(t, { name: 'Xavi Executive', executive: true }),
    outsider: await createUser(t, { name: 'Otto Outsider' }),
  };
  const c = await createCase(t, initiator, overrides);
  const roles: Array<[keyof BuyingCenter, string[]]> = [
    ['prescriber', ['prescriber']],
    ['buyer', ['buyer']],
    ['evaluator', ['evaluator']],
    ['evaluator2', ['evaluator']],
    ['gatekeeper', ['gatekeeper']],
    ['decider', ['decider']],
    ['approver', ['approver']],
    ['approver2', ['approver']],
    ['executive', ['approver']],
  ];
  for (const [who, r] of roles) await addMember(t, c.id, initiator, people[who], r);
  return { caseId: c.id, case: c, people };
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
