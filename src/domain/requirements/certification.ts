import { sameName } from '../names';
import { type CertificationHeld } from './types';

/** Valid on `asOf` when issued on or before it and expiring on or after it (valid through the expiry date). */
export function certificationValidOn(certification: CertificationHeld, asOf: string): boolean {
  const issued = certification.issuedOn === null || dateOnly(certification.issuedOn) <= asOf;
  const unexpired = certification.expiresOn === null || asOf <= dateOnly(certification.expiresOn);
  return issued && unexpired;
}

/** Where a supplier stands on one named certification on a given date. */
export type CertificationStanding =
  | { status: 'valid' }
  | { status: 'missing' }
  /** the latest expiry among the certificates of that name that have expired */
  | { status: 'expired'; expiredOn: string }
  /** the earliest issue date among the certificates of that name, all still to come */
  | { status: 'not_yet_valid'; validFrom: string };

/**
 * The one certification rule: the supplier holds a certificate of that name (matched ignoring case
 * and runs of white space) valid on `asOf`; one valid certificate among several is enough.
 */
export function certificationStanding(name: string, held: readonly CertificationHeld[], asOf: string): CertificationStanding {
  const named = held.filter((c) => sameName(c.name, name));
  if (named.some((c) => certificationValidOn(c, asOf))) return { status: 'valid' };
  if (named.length === 0) return { status: 'missing' };
  const expired = named.flatMap((c) => (c.expiresOn !== null && dateOnly(c.expiresOn) < asOf ? [dateOnly(c.expiresOn)] : [])).sort();
  if (expired.length > 0) return { status: 'expired', expiredOn: expired[expired.length - 1] };
  // none valid and none expired: every one is issued after asOf (an undated one would be valid)
  const issued = named.flatMap((c) => (c.issuedOn === null ? [] : [dateOnly(c.issuedOn)])).sort();
  return { status: 'not_yet_valid', validFrom: issued[0] };
}

/** jsonb dates may come back as full ISO timestamps; the calendar date is what counts. */
export function dateOnly(value: string): string {
  return value.slice(0, 10);
}
