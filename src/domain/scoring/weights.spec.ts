import { DomainError } from '../errors';
import {
  BUILTIN_RELIABILITY_CRITERION_ID,
  type CriterionKind,
  type CriterionSource,
  type StrategicPolicy,
  type WeightCriterion,
} from './types';
import { decisionMatrix } from './matrix';
import { effectiveWeights, normalizeWeights } from './weights';

const criterion = (
  id: string,
  weight: number,
  kind: CriterionKind = 'quality',
  source: CriterionSource = 'evaluator',
): WeightCriterion => ({
  id,
  name: id,
  kind,
  source,
  direction: 'higher_is_better',
  normalization: kind === 'price' ? 'ratio' : 'scale',
  weight,
});

const effectiveOf = (result: ReturnType<typeof effectiveWeights>) =>
  Object.fromEntries(result.items.map((i) => [i.criterionId, i.effective]));

describe('normalizeWeights', () => {
  it('divides by the sum: 2, 3, 5 → 0.2, 0.3, 0.5', () => {
    // Σ = 10
    const w = normalizeWeights([2, 3, 5]);
    expect(w[0]).toBeCloseTo(0.2, 15);
    expect(w[1]).toBeCloseTo(0.3, 15);
    expect(w[2]).toBeCloseTo(0.5, 15);
  });

  it.each([[[]], [[1, 0]], [[1, -2]], [[1, Number.NaN]], [[Number.POSITIVE_INFINITY]]])(
    'refuses %p with WEIGHTS_INVALID',
    (weights) => {
      expect(() => normalizeWeights(weights)).toThrow(DomainError);
      try {
        normalizeWeights(weights);
      } catch (e) {
        expect((e as DomainError).code).toBe('WEIGHTS_INVALID');
      }
    },
  );
});

