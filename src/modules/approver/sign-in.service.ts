import { Injectable } from '@nestjs/common';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type EntityManager, IsNull } from 'typeorm';
import { sha256 } from '../../domain/audit/canonical-json';
import { ApprovalLink, WebSession } from './entities';


const token = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

/**
 * Sign-in without passwords (README "Approver pages"): the e-mailed link's token and the session
 * cookie's value are shown once and stored as their SHA-256; the form's CSRF token is derived from
 * the session's value and the case, so it needs no storage and no other session can forge it.
 */
@Injectable()
export class SignInService {
  async issueLink(m: EntityManager, link: { caseId: string; userId: string; snapshotHash: string; expiresAt: Date }): Promise<string> {
    const value = token('apl');
    await m.insert(ApprovalLink, { ...link, tokenHash: sha256(value) });
    return value;
  }

  async linkByToken(m: EntityManager, value: string): Promise<ApprovalLink | null> {
    return m.findOneBy(ApprovalLink, { tokenHash: sha256(value) });
  }

  /** A signature through the pages uses up every live link of that person for that case. */
  async useLinks(m: EntityManager, caseId: string, userId: string, at: Date): Promise<void> {
    await m.update(ApprovalLink, { caseId, userId, usedAt: IsNull() }, { usedAt: at });
  }

  async startSession(m: EntityManager, userId: string, expiresAt: Date): Promise<string> {
    const value = token('aps');
    await m.insert(WebSession, { userId, expiresAt, tokenHash: sha256(value) });
    return value;
  }

  csrfFor(sessionValue: string, caseId: string): string {
    return sha256(`csrf:${sessionValue}:${caseId}`);
  }

  csrfHolds(sessionValue: string | null, caseId: string, given: string): boolean {
    if (!sessionValue) return false;
    const expected = Buffer.from(this.csrfFor(sessionValue, caseId));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
