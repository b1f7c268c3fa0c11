import { type NormalizableCriterion, normalizeCriterion } from './normalize';

const criterion = (
  normalization: NormalizableCriterion['normalization'],
  direction: NormalizableCriterion['direction'],
  source: NormalizableCriterion['source'] = 'offer.price',
): NormalizableCriterion => ({ id: 'k', normalization, direction, source });

describe('normalizeCriterion', () => {
  it('ratio, lower is better: min / x over the values present, missing → 0', () => {
    // min 80: 80/80 = 1, 80/100 = .8, 80/160 = .5
    expect(normalizeCriterion([80, 100, null, 160], criterion('ratio', 'lower_is_better'))).toEqual([1, 0.8, 0, 0.5]);
  });

  it('ratio, higher is better: x / max', () => {
    // max 24: 6/24 = .25, 12/24 = .5, 24/24 = 1
    expect(normalizeCriterion([6, 12, 24], criterion('ratio', 'higher_is_better'))).toEqual([0.25, 0.5, 1]);
  });

  it('min–max in both directions, and all equal → 1', () => {
    // min 10, max 30, span 20: lower (30 − x)/20 → 1, .5, 0; higher (x − 10)/20 → 0, .5, 1
    expect(normalizeCriterion([10, 20, 30], criterion('minmax', 'lower_is_better'))).toEqual([1, 0.5, 0]);
    expect(normalizeCriterion([10, 20, 30], criterion('minmax', 'higher_is_better'))).toEqual([0, 0.5, 1]);
    expect(normalizeCriterion([7, 7, null], criterion('minmax', 'lower_is_better'))).toEqual([1, 1, 0]);
  });

  it('scale: evaluator /10, reliability /100, lower is better → 1 − that', () => {
    expect(normalizeCriterion([7.5, 0, 10], criterion('scale', 'higher_is_better', 'evaluator'))).toEqual([0.75, 0, 1]);
    expect(normalizeCriterion([2.5], criterion('scale', 'lower_is_better', 'evaluator'))).toEqual([0.75]);
    expect(normalizeCriterion([64], criterion('scale', 'higher_is_better', 'reliability'))).toEqual([0.64]);
  });

  it('refuses what it cannot normalize', () => {
    expect(() => normalizeCriterion([10, -1], criterion('ratio', 'lower_is_better'))).toThrow(
      expect.objectContaining({ code: 'RATIO_NON_POSITIVE', details: { criterionId: 'k', value: -1 } }),
    );
    expect(() => normalizeCriterion([11], criterion('scale', 'higher_is_better', 'evaluator'))).toThrow(
      expect.objectContaining({ code: 'VALUE_OUT_OF_RANGE' }),
    );
    expect(() => normalizeCriterion([12], criterion('scale', 'higher_is_better', 'offer.warrantyMonths'))).toThrow(
      expect.objectContaining({ code: 'NORMALIZATION_UNSUPPORTED' }),
    );
    expect(() => normalizeCriterion([Number.NaN], criterion('minmax', 'lower_is_better'))).toThrow(
      expect.objectContaining({ code: 'VALUE_OUT_OF_RANGE' }),
    );
  });
});
