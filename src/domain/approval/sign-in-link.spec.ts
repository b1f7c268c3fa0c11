import { type LinkFacts, linkRefusal } from './sign-in-link';

const now = new Date('2026-12-02T10:00:00Z');
const fine: LinkFacts = {
  found: true,
  usedAt: null,
  expiresAt: new Date('2026-12-03T10:00:00Z'),
  now,
  stage: 'APPROVAL',
  linkSnapshot: 'a'.repeat(64),
  currentSnapshot: 'a'.repeat(64),
  stillApprover: true,
  otherSession: false,
};

describe('an e-mailed sign-in link', () => {
  it('opens the page while its person, case and snapshot hold', () => {
    expect(linkRefusal(fine)).toBeNull();
  });

  it.each([
    ['unknown', { found: false }],
    ['foreign', { otherSession: true }],
    ['used', { usedAt: now }],
    ['expired', { expiresAt: now }],
    ['closed', { stage: 'AWARDED' }],
    ['closed', { stage: 'DECISION' }],
    ['stale', { currentSnapshot: 'b'.repeat(64) }],
    ['stale', { currentSnapshot: null }],
    ['removed', { stillApprover: false }],
  ] as const)('is refused as %s', (reason, change) => {
    expect(linkRefusal({ ...fine, ...change })).toBe(reason);
  });
});
