import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Conflict-of-interest declarations (README "Segregation of duties"): per case and person, either
 * "no conflict" or a conflict with one supplier and a text. Append-only: a declaration is evidence,
 * never edited; a later one adds to the earlier ones.
 */
export class ConflictDeclarations1766150000000 implements MigrationInterface {
  name = 'ConflictDeclarations1766150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conflict_declarations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        user_id uuid NOT NULL REFERENCES users(id),
        conflict boolean NOT NULL,
        supplier_id uuid REFERENCES suppliers(id),
        text text CHECK (length(text) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (conflict = (supplier_id IS NOT NULL) AND conflict = (text IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX conflict_declarations_case_user_idx ON conflict_declarations (case_id, user_id)`);
    await q.query(`
      CREATE TRIGGER conflict_declarations_no_update BEFORE UPDATE OR DELETE ON conflict_declarations
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE conflict_declarations`);
  }
}
