import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { sensitivity } from '../src/domain/scoring';
import { EvaluationQueries, MATRIX_READS } from '../src/modules/evaluation/evaluation.queries';
import { MatrixService, matrixView, sensitivityView } from '../src/modules/evaluation/matrix.service';
import { gridCase } from './factories/grid-case';
import { statementsOf } from './setup/query-counter';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * The check in front of the matrix's reads (README "The decision matrix"): the change log the
 * triggers write, read against the snapshot of the kept answer's reads, and the decision round as
 * the clock chooses it now. Every change, through the API or in SQL only, is answered at once and
 * equal to a fresh build; a write not yet committed is not seen, and is the moment it commits; a
 * pruned log sends an older kept answer back to the reads.
 */
describe('GET /cases/:id/matrix and /sensitivity: the kept answer while the change log says nothing changed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  type Grid = Awaited<ReturnType<typeof gridCase>>;

  /** The matrix JSON built now from scratch, outside every kept answer. */
  async function freshMatrix(caseId: string): Promise<string> {
    return JSON.stringify(matrixView(await t.app.get(MatrixService).build(t.db.manager, caseId)));
  }

  /** The sensitivity answer built now from scratch. */
  async function freshSensitivity(caseId: string): Promise<unknown> {
    const b = await t.app.get(MatrixService).build(t.db.manager, caseId);
    const { threshold, closeCallPercent } = b.policy.sensitivity;
    return JSON.parse(JSON.stringify(sensitivityView(b, sensitivity(b.input, { sensitiveThreshold: threshold, closeCallPercent }), threshold, closeCallPercent)));
  }

  /** One GET and the statements it sent after the guard's; `path` is `check` (the change log only), `reads` (MATRIX_READS was read). */
  async function get(g: Grid, what: 'matrix' | 'sensitivity', headers: Record<string, string> = {}) {
    let res: { status: number; text: string; body: unknown; headers: Record<string, string> } | undefined;
    const statements = await statementsOf(t.db, async () => {
      let req = t.http.get(`/api/v1/cases/${g.caseId}/${what}`).set(g.decider.auth);
      for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
      res = await req;
    });
    // the guard's statement first (none, were it ever cached), then the matrix's
    const after = statements.filter((q, i) => i > 0 || q === MATRIX_READS || /matrix_input_changes/.test(q));
    const path = after.some((q) => q === MATRIX_READS) ? 'reads' : after.length === 1 && /matrix_input_changes/.test(after[0]) ? 'check' : 'other';
    return { res: res!, path, after };
  }

  /** The GET after a change: the reads, the fresh build's bytes; and the GET after it the check alone, the same bytes. */
  async function expectAnsweredAtOnce(g: Grid, change: string) {
    const changed = await get(g, 'matrix');
    expect({ change, status: changed.res.status, path: changed.path }).toEqual({ change, status: 200, path: 'reads' });
    expect(changed.res.text).toBe(await freshMatrix(g.caseId));
    const again = await get(g, 'matrix');
    expect({ change, path: again.path }).toEqual({ change, path: 'check' });
    expect(again.res.text).toBe(changed.res.text);
    return changed.res;
  }

  const decisionRound = async (caseId: string) =>
    ((await t.db.query(`SELECT id FROM negotiation_rounds WHERE case_id = $1 ORDER BY number DESC LIMIT 1`, [caseId])) as Array<{ id: string }>)[0].id;

  it('every table MATRIX_READS reads has the change log\'s statement triggers, so a table added to the reads cannot be forgotten', async () => {
    const tables = [...new Set([...MATRIX_READS.matchAll(/\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)/gi)].map((m) => m[1]).filter((n) => n.toUpperCase() !== 'LATERAL'))].sort();
    expect(tables).toEqual(
      ['cases', 'exchange_rates', 'negotiation_rounds', 'offers', 'performance_events', 'policy_versions', 'round_participants', 'scores', 'specification_versions', 'suppliers'].sort(),
    );
    for (const table of tables) {
      const triggers = (await t.db.query(
        `SELECT t.tgtype, t.tgenabled, t.tgoldtable, t.tgnewtable FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
          WHERE t.tgrelid = $1::regclass AND NOT t.tgisinternal AND p.proname LIKE 'matrix\\_input\\_changed%'`,
        [table],
      )) as Array<{ tgtype: number; tgenabled: string; tgoldtable: string | null; tgnewtable: string | null }>;
      // pg_trigger.tgtype: 1 row-level, 2 before, 4 insert, 8 delete, 16 update, 32 truncate, 64 instead of
      const events = new Set<string>();
      for (const tr of triggers) {
        expect({ table, statementLevelAfter: (tr.tgtype & (1 | 2 | 64)) === 0, enabled: tr.tgenabled }).toEqual({ table, statementLevelAfter: true, enabled: 'O' });
        if (tr.tgtype & 4) events.add('insert');
        if (tr.tgtype & 8) events.add('delete');
        if (tr.tgtype & 16) events.add('update');
        if (tr.tgtype & 32) events.add('truncate');
        // the rows of the statement, to log their cases and to skip a statement that changed none
        if (tr.tgtype & (4 | 16)) expect(tr.tgnewtable).not.toBeNull();
        if (tr.tgtype & 8) expect(tr.tgoldtable).not.toBeNull();
      }
      // a new supplier is in no reads until an offer names it (offers.supplier_id REFERENCES suppliers), and that offer is logged
      const expected = table === 'suppliers' ? ['delete', 'truncate', 'update'] : ['delete', 'insert', 'truncate', 'update'];
      expect({ table, events: [...events].sort() }).toEqual({ table, events: expected });
    }
    const [fk] = (await t.db.query(
      `SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'offers'::regclass AND confrelid = 'suppliers'::regclass AND contype = 'f' AND NOT condeferrable`,
    )) as Array<{ n: number }>;
    expect(fk.n).toBe(1);
  });

  it('answers a second GET with nothing changed by the check alone: the kept ETag, 304 or the kept bytes', async () => {
    const g = await gridCase(t, 5, 7);
    const first = await get(g, 'matrix');
    expect(first.path).toBe('reads');
    const second = await get(g, 'matrix');
    expect(second.path).toBe('check');
    expect(second.res.text).toBe(first.res.text);
    expect(second.res.headers.etag).toBe(first.res.headers.etag);
    const notModified = await get(g, 'matrix', { 'If-None-Match': first.res.headers.etag });
    expect({ status: notModified.res.status, path: notModified.path }).toEqual({ status: 304, path: 'check' });
    // another representation has not been made from these reads yet: the reads, then the check
    const csv = await get(g, 'matrix', { Accept: 'text/csv' });
    expect(csv.path).toBe('reads');
    const csvAgain = await get(g, 'matrix', { Accept: 'text/csv' });
    expect(csvAgain.path).toBe('check');
    expect(csvAgain.res.text).toBe(csv.res.text);
  });

  it('answers every kind of change made in SQL only at once, byte for byte a fresh build', async () => {
    const g = await gridCase(t, 6, 7);
    const round = await decisionRound(g.caseId);
    await get(g, 'matrix');
    expect((await get(g, 'matrix')).path).toBe('check');
    const [s0, s1, s2, s3] = g.suppliers.map((s) => s.id);

    await t.db.query(`UPDATE suppliers SET legal_name = legal_name || ' (by SQL)' WHERE id = $1`, [s0]);
    expect((await expectAnsweredAtOnce(g, 'supplier renamed')).text).toContain('(by SQL)');

    await t.db.query(`UPDATE offers SET total_price = total_price + 1 WHERE round_id = $1 AND supplier_id = $2 AND is_current`, [round, s1]);
    await expectAnsweredAtOnce(g, 'offer repriced');

    await t.db.query(
      `UPDATE scores SET score = CASE WHEN score >= 5 THEN score - 1 ELSE score + 1 END
        WHERE ctid = (SELECT ctid FROM scores WHERE case_id = $1 AND supplier_id = $2 LIMIT 1)`,
      [g.caseId, s2],
    );
    await expectAnsweredAtOnce(g, 'score changed');

    await t.db.query(`UPDATE round_participants SET eliminated_at = now(), eliminated_reason = 'by SQL' WHERE round_id = $1 AND supplier_id = $2`, [round, s3]);
    const eliminated = await expectAnsweredAtOnce(g, 'participant eliminated');
    expect(eliminated.text).not.toContain(s3);

    await t.db.query(`INSERT INTO performance_events (supplier_id, type, date, severity, description) VALUES ($1, 'incident', '2026-01-20', 'critical', 'by SQL')`, [s1]);
    await expectAnsweredAtOnce(g, 'performance event added');

    await t.db.query(`INSERT INTO policy_versions (data) SELECT coalesce((SELECT data FROM policy_versions ORDER BY version DESC LIMIT 1), '{}'::jsonb)`);
    await expectAnsweredAtOnce(g, 'policy version added');

    await t.db.query(`INSERT INTO exchange_rates (case_id, currency, rate, set_by) SELECT $1, 'JPY', 0.0061, id FROM users LIMIT 1`, [g.caseId]);
    await expectAnsweredAtOnce(g, 'exchange rate recorded');

    await t.db.query(
      `UPDATE specification_versions SET description = description || ' (by SQL)' WHERE id = (SELECT id FROM specification_versions WHERE case_id = $1 ORDER BY version DESC LIMIT 1)`,
      [g.caseId],
    );
    await expectAnsweredAtOnce(g, 'specification edited');

    await t.db.query(`UPDATE cases SET profit_impact = 4, supply_risk = 4 WHERE id = $1`, [g.caseId]);
    expect((await expectAnsweredAtOnce(g, 'case made strategic')).text).toContain('"strategic":true');

    await t.db.query(`UPDATE negotiation_rounds SET best_and_final = NOT best_and_final WHERE id = $1`, [round]);
    await expectAnsweredAtOnce(g, 'round flagged');

    // a column of the case the matrix does not read logs nothing; a statement that changes no row neither
    await t.db.query(`UPDATE cases SET title = title || ' (by SQL)' WHERE id = $1`, [g.caseId]);
    await t.db.query(`UPDATE suppliers SET legal_name = 'nobody' WHERE id = $1`, [randomUUID()]);
    expect((await get(g, 'matrix')).path).toBe('check');
  });

  it('answers every kind of change made through the API at once, byte for byte a fresh build', async () => {
    const g = await gridCase(t, 5, 7);
    await get(g, 'matrix');
    expect((await get(g, 'matrix')).path).toBe('check');
    const supplier = g.suppliers[0];

    await t.http.patch(`/api/v1/suppliers/${supplier.id}`).set(t.admin.auth).send({ legalName: `${supplier.name} (by the API)` }).expect(200);
    expect((await expectAnsweredAtOnce(g, 'supplier renamed')).text).toContain('(by the API)');

    const weights = (JSON.parse((await get(g, 'matrix')).res.text) as { weights: Array<{ criterionId: string; source: string | null }> }).weights;
    const criterion = weights.find((w) => w.source === 'evaluator')!;
    await t.http
      .put(`/api/v1/cases/${g.caseId}/scores`)
      .set(g.evaluator.auth)
      .send({ scores: [{ supplierId: supplier.id, criterionId: criterion.criterionId, score: 0.5 }] })
      .expect(200);
    await expectAnsweredAtOnce(g, 'score changed');

    await t.http
      .post(`/api/v1/suppliers/${g.suppliers[1].id}/performance`)
      .set(t.admin.auth)
      .send({ type: 'incident', date: '2026-01-20', severity: 'major', description: 'Late and short' })
      .expect(201);
    await expectAnsweredAtOnce(g, 'performance event added');

    await t.http.put('/api/v1/policy').set(t.admin.auth).send({ strategic: { multiplier: 3, floor: 0.35, cap: 0.9 } }).expect(200);
    await expectAnsweredAtOnce(g, 'policy changed');
  });

  it('does not see a write still in progress on another connection, and sees it the moment it commits', async () => {
    const g = await gridCase(t, 5, 7);
    const other = new Client({ connectionString: t.databaseUrl });
    await other.connect();
    try {
      // the writer has begun before the first reads: their snapshot lists it as running
      await other.query('BEGIN');
      await other.query(`UPDATE suppliers SET legal_name = legal_name || ' (uncommitted)' WHERE id = $1`, [g.suppliers[0].id]);
      const first = await get(g, 'matrix');
      expect(first.path).toBe('reads');
      expect(first.res.text).not.toContain('(uncommitted)');
      const during = await get(g, 'matrix');
      expect(during.path).toBe('check');
      expect(during.res.text).toBe(first.res.text);
      await other.query('COMMIT');
      const committed = await get(g, 'matrix');
      expect(committed.path).toBe('reads');
      expect(committed.res.text).toContain('(uncommitted)');
      expect(committed.res.text).toBe(await freshMatrix(g.caseId));

      // and a writer that begins after the kept reads, the same
      await other.query('BEGIN');
      await other.query(`UPDATE offers SET total_price = total_price + 2 WHERE supplier_id = $1 AND is_current`, [g.suppliers[1].id]);
      expect((await get(g, 'matrix')).res.text).toBe(committed.res.text);
      await other.query('COMMIT');
      await expectAnsweredAtOnce(g, 'offer repriced, committed later');

      // a write rolled back changes nothing the check can see
      await other.query('BEGIN');
      await other.query(`UPDATE offers SET total_price = total_price + 3 WHERE supplier_id = $1 AND is_current`, [g.suppliers[1].id]);
      await other.query('ROLLBACK');
      expect((await get(g, 'matrix')).path).toBe('check');
    } finally {
      await other.end();
    }
  });

  it('answers a round whose deadline passed (the clock, no row changed) at once: the decision round is chosen again by the check', async () => {
    const g = await gridCase(t, 4, 7);
    const round = await decisionRound(g.caseId);
    await t.db.query(`UPDATE negotiation_rounds SET closed_at = coalesce(closed_at, deadline) WHERE id = $1`, [round]);
    // round 2, open for two more seconds, with the same participants and every price 10% lower
    const [{ id: next }] = (await t.db.query(
      `INSERT INTO negotiation_rounds (case_id, number, deadline, opened_by)
       SELECT case_id, number + 1, now() + interval '2 seconds', opened_by FROM negotiation_rounds WHERE id = $1 RETURNING id`,
      [round],
    )) as Array<{ id: string }>;
    await t.db.query(`INSERT INTO round_participants (round_id, supplier_id) SELECT $2, supplier_id FROM round_participants WHERE round_id = $1`, [round, next]);
    await t.db.query(
      `INSERT INTO offers (round_id, supplier_id, revision, total_price, currency, lead_time_days, warranty_months, payment_days, valid_until,
                           compliance, criterion_values, submitted_via, submitted_by, specification_version)
       SELECT $2, supplier_id, 1, round(total_price * 0.9, 2), currency, lead_time_days, warranty_months, payment_days, valid_until,
              compliance, criterion_values, submitted_via, submitted_by, specification_version
         FROM offers WHERE round_id = $1 AND is_current`,
      [round, next],
    );
    const open = await get(g, 'matrix');
    expect(open.path).toBe('reads');
    expect((JSON.parse(open.res.text) as { round: { number: number } }).round.number).toBe(1);
    const stillOpen = await get(g, 'matrix');
    // the check alone while round 2 is open (unless its deadline passed in between: then the reads)
    expect(['check', 'reads']).toContain(stillOpen.path);
    // no row changes from here on: only the clock
    await waitUntil(async () => ((await t.db.query(`SELECT deadline <= now() AS passed FROM negotiation_rounds WHERE id = $1`, [next])) as Array<{ passed: boolean }>)[0].passed);
    const closed = await get(g, 'matrix');
    expect(closed.path).toBe('reads');
    expect((JSON.parse(closed.res.text) as { round: { number: number } }).round.number).toBe(2);
    expect(closed.res.text).toBe(await freshMatrix(g.caseId));
    expect((await get(g, 'matrix')).path).toBe('check');
  });

  it('prunes the log a quarter hour late, and a kept answer read before the pruned bound goes back to the reads', async () => {
    const g = await gridCase(t, 4, 7);
    const queries = t.app.get(EvaluationQueries);
    const matrix = t.app.get(MatrixService);
    const first = await get(g, 'matrix');
    expect(first.path).toBe('reads');
    const logged = async () => ((await t.db.query(`SELECT count(*)::int AS n FROM matrix_input_changes`)) as Array<{ n: number }>)[0].n;
    const bounds = async () =>
      ((await t.db.query(`SELECT pruned_below::text AS "prunedBelow", next_below::text AS "nextBelow" FROM matrix_input_pruning`)) as Array<{ prunedBelow: string; nextBelow: string }>)[0];
    // a transaction id spent after the kept reads: above their snapshot's xmin
    const spend = async () => BigInt(((await t.db.query(`SELECT pg_current_xact_id()::text AS xid`)) as Array<{ xid: string }>)[0].xid);
    const spentAfterReads = await spend();
    expect(await logged()).toBeGreaterThan(0);

    await matrix.pruneInputChanges();
    let previous = await bounds();
    // the first prune only records where the next one will prune: the kept answer still stands
    expect((await get(g, 'matrix')).path).toBe('check');

    // each prune deletes below the bound the one before it recorded; a transaction left open
    // elsewhere on the server (another spec's) holds the bound back, so prune until it is past the kept reads
    for (;;) {
      await spend();
      await matrix.pruneInputChanges();
      const now = await bounds();
      expect(now.prunedBelow).toBe(previous.nextBelow);
      previous = now;
      if (BigInt(now.prunedBelow) > spentAfterReads) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [{ below }] = (await t.db.query(`SELECT count(*)::int AS below FROM matrix_input_changes WHERE xid < $1::xid8`, [previous.prunedBelow])) as Array<{ below: number }>;
    expect(below).toBe(0);
    // the kept reads were read before the pruned bound: the check cannot vouch for them
    const after = await get(g, 'matrix');
    expect(after.path).toBe('reads');
    expect(after.res.text).toBe(first.res.text);
    expect(after.res.headers.etag).toBe(first.res.headers.etag);
    expect((await get(g, 'matrix')).path).toBe('check');

    // the check itself, with a snapshot older than the bound and with a newer one
    const [{ snapshot: now, server }] = (await t.db.query(`SELECT pg_current_snapshot()::text AS snapshot, pg_postmaster_start_time()::text AS server`)) as Array<{
      snapshot: string;
      server: string;
    }>;
    const roundId = await decisionRound(g.caseId);
    expect(await queries.matrixInputsChanged(t.db, g.caseId, { snapshot: now, roundId, server })).toBe(false);
    expect(await queries.matrixInputsChanged(t.db, g.caseId, { snapshot: '3:3:', roundId, server })).toBe(true);
    expect(await queries.matrixInputsChanged(t.db, g.caseId, { snapshot: now, roundId: randomUUID(), server })).toBe(true);
    // another server (a promoted standby, a restore), or this one restarted: its transaction ids may repeat ones the snapshot saw
    expect(await queries.matrixInputsChanged(t.db, g.caseId, { snapshot: now, roundId, server: '2000-01-01 00:00:00+00' })).toBe(true);
  });

  it('the sensitivity likewise: the check alone while nothing changed, a change in SQL answered at once and equal to a fresh build', async () => {
    const g = await gridCase(t, 5, 7);
    const first = await get(g, 'sensitivity');
    expect(first.path).toBe('reads');
    const second = await get(g, 'sensitivity');
    expect(second.path).toBe('check');
    expect(second.res.body).toEqual(first.res.body);
    const winner = (first.res.body as { winner: string }).winner;
    await t.db.query(`UPDATE offers SET total_price = total_price * 1.01 WHERE supplier_id = $1 AND is_current`, [winner]);
    const repriced = await get(g, 'sensitivity');
    expect(repriced.path).toBe('reads');
    expect(repriced.res.body).toEqual(await freshSensitivity(g.caseId));
    expect(repriced.res.body).not.toEqual(first.res.body);
    expect((await get(g, 'sensitivity')).path).toBe('check');
  });
});

/** Polls `done` every 100 ms (the round's deadline against the database clock); no time is asserted. */
async function waitUntil(done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 100));
}
