import { DomainError } from '../errors';
import { MAX_DEADLINE_AHEAD_MS, nextRound, type NextRoundInput, roundAsOf, roundClosedAt, roundIsOpen, roundStatus } from './round';

describe('when a round is open', () => {
  it('closes a round by hand or at its deadline', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    expect(roundIsOpen({ closedAt: null, deadline: new Date('2026-05-01T12:00:01Z') }, now)).toBe(true);
    expect(roundIsOpen({ closedAt: null, deadline: now }, now)).toBe(false);
    expect(roundIsOpen({ closedAt: new Date('2026-04-30T00:00:00Z'), deadline: new Date('2026-06-01T00:00:00Z') }, now)).toBe(false);
  });

  it('names the status the API shows', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    expect(roundStatus({ closedAt: null, deadline: new Date('2026-05-02T00:00:00Z') }, now)).toBe('open');
    expect(roundStatus({ closedAt: null, deadline: new Date('2026-05-01T11:59:59Z') }, now)).toBe('closed');
  });
});

describe('the date a closed round is judged on', () => {
  it('is the UTC date of the manual close', () => {
    const round = { closedAt: new Date('2026-03-31T23:30:00Z'), deadline: new Date('2026-04-15T00:00:00Z') };
    expect(roundClosedAt(round)).toEqual(new Date('2026-03-31T23:30:00Z'));
    expect(roundAsOf(round)).toBe('2026-03-31');
  });

  it('is the UTC date of the deadline when the clock closed it (23:30 in UTC−2 is already the next UTC day)', () => {
    const round = { closedAt: null, deadline: new Date('2026-04-15T23:30:00-02:00') };
    expect(roundAsOf(round)).toBe('2026-04-16');
  });
});

describe('opening the next round', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  const inAnHour = new Date('2026-05-01T13:00:00Z');
  const shortlist = [
    { supplierId: 'atlas', shortlisted: true, active: true },
    { supplierId: 'boreal', shortlisted: true, active: true },
    { supplierId: 'cumulus', shortlisted: false, active: true },
    { supplierId: 'delta', shortlisted: true, active: false },
  ];
  const first: NextRoundInput = { deadline: inAnHour, now, rounds: [], shortlist, previousParticipants: null };

  const refusal = (input: NextRoundInput) => {
    try {
      nextRound(input);
    } catch (e) {
      return e as DomainError;
    }
    throw new Error('expected a refusal');
  };

  it('opens round 1 with the active shortlisted suppliers (excluded cumulus and blocked delta stay out)', () => {
    expect(nextRound(first)).toEqual({ number: 1, participants: ['atlas', 'boreal'] });
  });

  it('opens round n+1 with the participants of round n not eliminated and still active and shortlisted', () => {
    const input: NextRoundInput = {
      ...first,
      rounds: [{ number: 1, status: 'closed', bestAndFinal: false }],
      previousParticipants: [
        { supplierId: 'atlas', eliminated: true },
        { supplierId: 'boreal', eliminated: false },
        { supplierId: 'delta', eliminated: false },
      ],
    };
    expect(nextRound(input)).toEqual({ number: 2, participants: ['boreal'] });
  });

  it('refuses a deadline that is now or past (400 deadline)', () => {
    const e = refusal({ ...first, deadline: now });
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe('VALIDATION');
    expect(e.details.errors).toEqual([{ field: 'deadline', message: 'the deadline must be in the future' }]);
  });

  it('refuses a deadline that is not a date', () => {
    expect(refusal({ ...first, deadline: new Date('tomorrow') }).details.errors).toEqual([{ field: 'deadline', message: 'the deadline must be in the future' }]);
  });

  it('accepts a deadline exactly two years (2 × 366 days) ahead and refuses one a millisecond later', () => {
    const limit = new Date(now.getTime() + MAX_DEADLINE_AHEAD_MS);
    expect(nextRound({ ...first, deadline: limit }).number).toBe(1);
    expect(refusal({ ...first, deadline: new Date(limit.getTime() + 1) }).details.errors).toEqual([
      { field: 'deadline', message: 'the deadline must be within two years' },
    ]);
  });

  it('refuses while a round is still open (409)', () => {
    const e = refusal({ ...first, rounds: [{ number: 1, status: 'open', bestAndFinal: false }], previousParticipants: [] });
    expect([e.code, e.message]).toEqual(['CONFLICT', 'round 1 is still open: close it first']);
  });

  it('refuses to follow a best-and-final round (409)', () => {
    const e = refusal({ ...first, rounds: [{ number: 1, status: 'closed', bestAndFinal: true }], previousParticipants: [{ supplierId: 'atlas', eliminated: false }] });
    expect([e.code, e.message]).toEqual(['CONFLICT', 'round 1 was the best-and-final round: no round may follow it']);
  });

  it('refuses when nobody is left to take part (409)', () => {
    const e = refusal({
      ...first,
      rounds: [{ number: 1, status: 'closed', bestAndFinal: false }],
      previousParticipants: [
        { supplierId: 'atlas', eliminated: true },
        { supplierId: 'boreal', eliminated: true },
      ],
    });
    expect([e.code, e.message]).toEqual(['CONFLICT', 'no supplier is left to take part: the shortlist is empty or every supplier was eliminated']);
  });

  it('checks the deadline before the rounds: a bad deadline while a round is open is a 400', () => {
    expect(refusal({ ...first, deadline: now, rounds: [{ number: 1, status: 'open', bestAndFinal: false }] }).code).toBe('VALIDATION');
  });
});
