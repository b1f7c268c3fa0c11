import { canonicalJson, sha256 } from '../audit/canonical-json';
import { decisionMatrix, type MatrixInput, type MatrixResult } from '../scoring';
import { decisionSnapshot, isOverride, justificationLength, rankingSnapshotHash, type SnapshotParts, snapshotHash } from './snapshot';

const input: MatrixInput = {
  criteria: [
    { id: 'price', source: 'offer.price', direction: 'lower_is_better', normalization: 'ratio', weight: 0.6 },
    { id: 'quality', source: 'evaluator', direction: 'higher_is_better', normalization: 'scale', weight: 0.4 },
  ],
  suppliers: [
    { supplierId: 'b', raw: { price: 100, quality: 8 }, reliability: 70, totalCost: 100, failedRequirements: [] },
    { supplierId: 'a', raw: { price: 120, quality: 9 }, reliability: 60, totalCost: 120, failedRequirements: [] },
    { supplierId: 'c', raw: { price: 90, quality: 5 }, reliability: 50, totalCost: 90, failedRequirements: [{ requirementId: 'r1', reason: 'no ISO 9001' }] },
  ],
};

const parts = (over: Partial<SnapshotParts> = {}): SnapshotParts => ({
  caseId: 'case-1',
  baseCurrency: 'EUR',
  asOf: '2026-05-01',
  round: { id: 'round-2', number: 2 },
  input,
  offers: [
    { supplierId: 'b', totalPrice: '100.00', currency: 'EUR', convertedTotal: '100.00' },
    { supplierId: 'a', totalPrice: '120.00', currency: 'EUR', convertedTotal: '120.00' },
  ],
  weights: { strategic: false, rule: 'Not a strategic purchase', items: [{ criterionId: 'price', base: 0.6, effective: 0.6 }] },
  result: decisionMatrix(input),
  proposal: { supplierId: 'b', justification: 'cheapest and good quality', override: false },
  ...over,
});

describe('the decision snapshot', () => {
  it('holds the matrix input, weights with the rule, ranking, exclusions and proposal', () => {
    const snapshot = decisionSnapshot(parts());
    // price ratio: b 100/100 = 1, a 100/120 = .8333; quality: b .8, a .9
    // S_b = .6·1 + .4·.8 = .92 → 92; S_a = .6·.8333 + .4·.9 = .5 + .36 = .86 → 86
    expect(snapshot.ranking).toEqual([
      { supplierId: 'b', rank: 1, total: expect.closeTo(92, 10), tie: false },
      { supplierId: 'a', rank: 2, total: expect.closeTo(86, 10), tie: false },
    ]);
    expect(snapshot.excluded).toEqual([{ supplierId: 'c', requirementId: 'r1', reason: 'no ISO 9001' }]);
    expect(snapshot.weights.rule).toBe('Not a strategic purchase');
    expect(snapshot.proposal).toEqual({ supplierId: 'b', justification: 'cheapest and good quality', override: false });
    expect(snapshot.matrixInput.suppliers.map((s) => s.supplierId)).toEqual(['a', 'b', 'c']);
  });

  it('hashes the same data to the same SHA-256 whatever the load order, and survives a JSON round trip', () => {
    const reordered = parts({
      input: { ...input, suppliers: [...input.suppliers].reverse() },
      offers: [...parts().offers].reverse(),
    });
    const hash = snapshotHash(decisionSnapshot(parts()));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshotHash(decisionSnapshot(reordered))).toBe(hash);
    // what jsonb gives back (keys in any order) hashes the same through canonical JSON
    const stored = JSON.parse(JSON.stringify(decisionSnapshot(parts())));
    expect(snapshotHash(stored)).toBe(hash);
    expect(canonicalJson(stored)).toBe(canonicalJson(decisionSnapshot(parts())));
  });

  it('changes its hash with any score, offer, weight, exclusion or justification', () => {
    const hash = snapshotHash(decisionSnapshot(parts()));
    const changedScore: MatrixInput = {
      ...input,
      suppliers: input.suppliers.map((s) => (s.supplierId === 'a' ? { ...s, raw: { ...s.raw, quality: 9.5 } } : s)),
    };
    const variants: SnapshotParts[] = [
      parts({ input: changedScore, result: decisionMatrix(changedScore) }),
      parts({ offers: [{ supplierId: 'b', totalPrice: '100.01', currency: 'EUR', convertedTotal: '100.01' }, parts().offers[1]] }),
      parts({ weights: { ...parts().weights, items: [{ criterionId: 'price', base: 0.6, effective: 0.5 }] } }),
      parts({ result: { ...parts().result, excluded: [] } }),
      parts({ proposal: { supplierId: 'b', justification: 'cheapest and good quality.', override: false } }),
      parts({ asOf: '2026-05-02' }),
    ];
    for (const v of variants) expect(snapshotHash(decisionSnapshot(v))).not.toBe(hash);
  });
});

