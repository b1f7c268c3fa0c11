import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Idempotency-Key: one row per caller and key, its request fingerprint and, once done, the answer (kept 24 h). */
export class IdempotencyKeys1765000000000 implements MigrationInterface {
  name = 'IdempotencyKeys1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        principal text NOT NULL CHECK (length(principal) BETWEEN 1 AND 200),
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        fingerprint char(64) NOT NULL,
        status integer CHECK (status BETWEEN 200 AND 299),
        body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (principal, key),
        CHECK ((status IS NULL) = (completed_at IS NULL))
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
