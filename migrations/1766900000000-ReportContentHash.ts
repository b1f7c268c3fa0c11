import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A stored report keeps the SHA-256 of its content (the canonical JSON of its view model, printed on
 * page 1) beside the SHA-256 of its file. A report stored before this column existed has no content
 * hash that could be recomputed from its file: it stays null, and the API says so (null).
 */
export class ReportContentHash1766900000000 implements MigrationInterface {
  name = 'ReportContentHash1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reports ADD COLUMN content_sha256 char(64) CHECK (content_sha256 ~ '^[0-9a-f]{64}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reports DROP COLUMN content_sha256`);
  }
}
