import { type DomainError } from '../errors';
import { applyAhp, type DraftToWeigh } from './ahp-application';
import { type Criterion } from './types';

const criterion = (id: string, name: string, weight: number): Criterion => ({
  id,
  name,
  kind: 'other',
  direction: 'higher_is_better',
  source: 'evaluator',
  normalization: 'scale',
  weight,
});
const draft: DraftToWeigh = {
  version: 1,
  frozen: false,
  criteria: [criterion('price', 'Price', 10), criterion('quality', 'Quality', 10), criterion('service', 'Service', 10)],
};
const by = { userId: 'pat', at: new Date('2026-05-01T10:00:00Z') };
// consistent: price = 2 × quality = 4 × service → w = (4, 2, 1)/7, λmax = 3, CI = CR = 0
const consistent = [
  [1, 2, 4],
  [1 / 2, 1, 2],
  [1 / 4, 1 / 2, 1],
];
// price ≫ quality ≫ service ≫ price: λmax = 6.3249, CI = (6.3249 − 3)/2 = 1.6624, CR = 1.6624/0.58 = 2.866
const circular = [
  [1, 9, 1 / 5],
  [1 / 9, 1, 3],
  [5, 1 / 3, 1],
];

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('applying AHP weights to a draft', () => {
  it('gives each criterion its eigenvector weight: 4/7, 2/7, 1/7', () => {
    const applied = applyAhp(draft, { criteria: ['price', 'quality', 'service'], matrix: consistent }, by);
    expect(applied.criteria.map((c) => [c.id, c.weight])).toEqual([
      ['price', expect.closeTo(4 / 7, 12)],
      ['quality', expect.closeTo(2 / 7, 12)],
      ['service', expect.closeTo(1 / 7, 12)],
    ]);
    expect(applied.result).toMatchObject({ lambdaMax: 3, cr: 0, consistent: true });
  });

  it('keeps the draft order of the criteria whatever the matrix order (service, price, quality rows)', () => {
    const matrix = [
      [1, 1 / 4, 1 / 2],
      [4, 1, 2],
      [2, 1 / 2, 1],
    ];
    const applied = applyAhp(draft, { criteria: ['service', 'price', 'quality'], matrix }, by);
    expect(applied.criteria.map((c) => c.id)).toEqual(['price', 'quality', 'service']);
    expect(applied.criteria[0].weight).toBeCloseTo(4 / 7, 12);
    expect(applied.ids).toEqual(['service', 'price', 'quality']);
  });

  it('records what was applied, by whom and when, with no reason needed when consistent', () => {
    const { record } = applyAhp(draft, { criteria: ['PRICE', 'quality', 'service'], matrix: consistent }, by);
    expect(record).toMatchObject({
      criteria: ['price', 'quality', 'service'],
      matrix: consistent,
      consistent: true,
      acceptedInconsistency: false,
      reason: null,
      appliedBy: 'pat',
      appliedAt: '2026-05-01T10:00:00.000Z',
    });
  });

  it('refuses a frozen version (409)', () => {
    const e = refusal(() => applyAhp({ ...draft, frozen: true }, { criteria: ['price', 'quality', 'service'], matrix: consistent }, by));
    expect([e.code, e.message]).toEqual(['CONFLICT', 'specification version 1 is frozen; AHP applies to a draft']);
  });

  it('names an unknown criterion, a criterion listed twice and the ones missing (400)', () => {
    const e = refusal(() => applyAhp(draft, { criteria: ['price', 'price', 'other'], matrix: consistent }, by));
    expect(e.code).toBe('VALIDATION');
    expect(e.details.errors).toEqual([
      { field: 'criteria.1', message: 'price is listed twice' },
      { field: 'criteria.2', message: 'other is not a criterion of the draft' },
      { field: 'criteria', message: 'every criterion of the draft must be listed once; missing "Quality" (quality), "Service" (service)' },
    ]);
  });

  it('refuses a matrix of the wrong size by field (400)', () => {
    const e = refusal(() => applyAhp(draft, { criteria: ['price', 'quality', 'service'], matrix: [[1]] }, by));
    expect(e.code).toBe('VALIDATION');
    expect(e.details.errors?.map((p) => p.field)).toContain('matrix');
  });

  it('refuses CR 2.866 > 0.10 naming the judgement furthest from its implied ratio: price vs service, 1/5 against 1.026 (422)', () => {
    const e = refusal(() => applyAhp(draft, { criteria: ['price', 'quality', 'service'], matrix: circular }, by));
    expect(e.code).toBe('AHP_INCONSISTENT');
    expect(e.details.cr).toBeCloseTo(2.866, 3);
    expect(e.details.mostInconsistentPair).toEqual({
      field: 'matrix[0][2]',
      criteria: [
        { criterionId: 'price', name: 'Price' },
        { criterionId: 'service', name: 'Service' },
      ],
      judgement: 0.2,
      implied: expect.closeTo(1.026, 3),
    });
    expect(e.message).toContain('the judgement "Price" vs "Service" = 0.2 deviates most from the ratio 1.026 the weights imply');
  });

  it('applies an inconsistent matrix when accepted with a reason, and records both', () => {
    const applied = applyAhp(draft, { criteria: ['price', 'quality', 'service'], matrix: circular, acceptInconsistency: true, reason: 'agreed in the kick-off' }, by);
    expect(applied.accepted).toBe(true);
    expect(applied.record).toMatchObject({ consistent: false, acceptedInconsistency: true, reason: 'agreed in the kick-off' });
  });

  it('refuses to accept an inconsistency without a reason (400 reason)', () => {
    const e = refusal(() => applyAhp(draft, { criteria: ['price', 'quality', 'service'], matrix: circular, acceptInconsistency: true }, by));
    expect(e.code).toBe('VALIDATION');
    expect(e.details.errors).toEqual([{ field: 'reason', message: 'CR 2.866 is above 0.1: accepting the inconsistency needs a reason' }]);
  });
});
