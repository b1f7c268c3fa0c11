import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A trail that cannot be cut short: each case row carries the head of its audit chain (sequence
 * and hash), set in the same transaction as the event, and the organization trail links every
 * case head (`case.head` events). Deleting a case's last events (as a database owner, past the
 * append-only trigger) leaves the head pointing past the chain's end, which verify reports.
 */
export class AuditHeads1766300000000 implements MigrationInterface {
  name = 'AuditHeads1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cases
        ADD COLUMN audit_seq integer NOT NULL DEFAULT 0 CHECK (audit_seq >= 0),
        ADD COLUMN audit_hash char(64) NOT NULL DEFAULT repeat('0', 64)`);
    await q.query(`
      UPDATE cases c SET audit_seq = h.seq, audit_hash = h.hash
        FROM (SELECT DISTINCT ON (case_id) case_id, seq, hash FROM audit_events ORDER BY case_id, seq DESC) h
       WHERE h.case_id = c.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN audit_seq, DROP COLUMN audit_hash`);
  }
}
