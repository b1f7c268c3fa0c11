import { DomainError } from '../errors';
import { decisionMatrix } from './matrix';
import {
  type MatrixCriterion,
  type MatrixSupplier,
  type WeightCriterion,
} from './types';
import { effectiveWeights } from './weights';

const supplier = (
  supplierId: string,
  raw: Record<string, number | null>,
  extra: Partial<MatrixSupplier> = {},
): MatrixSupplier => ({ supplierId, raw, reliability: 50, totalCost: 0, failedRequirements: [], ...extra });

const byId = (result: ReturnType<typeof decisionMatrix>) =>
  Object.fromEntries(result.ranking.map((r) => [r.supplierId, r]));

describe('decisionMatrix', () => {
  it('ratio normalization in both directions: price min/x, warranty x/max', () => {
    // price (lower, w .5): min 100 → A 100/100 = 1, B 100/125 = .8, C 100/200 = .5
    // warranty (higher, w .5): max 36 → A 12/36 = 1/3, B 24/36 = 2/3, C 36/36 = 1
    // S: A .5 + 1/6 = .666667, B .4 + 1/3 = .733333, C .25 + .5 = .75 → C, B, A
    const criteria: MatrixCriterion[] = [
      { id: 'price', direction: 'lower_is_better', normalization: 'ratio', source: 'offer.price', weight: 0.5 },
      { id: 'warranty', direction: 'higher_is_better', normalization: 'ratio', source: 'offer.warrantyMonths', weight: 0.5 },
    ];
    const result = decisionMatrix({
      criteria,
      suppliers: [
        supplier('A', { price: 100, warranty: 12 }),
        supplier('B', { price: 125, warranty: 24 }),
        supplier('C', { price: 200, warranty: 36 }),
      ],
    });
    expect(result.ranking.map((r) => [r.supplierId, r.rank, r.tie])).toEqual([
      ['C', 1, false],
      ['B', 2, false],
      ['A', 3, false],
    ]);
    const s = byId(result);
    expect(s.C.total).toBeCloseTo(75, 12);
    expect(s.B.total).toBeCloseTo(220 / 3, 12); // 73.333…
    expect(s.A.total).toBeCloseTo(200 / 3, 12); // 66.666…
    expect(s.B.cells).toEqual([
      { criterionId: 'price', raw: 125, normalized: 0.8, contribution: 0.4, points: 40 },
      { criterionId: 'warranty', raw: 24, normalized: 24 / 36, contribution: 0.5 * (24 / 36), points: 100 * 0.5 * (24 / 36) },
    ]);
  });

  it('min–max normalization in both directions: lead time and payment days', () => {
    // lead time (lower, w .6): min 10, max 40 → (40 − x)/30: A 1, B .5, C 0
    // payment days (higher, w .4): min 30, max 90 → (x − 30)/60: A 0, B 1, C .25
    // S: A .6, B .3 + .4 = .7, C 0 + .1 = .1 → B 70, A 60, C 10
    const result = decisionMatrix({
      criteria: [
        { id: 'lead', direction: 'lower_is_better', normalization: 'minmax', source: 'offer.leadTimeDays', weight: 0.6 },
        { id: 'pay', direction: 'higher_is_better', normalization: 'minmax', source: 'offer.paymentDays', weight: 0.4 },
      ],
      suppliers: [
        supplier('A', { lead: 10, pay: 30 }),
        supplier('B', { lead: 25, pay: 90 }),
        supplier('C', { lead: 40, pay: 45 }),
      ],
    });
    const s = byId(result);
    expect(result.ranking.map((r) => r.supplierId)).toEqual(['B', 'A', 'C']);
    expect(s.B.total).toBeCloseTo(70, 12);
    expect(s.A.total).toBeCloseTo(60, 12);
    expect(s.C.total).toBeCloseTo(10, 12);
    expect(s.B.cells.map((c) => c.normalized)).toEqual([0.5, 1]);
    expect(s.C.cells.map((c) => c.normalized)).toEqual([0, 0.25]);
  });

  it('all-equal values normalize to 1 under min–max and ratio', () => {
    // lead 14 for both: max − min = 0 → 1;  price 90 for both: 90/90 = 1; S = 1 → 100, a tie
    const result = decisionMatrix({
      criteria: [
        { id: 'lead', direction: 'lower_is_better', normalization: 'minmax', source: 'offer.leadTimeDays', weight: 0.5 },
        { id: 'price', direction: 'lower_is_better', normalization: 'ratio', source: 'offer.price', weight: 0.5 },
      ],
      suppliers: [supplier('A', { lead: 14, price: 90 }), supplier('B', { lead: 14, price: 90 })],
    });
    for (const r of result.ranking) {
      expect(r.cells.map((c) => c.normalized)).toEqual([1, 1]);
      expect(r.total).toBeCloseTo(100, 12);
      expect(r.tie).toBe(true);
    }
  });

  it('scale normalization: evaluator /10, reliability /100, lower_is_better as 1 − that, missing as 0', () => {
    // quality (evaluator, higher, w .4): A 8 → .8, B missing → 0 (raw shown as null)
    // risk (evaluator, lower, w .2): A 3 → 1 − .3 = .7, B 6 → .4
    // reliability (w .4, read from the supplier's score): A 90 → .9, B 60 → .6
    // S: A .32 + .14 + .36 = .82, B 0 + .08 + .24 = .32
    const result = decisionMatrix({
      criteria: [
        { id: 'quality', direction: 'higher_is_better', normalization: 'scale', source: 'evaluator', weight: 0.4 },
        { id: 'risk', direction: 'lower_is_better', normalization: 'scale', source: 'evaluator', weight: 0.2 },
        { id: 'rel', direction: 'higher_is_better', normalization: 'scale', source: 'reliability', weight: 0.4 },
      ],
      suppliers: [
        supplier('A', { quality: 8, risk: 3 }, { reliability: 90 }),
        supplier('B', { quality: null, risk: 6 }, { reliability: 60 }),
      ],
    });
    const s = byId(result);
    expect(s.A.total).toBeCloseTo(82, 12);
    expect(s.B.total).toBeCloseTo(32, 12);
    expect(s.B.cells[0]).toEqual({ criterionId: 'quality', raw: null, normalized: 0, contribution: 0, points: 0 });
    expect(s.A.cells[1].normalized).toBeCloseTo(0.7, 15);
    expect(s.A.cells[2]).toEqual({ criterionId: 'rel', raw: 90, normalized: 0.9, contribution: 0.4 * 0.9, points: 100 * (0.4 * 0.9) });
  });

  it('a supplier failing a mandatory requirement is listed apart and does not move the normalization', () => {
    // D is the cheapest (80) but fails two requirements: one excluded row each, and the ratio
    // min stays 100 among A and B: A 100/100 = 1, B 100/125 = .8 (with D it would be .8 and .64)
    const result = decisionMatrix({
      criteria: [{ id: 'price', direction: 'lower_is_better', normalization: 'ratio', source: 'offer.price', weight: 1 }],
      suppliers: [
        supplier('A', { price: 100 }),
        supplier('B', { price: 125 }),
        supplier('D', { price: 80 }, {
          failedRequirements: [
            { requirementId: 'iso9001', reason: 'ISO 9001 certificate expired' },
            { requirementId: 'delivery30', reason: 'delivery in 45 days, 30 required' },
          ],
        }),
      ],
    });
    expect(result.ranking.map((r) => [r.supplierId, r.total])).toEqual([
      ['A', 100],
      ['B', 80],
    ]);
    expect(result.excluded).toEqual([
      { supplierId: 'D', requirementId: 'iso9001', reason: 'ISO 9001 certificate expired' },
      { supplierId: 'D', requirementId: 'delivery30', reason: 'delivery in 45 days, 30 required' },
    ]);
  });

  it('a tie is reported and shown by reliability, then total cost', () => {
    // price (ratio lower, w .5), quality (evaluator, w .5)
    // X: 100, 6 → .5·1 + .5·.6 = .8;  Y: 125, 8 → .5·.8 + .5·.8 = .8;  W: 125, 8 → .8;  Z: 200, 5 → .25 + .25 = .5
    // X, Y, W tie at 80: Y (reliability 90) first, then X and W (both 70) by cost: W 900 before X 1000
    const result = decisionMatrix({
      criteria: [
        { id: 'price', direction: 'lower_is_better', normalization: 'ratio', source: 'offer.price', weight: 0.5 },
        { id: 'quality', direction: 'higher_is_better', normalization: 'scale', source: 'evaluator', weight: 0.5 },
      ],
      suppliers: [
        supplier('X', { price: 100, quality: 6 }, { reliability: 70, totalCost: 1000 }),
        supplier('Z', { price: 200, quality: 5 }, { reliability: 99, totalCost: 10 }),
        supplier('Y', { price: 125, quality: 8 }, { reliability: 90, totalCost: 1250 }),
        supplier('W', { price: 125, quality: 8 }, { reliability: 70, totalCost: 900 }),
      ],
    });
    expect(result.ranking.map((r) => [r.supplierId, r.rank, r.tie])).toEqual([
      ['Y', 1, true],
      ['W', 2, true],
      ['X', 3, true],
      ['Z', 4, false],
    ]);
    result.ranking.slice(0, 3).forEach((r) => expect(r.total).toBeCloseTo(80, 10));
    expect(result.ranking[3].total).toBeCloseTo(50, 12);
  });

  it('ties do not chain: suppliers are tied only when every pair is within 1e-9', () => {
    // one evaluator criterion (scale, w 1): S = mean/10
    // A 8 → .8;  B 8 − 6e-9 → .8 − 6e-10;  C 8 − 1.2e-8 → .8 − 1.2e-9;  D 7 → .7
    // A–B .6e-9 < 1e-9 and B–C .6e-9 < 1e-9, but A–C 1.2e-9 ≥ 1e-9: the old rule chained all three
    // into one tie; now {A, B} tie and C stands alone (C is not tied with B either: B's group is taken)
    const result = decisionMatrix({
      criteria: [{ id: 'quality', direction: 'higher_is_better', normalization: 'scale', source: 'evaluator', weight: 1 }],
      suppliers: [
        supplier('C', { quality: 8 - 1.2e-8 }),
        supplier('A', { quality: 8 }),
        supplier('D', { quality: 7 }),
        supplier('B', { quality: 8 - 6e-9 }),
      ],
    });
    expect(result.ranking.map((r) => [r.supplierId, r.rank, r.tie])).toEqual([
      ['A', 1, true],
      ['B', 2, true],
      ['C', 3, false],
      ['D', 4, false],
    ]);
  });

  it("each cell's points are 100 × its contribution and a row's points add up to its total", () => {
    // w (.5, .3, .2); A: price 100 → 1, quality 7 → .7, lead 10 of 10..20 (minmax lower) → 1
    //   points 50 + 21 + 20 = 91 = total;  B: 125 → .8, 9 → .9, 20 → 0: 40 + 27 + 0 = 67
    const result = decisionMatrix({
      criteria: [
        { id: 'price', direction: 'lower_is_better', normalization: 'ratio', source: 'offer.price', weight: 0.5 },
        { id: 'quality', direction: 'higher_is_better', normalization: 'scale', source: 'evaluator', weight: 0.3 },
        { id: 'lead', direction: 'lower_is_better', normalization: 'minmax', source: 'offer.leadTimeDays', weight: 0.2 },
      ],
      suppliers: [supplier('A', { price: 100, quality: 7, lead: 10 }), supplier('B', { price: 125, quality: 9, lead: 20 })],
    });
    const s = byId(result);
    expect(s.A.cells.map((c) => c.points)).toEqual([expect.closeTo(50, 12), expect.closeTo(21, 12), expect.closeTo(20, 12)]);
    expect(s.B.cells.map((c) => c.points)).toEqual([expect.closeTo(40, 12), expect.closeTo(27, 12), 0]);
    for (const row of result.ranking) {
      expect(Math.abs(row.cells.reduce((sum, c) => sum + c.points, 0) - row.total)).toBeLessThanOrEqual(1e-12);
      row.cells.forEach((c) => expect(c.points).toBe(100 * c.contribution));
    }
    expect(s.A.total).toBeCloseTo(91, 12);
    expect(s.B.total).toBeCloseTo(67, 12);
  });

  it('the strategic rule changes the winner: cheapest wins on base weights, most reliable on effective', () => {
    // price (ratio lower) 6, quality (evaluator) 4; Cheap: 80, 7, reliability 40; Reliable: 100, 7, reliability 90
    // base: price .6, quality .4
    //   Cheap    .6·1 + .4·.7 = .88        Reliable .6·(80/100) + .4·.7 = .76      → Cheap
    // strategic: no reliability criterion → built-in; R' = max(0, .30, .6/1.6 = .375) = .375
    //   price .6·.625 = .375, quality .4·.625 = .25, reliability .375
    //   Cheap    .375·1 + .25·.7 + .375·.40 = .70
    //   Reliable .375·.8 + .25·.7 + .375·.90 = .8125                                  → Reliable
    const base: WeightCriterion[] = [
      { id: 'price', name: 'Total price', kind: 'price', source: 'offer.price', direction: 'lower_is_better', normalization: 'ratio', weight: 6 },
      { id: 'quality', name: 'Quality', kind: 'quality', source: 'evaluator', direction: 'higher_is_better', normalization: 'scale', weight: 4 },
    ];
    const suppliers = [
      supplier('Cheap', { price: 80, quality: 7 }, { reliability: 40, totalCost: 80 }),
      supplier('Reliable', { price: 100, quality: 7 }, { reliability: 90, totalCost: 100 }),
    ];
    const run = (strategic: boolean) => {
      const weights = effectiveWeights(base, strategic);
      return decisionMatrix({ criteria: weights.criteria, suppliers });
    };

    const routine = byId(run(false));
    expect(run(false).ranking[0].supplierId).toBe('Cheap');
    expect(routine.Cheap.total).toBeCloseTo(88, 12);
    expect(routine.Reliable.total).toBeCloseTo(76, 12);

    const strategic = byId(run(true));
    expect(run(true).ranking[0].supplierId).toBe('Reliable');
    expect(strategic.Reliable.total).toBeCloseTo(81.25, 12);
    expect(strategic.Cheap.total).toBeCloseTo(70, 12);
    expect(strategic.Cheap.cells[2]).toMatchObject({ raw: 40, normalized: 0.4 });
  });

  it('refuses a non-positive value under ratio normalization', () => {
    expect(() =>
      decisionMatrix({
        criteria: [{ id: 'price', direction: 'lower_is_better', normalization: 'ratio', source: 'offer.price', weight: 1 }],
        suppliers: [supplier('A', { price: 0 })],
      }),
    ).toThrow(expect.objectContaining({ code: 'RATIO_NON_POSITIVE' }));
  });

  it('refuses weights that do not sum to 1, and scale on an offer field', () => {
    expect(() =>
      decisionMatrix({
        criteria: [{ id: 'q', direction: 'higher_is_better', normalization: 'scale', source: 'evaluator', weight: 0.7 }],
        suppliers: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'WEIGHTS_INVALID' }));
    expect(() =>
      decisionMatrix({
        criteria: [{ id: 'w', direction: 'higher_is_better', normalization: 'scale', source: 'offer.warrantyMonths', weight: 1 }],
        suppliers: [supplier('A', { w: 12 })],
      }),
    ).toThrow(DomainError);
  });
});