describe('the ranking snapshot hash (the rank acceptability seed)', () => {
  it('is the snapshot without its proposal: the same whoever is proposed, different when the data change', () => {
    const { proposal: _p, ...withoutProposal } = parts();
    const seed = rankingSnapshotHash(withoutProposal);
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    // not the proposal's hash, and the same for any proposal (or none) on the same data
    expect(seed).not.toBe(snapshotHash(decisionSnapshot(parts())));
    const { proposal: _q, ...other } = parts({ proposal: { supplierId: 'a', justification: 'x'.repeat(200), override: true } });
    expect(rankingSnapshotHash(other)).toBe(seed);
    // the canonical JSON of the snapshot minus its proposal key
    const { proposal: _r, ...snapshot } = decisionSnapshot(parts());
    expect(seed).toBe(sha256(canonicalJson(snapshot)));
    const { proposal: _s, ...later } = parts({ asOf: '2026-05-02' });
    expect(rankingSnapshotHash(later)).not.toBe(seed);
  });
});

describe('override', () => {
  const ranking = (rows: Array<[string, number, boolean]>): MatrixResult => ({
    ranking: rows.map(([supplierId, total, tie], i) => ({ supplierId, rank: i + 1, total, tie, cells: [] })),
    excluded: [],
  });

  it('is anyone but the top-ranked supplier', () => {
    const r = ranking([
      ['b', 92, false],
      ['a', 86, false],
    ]);
    expect(isOverride(r, 'b')).toBe(false);
    expect(isOverride(r, 'a')).toBe(true);
    expect(isOverride(r, 'unknown')).toBe(true);
  });

  it('is not a supplier tied with the top total (display order only breaks the tie)', () => {
    const r = ranking([
      ['b', 80, true],
      ['a', 80 + 1e-12, true],
      ['c', 70, true],
      ['d', 70, true],
    ]);
    expect(isOverride(r, 'a')).toBe(false);
    expect(isOverride(r, 'c')).toBe(true);
  });

  it('ties do not chain: a supplier within 1e-9 of the second but not of the top is an override', () => {
    // on the 0–1 scale: .8, .8 − .6e-9, .8 − 1.2e-9 → the matrix groups {b, a} and leaves c alone
    // (1.2e-9 from the top), even though c is only .6e-9 from a; totals are ×100
    const r = ranking([
      ['b', 80, true],
      ['a', 80 - 0.6e-7, true],
      ['c', 80 - 1.2e-7, false],
    ]);
    expect(isOverride(r, 'a')).toBe(false);
    expect(isOverride(r, 'c')).toBe(true);
    // and were c flagged tied with someone below, it still is not tied with the top
    const below = ranking([
      ['b', 80, true],
      ['a', 80 - 0.6e-7, true],
      ['c', 80 - 1.2e-7, true],
      ['d', 80 - 1.3e-7, true],
    ]);
    expect(isOverride(below, 'c')).toBe(true);
  });

  it('counts justification length in characters, ignoring surrounding blanks', () => {
    expect(justificationLength('  ñandú  ')).toBe(5);
    expect(justificationLength('€'.repeat(200))).toBe(200);
  });
});
