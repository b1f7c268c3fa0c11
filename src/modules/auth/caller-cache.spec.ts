import { EventEmitter } from 'node:events';
import { type Request, type Response } from 'express';
import { type AuthUser } from '../../common/auth';
import { type Caller } from './auth.queries';
import { CALLER_TTL_MS, CallerCache, forgetOnWrites } from './caller-cache';

const ada: AuthUser = { id: 'u1', name: 'Ada', email: 'ada@example.com', orgRole: 'member', orgRoles: ['procurement'], executive: false, createdAt: new Date(0) };
const alone: Caller = { user: ada, caseAccess: null };
const onCase: Caller = { user: ada, caseAccess: { stage: 'DECISION', roles: ['evaluator'] } };
const CASE = 'c0000000-0000-4000-8000-000000000001';

describe('CallerCache', () => {
  let now = 1_000;
  const cache = () => new CallerCache(() => now);

  it('serves a remembered answer until CALLER_TTL_MS have passed since its read began, then asks again', () => {
    const c = cache();
    const mark = c.mark();
    now += 100; // the database's answer took this long
    c.put('h', null, alone, mark);
    now += CALLER_TTL_MS - 101;
    expect(c.get('h')).toEqual(alone);
    now += 1;
    expect(c.get('h')).toBeNull();
  });

  it('keeps the lifetime under a second: every instance sees a change within one', () => {
    expect(CALLER_TTL_MS).toBeLessThan(1000);
  });

  it('keeps a case access apart from the token alone and from another case, and one token apart from another', () => {
    const c = cache();
    c.put('h', CASE, onCase, c.mark());
    expect(c.get('h', CASE)).toEqual(onCase);
    expect(c.get('h')).toBeNull();
    expect(c.get('h', 'c0000000-0000-4000-8000-000000000002')).toBeNull();
    expect(c.get('other', CASE)).toBeNull();
  });

  it('serves an access that changes by the clock no longer than until that instant', () => {
    const c = cache();
    c.put('h', CASE, onCase, c.mark(), 120);
    now += 119;
    expect(c.get('h', CASE)).toEqual(onCase);
    now += 1;
    expect(c.get('h', CASE)).toBeNull();
    // a boundary already reached (or further than the lifetime) changes nothing beyond it
    c.put('h', CASE, onCase, c.mark(), 0);
    expect(c.get('h', CASE)).toBeNull();
    c.put('h', CASE, onCase, c.mark(), 10 * CALLER_TTL_MS);
    now += CALLER_TTL_MS;
    expect(c.get('h', CASE)).toBeNull();
  });

  it('serves nothing remembered after forget, nor an answer read before it', () => {
    const c = cache();
    c.put('h', null, alone, c.mark());
    c.put('h', CASE, onCase, c.mark());
    const readBefore = c.mark();
    c.forget();
    expect(c.get('h')).toBeNull();
    expect(c.get('h', CASE)).toBeNull();
    c.put('h', CASE, onCase, readBefore);
    expect(c.get('h', CASE)).toBeNull();
    c.put('h', CASE, onCase, c.mark());
    expect(c.get('h', CASE)).toEqual(onCase);
  });

  it('hands out copies: a request that changes its user or its access changes no other', () => {
    const c = cache();
    const put = structuredClone(onCase);
    c.put('h', CASE, put, c.mark());
    put.caseAccess!.roles.push('decider');
    const first = c.get('h', CASE)!;
    first.user.orgRoles.push('registry');
    first.user.name = 'changed';
    first.caseAccess!.roles.push('approver');
    expect(c.get('h', CASE)).toEqual(onCase);
  });
});

describe('forgetOnWrites', () => {
  /** A response that records whether the cache held its entry when its head was written. */
  function exchange(cache: CallerCache, method: string) {
    const res = new EventEmitter() as unknown as Response & { heldAtHead?: boolean };
    res.writeHead = function (this: typeof res) {
      this.heldAtHead = cache.get('h') !== null;
      return this;
    } as unknown as Response['writeHead'];
    let nextCalled = false;
    forgetOnWrites(cache)({ method } as Request, res, () => {
      nextCalled = true;
    });
    return { res, nextCalled };
  }

  it('leaves the cache alone on GET, HEAD and OPTIONS', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      const c = new CallerCache();
      c.put('h', null, alone, c.mark());
      const { res, nextCalled } = exchange(c, method);
      expect(nextCalled).toBe(true);
      res.writeHead(200);
      res.emit('close');
      expect(c.get('h')).toEqual(alone);
    }
  });

  it('clears it when any other request starts, again before its answer is written, and when it closes', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND']) {
      const c = new CallerCache();
      c.put('h', null, alone, c.mark());
      const { res, nextCalled } = exchange(c, method);
      expect(nextCalled).toBe(true);
      expect(c.get('h')).toBeNull();
      // a read during the request (begun after it started) is remembered, then cleared before the answer
      c.put('h', null, alone, c.mark());
      const during = c.mark();
      res.writeHead(200);
      expect(res.heldAtHead).toBe(false);
      // a read begun before the answer cannot store what it read
      c.put('h', null, alone, during);
      expect(c.get('h')).toBeNull();
      c.put('h', null, alone, c.mark());
      res.emit('close');
      expect(c.get('h')).toBeNull();
    }
  });
});
