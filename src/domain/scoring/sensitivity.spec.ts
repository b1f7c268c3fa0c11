import { decisionMatrix } from './matrix';
import { closeCall, sensitivity, sensitivityFromNormalized } from './sensitivity';
import { type MatrixCriterion, type MatrixInput, type MatrixSupplier } from './types';

// Every δ below follows from
//   δ = (S_W − S_j) / (n_jk − n_Wk),  feasible when 0 ≤ w_k + δ (the weights are renormalized after)
// and every shown change from shownChange = 100·δ(1 − w_k)/(1 + δ) percentage points (Σw = 1).
// The published example (Triantaphyllou & Sánchez 1997) is the first scenario; the others are
// worked by hand.

const supplier = (supplierId: string, raw: Record<string, number | null>): MatrixSupplier => ({
  supplierId,
  raw,
  reliability: 50,
  totalCost: 0,
  failedRequirements: [],
});

describe('sensitivityFromNormalized', () => {
  it('Triantaphyllou & Sánchez (1997), Decision Sciences 28(1): the WSM example, top alternative A1', () => {
    // The paper's normalized matrix (rows A1..A4, columns C1..C4) and weights (they sum to 1.0001);
    // it computed from unrounded data, so its figures are matched within its own rounding.
    //   S = Σ w_k·a_ik:  A1 .316183, A2 .276776, A3 .262266, A4 .144875
    //   (published .3162 .2768 .2621 .1449; A3 differs in the 4th decimal, 0.06 % relative)
    // δ for A1 against each j, δ = (S_1 − S_j)/(a_jk − a_1k), percent = 100·δ/w_k:
    //   C1: A2 −.426017 (w .3277 − .426 < 0, infeasible), A3 .379427 → 115.785 %, A4 infeasible
    //       published 116.17 % by A3: 0.33 % relative apart
    //   C2: A2 .702435 → 229.704 % (published 229.7 %); A3, A4 take w below 0
    //   C3: A2 −.186584 → −64.876 %, A3 −.201708 → −70.135 %: A2 (published 64.88 %)
    //   C4: A2 .090258 → 114.250 % (published 114.18 % by A2, 0.06 % relative); A3, A4 infeasible
    //   most critical: C3, the smallest |percent|
    // shown changes (Σw = 1.0001, so 100·δ(W − w_k)/(W(W + δ))): C4 by A2 .090258·.9211/(1.0001·1.090358)
    //   = 7.6239 pp, the only one below 10 → sensitive
    const result = sensitivityFromNormalized({
      criteria: ['C1', 'C2', 'C3', 'C4'],
      weights: [0.3277, 0.3058, 0.2876, 0.079],
      alternatives: [
        { id: 'A1', normalized: [0.3088, 0.2897, 0.3867, 0.1922] },
        { id: 'A2', normalized: [0.2163, 0.3458, 0.1755, 0.6288] },
        { id: 'A3', normalized: [0.4509, 0.2473, 0.1194, 0.0575] },
        { id: 'A4', normalized: [0.024, 0.1172, 0.3184, 0.1215] },
      ],
    });
    expect(result.winner).toBe('A1');
    expect(result.runnerUp).toBe('A2');
    const published = [
      { percent: 116.17, by: 'A3' },
      { percent: 229.7, by: 'A2' },
      { percent: 64.88, by: 'A2' },
      { percent: 114.18, by: 'A2' },
    ];
    result.criteria.forEach((c, k) => {
      expect(c).toMatchObject({ feasible: true, overtakenBy: published[k].by });
      const relative = Math.abs(Math.abs(c.percent!) - published[k].percent) / published[k].percent;
      expect(relative).toBeLessThanOrEqual(0.004); // the paper's rounding: at most 0.4 % relative
    });
    // and our own figures, to the digit
    expect(result.criteria.map((c) => c.percent)).toEqual([
      expect.closeTo(115.785, 3),
      expect.closeTo(229.704, 3),
      expect.closeTo(-64.876, 3),
      expect.closeTo(114.25, 3),
    ]);
    expect(result.mostCritical).toBe('C3');
    expect(result.criteria[3].shownChange).toBeCloseTo(7.6239, 4);
    expect(result.sensitive).toBe(true);
    expect(result.gap).toBeCloseTo(3.94066, 5); // 100·(.316183 − .276776)
  });

  it('the 30/70 example: δ = .12 on the first criterion, shown weights 37.5/62.5, a 7.5 pp shown change → sensitive', () => {
    // w = (.3, .7);  A (.2, 1.0): S = .06 + .70 = .76 ← winner;  B (1.0, .52): S = .30 + .364 = .664
    // C1: δ = (.76 − .664)/(1.0 − .2) = .096/.8 = .12 → 40 % of .3; weights (.42, .7)/1.12 = (.375, .625)
    //     shown change .375 − .3 = .075 = .12·(1 − .3)/(1 + .12) → 7.5 pp
    // C2: δ = .096/(.52 − 1) = −.2 → −28.57 % of .7; weights (.3, .5)/.8 = (.375, .625) again: −7.5 pp
    // |δ| = .12 is above the 10-point threshold (the old rule said robust), 7.5 pp is below it
    // check at the crossover: A (.375·.2 + .625·1) = .7 = B (.375·1 + .625·.52) = .7
    const result = sensitivityFromNormalized({
      criteria: ['C1', 'C2'],
      weights: [0.3, 0.7],
      alternatives: [
        { id: 'A', normalized: [0.2, 1.0] },
        { id: 'B', normalized: [1.0, 0.52] },
      ],
    });
    const [c1, c2] = result.criteria;
    expect(c1.delta).toBeCloseTo(0.12, 12);
    expect(c1.percent).toBeCloseTo(40, 10);
    expect(c1.shownChange).toBeCloseTo(7.5, 10);
    expect((0.3 + c1.delta!) / (1 + c1.delta!)).toBeCloseTo(0.375, 12);
    expect((0.7 * 1) / (1 + c1.delta!)).toBeCloseTo(0.625, 12);
    expect(c2.delta).toBeCloseTo(-0.2, 12);
    expect(c2.shownChange).toBeCloseTo(-7.5, 10);
    expect(result.mostCritical).toBe('C2'); // |−28.57 %| < 40 %
    expect(result.sensitive).toBe(true);
    expect(result.gap).toBeCloseTo(9.6, 10);
    const shown = [0.375, 0.625];
    expect(shown[0] * 0.2 + shown[1] * 1.0).toBeCloseTo(shown[0] * 1.0 + shown[1] * 0.52, 12);
  });

  it('the smallest shown change can come from a raise when the smallest |δ| is a cut', () => {
    // w = (.2, .8);  A (.5, .5): .1 + .4 = .5 ← winner;  B (1, .28125): .2 + .225 = .425;
    // C (0, .54375): 0 + .435 = .435 (runner-up)
    // C1: B δ = .075/(1 − .5) = .15, C δ = .065/(0 − .5) = −.13 (.2 − .13 ≥ 0): |δ| smallest for C
    //     shown: C −.13·.8/.87 = −11.954 pp, B .15·.8/1.15 = 10.435 pp → the shown change is B's
    //     (raise w1 by .15: (.35, .8)/1.15 = (.304348, .695652) and A = B = .5)
    // C2: B δ = .075/(.28125 − .5) = −.342857 → −10.435 pp, C δ = .065/.04375 = 1.485714 → 11.954 pp
    // smallest |shown| 10.435: not sensitive at 10 pp, sensitive at 10.5 pp
    const problem = {
      criteria: ['C1', 'C2'],
      weights: [0.2, 0.8],
      alternatives: [
        { id: 'A', normalized: [0.5, 0.5] },
        { id: 'B', normalized: [1, 0.28125] },
        { id: 'C', normalized: [0, 0.54375] },
      ],
    };
    const result = sensitivityFromNormalized(problem);
    const [c1, c2] = result.criteria;
    expect(c1).toMatchObject({ overtakenBy: 'C', shownOvertakenBy: 'B' });
    expect(c1.delta).toBeCloseTo(-0.13, 12);
    expect(c1.percent).toBeCloseTo(-65, 10);
    expect(c1.shownChange).toBeCloseTo(12 / 1.15, 10); // 10.4348
    expect(c2).toMatchObject({ overtakenBy: 'B', shownOvertakenBy: 'B' });
    expect(c2.delta).toBeCloseTo(-0.075 / 0.21875, 12);
    expect(c2.shownChange).toBeCloseTo(-12 / 1.15, 10);
    expect(result.sensitive).toBe(false);
    expect(sensitivityFromNormalized(problem, { sensitiveThreshold: 0.105 }).sensitive).toBe(true);
    const w = [0.35 / 1.15, 0.8 / 1.15];
    expect(w[0] * 0.5 + w[1] * 0.5).toBeCloseTo(w[0] * 1 + w[1] * 0.28125, 12);
  });

  it('four criteria, three alternatives: smallest feasible δ per criterion, one criterion infeasible', () => {
    // w = (.4, .3, .2, .1)
    // A (1.0, .4, .5, 1.0): S = .40 + .12 + .10 + .10 = .72  ← winner
    // B ( .7, .8, .4,  .9): S = .28 + .24 + .08 + .09 = .69
    // C ( .4, .9, .9,  .9): S = .16 + .27 + .18 + .09 = .70  ← runner-up
    // C1: B .03/(.7 − 1) = −.1,   C .02/(.4 − 1) = −.033333 → −1/30 by C; −1/30 / .4 = −8.3333 %
    // C2: B .03/(.8 − .4) = .075, C .02/(.9 − .4) = .04     → .04 by C;   .04/.3 = 13.3333 %
    // C3: B .03/(.4 − .5) = −.3 (.2 − .3 < 0, infeasible), C .02/(.9 − .5) = .05 → .05 by C; 25 %
    // C4: B .03/(.9 − 1) = −.3, C .02/(.9 − 1) = −.2: both take w_4 = .1 below 0 → infeasible
    // most critical: smallest |percent| = C1 (8.33 %)
    // shown changes δ(1 − w)/(1 + δ), ×100 pp, smallest |·| per criterion:
    //   C1: B −.1·.6/.9 = −6.6667, C −(1/30)·.6/(29/30) = −.6/29 = −2.0690 → −2.0690 by C
    //   C2: B .075·.7/1.075 = 4.8837, C .04·.7/1.04 = 2.6923 → 2.6923 by C
    //   C3: C .05·.8/1.05 = 3.8095
    // sensitive: |−2.07| < 10 pp; gap S_A − S_C = .72 − .70 = 2 points
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
    expect(c4).toEqual({
      criterionId: 'C4',
      delta: null,
      percent: null,
      feasible: false,
      overtakenBy: null,
      shownChange: null,
      shownOvertakenBy: null,
    });
    expect(result.mostCritical).toBe('C1');
    expect(result.sensitive).toBe(true);
    expect(c1.shownChange).toBeCloseTo(-60 / 29, 10); // −2.0690
    expect(c2.shownChange).toBeCloseTo(2.8 / 1.04, 10); // 2.6923
    expect(c3.shownChange).toBeCloseTo(4 / 1.05, 10); // 3.8095
    expect([c1, c2, c3].map((c) => c.shownOvertakenBy)).toEqual(['C', 'C', 'C']);
    expect(result.gap).toBeCloseTo(2, 12);
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
    // sensitive is read on the shown weights (DESIGN §4.6): δ(1 − w)/(1 + δ), in pp, smallest per criterion
    //   C1: B −(1/30)·.5/(29/30) = −.5/29 = −1.7241 (C −(7/60)·.5/(53/60) = −6.6038)
    //   C2: B .025·.7/1.025 = 1.7073;  C3: B .1·.8/1.1 = 7.2727
    // smallest |shownChange| 1.7073 pp: sensitive at 10 pp (the default) and at 2 pp — where the old
    // rule on |δ| (smallest .025 = 2.5 points) said not sensitive —, not at 1.7 pp
    expect(result.criteria.map((c) => c.shownChange)).toEqual([
      expect.closeTo(-50 / 29, 10),
      expect.closeTo(1.75 / 1.025, 10),
      expect.closeTo(8 / 1.1, 10),
    ]);
    expect(result.sensitive).toBe(true);
    const at = (sensitiveThreshold: number) =>
      sensitivityFromNormalized(
        { criteria: ['C1', 'C2', 'C3'], weights: [0.5, 0.3, 0.2], alternatives: [
          { id: 'A', normalized: [1.0, 0.4, 0.5] },
          { id: 'B', normalized: [0.7, 0.8, 0.6] },
          { id: 'C', normalized: [0.4, 0.9, 0.9] },
        ] },
        { sensitiveThreshold },
      ).sensitive;
    expect(at(0.02)).toBe(true);
    expect(at(0.017)).toBe(false);
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
      criteria: [
        { criterionId: 'C1', delta: null, percent: null, feasible: false, overtakenBy: null, shownChange: null, shownOvertakenBy: null },
      ],
      mostCritical: null,
      sensitive: false,
      gap: null,
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
    // a tie: no cut needed (0 % < 5 %), no weight or score change needed, a gap of 0 points
    expect(result.closeCall).toEqual({ priceCutPercent: 0, threshold: 5, close: true });
    expect(result.criteria.map((c) => c.shownChange)).toEqual([expect.closeTo(0, 10), expect.closeTo(0, 10)]);
    expect(result.gap).toBeCloseTo(0, 10);
    expect(result.scoreChanges).toEqual([{ criterionId: 'quality', supplierId: 'W', change: expect.closeTo(0, 9) }]);
  });

  it('close call: the runner-up wins with a cut below the policy percentage (default 5 %)', () => {
    // price w .5, quality w .5;  W 100, 8: .5·1 + .5·.8 = .9 ← winner
    //   R 104, 8.2: .5·(100/104) + .41 = .480769 + .41 = .890769 (gap .923077 points)
    // W keeps the lowest price while R's p ≥ 100: R = .5·(100/p) + .41 ≥ .9 ⇔ 100/p ≥ .98 ⇔ p ≤ 102.0408
    // cut 104 − 102.0408 = 1.9592 = 1.8838 % of 104 → a close call at 5 %, not at 1.5 %
    // (the bisection stops within a relative 1e-6 of the price, so the percent is good to 3 decimals)
    const input: MatrixInput = {
      criteria: priceAndQuality(0.5),
      suppliers: [supplier('W', { price: 100, quality: 8 }), supplier('R', { price: 104, quality: 8.2 })],
    };
    const result = sensitivity(input);
    expect(Math.abs(result.priceCutToWin!.toPrice - 100 / 0.98) / (100 / 0.98)).toBeLessThanOrEqual(1e-6);
    expect(result.closeCall.priceCutPercent).toBeCloseTo((100 * (104 - 100 / 0.98)) / 104, 3); // 1.8838
    expect(result.closeCall).toMatchObject({ threshold: 5, close: true });
    expect(sensitivity(input, { closeCallPercent: 1.5 }).closeCall).toMatchObject({ threshold: 1.5, close: false });
    expect(result.gap).toBeCloseTo(90 - (50 * 100) / 104 - 41, 10); // .923077 points
  });

  it('the close-call rule: below the threshold, 0 % included; no cut (null) is never close', () => {
    expect(closeCall(4.99, 5)).toEqual({ priceCutPercent: 4.99, threshold: 5, close: true });
    expect(closeCall(5, 5)).toEqual({ priceCutPercent: 5, threshold: 5, close: false });
    expect(closeCall(0, 5).close).toBe(true);
    expect(closeCall(null, 5)).toEqual({ priceCutPercent: null, threshold: 5, close: false });
    expect(closeCall(3).threshold).toBe(5); // the default
  });

  it('score changes, scale normalization: the winner\'s mean would have to fall 4.39 points (79/18)', () => {
    // The e2e case: price (ratio, lower, .5), quality (evaluator, scale, .3), lead time (minmax, lower, .2)
    //   Atlas 10000, 7.0, 20 days: .5·1 + .3·.70 + .2·0 = .71
    //   Boreal 12000, 7.5, 10 days: .5·(10000/12000) + .3·.75 + .2·1 = .841667 ← winner
    // scale: only the moved supplier's total changes, by .3·Δ/10
    //   Boreal down: Δ = 10·(.841667 − .71)/.3 = 10·(15.8/120)/.3 = 79/18 = 4.388889 → 3.111 (≥ 0, feasible)
    //   Atlas up:    the same 4.388889 → 11.39, above 10: infeasible
    // only evaluator-scored criteria are listed
    const result = sensitivity({
      criteria: [
        { id: 'price', direction: 'lower_is_better', normalization: 'ratio', source: 'offer.price', weight: 0.5 },
        { id: 'quality', direction: 'higher_is_better', normalization: 'scale', source: 'evaluator', weight: 0.3 },
        { id: 'lead', direction: 'lower_is_better', normalization: 'minmax', source: 'offer.leadTimeDays', weight: 0.2 },
      ],
      suppliers: [
        supplier('Atlas', { price: 10000, quality: 7, lead: 20 }),
        supplier('Boreal', { price: 12000, quality: 7.5, lead: 10 }),
      ],
    });
    expect(result.winner).toBe('Boreal');
    expect(result.scoreChanges).toEqual([{ criterionId: 'quality', supplierId: 'Boreal', change: expect.closeTo(-79 / 18, 12) }]);
    expect(result.gap).toBeCloseTo(13.166667, 6);
    // at 7.5 − 79/18 the two totals meet
    const at = decisionMatrix({
      criteria: [
        { id: 'price', direction: 'lower_is_better', normalization: 'ratio', source: 'offer.price', weight: 0.5 },
        { id: 'quality', direction: 'higher_is_better', normalization: 'scale', source: 'evaluator', weight: 0.3 },
        { id: 'lead', direction: 'lower_is_better', normalization: 'minmax', source: 'offer.leadTimeDays', weight: 0.2 },
      ],
      suppliers: [
        supplier('Atlas', { price: 10000, quality: 7, lead: 20 }),
        supplier('Boreal', { price: 12000, quality: 7.5 - 79 / 18, lead: 10 }),
      ],
    });
    expect(at.ranking[0].total).toBeCloseTo(at.ranking[1].total, 10);
  });

  it('score changes, min–max normalization: a challenger raised until it reaches the winner (22/13)', () => {
    // price (ratio, lower, .8), quality (evaluator, min–max, higher, .2): min 5, max 9
    //   W 100, 5: .8 + .2·0 = .8 ← winner;  R 130, 7: .8·(100/130) + .2·.5 = .715385;  T 150, 9: .533333 + .2 = .733333
    // W down: W stays at the minimum (0) and R's (7 − v)/(9 − v) rises only to 7/9: R .770940 < .8 → never
    // T up: T stays at 1 and only the others fall → never
    // R up (v ≤ 9): .615385 + .2·(v − 5)/4 = .8 → v − 5 = 4·(.8·30/130)/.2 = 48/13 → v = 8.692308, Δ = 22/13
    const result = sensitivity({
      criteria: [
        { id: 'price', direction: 'lower_is_better', normalization: 'ratio', source: 'offer.price', weight: 0.8 },
        { id: 'quality', direction: 'higher_is_better', normalization: 'minmax', source: 'evaluator', weight: 0.2 },
      ],
      suppliers: [
        supplier('W', { price: 100, quality: 5 }),
        supplier('R', { price: 130, quality: 7 }),
        supplier('T', { price: 150, quality: 9 }),
      ],
    });
    expect(result.winner).toBe('W');
    expect(result.scoreChanges).toEqual([{ criterionId: 'quality', supplierId: 'R', change: expect.closeTo(22 / 13, 8) }]);
  });

  it('score changes: null when no one supplier\'s mean within 0–10 can change the winner', () => {
    // price (ratio, lower, .9), quality (scale, .1): W 100, 5: .9 + .05 = .95;  R 200, 5: .45 + .05 = .50
    // W down to 0: .90 > .50;  R up to 10: .55 < .95
    const result = sensitivity({
      criteria: priceAndQuality(0.9),
      suppliers: [supplier('W', { price: 100, quality: 5 }), supplier('R', { price: 200, quality: 5 })],
    });
    expect(result.scoreChanges).toEqual([{ criterionId: 'quality', supplierId: null, change: null }]);
  });

  it('property: the score change agrees with a brute-force scan of every mean in steps of .01', () => {
    // random problems of 3–4 suppliers, one price and one evaluator criterion under each normalization;
    // for every supplier and every trial mean on a .01 grid over 0–10 (.01–10 under ratio), re-run
    // the matrix and note the smallest |Δ| at which someone reaches the winner's total. The reported
    // change must not be beaten by the grid (beyond 1e-6), and at it someone must reach the winner.
    let seed = 99;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const normalizations = ['scale', 'ratio', 'minmax'] as const;
    for (let run = 0; run < 24; run++) {
      const normalization = normalizations[run % 3];
      const direction = random() < 0.5 ? ('higher_is_better' as const) : ('lower_is_better' as const);
      const wq = 0.2 + random() * 0.6;
      const criteria: MatrixCriterion[] = [
        { id: 'price', direction: 'lower_is_better', normalization: 'ratio', source: 'offer.price', weight: 1 - wq },
        { id: 'quality', direction, normalization, source: 'evaluator', weight: wq },
      ];
      const n = 3 + (run % 2);
      const suppliers = Array.from({ length: n }, (_, j) =>
        supplier(`s${j}`, { price: 80 + Math.round(random() * 60), quality: 1 + Math.round(random() * 800) / 100 }),
      );
      const input: MatrixInput = { criteria, suppliers };
      const result = sensitivity(input);
      const winner = result.winner!;
      const reaches = (id: string, value: number) => {
        const { ranking } = decisionMatrix({
          criteria,
          suppliers: suppliers.map((s) => (s.supplierId === id ? { ...s, raw: { ...s.raw, quality: value } } : s)),
        });
        const top = ranking.find((r) => r.supplierId === winner)!.total;
        return ranking.some((r) => r.supplierId !== winner && r.total >= top - 1e-7);
      };
      let grid: number | null = null;
      for (const s of suppliers) {
        const x = s.raw.quality!;
        for (let i = normalization === 'ratio' ? 1 : 0; i <= 1000; i++) {
          const v = i / 100;
          if (reaches(s.supplierId, v) && (grid === null || Math.abs(v - x) < grid)) grid = Math.abs(v - x);
        }
      }
      const [change] = result.scoreChanges;
      if (grid === null) {
        expect(change.change).toBeNull();
        continue;
      }
      expect(change.change).not.toBeNull();
      expect(Math.abs(change.change!)).toBeLessThanOrEqual(grid + 1e-6);
      const moved = suppliers.find((s) => s.supplierId === change.supplierId)!;
      expect(reaches(moved.supplierId, moved.raw.quality! + change.change!)).toBe(true);
    }
  });
});
