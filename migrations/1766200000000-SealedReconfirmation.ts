import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Sealed means sealed: a buyer's re-confirmation while the round is open is taken without reading
 * the offer (the answer cannot depend on its content); `reconfirm_pending` marks it, and the
 * offer's validity against the specification is checked when the round closes.
 */
export class SealedReconfirmation1766200000000 implements MigrationInterface {
  name = 'SealedReconfirmation1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE offers ADD COLUMN reconfirm_pending boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE offers ADD CONSTRAINT offers_reconfirm_pending_check CHECK (NOT (reconfirm_pending AND needs_reconfirmation))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE offers DROP COLUMN reconfirm_pending`);
  }
}
