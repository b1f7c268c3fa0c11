import { assembleMatrixInput } from '../src/domain/evaluation/matrix-input';
import { summarizeAll } from '../src/domain/evaluation/scores';
import { decisionMatrix } from '../src/domain/scoring';
import { evaluatorScores, MatrixService, matrixView } from '../src/modules/evaluation/matrix.service';
import { NegotiationReader } from '../src/modules/negotiation/negotiation.reader';
import { PolicyService } from '../src/modules/policy/policy.service';
import { WeightsService } from '../src/modules/specification/weights.service';
import { certificationsOf } from '../src/modules/suppliers/certifications.reader';
import { ReliabilityService } from '../src/modules/suppliers/reliability.service';
import { caseInDecision } from './factories/whole-case';
import { gridCase } from './factories/grid-case';
import { statementsOf } from './setup/query-counter';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * The matrix near its maths (issue 17 item 2): evaluator means and spreads aggregated by the
 * database, a fixed number of SQL statements per matrix whatever its size, the same JSON as the
 * score-row path gave, and an ETag from the decision snapshot (and the names the body shows)
 * that answers If-None-Match with 304 exactly while nothing the body says has changed.
 */
describe('GET /cases/:id/matrix: aggregated in SQL, few statements, ETag from the snapshot', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** The matrix JSON the score-row path gave: every score pulled and summarized in JS, the same view over it. */
  async function scoreRowMatrix(caseId: string) {
    return t.db.transaction('REPEATABLE READ', async (m) => {
      const b = await t.app.get(MatrixService).build(m, caseId);
      const scores = summarizeAll(await evaluatorScores(m, caseId));
      const input = assembleMatrixInput({
        criteria: b.weights.criteria,
        requirements: b.specification.requirements,
        offers: b.offers,
        reliability: new Map([...b.reliability].map(([id, r]) => [id, r.score])),
        scores,
        certifications: b.certifications,
        asOf: b.asOf,
      });
      return JSON.parse(JSON.stringify(matrixView({ ...b, scores, input, result: decisionMatrix(input) }))) as unknown;
    });
  }

  const sent = (send: () => PromiseLike<unknown>) => statementsOf(t.db, send);

  it('builds an 8×8 and a 30×14 matrix in the same few statements, the scores read as one aggregate, not row by row', async () => {
    const counts: number[] = [];
    for (const [s, c] of [
      [8, 8],
      [30, 14],
    ]) {
      const g = await gridCase(t, s, c);
      const statements = await sent(() => t.http.get(`/api/v1/cases/${g.caseId}/matrix`).set(g.decider.auth).expect(200));
      // the guard's one statement, then the matrix build's
      const build = statements.slice(1);
      const scoreReads = build.filter((q) => /\bscores\b/i.test(q));
      expect(scoreReads).toHaveLength(1);
      expect(scoreReads[0]).toMatch(/GROUP BY criterion_id, supplier_id/);
      expect(build.length).toBeLessThanOrEqual(MATRIX_STATEMENTS);
      counts.push(build.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('answers the same JSON as the score-row path, byte for byte, for the whole-case fixture and a grid, also when answered again', async () => {
    const w = await caseInDecision(t);
    const g = await gridCase(t, 12, 10);
    for (const [caseId, auth] of [
      [w.caseId, w.people.decider.auth],
      [g.caseId, g.decider.auth],
    ] as const) {
      const expected = JSON.stringify(await scoreRowMatrix(caseId));
      // the first answer serializes the view; the second, under the same ETag, is the kept bytes
      for (let i = 0; i < 2; i++) {
        const served = await t.http.get(`/api/v1/cases/${caseId}/matrix`).set(auth).expect(200);
        expect(served.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(served.text).toBe(expected);
      }
    }
  });

  it('reads in its few statements exactly what the separate readers give: round, offers, certifications, reliability, policy, weights', async () => {
    const w = await caseInDecision(t);
    const g = await gridCase(t, 12, 10);
    for (const caseId of [w.caseId, g.caseId]) {
      await t.db.transaction('REPEATABLE READ', async (m) => {
        const b = await t.app.get(MatrixService).build(m, caseId);
        const decision = (await t.app.get(NegotiationReader).decisionRound(m, caseId))!;
        const policy = await t.app.get(PolicyService).current(m);
        const ids = decision.offers.map((o) => o.supplierId);
        const reliability = await t.app.get(ReliabilityService).forSuppliers(m, ids, b.asOf, policy);
        const { specification, effective } = await t.app.get(WeightsService).forCase(m, caseId);
        expect(b.offers.length).toBeGreaterThan(0);
        expect(JSON.stringify(b.offers)).toBe(JSON.stringify(decision.offers));
        expect(b.round).toEqual({ id: decision.round.id, number: decision.round.number, bestAndFinal: decision.round.bestAndFinal, closedAt: decision.round.closedAt });
        expect(JSON.stringify([...b.certifications].sort())).toBe(JSON.stringify([...(await certificationsOf(m, ids))].sort()));
        expect(JSON.stringify([...b.reliability].sort())).toBe(JSON.stringify([...reliability].sort()));
        expect(JSON.stringify(b.policy)).toBe(JSON.stringify(policy));
        expect(JSON.stringify(b.specification)).toBe(JSON.stringify(specification));
        expect(JSON.stringify(b.weights)).toBe(JSON.stringify(effective));
      });
    }
  });

  it('gives an ETag that If-None-Match answers with 304 until a score, an offer-side name or the representation changes', async () => {
    const g = await gridCase(t, 4, 6);
    const path = `/api/v1/cases/${g.caseId}/matrix`;
    const first = await t.http.get(path).set(g.decider.auth).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await t.http.get(path).set(g.decider.auth).expect(200)).headers.etag).toBe(etag);

    const notModified = await t.http.get(path).set(g.decider.auth).set('If-None-Match', `"other", ${etag}`).expect(304);
    expect(notModified.text ?? '').toBe('');
    expect(notModified.headers.etag).toBe(etag);

    // the CSV is another representation: its own tag, and the JSON one does not stand for it
    const csv = await t.http.get(path).set(g.decider.auth).set('Accept', 'text/csv').set('If-None-Match', etag).expect(200);
    expect(csv.headers.etag).not.toBe(etag);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="matrix-${g.caseId}.csv"`);
    const again = await t.http.get(path).set(g.decider.auth).set('Accept', 'text/csv').expect(200);
    expect(again.text).toBe(csv.text);
    expect(csv.text.split('\r\n')[0]).toMatch(/^status,rank,supplier_id/);
    await t.http.get(path).set(g.decider.auth).set('Accept', 'text/csv').set('If-None-Match', csv.headers.etag as string).expect(304);

    // a display name is not in the decision snapshot, but the body shows it
    const supplier = g.suppliers[0];
    await t.http.patch(`/api/v1/suppliers/${supplier.id}`).set(g.admin.auth).send({ legalName: `${supplier.name} (renamed)` }).expect(200);
    const renamed = await t.http.get(path).set(g.decider.auth).set('If-None-Match', etag).expect(200);
    expect(renamed.headers.etag).not.toBe(etag);
    expect(JSON.stringify(renamed.body)).toContain('(renamed)');

    // a score moves the snapshot
    const criterion = (renamed.body as { weights: Array<{ criterionId: string; source: string | null }> }).weights.find((w) => w.source === 'evaluator')!;
    const before = renamed.headers.etag as string;
    await t.http
      .put(`/api/v1/cases/${g.caseId}/scores`)
      .set(g.evaluator.auth)
      .send({ scores: [{ supplierId: supplier.id, criterionId: criterion.criterionId, score: 9.99 }] })
      .expect(200);
    const after = await t.http.get(path).set(g.decider.auth).set('If-None-Match', before).expect(200);
    expect(after.headers.etag).not.toBe(before);
  });

  it('answers a change made behind the service\'s back (SQL, no write of the app) at once: the reads are compared, nothing is invalidated', async () => {
    const g = await gridCase(t, 6, 8);
    const path = `/api/v1/cases/${g.caseId}/matrix`;
    const first = await t.http.get(path).set(g.decider.auth).expect(200);
    const again = await t.http.get(path).set(g.decider.auth).expect(200);
    expect(again.headers.etag).toBe(first.headers.etag);
    // a supplier's name (supplier data is shared across cases) and an offer's price, changed in SQL only
    await t.db.query(`UPDATE suppliers SET legal_name = legal_name || ' (by SQL)' WHERE id = $1`, [g.suppliers[1].id]);
    const renamed = await t.http.get(path).set(g.decider.auth).set('If-None-Match', first.headers.etag as string).expect(200);
    expect(renamed.headers.etag).not.toBe(first.headers.etag);
    expect(renamed.text).toContain('(by SQL)');
    expect(renamed.text).toBe(JSON.stringify(await scoreRowMatrix(g.caseId)));
    await t.db.query(`UPDATE offers SET total_price = total_price + 1 WHERE supplier_id = $1 AND is_current`, [g.suppliers[2].id]);
    const repriced = await t.http.get(path).set(g.decider.auth).set('If-None-Match', renamed.headers.etag as string).expect(200);
    expect(repriced.headers.etag).not.toBe(renamed.headers.etag);
    expect(repriced.text).toBe(JSON.stringify(await scoreRowMatrix(g.caseId)));
    // and back to the very reads of before: the ETag of before, a 304 for it
    await t.db.query(`UPDATE offers SET total_price = total_price - 1 WHERE supplier_id = $1 AND is_current`, [g.suppliers[2].id]);
    await t.http.get(path).set(g.decider.auth).set('If-None-Match', renamed.headers.etag as string).expect(304);
  });

  it('the sensitivity too: the same answer while the reads are the same, a change made in SQL only answered at once', async () => {
    const g = await gridCase(t, 6, 8);
    const path = `/api/v1/cases/${g.caseId}/sensitivity`;
    const first = (await t.http.get(path).set(g.decider.auth).expect(200)).body;
    expect((await t.http.get(path).set(g.evaluator.auth).expect(200)).body).toEqual(first);
    expect(first.winner).toEqual(expect.any(String));
    await t.db.query(`UPDATE suppliers SET legal_name = legal_name || ' (by SQL)' WHERE id = $1`, [first.winner]);
    const renamed = (await t.http.get(path).set(g.decider.auth).expect(200)).body;
    expect(renamed.winnerName).toBe(`${first.winnerName} (by SQL)`);
    expect({ ...renamed, winnerName: first.winnerName }).toEqual(first);
    // the winner's price up: the runner-up needs a smaller cut to win, or none
    await t.db.query(`UPDATE offers SET total_price = total_price * 1.01 WHERE supplier_id = $1 AND is_current`, [first.winner]);
    const repriced = (await t.http.get(path).set(g.decider.auth).expect(200)).body;
    expect(repriced).not.toEqual(renamed);
  });
});

/**
 * The statements of one matrix build, the guard's aside: one, for the case, rates, decision round, policy, specification, the offers
 * with their suppliers' certifications, risk and events, and the score aggregate (was 13 with the score rows pulled, then 11, then 4).
 */
const MATRIX_STATEMENTS = 1;
