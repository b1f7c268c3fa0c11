import { Injectable } from '@nestjs/common';
import { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { type Caller } from './auth.queries';

/** How long an answer of the guard's statement is served without asking the database: well within a second. */
export const CALLER_TTL_MS = 500;
/** Past this many live entries the cache starts afresh (one entry per token in use, and per case it opens). */
const MAX_ENTRIES = 10_000;
/** The methods that change nothing: every other request clears the cache (forgetOnWrites). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** When a read began, and what `put` needs to know that no `forget` came between the database's answer and now. */
export interface CallerMark {
  generation: number;
  at: number;
}

interface Entry {
  caller: Caller;
  until: number;
}

const copyOf = (caller: Caller): Caller => ({
  user: { ...caller.user, orgRoles: [...caller.user.orgRoles] },
  caseAccess: caller.caseAccess && { ...caller.caseAccess, roles: [...caller.caseAccess.roles] },
});

/**
 * The guard's answers for API tokens: the user behind a token, and (keyed by the token and the
 * case) its access to a case (stage and roles, a delegate's approver role included). Any change
 * takes effect at once on the instance that made it — every request other than GET/HEAD/OPTIONS
 * calls `forget` when it starts and again when it answers (forgetOnWrites), whatever route it is —
 * and within CALLER_TTL_MS on every other instance, or when made in SQL alone. An entry whose
 * access changes by the clock (a delegation that starts or ends) lives no longer than until that
 * instant. An unknown or revoked token is never remembered, nor are the approver pages' sessions
 * (they expire by the clock). `now` is the clock (a spec passes its own).
 */
@Injectable()
export class CallerCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(private readonly now: () => number = monotonicNow) {}

  /** A copy of what the guard's statement answered for this token's hash (and this case), while the entry is fresh. */
  get(tokenHash: string, caseId: string | null = null): Caller | null {
    const key = keyOf(tokenHash, caseId);
    const entry = this.entries.get(key);
    if (entry === undefined) return null;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return copyOf(entry.caller);
  }

  /** Taken before the database is asked: the entry's lifetime counts from here. */
  mark(): CallerMark {
    return { generation: this.generation, at: this.now() };
  }

  /**
   * Remembers an answer read from `mark` on (skipped when a `forget` came since: the rows read may
   * be stale); `boundaryMs`, when the access changes by the clock that many milliseconds after the
   * read began, shortens the entry's life to it.
   */
  put(tokenHash: string, caseId: string | null, caller: Caller, mark: CallerMark, boundaryMs: number | null = null): void {
    if (mark.generation !== this.generation) return;
    const lifetime = boundaryMs === null ? CALLER_TTL_MS : Math.min(CALLER_TTL_MS, boundaryMs);
    if (lifetime <= 0) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(keyOf(tokenHash, caseId), { caller: copyOf(caller), until: mark.at + lifetime });
  }

  /** After anything that may change a token, a user, a case's stage or members, or a delegation: nothing remembered is served again. */
  forget(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

/** Milliseconds on a clock that never steps back (a wall clock set back would lengthen every entry's life). */
function monotonicNow(): number {
  return performance.now();
}

function keyOf(tokenHash: string, caseId: string | null): string {
  return caseId === null ? tokenHash : `${tokenHash}/${caseId}`;
}

/**
 * Every request that may change data (any method but GET, HEAD and OPTIONS, on any route: the API,
 * the approver pages, the supplier portal, an unknown path) clears the cache when it starts and
 * again just before its answer's head is written (its transaction has committed or failed by then),
 * and once more when the exchange closes (an abandoned request): so the next request on this
 * instance, and any read that began before the change was committed, reads afresh.
 */
export function forgetOnWrites(cache: CallerCache): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    cache.forget();
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: unknown[]) {
      cache.forget();
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as Response['writeHead'];
    res.once('close', () => cache.forget());
    next();
  };
}

/** The one cache of an app (or of the CLI, whose revocations and role changes then simply clear its own). */
export const CALLER_CACHE = { provide: CallerCache, useFactory: () => new CallerCache() };
