import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Organization roles beside the case roles (README "Permissions"): `users.org_roles` lists what an
 * admin granted (registry, procurement, approver); the organization audit trail records every
 * grant, hash-chained like a case's trail and append-only.
 * Backfill: whoever already holds the initiator or buyer role on a case gets `procurement`, whoever
 * holds the approver role gets `approver`, so the cases under way keep working; nobody gets
 * `registry` (admins still write the registry).
 */
export class OrganizationRoles1766000000000 implements MigrationInterface {
  name = 'OrganizationRoles1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users ADD COLUMN org_roles text[] NOT NULL DEFAULT '{}'
        CHECK (org_roles <@ ARRAY['registry', 'procurement', 'approver']::text[])`);
    await q.query(`
      UPDATE users u SET org_roles = ARRAY(
        SELECT r FROM unnest(ARRAY['registry', 'procurement', 'approver']::text[]) AS r
         WHERE (r = 'procurement' AND EXISTS (SELECT 1 FROM case_members m WHERE m.user_id = u.id AND m.roles && ARRAY['initiator', 'buyer']::text[]))
            OR (r = 'approver' AND EXISTS (SELECT 1 FROM case_members m WHERE m.user_id = u.id AND 'approver' = ANY (m.roles))))`);
    await q.query(`
      CREATE TABLE org_audit_events (
        seq integer PRIMARY KEY CHECK (seq >= 1),
        actor_id uuid REFERENCES users(id),
        action text NOT NULL,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL
      )`);
    await q.query(`
      CREATE TRIGGER org_audit_events_no_update BEFORE UPDATE OR DELETE ON org_audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE org_audit_events`);
    await q.query(`ALTER TABLE users DROP COLUMN org_roles`);
  }
}
