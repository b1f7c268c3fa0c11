import { type MatrixInput, type MatrixResult } from '../scoring/types';
import { debriefOf } from './debrief';

describe('a supplier’s debrief', () => {
  const input = {
    criteria: [
      { id: 'price', weight: 0.6, direction: 'lower_better', normalization: 'min_max', source: 'offer.price' },
      { id: 'quality', weight: 0.4, direction: 'higher_better', normalization: 'min_max', source: 'evaluator' },
    ],
    suppliers: [],
  } as unknown as MatrixInput;
  const cell = (criterionId: string, points: number) => ({ criterionId, raw: null, normalized: 0, contribution: points / 100, points });
  const result: MatrixResult = {
    ranking: [
      { supplierId: 'a', rank: 1, total: 88.04, tie: false, cells: [cell('price', 60), cell('quality', 28.04)] },
      { supplierId: 'b', rank: 2, total: 41.25, tie: false, cells: [cell('price', 21.25), cell('quality', 20)] },
    ],
    excluded: [{ supplierId: 'c', requirementId: 'r1', reason: 'fails' }],
  };
  const names = new Map([['price', 'Price'], ['quality', 'Quality']]);

  it('carries the supplier’s own rank, total and points per criterion, beside each weight', () => {
    // b: 21.25 of the 60 price points, 20 of the 40 quality points, 41.25 in all; second of two
    expect(debriefOf(result, input, names, 'b')).toEqual({
      rank: 2,
      of: 2,
      total: 41.3,
      criteria: [
        { name: 'Price', weightPercent: 60, points: 21.3 },
        { name: 'Quality', weightPercent: 40, points: 20 },
      ],
    });
    expect(JSON.stringify(debriefOf(result, input, names, 'b'))).not.toMatch(/88|28\.04|"a"/);
  });

  it('is null for a supplier that was not ranked', () => {
    expect(debriefOf(result, input, names, 'c')).toBeNull();
  });
});
