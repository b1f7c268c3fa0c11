import { approvalRequirement, chainComplete, DEFAULT_APPROVAL_BANDS } from './approval-chain';

describe('approval chain by awarded value', () => {
  it.each([
    ['0.01', 1, false],
    ['9999.9999', 1, false],
    ['10000', 2, false], // "below 10,000" is strict: 10,000 itself needs two
    ['99999.99', 2, false],
    ['100000', 3, true],
    ['2500000', 3, true],
  ])('%s needs %i approvals (executive %s)', (amount, required, executiveRequired) => {
    expect(approvalRequirement(amount, DEFAULT_APPROVAL_BANDS)).toEqual({ required, executiveRequired });
  });

  it('counts one person once and needs an executive when the band says so', () => {
    const req = { required: 3, executiveRequired: true };
    const a = { approverId: 'a', executive: false, verdict: 'approve' as const };
    const b = { approverId: 'b', executive: false, verdict: 'approve' as const };
    const x = { approverId: 'x', executive: true, verdict: 'approve' as const };
    expect(chainComplete(req, [a, a, b, b])).toBe(false);
    expect(chainComplete(req, [a, b, { ...b, approverId: 'c' }])).toBe(false); // three, but no executive
    expect(chainComplete(req, [a, b, x])).toBe(true);
  });
});
