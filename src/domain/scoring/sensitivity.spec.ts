import { decisionMatrix } from './matrix';
import { sensitivity, sensitivityFromNormalized } from './sensitivity';
import { type MatrixCriterion, type MatrixInput, type MatrixSupplier } from './types';

// The published worked examples (Triantaphyllou & Sánchez 1997; Triantaphyllou 2000, ch. 8) could
// not be retrieved, so these scenarios are worked by hand; every δ below follows from
//   δ = (S_W − S_j) / (n_jk − n_Wk),  feasible when 0 ≤ w_k + δ (the weights are renormalized after).

const supplier = (supplierId: string, raw: Record<string, number | null>): MatrixSupplier => ({
  supplierId,
  raw,
  reliability: 50,
  totalCost: 0,
  failedRequirements: [],
});

describe('sensitivityFromNormalized', () => {
  it('four criteria, three alternatives: smallest feasible δ per criterion, one criterion infeasible', () => {
    // w = (.4, .3, .2, .1)
    // A (1.0, .4, .5, 1.0): S = .40 + .12 + .10 + .10 = .72  ← winner
    // B ( .7, .8, .4,  .9): S = .28 + .24 + .08 + .09 = .69
    // C ( .4, .9, .9,  .9): S = .16 + .27 + .18 + .09 = .70  ← runner-up
    // C1: B .03/(.7 − 1) = −.1,   C .02/(.4 − 1) = −.033333 → −1/30 by C; −1/30 / .4 = −8.3333 %
    // C2: B .03/(.8 − .4) = .075, C .02/(.9 − .4) = .04     → .04 by C;   .04/.3 = 13.3333 %
    // C3: B .03/(.4 − .5) = −.3 (.2 − .3 < 0, infeasible), C .02/(.9 − .5) = .05 → .05 by C; 25 %
    // C4: B .03/(.9 − 1) = −.3, C .02/(.9 − 1) = −.2: both take w_4 = .1 below 0 → infeasible
    // most critical: smallest |percent| = C1 (8.33 %); sensitive: |−1/30| < .10
    const result = sensitivityFromNormalized({
      criteria: ['C1', 'C2', 'C3', 'C4'],
      weights: [0.4, 0.3, 0.2, 0.1],
      alternatives: [
        { id: 'A', normalized: [1.0, 0.4, 0.5, 1.0] },
        { id: 'B', normalized: [0.7, 0.8, 0.4, 0.9] },
        { id: 'C', normalized: [0.4, 0.9, 0.9, 0.9] },
      ],
    });
    expect(result.winner).toBe('A');
    expect(result.runnerUp).toBe('C');
    const [c1, c2, c3, c4] = result.criteria;
    expect(c1).toMatchObject({ criterionId: 'C1', feasible: true, overtakenBy: 'C' });
    expect(c1.delta).toBeCloseTo(-1 / 30, 12);
    expect(c1.percent).toBeCloseTo(-25 / 3, 10); // −8.333…
    expect(c2).toMatchObject({ feasible: true, overtakenBy: 'C' });
    expect(c2.delta).toBeCloseTo(0.04, 12);
    expect(c2.percent).toBeCloseTo(40 / 3, 10); // 13.333…
    expect(c3).toMatchObject({ feasible: true, overtakenBy: 'C' });
    expect(c3.delta).toBeCloseTo(0.05, 12);
    expect(c3.percent).toBeCloseTo(25, 10);
    expect(c4).toEqual({ criterionId: 'C4', delta: null, percent: null, feasible: false, overtakenBy: null });
    expect(result.mostCritical).toBe('C1');
    expect(result.sensitive).toBe(true);
  });

  it('the most critical criterion is the smallest relative change, not the smallest absolute one', () => {
    // w = (.5, .3, .2)
    // A (1.0, .4, .5): .72 ← winner;  B (.7, .8, .6): .71;  C (.4, .9, .9): .65
    // C1: B .01/−.3 = −.033333, C .07/−.6 = −.116667 → −1/30; percent −1/30/.5 = −6.6667 %
    // C2: B .01/.4 = .025,      C .07/.5 = .14       → .025;  percent .025/.3 = 8.3333 %
    // C3: B .01/.1 = .1,        C .07/.4 = .175      → .1;    percent 50 %
    // smallest |δ| is C2 (.025) but the percent-top critical criterion is C1 (6.67 % < 8.33 %)
    const result = sensitivityFromNormalized({
      criteria: ['C1', 'C2', 'C3'],
      weights: [0.5, 0.3, 0.2],
      alternatives: [
        { id: 'A', normalized: [1.0, 0.4, 0.5] },
        { id: 'B', normalized: [0.7, 0.8, 0.6] },
        { id: 'C', normalized: [0.4, 0.9, 0.9] },
      ],
    });
    expect(result.criteria.map((c) => c.delta)).toEqual([
      expect.closeTo(-1 / 30, 12),
      expect.closeTo(0.025, 12),
      expect.closeTo(0.1, 12),
    ]);
    expect(result.criteria.map((c) => c.percent)).toEqual([
      expect.closeTo(-20 / 3, 10),
      expect.closeTo(25 / 3, 10),
      expect.closeTo(50, 10),
    ]);
    expect(result.criteria.every((c) => c.overtakenBy === 'B')).toBe(true);
    expect(result.mostCritical).toBe('C1');
    // sensitive below 10 points by default; not with a 2-point threshold (smallest |δ| is 2.5 points)
    expect(result.sensitive).toBe(true);
    expect(
      sensitivityFromNormalized(
        { criteria: ['C1', 'C2', 'C3'], weights: [0.5, 0.3, 0.2], alternatives: [
          { id: 'A', normalized: [1.0, 0.4, 0.5] },
          { id: 'B', normalized: [0.7, 0.8, 0.6] },
          { id: 'C', normalized: [0.4, 0.9, 0.9] },
        ] },
        { sensitiveThreshold: 0.02 },
      ).sensitive,
    ).toBe(false);
  });

  it('renormalizing after the change moves the crossover nowhere', () => {
    // Same problem. Take δ = −1/30 on C1: w' = (.5 − 1/30, .3, .2), Σ = 29/30
    //   S_A = .72 − 1/30·1.0 = .686667,  S_B = .71 − 1/30·.7 = .686667  (equal)
    // renormalized w'' = w'/(29/30): both become .686667·30/29 = .710345 (still equal), because
    // dividing every weight by the same Σ divides every total by it.
    const n = { A: [1.0, 0.4, 0.5], B: [0.7, 0.8, 0.6] };
    const total = (w: number[], x: number[]) => w.reduce((s, wk, k) => s + wk * x[k], 0);
    const changed = [0.5 - 1 / 30, 0.3, 0.2];
    const renormalized = changed.map((w) => w / (29 / 30));
    expect(total(changed, n.A)).toBeCloseTo(total(changed, n.B), 14);
    expect(total(changed, n.A)).toBeCloseTo(103 / 150, 14); // .686666…
    expect(total(renormalized, n.A)).toBeCloseTo(total(renormalized, n.B), 14);
    expect(total(renormalized, n.A)).toBeCloseTo(103 / 145, 14); // .710344…
    // and a 1 % larger change puts B ahead, renormalized or not
    const beyond = [0.5 - 1.01 / 30, 0.3, 0.2];
    const beyondRenormalized = beyond.map((w) => w / (1 - 1.01 / 30));
    expect(total(beyond, n.B)).toBeGreaterThan(total(beyond, n.A));
    expect(total(beyondRenormalized, n.B)).toBeGreaterThan(total(beyondRenormalized, n.A));
  });

  it('a change that takes the raw weight above 1 is still feasible: renormalizing keeps it a valid weighting', () => {
    // w = (.5, .5); A (1, .2): S = .6 ← winner;  B (.3, .8): S = .55
    // C1: .05/(.3 − 1) = −.071429 (w 0.5 → .428571, feasible)
    // C2: .05/(.8 − .2) = .083333 (w .5 → .583333)
    // and with a tiny gap on C2 only: A (1, .5) .75 vs B (.2, .52) .36 → C2 δ = .39/.02 = 19.5:
    // w_2 + δ = 20 > 1, renormalized (.5, 20)/20.5 → B: (.1 + 10.4)/20.5 = .512195 = A: (.5 + 10)/20.5 = .512195
    const wide = sensitivityFromNormalized({
      criteria: ['C1', 'C2'],
      weights: [0.5, 0.5],
      alternatives: [
        { id: 'A', normalized: [1, 0.5] },
        { id: 'B', normalized: [0.2, 0.52] },
      ],
    });
    expect(wide.criteria[1]).toMatchObject({ feasible: true, overtakenBy: 'B' });
    expect(wide.criteria[1].delta).toBeCloseTo(19.5, 10);
    expect(wide.criteria[1].percent).toBeCloseTo(3900, 8);
    const w = [0.5 / 20.5, 20 / 20.5];
    expect(w[0] * 0.2 + w[1] * 0.52).toBeCloseTo(w[0] * 1 + w[1] * 0.5, 12);
  });

  it('a single alternative: nothing can overtake it', () => {
    const result = sensitivityFromNormalized({
      criteria: ['C1'],
      weights: [1],
      alternatives: [{ id: 'A', normalized: [0.5] }],
    });
    expect(result).toEqual({
      winner: 'A',
      runnerUp: null,
      criteria: [{ criterionId: 'C1', delta: null, percent: null, feasible: false, overtakenBy: null }],
      mostCritical: null,
      sensitive: false,
    });
  });
});

