import { type AuthUser } from '../../common/auth';
import { CALLER_TTL_MS, CallerCache } from './caller-cache';

const ada: AuthUser = { id: 'u1', name: 'Ada', email: 'ada@example.com', orgRole: 'member', orgRoles: ['procurement'], executive: false, createdAt: new Date(0) };

describe('CallerCache', () => {
  let now = 1_000;
  const cache = () => new CallerCache(() => now);

  it('serves a remembered user until CALLER_TTL_MS have passed, then asks again', () => {
    const c = cache();
    c.put('h', ada, c.mark());
    now += CALLER_TTL_MS - 1;
    expect(c.get('h')).toEqual(ada);
    now += 1;
    expect(c.get('h')).toBeNull();
  });

  it('keeps the lifetime under a second: every instance sees a revocation within one', () => {
    expect(CALLER_TTL_MS).toBeLessThan(1000);
  });

  it('serves nothing remembered after forget, nor an answer read before it', () => {
    const c = cache();
    c.put('h', ada, c.mark());
    const readBefore = c.mark();
    c.forget();
    expect(c.get('h')).toBeNull();
    c.put('h', ada, readBefore);
    expect(c.get('h')).toBeNull();
    c.put('h', ada, c.mark());
    expect(c.get('h')).toEqual(ada);
  });

  it('hands out copies: a request that changes its user changes no other', () => {
    const c = cache();
    c.put('h', ada, c.mark());
    const first = c.get('h')!;
    first.orgRoles.push('registry');
    first.name = 'changed';
    expect(c.get('h')).toEqual(ada);
  });
});
