/**
 * Names and texts typed by people are matched ignoring case and runs of white space: a criterion
 * name, a requirement text, a certification name. `"  ISO  9001 "` and `"iso 9001"` are the same.
 */
export function matchKey(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Whether two names are the same by `matchKey`. */
export function sameName(a: string, b: string): boolean {
  return matchKey(a) === matchKey(b);
}
