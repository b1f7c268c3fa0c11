import { Injectable } from '@nestjs/common';
import { type AuthUser } from '../../common/auth';

/** How long a token's user is served without asking the database: well within a second. */
export const CALLER_TTL_MS = 500;
/** Past this many live entries the cache starts afresh (one entry per token in use). */
const MAX_ENTRIES = 10_000;

/**
 * The users behind API tokens, for the requests that name no case (`GET /cases`, the organization
 * routes): a revocation, or a change of the user's roles, takes effect at once on the instance that
 * made it (it calls `forget`) and within CALLER_TTL_MS on every other instance, whatever changed the
 * row. A route on a case always asks the database (its one statement carries the case access too);
 * an unknown or revoked token is never remembered. `now` is the clock (a spec passes its own).
 */
@Injectable()
export class CallerCache {
  private readonly entries = new Map<string, { user: AuthUser; until: number }>();
  private generation = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** A copy of the user behind this token's hash, while the entry is fresh. */
  get(tokenHash: string): AuthUser | null {
    const entry = this.entries.get(tokenHash);
    if (entry === undefined) return null;
    if (entry.until <= this.now()) {
      this.entries.delete(tokenHash);
      return null;
    }
    return { ...entry.user, orgRoles: [...entry.user.orgRoles] };
  }

  /** What `put` needs to know that no `forget` came between the database's answer and now. */
  mark(): number {
    return this.generation;
  }

  /** Remembers a user read at `mark` (skipped when a `forget` came since: the row read may be stale). */
  put(tokenHash: string, user: AuthUser, mark: number): void {
    if (mark !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(tokenHash, { user: { ...user, orgRoles: [...user.orgRoles] }, until: this.now() + CALLER_TTL_MS });
  }

  /** After a token is revoked or a user's roles change (once committed): nothing remembered is served again. */
  forget(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

/** The one cache of an app (or of the CLI, whose revocations and role changes then simply clear its own). */
export const CALLER_CACHE = { provide: CallerCache, useFactory: () => new CallerCache() };
