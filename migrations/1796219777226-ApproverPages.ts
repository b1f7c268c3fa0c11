import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Approver pages (README "Approver pages"): the e-mailed sign-in links (single use, stored hashed,
 * bound to approver, case and decision snapshot), the notices sent to approvers (one row per
 * purpose: its unique key makes the reminder sweep idempotent), browser sessions (hashed, in
 * PostgreSQL so that any instance serves them), delegations while away, and the delegate who
 * signed an approval on the approver's behalf.
 */
export class ApproverPages1796219777226 implements MigrationInterface {
  name = 'ApproverPages1796219777226';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE approval_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash char(64) NOT NULL UNIQUE,
        case_id uuid NOT NULL REFERENCES cases(id),
        user_id uuid NOT NULL REFERENCES users(id),
        snapshot_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE approval_notices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE,
        case_id uuid NOT NULL REFERENCES cases(id),
        user_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL CHECK (kind IN ('request', 'reminder', 'escalation')),
        snapshot_hash char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX approval_notices_case_idx ON approval_notices (case_id, user_id)`);
    await q.query(`
      CREATE TABLE web_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash char(64) NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users(id),
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE delegations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        delegate_id uuid NOT NULL REFERENCES users(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CHECK (ends_at > starts_at),
        CHECK (delegate_id <> user_id)
      )`);
    await q.query(`CREATE INDEX delegations_delegate_idx ON delegations (delegate_id) WHERE revoked_at IS NULL`);
    await q.query(`ALTER TABLE approvals ADD COLUMN signed_by uuid REFERENCES users(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE approvals DROP COLUMN signed_by`);
    await q.query(`DROP TABLE delegations`);
    await q.query(`DROP TABLE web_sessions`);
    await q.query(`DROP TABLE approval_notices`);
    await q.query(`DROP TABLE approval_links`);
  }
}