describe('effectiveWeights — strategic reliability rule', () => {
  it('R = 0: adds the built-in reliability criterion; the floor decides', () => {
    // base 4:3:3 → price .4, quality .3, delivery .3; R = 0, N = 1, w_max = .4
    // R' = min(.9, max(2·0, .30, .4/(1 + .4) = .285714…)) = .30  (floor)
    // others × (1 − .30) = .7 → .28, .21, .21; built-in .30
    const result = effectiveWeights(
      [criterion('price', 4, 'price', 'offer.price'), criterion('quality', 3), criterion('delivery', 3, 'delivery', 'offer.leadTimeDays')],
      true,
    );
    expect(result.addedBuiltin).toBe(true);
    const e = effectiveOf(result);
    expect(e.price).toBeCloseTo(0.28, 15);
    expect(e.quality).toBeCloseTo(0.21, 15);
    expect(e.delivery).toBeCloseTo(0.21, 15);
    expect(e[BUILTIN_RELIABILITY_CRITERION_ID]).toBeCloseTo(0.3, 15);
    const builtin = result.criteria.find((c) => c.id === BUILTIN_RELIABILITY_CRITERION_ID);
    expect(builtin).toEqual({
      id: BUILTIN_RELIABILITY_CRITERION_ID,
      name: 'Supplier reliability',
      kind: 'reliability',
      source: 'reliability',
      direction: 'higher_is_better',
      normalization: 'scale',
      weight: e[BUILTIN_RELIABILITY_CRITERION_ID],
    });
    expect(result.items.find((i) => i.criterionId === BUILTIN_RELIABILITY_CRITERION_ID)?.base).toBe(0);
    expect(result.rule).toBe(
      'Strategic purchase with no reliability criterion: the built-in "Supplier reliability" criterion ' +
        'is added with weight 30%, decided by the floor (30%; multiplier 2 × 0% = 0%, preponderance ' +
        '40% / (100% + 40%) = 28.57%); the other criteria are scaled by 0.7 (1 − 30%).',
    );
  });

  it('R already above the floor: the multiplier decides, two reliability criteria scaled alike', () => {
    // base 20:15:40:25 → audit .20 (kind reliability), score .15 (source reliability), price .40, quality .25
    // R = .35, N = .65, w_max = .40
    // R' = min(.9, max(2·.35 = .70, .30, .40/(.65 + .40) = .380952…)) = .70  (multiplier)
    // reliability × .70/.35 = 2 → .40, .30;  others × (1 − .70)/.65 = 6/13 → .4·6/13 = 2.4/13, .25·6/13 = 1.5/13
    const result = effectiveWeights(
      [
        criterion('audit', 20, 'reliability', 'evaluator'),
        criterion('score', 15, 'other', 'reliability'),
        criterion('price', 40, 'price', 'offer.price'),
        criterion('quality', 25),
      ],
      true,
    );
    expect(result.addedBuiltin).toBe(false);
    const e = effectiveOf(result);
    expect(e.audit).toBeCloseTo(0.4, 15);
    expect(e.score).toBeCloseTo(0.3, 15);
    expect(e.price).toBeCloseTo(2.4 / 13, 15); // 0.184615384615…
    expect(e.quality).toBeCloseTo(1.5 / 13, 15); // 0.115384615384…
    expect(result.rule).toBe(
      'Strategic purchase: the reliability weight is raised from 35% to 70%, decided by the multiplier ' +
        '(2 × 35% = 70%; floor 30%, preponderance 40% / (65% + 40%) = 38.1%); reliability criteria are ' +
        'scaled by 2 (70% / 35%) and the others by 0.4615 ((1 − 70%) / 65%).',
    );
  });

  it('one heavy price criterion: preponderance decides and price ends level with reliability', () => {
    // base 60:25:15 → price .60, quality .25, reliability .15; R = .15, N = .85, w_max = .60
    // terms: 2·.15 = .30, floor .30, .60/(.85 + .60) = 12/29 = .413793…  → R' = 12/29
    // reliability × (12/29)/.15; others × (1 − 12/29)/.85 = (17/29)/(17/20) = 20/29
    // price .60·20/29 = 12/29 (= R', "at least as heavy"), quality .25·20/29 = 5/29
    const result = effectiveWeights(
      [criterion('price', 60, 'price', 'offer.price'), criterion('quality', 25), criterion('reliability', 15, 'reliability', 'reliability')],
      true,
    );
    const e = effectiveOf(result);
    expect(e.reliability).toBeCloseTo(12 / 29, 15); // 0.413793103448…
    expect(e.price).toBeCloseTo(12 / 29, 15);
    expect(e.quality).toBeCloseTo(5 / 29, 15); // 0.172413793103…
    expect(result.rule).toContain('decided by preponderance, so that reliability weighs at least as much as "price"');
    expect(result.rule).toContain('60% / (85% + 60%) = 41.38%');
  });

  it('the 0.9 cap: 2 × 50% = 100% is capped at 90%', () => {
    // base 1:1 → reliability .5, price .5; R = .5, N = .5
    // R' = min(.9, max(1.0, .3, .5/(.5 + .5) = .5)) = .9 (cap); price × (1 − .9)/.5 = .2 → .1
    const result = effectiveWeights(
      [criterion('reliability', 1, 'reliability', 'reliability'), criterion('price', 1, 'price', 'offer.price')],
      true,
    );
    const e = effectiveOf(result);
    expect(e.reliability).toBeCloseTo(0.9, 15);
    expect(e.price).toBeCloseTo(0.1, 15);
    expect(result.rule).toContain('raised from 50% to 90%, decided by the cap (90%');
  });

  it('the cap also applies when the base reliability weight is already above it', () => {
    // §4.3 taken literally: R = .95 → R' = min(.9, max(1.9, .3, .05/(.05 + .05) = .5)) = .9
    // reliability × .9/.95, price × .1/.05 = 2 → .10
    const result = effectiveWeights(
      [criterion('reliability', 95, 'reliability', 'reliability'), criterion('price', 5, 'price', 'offer.price')],
      true,
    );
    const e = effectiveOf(result);
    expect(e.reliability).toBeCloseTo(0.9, 15);
    expect(e.price).toBeCloseTo(0.1, 15);
    expect(result.rule).toContain('lowered from 95% to 90%');
  });

  it('a non-strategic case keeps its base weights', () => {
    // base 3:1 → .75, .25; no built-in criterion
    const result = effectiveWeights([criterion('price', 3, 'price', 'offer.price'), criterion('quality', 1)], false);
    expect(result.addedBuiltin).toBe(false);
    expect(result.items.map((i) => [i.base, i.effective])).toEqual([
      [0.75, 0.75],
      [0.25, 0.25],
    ]);
    expect(result.criteria.map((c) => c.weight)).toEqual([0.75, 0.25]);
    expect(result.rule).toBe('Not a strategic purchase: the effective weights are the base weights.');
  });

  it('a strategic case whose criteria are all reliability criteria keeps its weights', () => {
    // base 1:3 → .25, .75; N = 0, nothing to take weight from
    const result = effectiveWeights(
      [criterion('audit', 1, 'reliability', 'evaluator'), criterion('score', 3, 'other', 'reliability')],
      true,
    );
    expect(result.addedBuiltin).toBe(false);
    expect(result.items.map((i) => i.effective)).toEqual([0.25, 0.75]);
    expect(result.rule).toContain('every criterion is a reliability criterion');
  });

  it('a custom policy: multiplier 3, floor 0.2, cap 0.8', () => {
    // base .1 reliability, .9 price: terms 3·.1 = .3, .2, .9/(.9 + .9) = .5 → R' = .5 (preponderance)
    // reliability × 5 → .5, price × .5/.9 → .5
    const policy: StrategicPolicy = { multiplier: 3, floor: 0.2, cap: 0.8 };
    const e = effectiveOf(
      effectiveWeights([criterion('r', 1, 'reliability', 'reliability'), criterion('p', 9, 'price', 'offer.price')], true, policy),
    );
    expect(e.r).toBeCloseTo(0.5, 15);
    expect(e.p).toBeCloseTo(0.5, 15);
  });

  it('refuses an invalid policy and duplicate criterion ids', () => {
    const cs = [criterion('a', 1), criterion('b', 1)];
    expect(() => effectiveWeights(cs, true, { multiplier: 2, floor: 0.95, cap: 0.9 })).toThrow(
      expect.objectContaining({ code: 'POLICY_INVALID' }),
    );
    expect(() => effectiveWeights(cs, true, { multiplier: 0.5, floor: 0.3, cap: 0.9 })).toThrow(
      expect.objectContaining({ code: 'POLICY_INVALID' }),
    );
    expect(() => effectiveWeights([criterion('a', 1), criterion('a', 2)], true)).toThrow(
      expect.objectContaining({ code: 'WEIGHTS_INVALID' }),
    );
  });

  it('extreme ratio: reliability 1 and price 1e-9 give exactly .9 and .1, and the matrix takes them', () => {
    // base: reliability 1/(1 + 1e-9) = .999999999, price 1e-9/(1 + 1e-9) = 9.99999999e-10
    // R = .999999999; N summed over the other criteria = 9.99999999e-10 (1 − R would give
    // 1.00000008274e-9: only 7 correct digits, and price came out .0999999916, Σ = .9999999916)
    // R' = min(.9, max(2·.999999999, .30, 1e-9/(1e-9 + 1e-9) = .5)) = .9 (the cap)
    // reliability .9 · (1/1) = .9;  price (1 − .9) · (1e-9/1e-9) = .1;  Σ = 1
    const result = effectiveWeights(
      [criterion('reliability', 1, 'reliability', 'reliability'), { ...criterion('price', 1e-9, 'price', 'offer.price'), direction: 'lower_is_better' }],
      true,
    );
    const e = effectiveOf(result);
    expect(e.reliability).toBeCloseTo(0.9, 15);
    expect(e.price).toBeCloseTo(0.1, 15);
    expect(Math.abs(e.reliability + e.price - 1)).toBeLessThanOrEqual(1e-12);
    expect(result.rule).toMatch(/decided by the cap/);
    // the matrix checks Σ w = 1 within 1e-9 and refused the old weights with WEIGHTS_INVALID
    const matrix = decisionMatrix({
      criteria: result.criteria.map((c) => ({ id: c.id, direction: c.direction, normalization: c.normalization, source: c.source, weight: c.weight })),
      suppliers: [
        { supplierId: 'A', raw: { reliability: 80, price: 100 }, reliability: 80, totalCost: 100, failedRequirements: [] },
        { supplierId: 'B', raw: { reliability: 60, price: 50 }, reliability: 60, totalCost: 50, failedRequirements: [] },
      ],
    });
    // A: .9·.8 + .1·(50/100) = .77;  B: .9·.6 + .1·1 = .64
    expect(matrix.ranking.map((r) => r.supplierId)).toEqual(['A', 'B']);
    expect(matrix.ranking[0].total).toBeCloseTo(77, 10);
    expect(matrix.ranking[1].total).toBeCloseTo(64, 10);
  });

  it('property: any positive weights the API accepts (down to the smallest double, up to 1e9) sum to 1 within 1e-12', () => {
    // the specification accepts any positive finite weight ≤ 1e9; draw them log-uniformly over
    // 1e-320 … 1e9 (subnormal doubles included), strategic or not, with and without reliability
    let seed = 7;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const weight = () => (random() < 0.05 ? Number.MIN_VALUE : 10 ** (-320 + random() * 329));
    for (let run = 0; run < 3000; run++) {
      const n = 1 + Math.floor(random() * 12);
      const cs = Array.from({ length: n }, (_, k) =>
        random() < 0.3 ? criterion(`c${k}`, weight(), 'reliability', 'reliability') : criterion(`c${k}`, weight()),
      );
      const result = effectiveWeights(cs, random() < 0.8);
      const sum = result.items.reduce((s, i) => s + i.effective, 0);
      expect(Math.abs(sum - 1)).toBeLessThanOrEqual(1e-12);
      expect(result.items.every((i) => Number.isFinite(i.effective) && i.effective >= 0)).toBe(true);
    }
  });

  it('property: effective weights are ≥ 0, sum to 1 within 1e-12, and reliability is preponderant unless capped', () => {
    // deterministic PRNG (mulberry32) so a failure reproduces
    let seed = 20240611;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (let run = 0; run < 2000; run++) {
      const n = 1 + Math.floor(random() * 8);
      const cs = Array.from({ length: n }, (_, k) =>
        random() < 0.25
          ? criterion(`c${k}`, 0.01 + random() * 100, 'reliability', 'reliability')
          : criterion(`c${k}`, 0.01 + random() * 100),
      );
      const cap = 0.5 + random() * 0.49;
      const policy = { multiplier: 1 + random() * 4, floor: random() * cap, cap };
      const strategic = random() < 0.8;
      const result = effectiveWeights(cs, strategic, policy);

      const sum = result.items.reduce((s, i) => s + i.effective, 0);
      expect(Math.abs(sum - 1)).toBeLessThanOrEqual(1e-12);
      expect(result.items.every((i) => i.effective >= 0)).toBe(true);

      const reliability = result.items
        .filter((i) => i.kind === 'reliability')
        .reduce((s, i) => s + i.effective, 0);
      const heaviestOther = Math.max(0, ...result.items.filter((i) => i.kind !== 'reliability').map((i) => i.effective));
      if (strategic && heaviestOther > 0 && !result.rule.includes('decided by the cap')) {
        expect(reliability).toBeGreaterThanOrEqual(heaviestOther - 1e-12);
        expect(reliability).toBeGreaterThanOrEqual(policy.floor - 1e-12);
      }
    }
  });
});
