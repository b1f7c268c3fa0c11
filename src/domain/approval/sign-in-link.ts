/**
 * When an e-mailed sign-in link still opens the decision page (README "Approver pages"). It is
 * bound to one person, one case and one decision snapshot, and dies when any of them moves on.
 */
export type LinkRefusal = 'unknown' | 'used' | 'expired' | 'closed' | 'stale' | 'removed' | 'foreign';

export interface LinkFacts {
  /** the link was found by its token's hash */
  found: boolean;
  usedAt: Date | null;
  expiresAt: Date;
  now: Date;
  /** the case's stage now */
  stage: string;
  /** the snapshot the link was sent for, and the proposal's current one (null: no current proposal) */
  linkSnapshot: string;
  currentSnapshot: string | null;
  /** the person still holds the approver role on the case (or signs for one by delegation) */
  stillApprover: boolean;
  /** the browser is already signed in as someone else */
  otherSession: boolean;
}

/** The first reason the link is refused, or null when it opens the page. */
export function linkRefusal(f: LinkFacts): LinkRefusal | null {
  if (!f.found) return 'unknown';
  if (f.otherSession) return 'foreign';
  if (f.usedAt !== null) return 'used';
  if (f.expiresAt.getTime() <= f.now.getTime()) return 'expired';
  if (f.stage !== 'APPROVAL') return 'closed';
  if (f.currentSnapshot !== f.linkSnapshot) return 'stale';
  if (!f.stillApprover) return 'removed';
  return null;
}
