import { canonicalJson, sha256 } from '../src/domain/audit/canonical-json';
import { decisionCase, type DecisionCase, putScores } from './factories/evaluation';
import { startTestApp, type TestApp } from './setup/test-app';

type Criterion = { criterionId: string; delta: number | null; shownChange: number | null; shownOvertakenBy: string | null; [k: string]: unknown };
type Acceptability = { supplierId: string; acceptability: number[]; firstRank: number; centralWeights: Array<{ criterionId: string; weight: number }>; confidence: number };

/**
 * The decision case of the factory, scored by two evaluators who disagree:
 *   quality  Atlas 8 and 6 (mean 7), Boreal 6 and 9 (mean 7.5)
 * With the weights .5 / .3 / .2 (price ratio, quality scale, lead time min–max; Cumulus excluded):
 *   Atlas  .5·1        + .3·.70 + .2·0 = .71
 *   Boreal .5·.833333  + .3·.75 + .2·1 = .841667 ← winner, by 13.1667 points
 */
async function scoredCase(t: TestApp): Promise<DecisionCase> {
  const d = await decisionCase(t);
  const { atlas, boreal } = d.suppliers;
  await putScores(t, d, d.people.evaluator, [
    { supplierId: atlas.id, criterionId: d.criteria.quality, score: 8 },
    { supplierId: boreal.id, criterionId: d.criteria.quality, score: 6 },
  ]).expect(200);
  await putScores(t, d, d.people.evaluator2, [
    { supplierId: atlas.id, criterionId: d.criteria.quality, score: 6 },
    { supplierId: boreal.id, criterionId: d.criteria.quality, score: 9 },
  ]).expect(200);
  return d;
}

