import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The supplier's side of a round through the portal (README "Messages"): clarification questions
 * with the buyer's one answer (published to every invitee, the asker unnamed), and the supplier's
 * intent to bid or decline (one per round and supplier, the latest word kept), and the deadline
 * reminders sent (one per invitee and round).
 */
export class SupplierDialogue1796222607820 implements MigrationInterface {
  name = 'SupplierDialogue1796222607820';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supplier_questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        round_id uuid NOT NULL REFERENCES negotiation_rounds(id),
        supplier_id uuid NOT NULL REFERENCES suppliers(id),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
        asked_at timestamptz NOT NULL DEFAULT now(),
        published_question text CHECK (length(published_question) BETWEEN 1 AND 4000),
        answer text CHECK (length(answer) BETWEEN 1 AND 8000),
        answered_by uuid REFERENCES users(id),
        answered_at timestamptz,
        CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL) AND (answer IS NULL) = (published_question IS NULL))
      )`);
    await q.query(`CREATE INDEX supplier_questions_case ON supplier_questions (case_id, asked_at)`);
    await q.query(`
      CREATE TABLE supplier_intents (
        round_id uuid NOT NULL REFERENCES negotiation_rounds(id),
        supplier_id uuid NOT NULL REFERENCES suppliers(id),
        intent text NOT NULL CHECK (intent IN ('bid', 'decline')),
        reason text CHECK (length(reason) BETWEEN 1 AND 2000),
        declared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (round_id, supplier_id)
      )`);
    // one deadline reminder per invitee and round, however many sweeps run (README "Messages")
    await q.query(`
      CREATE TABLE deadline_reminders (
        round_id uuid NOT NULL REFERENCES negotiation_rounds(id),
        supplier_id uuid NOT NULL REFERENCES suppliers(id),
        reminded_at timestamptz NOT NULL,
        PRIMARY KEY (round_id, supplier_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deadline_reminders`);
    await q.query(`DROP TABLE supplier_intents`);
    await q.query(`DROP TABLE supplier_questions`);
  }
}
