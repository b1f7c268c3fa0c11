/** The injection token of the REQUIRE_IF_MATCH switch (428 without If-Match). */
export const REQUIRE_IF_MATCH = 'REQUIRE_IF_MATCH';

import { canonicalJson, sha256 } from '../domain/audit/canonical-json';
import { DomainError } from '../domain/errors';

/** A strong ETag of a representation: the SHA-256 of its canonical JSON (first 32 hex digits). */
export function etagOf(representation: unknown): string {
  return `"${sha256(canonicalJson(JSON.parse(JSON.stringify(representation)))).slice(0, 32)}"`;
}

/**
 * If-Match (RFC 9110 §13.1.1), checked by the service under the row or table lock against the
 * representation as it is now: `*` or one of the listed ETags must match, else 412. `current`
 * null: nothing exists yet, and only an absent If-Match passes.
 */
export function assertIfMatch(ifMatch: string | undefined, current: unknown | null): void {
  if (ifMatch === undefined) return;
  const tags = ifMatch.split(',').map((t) => t.trim());
  if (current !== null && (tags.includes('*') || tags.includes(etagOf(current)))) return;
  throw new DomainError('PRECONDITION_FAILED', 'the resource changed since the ETag in If-Match was read; read it again', {
    errors: [{ field: 'If-Match', message: current === null ? 'there is nothing to match yet' : `does not match the current ETag ${etagOf(current)}` }],
  });
}
