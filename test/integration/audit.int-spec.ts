import { AuditService } from '../../src/modules/audit/audit.service';
import { type ServiceTier, startServiceTier } from './harness';

/**
 * The audit trail on its service (README "Audit trail"): one hash chain per case, appended in the
 * writer's transaction under the case row lock, verified from the stored events.
 */
describe('AuditService: the hash chain', () => {
  let s: ServiceTier;
  beforeAll(async () => {
    s = await startServiceTier();
  });
  afterAll(async () => {
    await s.close();
  });

  const audit = () => s.service(AuditService);
  const events = (caseId: string): Promise<Array<{ seq: number; hash: string }>> =>
    s.db.query('SELECT seq, hash FROM audit_events WHERE case_id = $1 ORDER BY seq', [caseId]);

  it('verifies a whole case: valid, its length the number of events, its head the last hash', async () => {
    const c = await s.builder().build('AWARDED');
    const stored = await events(c.caseId);
    expect(await audit().verify(c.caseId)).toEqual({
      valid: true,
      length: stored.length,
      headHash: stored.at(-1)!.hash,
      firstBrokenSeq: null,
      truncated: false,
      expectedLength: stored.length,
    });
  });

  it('appends nothing when the writer’s transaction fails after appending', async () => {
    const c = await s.builder().build('NEED');
    const before = await events(c.caseId);
    await expect(
      s.tx(async (m) => {
        await audit().append(m, c.caseId, c.person('initiator').id, 'case.updated', { unit: 'boxes' });
        throw new Error('the write after the event failed');
      }),
    ).rejects.toThrow('the write after the event failed');
    expect(await events(c.caseId)).toEqual(before);
  });

  it('gives two concurrent writers consecutive sequence numbers, and the chain still verifies', async () => {
    const c = await s.builder().build('NEED');
    const before = (await events(c.caseId)).length;
    const actor = c.person('initiator').id;
    await Promise.all([
      s.tx((m) => audit().append(m, c.caseId, actor, 'case.updated', { writer: 1 })),
      s.tx((m) => audit().append(m, c.caseId, actor, 'case.updated', { writer: 2 })),
    ]);
    expect((await events(c.caseId)).map((e) => e.seq).slice(before)).toEqual([before + 1, before + 2]);
    expect((await audit().verify(c.caseId)).valid).toBe(true);
  });

  it('names the first event whose stored data no longer matches its hash', async () => {
    const c = await s.builder().build('SPECIFICATION');
    // the append-only trigger refuses the change; lifted for this one statement to play a tampering superuser
    await s.tx(async (m) => {
      await m.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
      await m.query(`UPDATE audit_events SET data = '{"tampered": true}' WHERE case_id = $1 AND seq = 2`, [c.caseId]);
      await m.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    });
    expect(await audit().verify(c.caseId)).toMatchObject({ valid: false, firstBrokenSeq: 2 });
  });

  it('reads the stored head for the report as verify finds it on an intact chain, and flags a removed tail', async () => {
    const c = await s.builder().build('AWARDED');
    expect(await audit().storedHead(c.caseId)).toEqual(await audit().verify(c.caseId));
    const stored = await events(c.caseId);
    await s.tx(async (m) => {
      await m.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
      await m.query('DELETE FROM audit_events WHERE case_id = $1 AND seq = $2', [c.caseId, stored.length]);
      await m.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    });
    expect(await audit().storedHead(c.caseId)).toEqual(await audit().verify(c.caseId));
    expect(await audit().storedHead(c.caseId)).toMatchObject({ valid: false, truncated: true, length: stored.length - 1, headHash: stored.at(-2)!.hash });
  });
});