describe('sensitivity (from the decision matrix)', () => {
  const priceAndQuality = (priceWeight: number): MatrixCriterion[] => [
    { id: 'price', direction: 'lower_is_better', normalization: 'ratio', source: 'offer.price', weight: priceWeight },
    { id: 'quality', direction: 'higher_is_better', normalization: 'scale', source: 'evaluator', weight: 1 - priceWeight },
  ];

  it('evaluator scores ×10 reproduce the normalized three-criterion scenario', () => {
    // scale: x/10 gives exactly the normalized values of the previous scenario
    const input: MatrixInput = {
      criteria: ['C1', 'C2', 'C3'].map((id, k) => ({
        id,
        direction: 'higher_is_better' as const,
        normalization: 'scale' as const,
        source: 'evaluator' as const,
        weight: [0.5, 0.3, 0.2][k],
      })),
      suppliers: [
        supplier('C', { C1: 4, C2: 9, C3: 9 }),
        supplier('A', { C1: 10, C2: 4, C3: 5 }),
        supplier('B', { C1: 7, C2: 8, C3: 6 }),
      ],
    };
    const result = sensitivity(input);
    expect(result.winner).toBe('A');
    expect(result.runnerUp).toBe('B');
    expect(result.criteria.map((c) => c.delta)).toEqual([
      expect.closeTo(-1 / 30, 12),
      expect.closeTo(0.025, 12),
      expect.closeTo(0.1, 12),
    ]);
    expect(result.mostCritical).toBe('C1');
    expect(result.priceCutToWin).toBeNull(); // no price criterion
  });

  it('price cut to win: bisection follows the normalization as the minimum price moves', () => {
    // price (ratio lower, w .5), quality (evaluator, w .5)
    // W 100, 6: .5·1 + .5·.6 = .80;  R 120, 4: .5·(100/120) + .2 = .616667;  T 150, 5: .5·(100/150) + .25 = .583333
    // R at a price p ≥ 100 scores at most .5 + .2 = .70 < .80. Below 100, R sets the minimum:
    //   R = .5·1 + .2 = .70,  W = .5·(p/100) + .3,  T = .5·(p/150) + .25
    //   R reaches W when .5p/100 = .40 → p = 80 (T at 80: .516667, behind)
    // toPrice 80, cut 40, 33.33 %. Holding W's score fixed would wrongly give 100/(.6/.5) = 83.33.
    const input: MatrixInput = {
      criteria: priceAndQuality(0.5),
      suppliers: [
        supplier('W', { price: 100, quality: 6 }),
        supplier('R', { price: 120, quality: 4 }),
        supplier('T', { price: 150, quality: 5 }),
      ],
    };
    const result = sensitivity(input);
    expect(result.winner).toBe('W');
    expect(result.runnerUp).toBe('R');
    const cut = result.priceCutToWin!;
    expect(cut).toMatchObject({ supplierId: 'R', criterionId: 'price', fromPrice: 120 });
    expect(Math.abs(cut.toPrice - 80) / 80).toBeLessThanOrEqual(1e-6);
    expect(cut.toPrice).toBeLessThanOrEqual(80); // at the reported price R really reaches W
    expect(cut.cut).toBeCloseTo(40, 3);
    expect(cut.percent).toBeCloseTo(100 / 3, 4); // 33.333 %

    // re-running the matrix at the reported price: R is level with W (within the tolerance)
    const at = decisionMatrix({
      ...input,
      suppliers: input.suppliers.map((s) => (s.supplierId === 'R' ? { ...s, raw: { ...s.raw, price: cut.toPrice } } : s)),
    });
    const totals = Object.fromEntries(at.ranking.map((r) => [r.supplierId, r.total]));
    expect(totals.R).toBeCloseTo(70, 12);
    expect(totals.W).toBeCloseTo(70, 3);
  });

  it('no price cut when the runner-up cannot win even at a price near 0', () => {
    // price w .3, quality w .7. W 100, 10;  R 120, 0.
    // As R's price → 0: R = .3·1 + 0 = .30, W = .3·(p/100)→0 + .7·1 = .70 → R never wins
    const result = sensitivity({
      criteria: priceAndQuality(0.3),
      suppliers: [supplier('W', { price: 100, quality: 10 }), supplier('R', { price: 120, quality: 0 })],
    });
    expect(result.runnerUp).toBe('R');
    expect(result.priceCutToWin).toBeNull();
  });

  it('a tie at the top is maximally sensitive and needs no price cut', () => {
    // W 100, 6 and R 125, 8 both score .8 (see the matrix tie scenario); W is shown first for its
    // higher reliability, and δ = 0/(n_R − n_W) = 0 on both criteria
    const result = sensitivity({
      criteria: priceAndQuality(0.5),
      suppliers: [
        { ...supplier('W', { price: 100, quality: 6 }), reliability: 80 },
        supplier('R', { price: 125, quality: 8 }),
      ],
    });
    expect([result.winner, result.runnerUp]).toEqual(['W', 'R']);
    expect(result.criteria.map((c) => c.delta)).toEqual([expect.closeTo(0, 12), expect.closeTo(0, 12)]);
    expect(result.sensitive).toBe(true);
    expect(result.priceCutToWin).toMatchObject({ cut: 0, percent: 0 });
  });
});
