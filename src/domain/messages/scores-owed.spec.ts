import { scoresOwed } from './scores-owed';

describe('the scores an evaluator still owes', () => {
  const criteria = [
    { id: 'k1', name: 'Design' },
    { id: 'k2', name: 'Service' },
  ];
  const suppliers = [
    { id: 's1', name: 'Acme' },
    { id: 's2', name: 'Bolt' },
  ];

  it('per criterion, the ranked suppliers without a score of theirs; another evaluator’s score fills nothing', () => {
    const records = [
      { evaluatorId: 'e1', supplierId: 's1', criterionId: 'k1', score: '7.00' },
      { evaluatorId: 'e1', supplierId: 's2', criterionId: 'k1', score: '6.50' },
      { evaluatorId: 'e1', supplierId: 's2', criterionId: 'k2', score: '5.00' },
      { evaluatorId: 'e2', supplierId: 's1', criterionId: 'k2', score: '8.00' },
    ];
    // e1 has scored Design for both, Service for Bolt only; e2 has scored Service for Acme only
    expect(scoresOwed('e1', criteria, suppliers, records)).toEqual([{ criterion: 'Service', suppliers: ['Acme'] }]);
    expect(scoresOwed('e2', criteria, suppliers, records)).toEqual([
      { criterion: 'Design', suppliers: ['Acme', 'Bolt'] },
      { criterion: 'Service', suppliers: ['Bolt'] },
    ]);
    expect(scoresOwed('e3', [], suppliers, records)).toEqual([]);
  });
});
