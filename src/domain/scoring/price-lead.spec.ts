import { decisionMatrix } from './matrix';
import { seededRandom } from './random';
import { priceLead, sensitivity } from './sensitivity';
import { type MatrixCriterion, type MatrixInput, type MatrixSupplier, type Normalization } from './types';

/**
 * The price-cut bisection's lead recomputes only the price column and the totals (issue 17 item 3).
 * Against the full recompute it replaced (the whole `decisionMatrix` at every trial price), the lead
 * must be the same double at every price, so the bisection walks the same path to the same cut.
 */

/** The runner-up's lead as it was computed before: the whole matrix again at the trial price. */
function fullRecomputeLead(input: MatrixInput, price: MatrixCriterion, runnerUp: string) {
  return (p: number): number => {
    const suppliers = input.suppliers.map((s) => (s.supplierId === runnerUp ? { ...s, raw: { ...s.raw, [price.id]: p } } : s));
    const { ranking } = decisionMatrix({ criteria: input.criteria, suppliers });
    let own = 0;
    let best = -Infinity;
    for (const r of ranking) {
      if (r.supplierId === runnerUp) own = r.total;
      else best = Math.max(best, r.total);
    }
    return (own - best) / 100;
  };
}

/** The price cut as the bisection found it with the full recompute (the same loop as sensitivity's). */
function fullRecomputeCut(input: MatrixInput, runnerUp: string) {
  const price = input.criteria.find((c) => c.source === 'offer.price')!;
  const fromPrice = input.suppliers.find((s) => s.supplierId === runnerUp)!.raw[price.id]!;
  const lead = fullRecomputeLead(input, price, runnerUp);
  if (lead(fromPrice) > -1e-9) return fromPrice;
  let low = fromPrice * 1e-9;
  if (lead(low) < 0) return null;
  let high = fromPrice;
  while (high - low > 1e-6 * low) {
    const middle = (low + high) / 2;
    if (lead(middle) >= 0) low = middle;
    else high = middle;
  }
  return low;
}

/** The domain's seeded generator (xoshiro128**), as a plain function; the seed is spelled in hex. */
const prng = (seed: number): (() => number) => {
  const random = seededRandom(seed.toString(16).padStart(32, '0'));
  return () => random.next();
};

/** A random input: the price criterion at a random position, some suppliers failing a requirement, a missing value here and there. */
function randomInput(random: () => number, suppliers: number, criteria: number): MatrixInput {
  const normalizations: Normalization[] = ['ratio', 'minmax', 'scale'];
  const at = Math.floor(random() * criteria);
  const raw = Array.from({ length: criteria }, () => 0.2 + random());
  const sum = raw.reduce((s, w) => s + w, 0);
  const list: MatrixCriterion[] = raw.map((w, k) =>
    k === at
      ? { id: `c${k}`, source: 'offer.price', direction: 'lower_is_better', normalization: random() < 0.5 ? 'ratio' : 'minmax', weight: w / sum }
      : {
          id: `c${k}`,
          source: k % 3 === 0 ? 'evaluator' : 'offer.value',
          direction: random() < 0.5 ? 'higher_is_better' : 'lower_is_better',
          normalization: k % 3 === 0 ? 'scale' : normalizations[k % 2],
          weight: w / sum,
        },
  );
  const rows: MatrixSupplier[] = Array.from({ length: suppliers }, (_, j) => ({
    supplierId: `s${String(j).padStart(3, '0')}`,
    raw: Object.fromEntries(
      list.map((c) => [
        c.id,
        c.source === 'offer.price' ? 1000 + Math.round(random() * 100_000) / 100 : c.source === 'evaluator' ? Math.round(random() * 1000) / 100 : random() < 0.05 ? null : 1 + random() * 99,
      ]),
    ),
    reliability: random() * 100,
    totalCost: 1000 + random() * 1000,
    failedRequirements: random() < 0.1 ? [{ requirementId: 'r1', reason: 'not met' }] : [],
  }));
  return { criteria: list, suppliers: rows };
}

describe('priceLead: the runner-up’s lead with only the price column recomputed', () => {
  it('is the full recompute’s double at every trial price, on random inputs of many shapes', () => {
    const random = prng(17);
    for (let run = 0; run < 60; run++) {
      const input = randomInput(random, 2 + Math.floor(random() * 30), 1 + Math.floor(random() * 12));
      const ranking = decisionMatrix(input).ranking;
      if (ranking.length < 2) continue;
      const price = input.criteria.find((c) => c.source === 'offer.price')!;
      for (const r of ranking.slice(0, 3)) {
        const fast = priceLead(input, price, r.supplierId);
        const full = fullRecomputeLead(input, price, r.supplierId);
        const from = input.suppliers.find((s) => s.supplierId === r.supplierId)!.raw[price.id]!;
        for (const p of [from, from * 1e-9, from / 2, from * 0.97, from * 1.5, 1, from - 0.01]) expect(Object.is(fast(p), full(p))).toBe(true);
      }
    }
  });

  it('gives sensitivity the same price cut as the full recompute, on random inputs and a hand case', () => {
    const random = prng(4711);
    const inputs = Array.from({ length: 40 }, () => randomInput(random, 2 + Math.floor(random() * 20), 2 + Math.floor(random() * 8)));
    // hand case: B wins on quality, A levels at 80 under ratio (B: 0.4 + 0.5·p/100 = 0.8)
    inputs.push({
      criteria: [
        { id: 'q', source: 'evaluator', direction: 'higher_is_better', normalization: 'scale', weight: 0.5 },
        { id: 'p', source: 'offer.price', direction: 'lower_is_better', normalization: 'ratio', weight: 0.5 },
      ],
      suppliers: [
        { supplierId: 'A', raw: { q: 6, p: 100 }, reliability: 50, totalCost: 100, failedRequirements: [] },
        { supplierId: 'B', raw: { q: 8, p: 100 }, reliability: 50, totalCost: 100, failedRequirements: [] },
      ],
    });
    let compared = 0;
    for (const input of inputs) {
      const result = sensitivity(input);
      if (result.runnerUp === null) continue;
      const expected = fullRecomputeCut(input, result.runnerUp);
      expect(result.priceCutToWin?.toPrice ?? null).toBe(expected);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(30);
    const hand = sensitivity(inputs[inputs.length - 1]);
    expect(hand.runnerUp).toBe('A');
    expect(hand.priceCutToWin!.toPrice).toBeCloseTo(80, 3);
  });
});
