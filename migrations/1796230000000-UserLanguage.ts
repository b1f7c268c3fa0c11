import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The language a user's messages are written in (README "Messages"): English or Spanish, English for everyone until set. */
export class UserLanguage1796230000000 implements MigrationInterface {
  name = 'UserLanguage1796230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN language`);
  }
}
