import { sha256 } from '../src/domain/audit/canonical-json';
import { AuthQueries } from '../src/modules/auth/auth.queries';
import { CALLER_TTL_MS } from '../src/modules/auth/caller-cache';
import { addMember, createCase, createUser } from './factories';
import { statementsOf } from './setup/query-counter';
import { startTestApp, type TestApp, type TestUser } from './setup/test-app';

/**
 * The guard remembers a token's access to a case (README "The HTTP contract", the caller cache):
 * every change made through this instance — any request but GET, HEAD and OPTIONS — is in force
 * on its very next request; a delegation that starts or ends is in force from that instant; a
 * change made in SQL alone, from the cache's lifetime on.
 */
describe('the case-access cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const read = (user: TestUser, caseId: string, path = '') => t.http.get(`/api/v1/cases/${caseId}${path}`).set(user.auth);
  const guardStatements = async (user: TestUser, caseId: string) =>
    (await statementsOf(t.db, () => read(user, caseId).expect(200))).filter((s) => /FROM api_tokens/.test(s));

  /** A case, its initiator and an evaluator on it. */
  async function caseWithEvaluator() {
    const initiator = await createUser(t);
    const evaluator = await createUser(t, { orgRoles: [] });
    const c = await createCase(t, initiator);
    await addMember(t, c.id, initiator, evaluator, ['evaluator']);
    return { caseId: c.id, initiator, evaluator };
  }

  /** A case with an approver on it, and a user who may be named their delegate. */
  async function caseWithApprover() {
    const initiator = await createUser(t);
    const approver = await createUser(t, { orgRoles: ['approver'] });
    const delegate = await createUser(t, { orgRoles: ['approver'] });
    const c = await createCase(t, initiator);
    await addMember(t, c.id, initiator, approver, ['approver']);
    return { caseId: c.id, approver, delegate };
  }

  const delegate = (approver: TestUser, delegateId: string, from: Date, until: Date) =>
    t.http.post(`/api/v1/users/${approver.id}/delegations`).set(approver.auth).send({ delegateId, from: from.toISOString(), until: until.toISOString() }).expect(201);
  /** Milliseconds from the database's now to an instant (its clock decides a delegation's period). */
  const dbMsUntil = async (at: Date) => Number((await t.db.query(`SELECT extract(epoch FROM $1::timestamptz - now()) * 1000 AS ms`, [at]))[0].ms);
  /** Waits until the database's clock is `ms` or less before `at`. */
  async function waitUntilWithin(at: Date, ms: number): Promise<void> {
    for (let left = await dbMsUntil(at); left > ms; left = await dbMsUntil(at)) await sleep(Math.min(50, left - ms));
  }

  it('answers a repeated read of a case without the guard’s statement, and reads it again after any write', async () => {
    const { caseId, evaluator } = await caseWithEvaluator();
    expect(await guardStatements(evaluator, caseId)).toHaveLength(1);
    expect(await guardStatements(evaluator, caseId)).toHaveLength(0);
    // a write on another route, even one refused, clears it
    await t.http.post('/api/v1/suppliers').set(evaluator.auth).send({}).expect(403);
    expect(await guardStatements(evaluator, caseId)).toHaveLength(1);
  });

  it('refuses a member removed through the API on the next request', async () => {
    const { caseId, initiator, evaluator } = await caseWithEvaluator();
    await read(evaluator, caseId).expect(200);
    await read(evaluator, caseId).expect(200);
    await t.http.delete(`/api/v1/cases/${caseId}/members/${evaluator.id}`).set(initiator.auth).expect(204);
    expect((await read(evaluator, caseId).expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('reads a member’s replaced roles afresh on the next request, and an admin’s withdrawn admin role', async () => {
    const { caseId, initiator, evaluator } = await caseWithEvaluator();
    await read(evaluator, caseId).expect(200);
    await t.http.put(`/api/v1/cases/${caseId}/members/${evaluator.id}`).set(initiator.auth).send({ roles: ['gatekeeper'] }).expect(200);
    expect(await guardStatements(evaluator, caseId)).toHaveLength(1);

    // an admin reads every case; demoted, they are no one on this one
    const admin = await createUser(t, { orgRole: 'admin' });
    await read(admin, caseId).expect(200);
    await read(admin, caseId).expect(200);
    await t.http.patch(`/api/v1/users/${admin.id}`).set(t.admin.auth).send({ orgRole: 'member' }).expect(200);
    await read(admin, caseId).expect(404);
  });

  it('applies a stage moved through the API on the next request', async () => {
    const { caseId, initiator } = await caseWithEvaluator();
    // the rounds are read from NEGOTIATION on (and in a cancelled case): not in NEED
    await read(initiator, caseId, '/rounds').expect(409);
    await read(initiator, caseId, '/rounds').expect(409);
    await t.http.post(`/api/v1/cases/${caseId}/transitions`).set(initiator.auth).send({ to: 'CANCELLED', reason: 'the need went away' }).expect(200);
    await read(initiator, caseId, '/rounds').expect(200);
  });

  it('refuses a revoked token on a case it was remembered for, on the next request', async () => {
    const { caseId, evaluator } = await caseWithEvaluator();
    const issued = await t.http.post(`/api/v1/users/${evaluator.id}/tokens`).set(t.admin.auth).send({ label: 'second' }).expect(201);
    const second = { ...evaluator, auth: { Authorization: `Bearer ${issued.body.token}` } };
    await read(second, caseId).expect(200);
    await read(second, caseId).expect(200);
    await t.http.delete(`/api/v1/tokens/${issued.body.id}`).set(t.admin.auth).expect(204);
    expect((await read(second, caseId).expect(401)).body.code).toBe('UNAUTHENTICATED');
    await read(evaluator, caseId).expect(200);
  });

  it('refuses a delegate whose delegation was revoked through the API on the next request', async () => {
    const { caseId, approver, delegate: dora } = await caseWithApprover();
    await delegate(approver, dora.id, new Date(Date.now() - 3600_000), new Date(Date.now() + 24 * 3600_000));
    await read(dora, caseId).expect(200);
    await read(dora, caseId).expect(200);
    await t.http.delete(`/api/v1/users/${approver.id}/delegations`).set(approver.auth).expect(204);
    await read(dora, caseId).expect(404);
  });

  it('refuses a delegate from the instant the delegation ends, and lets one in from the instant it starts', async () => {
    // the remembered answer, read less than the cache's lifetime before the instant, must not outlive it
    const soon = CALLER_TTL_MS * 0.6;
    const ending = await caseWithApprover();
    const ends = new Date(Date.now() + 3 * CALLER_TTL_MS);
    await delegate(ending.approver, ending.delegate.id, new Date(Date.now() - 3600_000), ends);
    await waitUntilWithin(ends, soon);
    await read(ending.delegate, ending.caseId).expect(200);
    await waitUntilWithin(ends, 0);
    await read(ending.delegate, ending.caseId).expect(404);

    const starting = await caseWithApprover();
    const starts = new Date(Date.now() + 3 * CALLER_TTL_MS);
    await delegate(starting.approver, starting.delegate.id, starts, new Date(Date.now() + 24 * 3600_000));
    await waitUntilWithin(starts, soon);
    await read(starting.delegate, starting.caseId).expect(404);
    await waitUntilWithin(starts, 0);
    await read(starting.delegate, starting.caseId).expect(200);
  });

  it('has the guard’s statement name the next instant a delegation changes the access, and none without one', async () => {
    const { caseId, approver, delegate: dora } = await caseWithApprover();
    const queries = t.app.get(AuthQueries);
    const boundary = async (user: TestUser) => (await queries.caller(t.db.manager, { kind: 'token', hash: sha256(user.token) }, caseId))!.boundaryMs;
    expect(await boundary(dora)).toBeNull();
    const ends = new Date(Date.now() + 3600_000);
    await delegate(approver, dora.id, new Date(Date.now() - 3600_000), ends);
    const ms = await boundary(dora);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThanOrEqual(3600_000);
    // the approver's own access does not change by the clock
    expect(await boundary(approver)).toBeNull();
  });

  it('takes a change made in SQL alone once the cache’s lifetime has passed', async () => {
    const { caseId, evaluator } = await caseWithEvaluator();
    await read(evaluator, caseId).expect(200);
    await t.db.query('DELETE FROM case_members WHERE case_id = $1 AND user_id = $2', [caseId, evaluator.id]);
    await sleep(CALLER_TTL_MS);
    await read(evaluator, caseId).expect(404);
  });

  it('never lets one token see what was remembered for another', async () => {
    const { caseId, evaluator } = await caseWithEvaluator();
    const outsider = await createUser(t, { orgRoles: [] });
    await read(evaluator, caseId).expect(200);
    await read(outsider, caseId).expect(404);
    await read(evaluator, caseId).expect(200);
    await read(outsider, caseId).expect(404);
    // an unknown token is refused even right after a remembered one
    await t.http.get(`/api/v1/cases/${caseId}`).set({ Authorization: `Bearer ${evaluator.token}x` }).expect(401);
  });

  it('clears on a write to a public route too: the supplier portal, an unknown path', async () => {
    const { caseId, evaluator } = await caseWithEvaluator();
    for (const write of [
      () => t.http.post('/api/v1/supplier-portal/offers').set({ Authorization: 'Bearer nope' }).send({}).expect(401),
      () => t.http.post('/api/v1/no-such-thing').send({}).expect(404),
    ]) {
      await read(evaluator, caseId).expect(200);
      expect(await guardStatements(evaluator, caseId)).toHaveLength(0);
      await write();
      expect(await guardStatements(evaluator, caseId)).toHaveLength(1);
    }
  });
});
