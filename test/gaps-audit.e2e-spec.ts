import { caseWithBuyingCenter, createUser } from './factories';
import { inMinutes, negotiationCase, openRound, recordOffer } from './factories/negotiation';
import { caseInDecision } from './factories/whole-case';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * "Every change to a case appends an event in the same transaction": the writes whose audit event no
 * other spec looks at. Each write must add events to the case's chain, and the chain must still verify.
 */
describe('gaps: every case change is audited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const events = async (caseId: string): Promise<Array<{ seq: number; action: string; actor_id: string | null }>> =>
    t.db.query('SELECT seq, action, actor_id FROM audit_events WHERE case_id = $1 ORDER BY seq', [caseId]);

  /** Runs a write and returns the events it appended (none of them may be missing an actor). */
  async function appended(caseId: string, write: () => Promise<unknown>) {
    const before = (await events(caseId)).length;
    await write();
    const after = await events(caseId);
    return after.slice(before);
  }

  const verify = async (caseId: string) => (await t.http.get(`/api/v1/cases/${caseId}/audit/verify`).set(t.admin.auth).expect(200)).body;

  it('case update, adding and removing a member are each one event by the actor', async () => {
    const { caseId, people } = await caseWithBuyingCenter(t);
    const base = `/api/v1/cases/${caseId}`;
    const extra = await createUser(t);

    const update = await appended(caseId, () => t.http.patch(base).set(people.buyer.auth).send({ unit: 'units' }).expect(200));
    expect(update).toEqual([expect.objectContaining({ action: 'case.updated', actor_id: people.buyer.id })]);

    const add = await appended(caseId, () => t.http.post(`${base}/members`).set(people.initiator.auth).send({ userId: extra.id, roles: ['evaluator'] }).expect(201));
    expect(add).toHaveLength(1);
    expect(add[0].actor_id).toBe(people.initiator.id);

    const remove = await appended(caseId, () => t.http.delete(`${base}/members/${extra.id}`).set(people.initiator.auth).expect(204));
    expect(remove).toHaveLength(1);
    expect(remove[0].actor_id).toBe(people.initiator.id);
    expect(remove[0].action).not.toBe(add[0].action);

    expect(await verify(caseId)).toMatchObject({ valid: true, firstBrokenSeq: null });
  });

  it('an evaluator’s scores and the decider’s proposal are audited', async () => {
    const w = await caseInDecision(t);
    const base = `/api/v1/cases/${w.caseId}`;
    const quality = w.criteria.find((c) => c.source === 'evaluator')!;

    const scored = await appended(w.caseId, () =>
      t.http
        .put(`${base}/scores`)
        .set(w.people.evaluator.auth)
        .send({ scores: [{ supplierId: w.suppliers[0].id, criterionId: quality.id, score: 9.5 }] })
        .expect(200),
    );
    expect(scored.length).toBeGreaterThanOrEqual(1);
    expect(scored.every((e) => e.actor_id === w.people.evaluator.id)).toBe(true);

    const matrix = await t.http.get(`${base}/matrix`).set(w.people.decider.auth).expect(200);
    const proposed = await appended(w.caseId, () =>
      t.http.post(`${base}/decision`).set(w.people.decider.auth).send({ supplierId: matrix.body.ranking[0].supplierId, justification: 'Best total.' }).expect(201),
    );
    expect(proposed.map((e) => e.action)).toContain('decision.proposed');

    // reads append nothing
    const reads = await appended(w.caseId, async () => {
      await t.http.get(`${base}/matrix`).set(w.people.decider.auth).expect(200);
      await t.http.get(`${base}/sensitivity`).set(w.people.decider.auth).expect(200);
      await t.http.get(`${base}/scores`).set(w.people.evaluator.auth).expect(200);
    });
    expect(reads).toEqual([]);
    expect((await verify(w.caseId)).valid).toBe(true);
  });

  it('issuing invitations and re-confirming an offer are audited, without the tokens', async () => {
    const n = await negotiationCase(t);
    const base = `/api/v1/cases/${n.caseId}`;
    await openRound(t, n);
    await recordOffer(t, n, 1, n.suppliers[0].id).expect(201);

    let tokens: string[] = [];
    const invited = await appended(n.caseId, async () => {
      const res = await t.http.post(`${base}/rounds/1/invitations`).set(n.people.buyer.auth).send({}).expect(201);
      tokens = res.body.map((i: { token: string }) => i.token);
    });
    expect(invited.length).toBeGreaterThanOrEqual(1);
    const [row] = await t.db.query(`SELECT string_agg(data::text, ' ') AS data FROM audit_events WHERE case_id = $1`, [n.caseId]);
    for (const token of tokens) expect(row.data).not.toContain(token);

    // a specification change marked the offer (as the specification module does)
    await t.db.query(
      `INSERT INTO specification_versions (case_id, version, frozen_at, requirements, criteria, reason, created_by)
       SELECT case_id, 2, now(), requirements, criteria, 'quieter units', created_by FROM specification_versions WHERE case_id = $1 AND version = 1`,
      [n.caseId],
    );
    await t.db.query(`UPDATE offers SET needs_reconfirmation = true WHERE round_id IN (SELECT id FROM negotiation_rounds WHERE case_id = $1)`, [n.caseId]);
    const reconfirmed = await appended(n.caseId, () =>
      t.http.post(`${base}/rounds/1/offers/${n.suppliers[0].id}/reconfirm`).set(n.people.buyer.auth).send({}).expect(200),
    );
    expect(reconfirmed.length).toBeGreaterThanOrEqual(1);

    // a refused write appends nothing
    const refused = await appended(n.caseId, () => t.http.post(`${base}/rounds`).set(n.people.buyer.auth).send({ deadline: inMinutes(60) }).expect(409));
    expect(refused).toEqual([]);
    expect((await verify(n.caseId)).valid).toBe(true);
  });
});
