import { seededRandom } from './random';
import { bootstrapMean, PACKED_BOOTSTRAP_MAX, packedBootstrapMean, rankAcceptability, type RobustnessInput } from './robustness';
import { type MatrixCriterion, type MatrixSupplier } from './types';

const SEED = 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c';
const N = 10_000;

const supplier = (supplierId: string, raw: Record<string, number | null>, extra: Partial<MatrixSupplier> = {}): MatrixSupplier => ({
  supplierId,
  raw,
  reliability: 50,
  totalCost: 0,
  failedRequirements: [],
  ...extra,
});
const valueCriterion = (id: string, weight: number): MatrixCriterion => ({
  id,
  direction: 'higher_is_better',
  normalization: 'minmax',
  source: 'offer.value',
  weight,
});
/** three standard errors of a share p estimated from n draws */
const threeSe = (p: number, n = N) => 3 * Math.sqrt((p * (1 - p)) / n);
const byId = (result: ReturnType<typeof rankAcceptability>) => Object.fromEntries(result.suppliers.map((s) => [s.supplierId, s]));

describe('rankAcceptability (SMAA-2)', () => {
  it('dominance: a supplier at least as good on every criterion ranks first in every draw, a dominated one never', () => {
    // A ≥ B ≥ C on price, lead time and quality, whatever the weights and whichever bootstrap mean
    // (A's quality scores 9 and 10 are above B's 5 and 7, above C's 1 and 3): every draw ranks A, B, C
    const input: RobustnessInput = {
      criteria: [
        { id: 'price', direction: 'lower_is_better', normalization: 'ratio', source: 'offer.price', weight: 0.5 },
        { id: 'lead', direction: 'lower_is_better', normalization: 'minmax', source: 'offer.leadTimeDays', weight: 0.2 },
        { id: 'quality', direction: 'higher_is_better', normalization: 'scale', source: 'evaluator', weight: 0.3 },
      ],
      suppliers: [
        supplier('C', { price: 130, lead: 30, quality: 2 }),
        supplier('A', { price: 100, lead: 10, quality: 9.5 }),
        supplier('B', { price: 100, lead: 20, quality: 6 }),
      ],
      evaluatorScores: { quality: { A: [9, 10], B: [5, 7], C: [1, 3] } },
    };
    const result = rankAcceptability(input, { samples: N, spread: 0.25, seed: SEED });
    const s = byId(result);
    expect(result.suppliers.map((x) => x.supplierId)).toEqual(['A', 'B', 'C']); // the matrix's order
    expect(s.A.acceptability).toEqual([1, 0, 0]);
    expect(s.B.acceptability).toEqual([0, 1, 0]);
    expect(s.C.acceptability).toEqual([0, 0, 1]);
    expect([s.A.firstRank, s.B.firstRank, s.C.firstRank]).toEqual([1, 0, 0]);
    expect([s.A.confidence, s.B.confidence, s.C.confidence]).toEqual([1, 0, 0]);
    // A wins every draw, so its central weights are the mean of all draws: by symmetry of the
    // factors around 1, close to the effective weights (.5, .2, .3)
    expect(s.A.centralWeights.map((c) => c.criterionId)).toEqual(['price', 'lead', 'quality']);
    s.A.centralWeights.forEach((c, k) => expect(Math.abs(c.weight - [0.5, 0.2, 0.3][k])).toBeLessThan(0.005));
    expect(s.A.centralWeights.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 12);
    expect(s.B.centralWeights).toEqual([]);
    expect(s.C.centralWeights).toEqual([]);
  });

  it('two mirrored suppliers under equal weights: 0.5 each, within three standard errors', () => {
    // min–max: A (1, 0), B (0, 1); w = (.5, .5) → A first ⇔ f1 > f2, f iid uniform on [.75, 1.25]:
    // P = .5; three standard errors at N = 10,000: 3·√(.25/10,000) = .015
    // central weights of A: E[f1/(f1 + f2) | f1 > f2], by a 400 × 400 midpoint rule below: .5420
    // (.54195 on a 2000 × 2000 grid, so the rule is good to 1e-4, well inside the .002 allowed)
    const input: RobustnessInput = {
      criteria: [valueCriterion('c1', 0.5), valueCriterion('c2', 0.5)],
      suppliers: [supplier('A', { c1: 10, c2: 1 }), supplier('B', { c1: 1, c2: 10 })],
    };
    const result = rankAcceptability(input, { samples: N, spread: 0.25, seed: SEED });
    const s = byId(result);
    expect(Math.abs(s.A.firstRank - 0.5)).toBeLessThanOrEqual(threeSe(0.5));
    expect(s.A.acceptability[0] + s.B.acceptability[0]).toBeCloseTo(1, 12);
    expect(s.A.acceptability[1]).toBeCloseTo(s.B.acceptability[0], 12);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < 400; i++) {
      for (let j = 0; j < 400; j++) {
        const f1 = 0.75 + (i + 0.5) / 800;
        const f2 = 0.75 + (j + 0.5) / 800;
        if (f1 > f2) {
          sum += f1 / (f1 + f2);
          count++;
        }
      }
    }
    const expectedCentral = sum / count; // .5420
    expect(expectedCentral).toBeCloseTo(0.542, 3);
    expect(Math.abs(s.A.centralWeights[0].weight - expectedCentral)).toBeLessThan(0.002);
    expect(Math.abs(s.B.centralWeights[1].weight - expectedCentral)).toBeLessThan(0.002);
    // fixed scores: at its central weights (w1 > w2) A wins for sure, and B at its own
    expect([s.A.confidence, s.B.confidence]).toEqual([1, 1]);
  });

  it('unequal weights, worked exactly: w = (.6, .4) gives the favoured supplier 47/48', () => {
    // A (1, 0), B (0, 1): A first ⇔ .6·f1 > .4·f2 ⇔ f2 > 1.5·f1 fails. With f uniform on [.75, 1.25]
    // (density 2 each): P(f2 > 1.5 f1) = 4 ∫ from .75 to 1.25/1.5 of (1.25 − 1.5 f1) df1
    //   = 4 · ([1.25 f − .75 f²] from .75 to .833333) = 4 · (.520833 − .515625) = 1/48
    // so P(A first) = 47/48 = .979167 (three standard errors .0043)
    const result = rankAcceptability(
      { criteria: [valueCriterion('c1', 0.6), valueCriterion('c2', 0.4)], suppliers: [supplier('A', { c1: 10, c2: 1 }), supplier('B', { c1: 1, c2: 10 })] },
      { samples: N, spread: 0.25, seed: SEED },
    );
    const s = byId(result);
    expect(Math.abs(s.A.firstRank - 47 / 48)).toBeLessThanOrEqual(threeSe(47 / 48));
    // no spread at all: the weights are the effective ones in every draw and A always wins
    const fixed = rankAcceptability(
      { criteria: [valueCriterion('c1', 0.6), valueCriterion('c2', 0.4)], suppliers: [supplier('A', { c1: 10, c2: 1 }), supplier('B', { c1: 1, c2: 10 })] },
      { samples: 1000, spread: 0, seed: SEED },
    );
    expect(byId(fixed).A.acceptability).toEqual([1, 0]);
    expect(byId(fixed).A.centralWeights.map((c) => c.weight)).toEqual([expect.closeTo(0.6, 12), expect.closeTo(0.4, 12)]);
  });

  it('evaluators who disagree: each draw resamples their scores (bootstrap), 3/4 for the winner', () => {
    // price (ratio, lower, .5) level at 100; quality (scale, .5): A scored 4 and 10 (mean 7), B 6 alone
    // totals .5 + .05·mean: A .85 > B .80 in the matrix; a bootstrap mean of A's two scores is
    //   4 (both 4: 1/4), 7 (one each: 1/2) or 10 (1/4) → A behind B only at 4: P(A first) = 3/4
    // spread 0, so the weights never move: the confidence factors equal the first-rank shares
    const result = rankAcceptability(
      {
        criteria: [
          { id: 'price', direction: 'lower_is_better', normalization: 'ratio', source: 'offer.price', weight: 0.5 },
          { id: 'quality', direction: 'higher_is_better', normalization: 'scale', source: 'evaluator', weight: 0.5 },
        ],
        suppliers: [supplier('B', { price: 100, quality: 6 }), supplier('A', { price: 100, quality: 7 })],
        evaluatorScores: { quality: { A: [4, 10], B: [6] } },
      },
      { samples: N, spread: 0, seed: SEED },
    );
    const s = byId(result);
    expect(result.suppliers.map((x) => x.supplierId)).toEqual(['A', 'B']);
    expect(Math.abs(s.A.firstRank - 0.75)).toBeLessThanOrEqual(threeSe(0.75)); // ± .013
    expect(s.B.firstRank).toBeCloseTo(1 - s.A.firstRank, 12);
    expect(Math.abs(s.A.confidence - 0.75)).toBeLessThanOrEqual(threeSe(0.75));
    expect(Math.abs(s.B.confidence - 0.25)).toBeLessThanOrEqual(threeSe(0.25));
  });

  it('the same input gives the same figures; another seed gives other draws', () => {
    const input: RobustnessInput = {
      criteria: [valueCriterion('c1', 0.5), valueCriterion('c2', 0.5)],
      suppliers: [supplier('A', { c1: 10, c2: 1 }), supplier('B', { c1: 1, c2: 10 })],
    };
    const once = rankAcceptability(input, { samples: 2000, spread: 0.25, seed: SEED });
    const again = rankAcceptability(structuredClone(input), { samples: 2000, spread: 0.25, seed: SEED });
    expect(again).toEqual(once);
    expect(JSON.stringify(again)).toBe(JSON.stringify(once));
    const other = rankAcceptability(input, { samples: 2000, spread: 0.25, seed: 'f'.repeat(64) });
    expect(other.seed).toBe('f'.repeat(64));
    expect(other.suppliers[0].firstRank).not.toBe(once.suppliers[0].firstRank);
  });

  it('acceptabilities sum to 1 per supplier and per rank; tied suppliers share their ranks equally', () => {
    // six suppliers, four criteria, bootstrap on one; X and Y are identical, so every draw ties them
    // (within 1e-9 of each other) and each takes half of the two ranks they span
    const criteria: MatrixCriterion[] = [
      { id: 'price', direction: 'lower_is_better', normalization: 'ratio', source: 'offer.price', weight: 0.4 },
      { id: 'quality', direction: 'higher_is_better', normalization: 'minmax', source: 'evaluator', weight: 0.3 },
      { id: 'lead', direction: 'lower_is_better', normalization: 'minmax', source: 'offer.leadTimeDays', weight: 0.2 },
      { id: 'rel', direction: 'higher_is_better', normalization: 'scale', source: 'reliability', weight: 0.1 },
    ];
    const input: RobustnessInput = {
      criteria,
      suppliers: [
        supplier('P', { price: 100, quality: 6, lead: 20, rel: 80 }),
        supplier('Q', { price: 110, quality: 7.5, lead: 15, rel: 70 }),
        supplier('R', { price: 95, quality: 5, lead: 30, rel: 90 }),
        supplier('X', { price: 105, quality: 7, lead: 18, rel: 75 }),
        supplier('Y', { price: 105, quality: 7, lead: 18, rel: 75 }),
        supplier('Z', { price: 120, quality: 9, lead: 25, rel: 60 }, { failedRequirements: [{ requirementId: 'iso', reason: 'no ISO 9001' }] }),
      ],
      evaluatorScores: { quality: { P: [4, 8], Q: [7, 8], R: [5], X: [7], Y: [7], Z: [9] } },
    };
    const result = rankAcceptability(input, { samples: 5000, spread: 0.4, seed: SEED });
    expect(result.suppliers.map((x) => x.supplierId).sort()).toEqual(['P', 'Q', 'R', 'X', 'Y']); // Z is excluded
    const m = result.suppliers.length;
    for (const s of result.suppliers) {
      expect(s.acceptability).toHaveLength(m);
      expect(Math.abs(s.acceptability.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
      expect(s.acceptability.every((a) => a >= 0 && a <= 1)).toBe(true);
      expect(s.firstRank).toBe(s.acceptability[0]);
    }
    for (let r = 0; r < m; r++) {
      expect(Math.abs(result.suppliers.reduce((sum, s) => sum + s.acceptability[r], 0) - 1)).toBeLessThanOrEqual(1e-12);
    }
    const s = byId(result);
    expect(s.X.acceptability).toEqual(s.Y.acceptability);
  });

  it('refuses options out of range', () => {
    const input: RobustnessInput = { criteria: [valueCriterion('c1', 1)], suppliers: [supplier('A', { c1: 1 })] };
    for (const options of [
      { samples: 99, spread: 0.25, seed: SEED },
      { samples: 100_001, spread: 0.25, seed: SEED },
      { samples: 1000.5, spread: 0.25, seed: SEED },
      { samples: 1000, spread: 1, seed: SEED },
      { samples: 1000, spread: -0.1, seed: SEED },
      { samples: 1000, spread: 0.25, seed: 'not hex' },
    ]) {
      expect(() => rankAcceptability(input, options)).toThrow(expect.objectContaining({ code: 'POLICY_INVALID' }));
    }
    // one ranked supplier: first in every draw
    expect(rankAcceptability(input, { samples: 100, spread: 0.25, seed: SEED }).suppliers).toEqual([
      { supplierId: 'A', acceptability: [1], firstRank: 1, centralWeights: [{ criterionId: 'c1', weight: expect.closeTo(1, 12) }], confidence: 1 },
    ]);
  });
});

describe('bootstrapMean', () => {
  /** P(sum of n draws with replacement from `scores` ≥ threshold), by direct convolution (independent of the sampler) */
  const exactAtLeast = (scores: number[], threshold: number) => {
    let dist = new Map<number, number>([[0, 1]]);
    for (let i = 0; i < scores.length; i++) {
      const next = new Map<number, number>();
      for (const [sum, p] of dist) for (const x of scores) next.set(sum + x, (next.get(sum + x) ?? 0) + p / scores.length);
      dist = next;
    }
    return [...dist].filter(([sum]) => sum >= threshold - 1e-9).reduce((a, [, p]) => a + p, 0);
  };
  /** the share of `draws` bootstrap means of `scores` (stored after two unrelated values) at or above `mean` */
  const shareAtLeast = (scores: number[], mean: number, draws: number, seed: string) => {
    const n = scores.length;
    const stored = Float64Array.from([-100, -100, ...scores]);
    const random = seededRandom(seed);
    const uniforms = new Float64Array(3 + n);
    let hits = 0;
    for (let i = 0; i < draws; i++) {
      random.fill(uniforms);
      if (bootstrapMean(stored, 2, n, uniforms, 3) >= mean - 1e-12) hits++;
    }
    return hits / draws;
  };

  it('picks ⌊U·n⌋ for each uniform: the lowest uniforms give the lowest score, the highest the highest', () => {
    const scores = Float64Array.from([2, 4, 6, 8, 10]);
    expect(bootstrapMean(scores, 0, 5, Float64Array.from([0, 0, 0, 0, 0]), 0)).toBe(2);
    expect(bootstrapMean(scores, 0, 5, Float64Array.from([0.9999, 0.9999, 0.9999, 0.9999, 0.9999]), 0)).toBe(10);
    // ⌊.1·5⌋ = 0, ⌊.3·5⌋ = 1, ⌊.5·5⌋ = 2, ⌊.7·5⌋ = 3, ⌊.9·5⌋ = 4: each score once → mean 6
    expect(bootstrapMean(scores, 0, 5, Float64Array.from([0.1, 0.3, 0.5, 0.7, 0.9]), 0)).toBe(6);
    // offsets into both arrays: scores[1 … 2] = 4, 6 with uniforms[2 …] = .2, .8 → (4 + 6)/2
    expect(bootstrapMean(scores, 1, 2, Float64Array.from([0.99, 0.99, 0.2, 0.8]), 2)).toBe(5);
  });

  it('five evaluators: the mean follows the bootstrap law (P(mean ≥ 7) = 687/3125)', () => {
    // scores 2, 4, 6, 8, 10; P(mean ≥ 7) = P(sum ≥ 35) = P(sum of five draws from 1 … 5 ≥ 18) = 687/3125 = .21984
    const p = exactAtLeast([2, 4, 6, 8, 10], 35);
    expect(p).toBeCloseTo(687 / 3125, 12);
    const n = 20_000;
    expect(Math.abs(shareAtLeast([2, 4, 6, 8, 10], 7, n, '00112233445566778899aabbccddeeff') - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it('nine evaluators: the same law (P(mean ≥ 6) = .138640 for the scores 1 … 9)', () => {
    const p = exactAtLeast([1, 2, 3, 4, 5, 6, 7, 8, 9], 54);
    expect(p).toBeCloseTo(0.13864, 5);
    const n = 20_000;
    expect(Math.abs(shareAtLeast([1, 2, 3, 4, 5, 6, 7, 8, 9], 6, n, 'ffeeddccbbaa99887766554433221100') - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / n));
  });
});

describe('packedBootstrapMean: one uniform for a whole mean of up to six scores', () => {
  const scores = Float64Array.from([-100, 2, 4, 6, 8, 10]);

  it('takes the first n base-n digits of U as the indices', () => {
    // U = (0·5⁴ + 1·5³ + 2·5² + 3·5 + 4)/5⁵ = 194/3125: digits 0 1 2 3 4 → each score once → mean 6
    expect(packedBootstrapMean(scores, 1, 5, 194 / 3125)).toBe(6);
    expect(packedBootstrapMean(scores, 1, 5, 0)).toBe(2);
    // the largest U of the generator, 1 − 2^-32: every digit 4 → mean 10
    expect(packedBootstrapMean(scores, 1, 5, 1 - 2 ** -32)).toBe(10);
    // U = 3/4 with two scores: digits 1 1 → the second score twice
    expect(packedBootstrapMean(scores, 1, 2, 0.75)).toBe(4);
    expect(PACKED_BOOTSTRAP_MAX ** PACKED_BOOTSTRAP_MAX).toBeLessThan(2 ** 16);
  });

  it('follows the bootstrap law for five evaluators (P(mean ≥ 7) = 687/3125)', () => {
    const random = seededRandom('0123456789abcdef0123456789abcdef');
    const draws = 20_000;
    let hits = 0;
    for (let i = 0; i < draws; i++) if (packedBootstrapMean(scores, 1, 5, random.next()) >= 7 - 1e-12) hits++;
    const p = 687 / 3125;
    expect(Math.abs(hits / draws - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / draws));
  });

  it('maps the 5^5 cells of U one to one onto the 5^5 index tuples: exactly 687 of them give a mean ≥ 7', () => {
    // U in the middle of each of the 3125 equal cells of [0, 1): every tuple of five indices once
    const means = Array.from({ length: 3125 }, (_, i) => packedBootstrapMean(scores, 1, 5, (i + 0.5) / 3125));
    expect(means.filter((m) => m >= 7 - 1e-12)).toHaveLength(687);
    // and the sum of all means is 3125 × the mean of the scores (each index equally often in every position)
    expect(means.reduce((a, b) => a + b, 0)).toBeCloseTo(3125 * 6, 9);
  });
});

