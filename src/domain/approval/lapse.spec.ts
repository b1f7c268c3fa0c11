import { signatureLapsed, signOffComplete } from './lapse';

const proposal = { decisionId: 'd2', currentHash: 'h2', stale: false };
const signed = { decisionId: 'd2', snapshotHash: 'h2', lapsedAt: null };

describe('which signatures count', () => {
  it('counts a signature of the current proposal on the current snapshot', () => {
    expect(signatureLapsed(signed, proposal)).toBe(false);
  });

  it('lapses a signature a rejection lapsed', () => {
    expect(signatureLapsed({ ...signed, lapsedAt: new Date('2026-05-01T00:00:00Z') }, proposal)).toBe(true);
  });

  it('lapses a signature of an earlier proposal', () => {
    expect(signatureLapsed({ ...signed, decisionId: 'd1' }, proposal)).toBe(true);
  });

  it('lapses a signature whose snapshot changed since (a policy change moved the matrix)', () => {
    expect(signatureLapsed({ ...signed, snapshotHash: 'h1' }, proposal)).toBe(true);
  });

  it('lapses every signature when there is no proposal', () => {
    expect(signatureLapsed(signed, null)).toBe(true);
  });
});

describe('a complete sign-off', () => {
  const chain = { required: 2, executiveRequired: false };
  const ann = { ...signed, approverId: 'ann', executive: false, verdict: 'approve' as const };
  const ben = { ...signed, approverId: 'ben', executive: false, verdict: 'approve' as const };

  it('needs two live approvals from two people for a chain of two', () => {
    expect(signOffComplete(chain, proposal, [ann, ben])).toBe(true);
    expect(signOffComplete(chain, proposal, [ann, ann])).toBe(false);
  });

  it('does not count a lapsed signature: one live plus one on the old snapshot is one', () => {
    expect(signOffComplete(chain, proposal, [ann, { ...ben, snapshotHash: 'h1' }])).toBe(false);
  });

  it('is never complete while the proposal is stale, or without a chain or a proposal', () => {
    expect(signOffComplete(chain, { ...proposal, stale: true }, [ann, ben])).toBe(false);
    expect(signOffComplete(null, proposal, [ann, ben])).toBe(false);
    expect(signOffComplete(chain, null, [ann, ben])).toBe(false);
  });
});
