import { DomainError, invalid } from '../errors';

/**
 * Negotiation rounds (README "Rounds"): when a round is open, the date a closed round is judged
 * on, and the rules for opening the next one. The SQL twin of `roundIsOpen` is `roundOpenSql` in
 * src/modules/negotiation/negotiation.queries.ts; nothing else writes the rule.
 */

export type RoundStatus = 'open' | 'closed';

export interface RoundClock {
  /** when it was closed by hand (or recorded as closed at its deadline); null while not recorded */
  closedAt: Date | null;
  deadline: Date;
}

/** A round is open until it is closed by hand or its deadline passes (a deadline of exactly now has passed). */
export function roundIsOpen(round: RoundClock, now: Date): boolean {
  return round.closedAt === null && round.deadline.getTime() > now.getTime();
}

export function roundStatus(round: RoundClock, now: Date): RoundStatus {
  return roundIsOpen(round, now) ? 'open' : 'closed';
}

/** When a closed round closed: by hand, or at its deadline. */
export function roundClosedAt(round: RoundClock): Date {
  return round.closedAt ?? round.deadline;
}

/**
 * The date a closed round is judged on: the UTC calendar date it closed (README "The decision
 * round and asOf"). Certification validity and reliability are evaluated as of this date, so the
 * matrix and the round comparison do not change by themselves as days pass.
 */
export function roundAsOf(round: RoundClock): string {
  return roundClosedAt(round).toISOString().slice(0, 10);
}

/** A round may be opened at most this far ahead (two years). */
export const MAX_DEADLINE_AHEAD_MS = 2 * 366 * 24 * 3600 * 1000;

export interface RoundSoFar {
  number: number;
  status: RoundStatus;
  bestAndFinal: boolean;
}

/** A supplier on the case's shortlist, in the order rounds list their participants. */
export interface ShortlistCandidate {
  supplierId: string;
  shortlisted: boolean;
  /** not blocked in the registry */
  active: boolean;
}

export interface NextRoundInput {
  deadline: Date;
  now: Date;
  /** the case's rounds so far, in number order */
  rounds: readonly RoundSoFar[];
  shortlist: readonly ShortlistCandidate[];
  /** the participants of the last round; null before round 1 */
  previousParticipants: ReadonlyArray<{ supplierId: string; eliminated: boolean }> | null;
}

/**
 * The number and participants of the round to open, or the reason it cannot open, checked in
 * this order: the deadline lies in the future and at most two years ahead (400 `deadline`); no
 * round is still open; the last round was not best-and-final; someone is left to take part
 * (409 each). Participants of round 1 are the active shortlisted suppliers; of round n+1, those
 * of round n not eliminated and still active and shortlisted, in the shortlist's order.
 */
export function nextRound(input: NextRoundInput): { number: number; participants: string[] } {
  const { deadline, now, rounds } = input;
  if (Number.isNaN(deadline.getTime()) || deadline.getTime() <= now.getTime()) throw invalid('deadline', 'the deadline must be in the future');
  if (deadline.getTime() > now.getTime() + MAX_DEADLINE_AHEAD_MS) throw invalid('deadline', 'the deadline must be within two years');

  const stillOpen = rounds.find((r) => r.status === 'open');
  if (stillOpen) throw new DomainError('CONFLICT', `round ${stillOpen.number} is still open: close it first`);
  const last = rounds.at(-1);
  if (last?.bestAndFinal) {
    throw new DomainError('CONFLICT', `round ${last.number} was the best-and-final round: no round may follow it`);
  }

  const stayed = input.previousParticipants === null ? null : new Set(input.previousParticipants.filter((p) => !p.eliminated).map((p) => p.supplierId));
  const participants = input.shortlist
    .filter((s) => s.shortlisted && s.active && (stayed === null || stayed.has(s.supplierId)))
    .map((s) => s.supplierId);
  if (participants.length === 0) {
    throw new DomainError('CONFLICT', 'no supplier is left to take part: the shortlist is empty or every supplier was eliminated');
  }
  return { number: (last?.number ?? 0) + 1, participants };
}
