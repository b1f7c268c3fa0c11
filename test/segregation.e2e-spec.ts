import { DEFAULT_PEOPLE, type PersonPlan } from '../src/tools/case-builder';
import { grantOrgRoles, tableCounts } from './factories';
import { caseInDecision, proposeTopRanked } from './factories/whole-case';
import { startTestApp, type TestApp, type TestUser } from './setup/test-app';

/**
 * Issue 14 item 2: segregation of duties, complete and configurable (policy `segregation`, every
 * rule on by default), and conflict-of-interest declarations before scoring, proposing and signing.
 */
describe('segregation of duties and conflict-of-interest declarations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const problem = (res: { headers: Record<string, string>; body: { code: string } }, code: string) => {
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe(code);
  };
  const sign = (caseId: string, who: TestUser) => t.http.post(`/api/v1/cases/${caseId}/approvals`).set(who.auth).send({ verdict: 'approve' });
  const stage = async (caseId: string) => (await t.http.get(`/api/v1/cases/${caseId}`).set(t.admin.auth).expect(200)).body.stage as string;

  it('finding 2: an initiator cannot appoint themselves approver, and named by someone else still cannot sign', async () => {
    const w = await caseInDecision(t, { prices: ['5000.00', '5200.00', '5400.00'] });
    const { initiator, buyer, decider } = w.people;
    await grantOrgRoles(t, initiator, ['procurement', 'approver']);
    const before = await tableCounts(t);
    const self = await t.http.post(`/api/v1/cases/${w.caseId}/members`).set(initiator.auth).send({ userId: initiator.id, roles: ['approver'] }).expect(403);
    problem(self, 'SOD_VIOLATION');
    const selfDecider = await t.http.put(`/api/v1/cases/${w.caseId}/members/${buyer.id}`).set(buyer.auth).send({ roles: ['buyer', 'decider'] }).expect(403);
    problem(selfDecider, 'SOD_VIOLATION');
    expect(await tableCounts(t)).toEqual(before);

    // the buyer names the initiator approver; the other approvers leave, so only the initiator could sign
    await t.http.post(`/api/v1/cases/${w.caseId}/members`).set(buyer.auth).send({ userId: initiator.id, roles: ['approver'] }).expect(201);
    await t.http.post(`/api/v1/cases/${w.caseId}/declarations`).set(initiator.auth).send({ conflict: false }).expect(201);
    for (const other of [w.people.approver2, w.people.executive]) {
      await t.http.delete(`/api/v1/cases/${w.caseId}/members/${other.id}`).set(buyer.auth).expect(204);
    }
    await proposeTopRanked(t, w);
    await t.http.post(`/api/v1/cases/${w.caseId}/transitions`).set(decider.auth).send({ to: 'APPROVAL' }).expect(200);
    const refused = await sign(w.caseId, initiator).expect(403);
    problem(refused, 'SOD_VIOLATION');
    expect(refused.body.detail).toMatch(/initiator/);
    expect(await stage(w.caseId)).toBe('APPROVAL');
    await sign(w.caseId, w.people.approver).expect(201);
    expect(await stage(w.caseId)).toBe('AWARDED');
  });

  it('each rule is a policy switch, on by default: with initiatorMayNotApprove off the initiator signs', async () => {
    const policy = (await t.http.get('/api/v1/policy').set(t.admin.auth).expect(200)).body;
    expect(policy.segregation).toEqual({
      proposerMayNotApprove: true,
      buyerMayNotApprove: true,
      initiatorMayNotApprove: true,
      noSelfAppointment: true,
      conflictDeclarations: true,
    });
    const w = await caseInDecision(t, { prices: ['5000.00', '5200.00', '5400.00'] });
    await grantOrgRoles(t, w.people.initiator, ['procurement', 'approver']);
    await t.http.post(`/api/v1/cases/${w.caseId}/members`).set(w.people.buyer.auth).send({ userId: w.people.initiator.id, roles: ['approver'] }).expect(201);
    await t.http.post(`/api/v1/cases/${w.caseId}/declarations`).set(w.people.initiator.auth).send({ conflict: false }).expect(201);
    await proposeTopRanked(t, w);
    await t.http.post(`/api/v1/cases/${w.caseId}/transitions`).set(w.people.decider.auth).send({ to: 'APPROVAL' }).expect(200);
    await t.http.put('/api/v1/policy').set(t.admin.auth).send({ segregation: { ...policy.segregation, initiatorMayNotApprove: false } }).expect(200);
    try {
      await sign(w.caseId, w.people.initiator).expect(201);
    } finally {
      await t.http.put('/api/v1/policy').set(t.admin.auth).send({ segregation: policy.segregation }).expect(200);
    }
  });

  it('evaluators, deciders and approvers declare before they act (DECLARATION_MISSING), and a conflict with a shortlisted supplier bars them (CONFLICT_OF_INTEREST)', async () => {
    const people: PersonPlan[] = DEFAULT_PEOPLE.map((p) => (['evaluator', 'decider', 'approver'].includes(p.key) ? { ...p, declare: false } : p));
    const built = await t.builder().withPeople(people).build('DECISION');
    const base = `/api/v1/cases/${built.caseId}`;
    const evaluator = built.person('evaluator');
    const decider = built.person('decider');
    const quality = built.specification!.criteria.find((k) => k.source === 'evaluator')!;
    const [first, second] = built.decisionSuppliers();
    const scores = { scores: [first, second].map((s) => ({ supplierId: s.id, criterionId: quality.id, score: 6 })) };

    const before = await tableCounts(t);
    problem(await t.http.put(`${base}/scores`).set(evaluator.auth).send(scores).expect(409), 'DECLARATION_MISSING');
    problem(await t.http.post(`${base}/decision`).set(decider.auth).send({ supplierId: first.id, justification: 'cheapest with good marks' }).expect(409), 'DECLARATION_MISSING');
    expect(await tableCounts(t)).toEqual(before);

    // a declaration names the supplier and says what the conflict is
    const bad = await t.http.post(`${base}/declarations`).set(evaluator.auth).send({ conflict: true }).expect(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['supplierId', 'text']);
    // only those who score, propose or sign declare
    await t.http.post(`${base}/declarations`).set(built.person('buyer').auth).send({ conflict: false }).expect(403);

    const declared = await t.http
      .post(`${base}/declarations`)
      .set(evaluator.auth)
      .send({ conflict: true, supplierId: second.id, text: 'My brother-in-law runs its sales office' })
      .expect(201);
    expect(declared.body).toMatchObject({ userId: evaluator.id, conflict: true, supplierId: second.id });
    problem(await t.http.put(`${base}/scores`).set(evaluator.auth).send(scores).expect(403), 'CONFLICT_OF_INTEREST');

    await t.http.post(`${base}/declarations`).set(decider.auth).send({ conflict: false }).expect(201);
    const list = await t.http.get(`${base}/declarations`).set(built.person('buyer').auth).expect(200);
    const mine = list.body.filter((d: { userId: string }) => [evaluator.id, decider.id].includes(d.userId));
    expect(mine.map((d: { userId: string; conflict: boolean }) => [d.userId, d.conflict])).toEqual([
      [evaluator.id, true],
      [decider.id, false],
    ]);
    // the builder's other evaluator and approvers declared too: one event per declaration
    const events = await t.db.query(`SELECT action FROM audit_events WHERE case_id = $1 AND action = 'declaration.made'`, [built.caseId]);
    expect(events).toHaveLength(list.body.length);
  });

  it('an approver who has not declared cannot sign', async () => {
    const people: PersonPlan[] = DEFAULT_PEOPLE.map((p) => (p.key === 'approver' ? { ...p, declare: false } : p));
    const built = await t.builder().withPeople(people).withCase({ estimatedBudget: '9000.00' }).build('APPROVAL');
    problem(await sign(built.caseId, built.person('approver')).expect(409), 'DECLARATION_MISSING');
    await t.http.post(`/api/v1/cases/${built.caseId}/declarations`).set(built.person('approver').auth).send({ conflict: false }).expect(201);
    await sign(built.caseId, built.person('approver')).expect(201);
  });
});
