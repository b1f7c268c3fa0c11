import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { canonicalJson, sha256 } from '../domain/audit/canonical-json';
import { DomainError, invalid } from '../domain/errors';
import { type AuthedRequest, bearerToken } from './auth';

export type Claim =
  | { kind: 'none' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'claimed'; complete(status: number, body: unknown): Promise<void>; release(): Promise<void> };

/** Keys are kept a day (the IETF httpapi Idempotency-Key draft leaves the window to the server). */
export const IDEMPOTENCY_HOURS = 24;
const KEY = /^[\x21-\x7E]{1,255}$/;

/**
 * Idempotency-Key for the POSTs that create something, stored in `idempotency_keys` per caller (the
 * user, or the invitation token on the supplier portal). The first request with a key claims it;
 * its successful answer is stored and replayed to a retry with the same body; another body with the
 * same key is 422, a retry while the first still runs 409. A failed request releases its key (it
 * changed nothing, so the client may try again).
 */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async begin(req: Request): Promise<Claim> {
    const header = req.headers['idempotency-key'];
    if (header === undefined) return { kind: 'none' };
    const key = String(header).replace(/^"(.*)"$/, '$1');
    if (!KEY.test(key)) throw invalid('Idempotency-Key', 'must be 1–255 visible ASCII characters (a UUID is a good key)');
    const principal = principalOf(req);
    const fingerprint = sha256(`${req.method} ${req.originalUrl}\n${canonicalJson(req.body ?? null)}`);
    const db = this.dataSource;
    await db.query(`DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3)`, [
      principal,
      key,
      IDEMPOTENCY_HOURS,
    ]);
    const claimed = await db.query(
      `INSERT INTO idempotency_keys (principal, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
      [principal, key, fingerprint],
    );
    if (claimed.length === 1) {
      return {
        kind: 'claimed',
        complete: async (status, body) => {
          await db.query(`UPDATE idempotency_keys SET status = $3, body = $4, completed_at = now() WHERE principal = $1 AND key = $2`, [
            principal,
            key,
            status,
            JSON.stringify(body ?? null),
          ]);
        },
        release: async () => {
          await db.query(`DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND status IS NULL`, [principal, key]);
        },
      };
    }
    const [stored] = await db.query(`SELECT fingerprint, status, body FROM idempotency_keys WHERE principal = $1 AND key = $2`, [principal, key]);
    if (stored && stored.fingerprint !== fingerprint) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for another request; use a new key', {
        errors: [{ field: 'Idempotency-Key', message: 'already used with a different request body' }],
      });
    }
    if (!stored || stored.status === null) {
      throw new DomainError('IDEMPOTENCY_KEY_IN_USE', 'a request with this Idempotency-Key is still being processed; retry later', {
        errors: [{ field: 'Idempotency-Key', message: 'in flight' }],
      });
    }
    return { kind: 'replay', status: stored.status, body: stored.body };
  }
}

function principalOf(req: Request): string {
  const user = (req as AuthedRequest).user;
  if (user) return `user:${user.id}`;
  const token = bearerToken(req);
  return token ? `invitation:${sha256(token)}` : 'anonymous';
}