describe('how sure the winner is: sensitivity figures and rank acceptability', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /sensitivity adds shown-weight changes, the close call, score changes and the gap, keeping every field', async () => {
    const d = await scoredCase(t);
    const { atlas, boreal } = d.suppliers;
    const read = async () => (await t.http.get(`/api/v1/cases/${d.caseId}/sensitivity`).set(d.people.decider.auth).expect(200)).body;
    const s = await read();
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining(['caseId', 'asOf', 'threshold', 'winner', 'winnerName', 'runnerUp', 'runnerUpName', 'criteria', 'mostCritical', 'priceCutToWin', 'sensitive', 'closeCall', 'scoreChanges', 'gap']),
    );
    const byId = (id: string) => (s.criteria as Criterion[]).find((c) => c.criterionId === id)!;
    // shown change 100·δ(1 − w)/(1 + δ), S_W − S_j = .131667:
    //   lead time δ = .131667/(0 − 1) = −.131667 → 100·(−.131667)(.8)/.868333 = −12.1305 pp (by Atlas)
    //   price     δ = .131667/(1 − .833333) = .79 → 100·.79·.5/1.79 = 22.0670 pp
    //   quality   infeasible (δ = −2.633 takes .3 below 0) → null
    // the smallest |shown change| is 12.13 pp ≥ 10: not sensitive (|δ| 13.2 points would say the same)
    expect(byId(d.criteria.leadTime)).toMatchObject({ feasible: true, overtakenBy: atlas.id, shownOvertakenBy: atlas.id, overtakenByName: atlas.name });
    expect(byId(d.criteria.leadTime).delta).toBeCloseTo(-0.131667, 6);
    expect(byId(d.criteria.leadTime).shownChange).toBeCloseTo(-12.1305, 4);
    expect(byId(d.criteria.price).shownChange).toBeCloseTo(22.067, 3);
    expect(byId(d.criteria.quality)).toMatchObject({ feasible: false, delta: null, shownChange: null, shownOvertakenBy: null });
    expect(s.sensitive).toBe(false);
    expect(s.gap).toBeCloseTo(13.166667, 6);
    // price cut: Atlas wins at 6840 or less (see the evaluation spec): 31.6 % of 10000, above 5 %
    expect(s.closeCall).toEqual({ priceCutPercent: s.priceCutToWin.percent, threshold: 5, close: false });
    expect(s.closeCall.priceCutPercent).toBeCloseTo(31.6, 2);
    // score changes (scale): Boreal's mean down by 10·.131667/.3 = 79/18 = 4.3889 (to 3.11); Atlas up by as much is past 10
    expect(s.scoreChanges).toEqual([{ criterionId: d.criteria.quality, supplierId: boreal.id, change: expect.closeTo(-79 / 18, 9) }]);

    // the policy: a close call below 40 % (31.6 is one); a shown-weight threshold of 13 pp (12.13 is below it)
    const policy = (await t.http.get('/api/v1/policy').set(t.admin.auth).expect(200)).body;
    expect(policy.sensitivity).toEqual({ threshold: 0.1, closeCallPercent: 5 });
    try {
      await t.http.put('/api/v1/policy').set(t.admin.auth).send({ sensitivity: { threshold: 0.1, closeCallPercent: 40 } }).expect(200);
      expect((await read()).closeCall).toMatchObject({ threshold: 40, close: true });
      // a PUT with the threshold alone keeps the close-call percentage
      const kept = await t.http.put('/api/v1/policy').set(t.admin.auth).send({ sensitivity: { threshold: 0.13 } }).expect(200);
      expect(kept.body.sensitivity).toEqual({ threshold: 0.13, closeCallPercent: 40 });
      const strict = await read();
      expect(strict).toMatchObject({ threshold: 0.13, sensitive: true, closeCall: { threshold: 40, close: true } });
    } finally {
      await t.http.put('/api/v1/policy').set(t.admin.auth).send({ sensitivity: policy.sensitivity }).expect(200);
    }
    expect((await read()).sensitive).toBe(false);
  });

  it('GET /matrix: every cell carries its points, and a row\'s points add up to its total', async () => {
    const d = await scoredCase(t);
    const matrix = (await t.http.get(`/api/v1/cases/${d.caseId}/matrix`).set(d.people.buyer.auth).expect(200)).body;
    // Boreal: price 100·.416667 = 41.6667, quality 100·.225 = 22.5, lead time 100·.2 = 20 → 84.1667
    const [boreal] = matrix.ranking;
    const points = Object.fromEntries(boreal.cells.map((c: { criterionId: string; points: number }) => [c.criterionId, c.points]));
    expect(points[d.criteria.price]).toBeCloseTo(41.666667, 6);
    expect(points[d.criteria.quality]).toBeCloseTo(22.5, 9);
    expect(points[d.criteria.leadTime]).toBeCloseTo(20, 9);
    for (const row of matrix.ranking) {
      const sum = row.cells.reduce((a: number, c: { points: number; contribution: number }) => a + c.points, 0);
      expect(Math.abs(sum - row.total)).toBeLessThanOrEqual(1e-9);
      for (const c of row.cells) expect(c.points).toBeCloseTo(100 * c.contribution, 12);
    }
  });

  it('GET /robustness: the contract, shares that sum to 1, figures a hand integration confirms, the same every time', async () => {
    const d = await scoredCase(t);
    const { atlas, boreal } = d.suppliers;
    const base = `/api/v1/cases/${d.caseId}`;
    const res = await t.http.get(`${base}/robustness`).set(d.people.evaluator.auth).expect(200);
    const r = res.body;
    expect(Object.keys(r).sort()).toEqual(['samples', 'seed', 'spread', 'suppliers']);
    expect(r).toMatchObject({ samples: 10_000, spread: 0.25, seed: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // the ranked suppliers in the matrix's order; Cumulus is excluded
    expect(r.suppliers.map((s: Acceptability) => s.supplierId)).toEqual([boreal.id, atlas.id]);
    for (const s of r.suppliers as Acceptability[]) {
      expect(Object.keys(s).sort()).toEqual(['acceptability', 'centralWeights', 'confidence', 'firstRank', 'supplierId']);
      expect(s.acceptability).toHaveLength(2);
      expect(s.acceptability.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(s.firstRank).toBe(s.acceptability[0]);
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
    expect(r.suppliers[0].acceptability[0] + r.suppliers[1].acceptability[0]).toBeCloseTo(1, 12);

    // Hand integration. Each draw multiplies .5, .3, .2 by f1, f2, f3 uniform on [.75, 1.25] and
    // bootstraps each quality mean from its two scores: Atlas 6 (1/4), 7 (1/2), 8 (1/4); Boreal
    // 6 (1/4), 7.5 (1/2), 9 (1/4). Renormalizing does not change the sign of
    //   S_Boreal − S_Atlas ∝ .5·f1·(.833333 − 1) + .3·f2·(q_B − q_A)/10 + .2·f3·(1 − 0)
    // so P(Atlas first) = Σ over the 9 score pairs of P(pair)·P_f(that sum < 0), the latter by a
    // 60³ midpoint rule: .00207 (.002067 on 120³). Three standard errors at N = 10,000: .00136.
    let atlasFirst = 0;
    const n = 60;
    for (const [qa, pa] of [[6, 0.25], [7, 0.5], [8, 0.25]]) {
      for (const [qb, pb] of [[6, 0.25], [7.5, 0.5], [9, 0.25]]) {
        let below = 0;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            for (let k = 0; k < n; k++) {
              const [f1, f2, f3] = [i, j, k].map((x) => 0.75 + (x + 0.5) / (2 * n));
              if (0.5 * f1 * (-1 / 6) + (0.3 * f2 * (qb - qa)) / 10 + 0.2 * f3 < 0) below++;
            }
          }
        }
        atlasFirst += (pa * pb * below) / n ** 3;
      }
    }
    expect(atlasFirst).toBeCloseTo(0.00207, 4);
    const threeSe = 3 * Math.sqrt((atlasFirst * (1 - atlasFirst)) / 10_000);
    const [borealRow, atlasRow] = r.suppliers as Acceptability[];
    expect(Math.abs(atlasRow.firstRank - atlasFirst)).toBeLessThanOrEqual(threeSe + 1e-4);
    // at Boreal's central weights (close to .5/.3/.2) the gap is .1167 + .03·(q_B − q_A) ≥ .0567 for
    // every bootstrap pair, so Boreal wins every score draw
    expect(borealRow.confidence).toBe(1);
    expect(borealRow.centralWeights.map((c) => c.criterionId)).toEqual([d.criteria.price, d.criteria.quality, d.criteria.leadTime]);
    borealRow.centralWeights.forEach((c, k) => expect(Math.abs(c.weight - [0.5, 0.3, 0.2][k])).toBeLessThan(0.01));

    // deterministic: the same case gives the same figures, byte for byte
    const again = await t.http.get(`${base}/robustness`).set(d.people.decider.auth).expect(200);
    expect(again.text).toBe(res.text);

    // the seed is the decision snapshot without its proposal: proposing changes nothing, and it is
    // the hash of the stored snapshot minus its proposal
    await t.http.post(`${base}/decision`).set(d.people.decider.auth).send({ supplierId: boreal.id, justification: 'Best total.' }).expect(201);
    const [stored] = await t.db.query('SELECT snapshot, snapshot_hash FROM decisions WHERE case_id = $1 AND superseded_at IS NULL', [d.caseId]);
    const { proposal: _proposal, ...ranking } = stored.snapshot;
    expect(sha256(canonicalJson(ranking))).toBe(r.seed);
    expect(stored.snapshot_hash).not.toBe(r.seed);
    expect((await t.http.get(`${base}/robustness`).set(d.people.decider.auth).expect(200)).text).toBe(res.text);

    // a changed score draws anew: Atlas's second evaluator now says 10 (Atlas 8 and 10, mean 9)
    await putScores(t, d, d.people.evaluator2, [{ supplierId: atlas.id, criterionId: d.criteria.quality, score: 10 }]).expect(200);
    const changed = (await t.http.get(`${base}/robustness`).set(d.people.decider.auth).expect(200)).body;
    expect(changed.seed).not.toBe(r.seed);
    expect(changed.suppliers[1].firstRank).toBeGreaterThan(atlasRow.firstRank);
  });

  it('follows the policy (samples, spread, validated) and the permission table of the sensitivity endpoint', async () => {
    const d = await scoredCase(t);
    const base = `/api/v1/cases/${d.caseId}`;
    const policy = (await t.http.get('/api/v1/policy').set(t.admin.auth).expect(200)).body;
    expect(policy.robustness).toEqual({ samples: 10_000, spread: 0.25 });
    for (const [robustness, field] of [
      [{ samples: 50, spread: 0.25 }, 'robustness.samples'],
      [{ samples: 100_001, spread: 0.25 }, 'robustness.samples'],
      [{ samples: 1000.5, spread: 0.25 }, 'robustness.samples'],
      [{ samples: 1000, spread: 1 }, 'robustness.spread'],
      [{ samples: 1000, spread: -0.1 }, 'robustness.spread'],
      [{ samples: 1000 }, 'robustness.spread'],
    ] as const) {
      const res = await t.http.put('/api/v1/policy').set(t.admin.auth).send({ robustness }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    await t.http.put('/api/v1/policy').set(t.admin.auth).send({ sensitivity: { threshold: 0.1, closeCallPercent: 101 } }).expect(400);
    try {
      await t.http.put('/api/v1/policy').set(t.admin.auth).send({ robustness: { samples: 500, spread: 0 } }).expect(200);
      const r = (await t.http.get(`${base}/robustness`).set(d.people.decider.auth).expect(200)).body;
      expect(r).toMatchObject({ samples: 500, spread: 0 });
      // spread 0: the weights never move, only the scores; Atlas cannot win at .5/.3/.2 (the gap
      // stays ≥ .0567 for every score pair), so the shares are exactly 1 and 0
      expect(r.suppliers.map((s: Acceptability) => s.acceptability)).toEqual([
        [1, 0],
        [0, 1],
      ]);
      expect(r.suppliers[0].centralWeights.map((c: { weight: number }) => c.weight)).toEqual([
        expect.closeTo(0.5, 12),
        expect.closeTo(0.3, 12),
        expect.closeTo(0.2, 12),
      ]);
      expect(r.suppliers[1]).toMatchObject({ firstRank: 0, centralWeights: [], confidence: 0 });
    } finally {
      await t.http.put('/api/v1/policy').set(t.admin.auth).send({ robustness: policy.robustness }).expect(200);
    }

    // who may read it: as the sensitivity endpoint (any case role, admin; 404 outside the case)
    for (const who of [d.people.gatekeeper, d.people.initiator, d.people.approver, t.admin]) {
      await t.http.get(`${base}/robustness`).set(who.auth).expect(200);
    }
    await t.http.get(`${base}/robustness`).set(d.people.outsider.auth).expect(404);
    const open = await decisionCase(t, { closeRound: false });
    const noRound = await t.http.get(`/api/v1/cases/${open.caseId}/robustness`).set(open.people.buyer.auth).expect(409);
    expect(noRound.body.detail).toMatch(/no negotiation round has closed/);
    await t.http.get('/api/v1/cases/not-a-uuid/robustness').set(t.admin.auth).expect(400);
  });
});
