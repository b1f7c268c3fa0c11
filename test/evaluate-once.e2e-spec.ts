import { MatrixService } from '../src/modules/evaluation/matrix.service';
import { addMember } from './factories';
import { caseInApproval, caseInDecision, proposeTopRanked } from './factories/whole-case';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * Evaluate once (README "The proposal, its snapshot and the stale rule"): the decision matrix,
 * its snapshot hash and the proposal's staleness are built once per request or transaction and
 * handed to whoever needs them. Each test counts the builds one request makes.
 */
describe('the decision matrix is built once per request', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** How many times the matrix is built while `request` runs. */
  async function builds(request: () => Promise<unknown>): Promise<number> {
    const matrix = t.app.get(MatrixService);
    const build = matrix.build;
    let count = 0;
    matrix.build = (...args) => {
      count += 1;
      return build.apply(matrix, args);
    };
    try {
      await request();
    } finally {
      matrix.build = build;
    }
    return count;
  }

  it('GET /approvals/pending builds it once per waiting case (the proposal\'s staleness and the summary share it; was twice)', async () => {
    const first = await caseInApproval(t);
    // a second case for the same approver: they join its buying center before it reaches APPROVAL
    const second = await caseInDecision(t);
    await addMember(t, second.caseId, second.people.initiator, first.people.approver, ['approver']);
    await proposeTopRanked(t, second);
    await t.http.post(`/api/v1/cases/${second.caseId}/transitions`).set(second.people.decider.auth).send({ to: 'APPROVAL' }).expect(200);

    let pending: { items: Array<{ caseId: string; ranking: unknown[] }> } = { items: [] };
    const count = await builds(async () => {
      pending = (await t.http.get('/api/v1/approvals/pending').set(first.people.approver.auth).expect(200)).body;
    });
    expect(pending.items.map((i) => i.caseId).sort()).toEqual([first.caseId, second.caseId].sort());
    for (const item of pending.items) expect(item.ranking).toHaveLength(3);
    expect(count).toBe(2);
  });

  it('DECISION → APPROVAL builds it once for the exit facts, the approvers\' facts and the approval chain (was three times)', async () => {
    const w = await caseInDecision(t);
    await proposeTopRanked(t, w);
    const count = await builds(() =>
      t.http.post(`/api/v1/cases/${w.caseId}/transitions`).set(w.people.decider.auth).send({ to: 'APPROVAL' }).expect(200),
    );
    expect(count).toBe(1);
    const approvals = await t.http.get(`/api/v1/cases/${w.caseId}/approvals`).set(w.people.decider.auth).expect(200);
    expect(approvals.body).toMatchObject({ required: 1, stale: false, complete: false });
  });

  it('the signature that completes the chain builds it once for the signature, the award and both stored reports (was six times)', async () => {
    const w = await caseInApproval(t);
    let stage = '';
    const count = await builds(async () => {
      stage = (await t.http.post(`/api/v1/cases/${w.caseId}/approvals`).set(w.people.approver.auth).send({ verdict: 'approve' }).expect(201)).body.caseStage;
    });
    expect(stage).toBe('AWARDED');
    expect(count).toBe(1);
    const stored = await t.http.get(`/api/v1/cases/${w.caseId}/reports`).set(w.people.buyer.auth).expect(200);
    expect(stored.body.items.map((r: { lang: string }) => r.lang)).toEqual(['en', 'es']);
  });

  it('a rejection builds it once, and sends the case back to DECISION', async () => {
    const w = await caseInApproval(t);
    let stage = '';
    const count = await builds(async () => {
      stage = (
        await t.http.post(`/api/v1/cases/${w.caseId}/approvals`).set(w.people.approver.auth).send({ verdict: 'reject', comment: 'price too high' }).expect(201)
      ).body.caseStage;
    });
    expect(stage).toBe('DECISION');
    expect(count).toBe(1);
  });
});
