import { caseWithBuyingCenter } from './factories';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * Issue 14 item 7, a trail that cannot be cut short: the case row carries its audit head, the
 * organization trail links every head, and verify reports a removed tail.
 */
describe('a trail that cannot be cut short', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('finding 7: a database owner who deletes a case’s last event gets valid: false, truncated, from /audit/verify', async () => {
    const { caseId, people } = await caseWithBuyingCenter(t);
    const intact = await t.http.get(`/api/v1/cases/${caseId}/audit/verify`).set(people.initiator.auth).expect(200);
    expect(intact.body).toMatchObject({ valid: true, truncated: false, firstBrokenSeq: null });
    const length = intact.body.length as number;
    expect(intact.body.expectedLength).toBe(length);
    const [head] = await t.db.query('SELECT audit_seq AS seq, audit_hash AS hash FROM cases WHERE id = $1', [caseId]);
    expect(head).toEqual({ seq: length, hash: intact.body.headHash });

    // as the database owner, past the append-only trigger: the last event goes
    await t.db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
    try {
      await t.db.query('DELETE FROM audit_events WHERE case_id = $1 AND seq = $2', [caseId, length]);
    } finally {
      await t.db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    }
    const cut = await t.http.get(`/api/v1/cases/${caseId}/audit/verify`).set(people.initiator.auth).expect(200);
    expect(cut.body).toMatchObject({ valid: false, truncated: true, length: length - 1, expectedLength: length, firstBrokenSeq: length });

    // rewinding the head on the case row too does not hide it: the organization trail linked the head
    await t.db.query('UPDATE cases SET audit_seq = $2 WHERE id = $1', [caseId, length - 1]);
    const rewound = await t.http.get(`/api/v1/cases/${caseId}/audit/verify`).set(people.initiator.auth).expect(200);
    expect(rewound.body).toMatchObject({ valid: false, truncated: true, expectedLength: length });

    // the admin verifies every case and the organization chain in one call
    const all = await t.http.get('/api/v1/audit/verify').set(t.admin.auth).expect(200);
    expect(all.body.valid).toBe(false);
    expect(all.body.organization.valid).toBe(true);
    expect(all.body.invalidCases.map((c: { caseId: string }) => c.caseId)).toEqual([caseId]);
    expect(all.body.cases).toBeGreaterThanOrEqual(1);
    await t.http.get('/api/v1/audit/verify').set(people.initiator.auth).expect(403);
  });

  it('every case change moves the head on the case row and links it in the organization trail', async () => {
    const { caseId, people } = await caseWithBuyingCenter(t);
    await t.http.patch(`/api/v1/cases/${caseId}`).set(people.initiator.auth).send({ unit: 'units' }).expect(200);
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1', [caseId]);
    const [head] = await t.db.query('SELECT audit_seq AS seq FROM cases WHERE id = $1', [caseId]);
    expect(head.seq).toBe(n);
    const [linked] = await t.db.query(
      `SELECT (data->>'seq')::int AS seq FROM org_audit_events WHERE action = 'case.head' AND data->>'caseId' = $1 ORDER BY seq DESC LIMIT 1`,
      [caseId],
    );
    expect(linked.seq).toBe(n);
  });
});
