import { isEmail, isISO8601 } from 'class-validator';

/**
 * Cheaper forms of two class-validator checks the import runs on every row, with the same answers
 * (fast-checks.spec.ts compares them on many inputs): a fast path that only ever says yes where
 * class-validator says yes, and class-validator itself for everything else.
 */

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `isISO8601(value, {strict: true})` for a value already matching YYYY-MM-DD: the month 01–12 and the
 * day within that month (29 February in leap years of the proleptic Gregorian calendar, as JS Date).
 * Years before 1000 are left to class-validator, which reads them through `new Date` its own way.
 */
export function isRealIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(0) === 48 /* 0 */) return isISO8601(value, { strict: true });
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (!(month >= 1 && month <= 12 && day >= 1)) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS[month - 1]);
}

/**
 * The common shape of an address, ASCII only: dot-separated atoms of the characters class-validator
 * allows in a local part, one @, a host of 1–63-character labels of letters, digits and inner
 * hyphens ending in a 2–63-letter top-level label. Every string it matches passes `isEmail(·, {})`
 * as well (with the lengths checked: 64 before the @, 254 in all).
 */
const PLAIN_EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** `isEmail(value, {})`, answered without it for a plain address. */
export function isEmailAddress(value: string): boolean {
  if (value.length <= 254 && PLAIN_EMAIL.test(value) && value.indexOf('@') <= 64) return true;
  return isEmail(value, {});
}
