import { MATRIX_CSV_HEADER, matrixCsv } from './matrix.csv';

describe('the decision matrix as CSV', () => {
  const view = {
    weights: [
      { criterionId: 'p', name: 'Total cost', kind: 'price', source: 'offer.price', direction: 'lower_is_better', normalization: 'ratio', base: 0.6, effective: 0.6 },
      { criterionId: 'q', name: 'Quality, "overall"', kind: 'quality', source: 'evaluator', direction: 'higher_is_better', normalization: 'scale', base: 0.4, effective: 0.4 },
    ],
    ranking: [
      {
        supplierId: 's1',
        supplierName: '=HYPERLINK("x")',
        rank: 1,
        total: 92.00000000000001,
        tie: false,
        cells: [
          { criterionId: 'p', raw: 1234.5, normalized: 1, contribution: 0.6, rawAmount: '1234.50' },
          { criterionId: 'q', raw: 8, normalized: 0.8, contribution: 0.32000000000000006, scoreCount: 2, scoreSpread: 1, consensusNeeded: false },
        ],
      },
    ],
    excluded: [{ supplierId: 's2', supplierName: 'Bolt, S.L.', requirementId: 'r1', requirement: 'ISO 9001', reason: 'no "ISO 9001" certification' }],
  } as unknown as Parameters<typeof matrixCsv>[0];

  it('writes the documented header, one row per supplier × criterion, then the exclusions', () => {
    const lines = matrixCsv(view).split('\r\n');
    expect(lines[0]).toBe(MATRIX_CSV_HEADER.join(','));
    expect(lines[0]).toBe(
      'status,rank,supplier_id,supplier_name,total,tie,criterion_id,criterion_name,base_weight,effective_weight,raw,normalized,contribution,requirement_id,reason',
    );
    // the price keeps its exact decimal string; other numbers get up to 6 decimals without trailing zeros
    expect(lines[1]).toBe(`ranked,1,s1,"'=HYPERLINK(""x"")",92,false,p,Total cost,0.6,0.6,1234.50,1,0.6,,`);
    expect(lines[2]).toBe(`ranked,1,s1,"'=HYPERLINK(""x"")",92,false,q,"Quality, ""overall""",0.4,0.4,8,0.8,0.32,,`);
    expect(lines[3]).toBe(`excluded,,s2,"Bolt, S.L.",,,,,,,,,,r1,"no ""ISO 9001"" certification"`);
    expect(lines[4]).toBe('');
    expect(lines).toHaveLength(5);
  });
});
