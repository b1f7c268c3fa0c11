import {
  assignIds,
  diffSpecifications,
  keptAhp,
  type SpecificationContent,
  specificationProblems,
} from './rules';
import { type Criterion } from './types';

const criterion = (id: string, name: string, weight: number, extra: Partial<Criterion> = {}): Criterion => ({
  id,
  name,
  kind: 'other',
  direction: 'higher_is_better',
  source: 'evaluator',
  normalization: 'scale',
  weight,
  ...extra,
});

const sequence = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('assignIds: which id a submitted item keeps', () => {
  const current = [
    { id: 'a', key: 'price' },
    { id: 'b', key: 'quality' },
  ];

  it('keeps a sent id, matches the rest by key, and gives a new id to what is new', () => {
    const result = assignIds(
      'criteria',
      [{ id: 'b', key: 'quality renamed' }, { key: 'price' }, { key: 'delivery' }],
      current,
      sequence(),
    );
    expect(result).toEqual({ ids: ['b', 'a', 'new-1'], errors: [] });
  });

  it('does not give an id sent explicitly to another item matched by key', () => {
    // item 1 claims "a" explicitly; item 0 has the key "price" of "a" but must not take it too
    const result = assignIds('criteria', [{ key: 'price' }, { id: 'a', key: 'cost' }], current, sequence());
    expect(result).toEqual({ ids: ['new-1', 'a'], errors: [] });
  });

  it('refuses an id that is not in the current version, or one sent twice, naming the field', () => {
    const result = assignIds('requirements', [{ id: 'zzz', key: 'x' }, { id: 'a', key: 'y' }, { id: 'A', key: 'z' }], current, sequence());
    expect(result.errors).toEqual([
      { field: 'requirements.0.id', message: 'zzz is not an item of the current version' },
      { field: 'requirements.2.id', message: 'a is sent twice' },
    ]);
  });
});

describe('specificationProblems: what keeps a stored specification from scoring', () => {
  it('names a weight that is not positive, a duplicate name, and scale on an offer field', () => {
    const problems = specificationProblems({
      criteria: [
        criterion('a', 'Price', 0, { source: 'offer.price', normalization: 'ratio', direction: 'lower_is_better' }),
        criterion('b', 'price', 1),
        criterion('c', 'Lead time', 1, { source: 'offer.leadTimeDays' }),
      ],
      requirements: [{ id: 'r', text: 'Delivery', type: 'max_lead_time_days', value: null }],
    });
    expect(problems).toEqual([
      'criterion "Price": the weight must be a positive number (it is 0)',
      'criterion "price": the name is used twice',
      'criterion "Lead time": scale normalization applies only to the sources evaluator, reliability, not offer.leadTimeDays',
      'requirement "Delivery": a max_lead_time_days requirement needs a whole number from 1 to 36500 as value',
    ]);
  });

  it('finds nothing wrong with a valid specification', () => {
    expect(specificationProblems({ criteria: [criterion('a', 'Quality', 3)], requirements: [] })).toEqual([]);
  });
});

describe('diffSpecifications', () => {
  const v1: SpecificationContent = {
    description: 'Compressors',
    deliverables: '',
    quantity: '2',
    requirements: [
      { id: 'r1', text: 'ISO 9001', type: 'certification', value: 'ISO 9001' },
      { id: 'r2', text: 'Fast', type: 'max_lead_time_days', value: 30 },
    ],
    criteria: [criterion('a', 'Price', 60), criterion('b', 'Quality', 40)],
  };

  it('reports nothing for the same content', () => {
    const diff = diffSpecifications(v1, structuredClone(v1));
    expect(diff.changed).toBe(false);
    expect(diff.weights).toEqual([]);
  });

  it('lists added, removed and changed items and the weights that moved', () => {
    const v2: SpecificationContent = {
      ...v1,
      quantity: '3',
      requirements: [{ id: 'r2', text: 'Fast', type: 'max_lead_time_days', value: 20 }],
      criteria: [criterion('a', 'Price', 60), criterion('b', 'Build quality', 20), criterion('c', 'Service', 20)],
    };
    const diff = diffSpecifications(v1, v2);
    expect(diff).toMatchObject({
      changed: true,
      description: false,
      quantity: true,
      requirements: { added: [], removed: [{ id: 'r1', text: 'ISO 9001' }], changed: [{ id: 'r2', fields: ['value'] }] },
      criteria: { added: [{ id: 'c', name: 'Service' }], removed: [], changed: [{ id: 'b', name: 'Build quality', fields: ['name'] }] },
    });
    // base weights: before 60/100 = .6 and 40/100 = .4; after 60/100 = .6 (unchanged) and 20/100 = .2
    expect(diff.weights).toEqual([{ criterionId: 'b', name: 'Build quality', from: 40, to: 20, baseFrom: 0.4, baseTo: 0.2 }]);
  });

  it('sees a change of entered weights even when the normalized weights stay (60/40 → 3/2)', () => {
    const diff = diffSpecifications(v1, { ...v1, criteria: [criterion('a', 'Price', 3), criterion('b', 'Quality', 2)] });
    expect(diff.changed).toBe(true);
    expect(diff.weights.map((w) => [w.from, w.to, w.baseFrom, w.baseTo])).toEqual([
      [60, 3, 0.6, 0.6],
      [40, 2, 0.4, 0.4],
    ]);
  });

  it('notices a new order', () => {
    const diff = diffSpecifications(v1, { ...v1, criteria: [v1.criteria[1], v1.criteria[0]] });
    expect(diff.changed).toBe(true);
    expect(diff.criteria.reordered).toBe(true);
  });
});

describe('keptAhp', () => {
  const record = { criteria: ['a', 'b'], weights: [0.75, 0.25], matrix: [[1, 3], [1 / 3, 1]] };
  it('keeps the record while the criteria carry the weights it gave, in any order', () => {
    expect(keptAhp(record, [criterion('b', 'B', 0.25), criterion('a', 'A', 0.75)])).toBe(record);
  });
  it('drops it when a weight was edited or a criterion added', () => {
    expect(keptAhp(record, [criterion('a', 'A', 0.7), criterion('b', 'B', 0.25)])).toBeNull();
    expect(keptAhp(record, [criterion('a', 'A', 0.75), criterion('b', 'B', 0.25), criterion('c', 'C', 1)])).toBeNull();
    expect(keptAhp(null, [criterion('a', 'A', 1)])).toBeNull();
  });
});
