import { decisionMatrix } from '../scoring';
import { assembleMatrixInput, type EffectiveCriterion, type MatrixSources, type OfferValues, UNKNOWN_COST } from './matrix-input';
import { scoreKey, summarizeScores } from './scores';

const price: EffectiveCriterion = { id: 'price', source: 'offer.price', direction: 'lower_is_better', normalization: 'ratio', weight: 0.5 };
const quality: EffectiveCriterion = { id: 'quality', source: 'evaluator', direction: 'higher_is_better', normalization: 'scale', weight: 0.3 };
const reliability: EffectiveCriterion = { id: 'rel', source: 'reliability', direction: 'higher_is_better', normalization: 'scale', weight: 0.2 };

const offer = (supplierId: string, convertedTotal: string | null, over: Partial<OfferValues> = {}): OfferValues => ({
  supplierId,
  convertedTotal,
  leadTimeDays: 20,
  warrantyMonths: 24,
  paymentDays: 30,
  compliance: [],
  values: [],
  ...over,
});

const sources = (over: Partial<MatrixSources> = {}): MatrixSources => ({
  criteria: [price, quality, reliability],
  requirements: [],
  offers: [offer('b', '12000.00'), offer('a', '10000.00'), offer('c', '9000.00', { leadTimeDays: 45 })],
  reliability: new Map([
    ['a', 60],
    ['b', 80],
    ['c', 90],
  ]),
  scores: new Map([
    [scoreKey('quality', 'a'), summarizeScores(['6', '8'])],
    [scoreKey('quality', 'b'), summarizeScores(['9'])],
    [scoreKey('quality', 'c'), summarizeScores(['10'])],
  ]),
  certifications: new Map(),
  asOf: '2026-05-01',
  ...over,
});

describe('assembling the decision matrix input', () => {
  it('maps each source to its raw value and orders suppliers by id', () => {
    const input = assembleMatrixInput(sources());
    expect(input.suppliers.map((s) => s.supplierId)).toEqual(['a', 'b', 'c']);
    expect(input.suppliers[0]).toEqual({
      supplierId: 'a',
      raw: { price: 10000, quality: 7, rel: 60 },
      reliability: 60,
      totalCost: 10000,
      failedRequirements: [],
    });
    expect(input.criteria).toEqual([price, quality, reliability]);
  });

  it('reads offer fields and offer values by criterion; a missing value, mean or rate is null', () => {
    const criteria: EffectiveCriterion[] = [
      { id: 'lead', source: 'offer.leadTimeDays', direction: 'lower_is_better', normalization: 'minmax', weight: 0.2 },
      { id: 'warranty', source: 'offer.warrantyMonths', direction: 'higher_is_better', normalization: 'ratio', weight: 0.2 },
      { id: 'payment', source: 'offer.paymentDays', direction: 'higher_is_better', normalization: 'ratio', weight: 0.2 },
      { id: 'co2', source: 'offer.value', direction: 'lower_is_better', normalization: 'ratio', weight: 0.2 },
      { ...quality, weight: 0.1 },
      { ...price, weight: 0.1 },
    ];
    const input = assembleMatrixInput(
      sources({
        criteria,
        offers: [offer('x', null, { leadTimeDays: 12, warrantyMonths: 36, paymentDays: 60, values: [{ criterionId: 'co2', value: 4.5 }] })],
      }),
    );
    expect(input.suppliers[0].raw).toEqual({ lead: 12, warranty: 36, payment: 60, co2: 4.5, quality: null, price: null });
    expect(input.suppliers[0].totalCost).toBe(UNKNOWN_COST);
    expect(input.suppliers[0].reliability).toBe(0);
  });

  it('carries failed requirements, checked on asOf', () => {
    const input = assembleMatrixInput(
      sources({ requirements: [{ id: 'r-lead', text: 'delivery within 30 days', type: 'max_lead_time_days', value: 30 }] }),
    );
    expect(input.suppliers.find((s) => s.supplierId === 'c')!.failedRequirements).toEqual([
      { requirementId: 'r-lead', reason: 'lead time of 45 days exceeds the maximum of 30 days' },
    ]);
  });

  it('feeds decisionMatrix: a hand-worked 2-supplier matrix after one exclusion', () => {
    // c fails "delivery within 30 days" (45 days) and takes no part in normalization.
    // price (ratio, lower, w .5): min 10000 → a 10000/10000 = 1, b 10000/12000 = 0.8333…
    // quality (scale, w .3): a mean (6+8)/2 = 7 → 0.7, b 9 → 0.9
    // reliability (scale, w .2): a 60 → 0.6, b 80 → 0.8
    // S_a = .5·1 + .3·.7 + .2·.6 = .5 + .21 + .12 = .83 → 83
    // S_b = .5·.83333 + .3·.9 + .2·.8 = .416667 + .27 + .16 = .846667 → 84.6667: b ranks first
    const result = decisionMatrix(
      assembleMatrixInput(
        sources({ requirements: [{ id: 'r-lead', text: 'delivery within 30 days', type: 'max_lead_time_days', value: 30 }] }),
      ),
    );
    expect(result.ranking.map((r) => r.supplierId)).toEqual(['b', 'a']);
    expect(result.ranking[0].total).toBeCloseTo(84.666667, 5);
    expect(result.ranking[1].total).toBeCloseTo(83, 10);
    expect(result.excluded).toEqual([{ supplierId: 'c', requirementId: 'r-lead', reason: 'lead time of 45 days exceeds the maximum of 30 days' }]);
  });
});
