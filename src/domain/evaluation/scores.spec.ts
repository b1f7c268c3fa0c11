import { criteriaCompletedBy, missingScores, scoreKey, scoresByCell, summarizeAll, summarizeScores } from './scores';

describe('evaluator score summaries', () => {
  it('gives mean, count and spread, and flags a spread above 3 for consensus', () => {
    // 6.5, 9, 7.25: mean = 22.75 / 3 = 7.58333…, spread = 9 − 6.5 = 2.5 → no consensus needed
    expect(summarizeScores(['6.50', '9.00', '7.25'])).toEqual({ mean: 22.75 / 3, count: 3, spread: 2.5, consensusNeeded: false });
    // 4 and 7.01: spread 3.01 > 3 → consensus; exactly 3 is not above 3
    expect(summarizeScores(['4.00', '7.01']).consensusNeeded).toBe(true);
    expect(summarizeScores(['4', '7'])).toEqual({ mean: 5.5, count: 2, spread: 3, consensusNeeded: false });
    expect(summarizeScores([])).toEqual({ mean: null, count: 0, spread: null, consensusNeeded: false });
  });

  it('computes the mean from exact hundredths, whatever the order of the scores', () => {
    // as doubles 0.1 + 0.2 + 0.7 and 0.7 + 0.2 + 0.1 differ; in hundredths both are 100 → mean 100 / 300 = 1/3
    expect(summarizeScores(['0.10', '0.20', '0.70']).mean).toBe(summarizeScores(['0.70', '0.20', '0.10']).mean);
    expect(summarizeScores(['0.10', '0.20', '0.70']).mean).toBe(1 / 3);
  });

  it('groups by criterion and supplier', () => {
    const all = summarizeAll([
      { evaluatorId: 'e1', supplierId: 's1', criterionId: 'q', score: '8' },
      { evaluatorId: 'e2', supplierId: 's1', criterionId: 'q', score: '4' },
      { evaluatorId: 'e1', supplierId: 's2', criterionId: 'q', score: '5' },
    ]);
    expect(all.get(scoreKey('q', 's1'))).toEqual({ mean: 6, count: 2, spread: 4, consensusNeeded: true });
    expect(all.get(scoreKey('q', 's2'))?.count).toBe(1);
    expect(all.get(scoreKey('q', 's3'))).toBeUndefined();
  });
});

describe('independent scoring', () => {
  const scores = [
    { evaluatorId: 'e1', supplierId: 's1', criterionId: 'quality', score: '8' },
    { evaluatorId: 'e1', supplierId: 's2', criterionId: 'quality', score: '6' },
    { evaluatorId: 'e1', supplierId: 's1', criterionId: 'service', score: '7' },
    { evaluatorId: 'e2', supplierId: 's1', criterionId: 'service', score: '9' },
    { evaluatorId: 'e2', supplierId: 's2', criterionId: 'service', score: '9' },
  ];

  it('completes a criterion only with a score for every ranked supplier', () => {
    expect(criteriaCompletedBy('e1', scores, ['quality', 'service'], ['s1', 's2'])).toEqual(new Set(['quality']));
    expect(criteriaCompletedBy('e2', scores, ['quality', 'service'], ['s1', 's2'])).toEqual(new Set(['service']));
    // s2 excluded by a requirement: e1 has now done service too
    expect(criteriaCompletedBy('e1', scores, ['quality', 'service'], ['s1'])).toEqual(new Set(['quality', 'service']));
    expect(criteriaCompletedBy('e3', scores, ['quality'], ['s1'])).toEqual(new Set());
  });

  it('lists every evaluator criterion × ranked supplier without any score', () => {
    const summaries = summarizeAll(scores);
    const criteria = [
      { id: 'quality', name: 'Quality' },
      { id: 'service', name: 'Service' },
      { id: 'design', name: 'Design' },
    ];
    const suppliers = [
      { id: 's1', name: 'Acme' },
      { id: 's2', name: 'Bolt' },
    ];
    expect(missingScores(criteria, suppliers, summaries)).toEqual(['Design for Acme', 'Design for Bolt']);
  });
});

describe('scores by cell', () => {
  it('lists each criterion × supplier\'s scores as numbers in ascending order, whatever order they came in', () => {
    const rows = [
      { evaluatorId: 'e2', supplierId: 's1', criterionId: 'q', score: '8.50' },
      { evaluatorId: 'e1', supplierId: 's1', criterionId: 'q', score: '6.00' },
      { evaluatorId: 'e1', supplierId: 's2', criterionId: 'q', score: 7 },
      { evaluatorId: 'e1', supplierId: 's1', criterionId: 'service', score: '0.10' },
    ];
    expect(scoresByCell(rows)).toEqual({ q: { s1: [6, 8.5], s2: [7] }, service: { s1: [0.1] } });
    expect(scoresByCell([...rows].reverse())).toEqual(scoresByCell(rows));
  });
});
