import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Supplier contacts carry roles and a language (README "Messages"): every stored contact without
 * them becomes the commercial contact in English (sales, en), the API's defaults. A case may narrow
 * the roles each supplier-facing message kind goes to: `case_message_settings.contact_roles`, an
 * object of kind → roles (checked by the service against the kinds' own roles).
 */
export class ContactRoles1796219897161 implements MigrationInterface {
  name = 'ContactRoles1796219897161';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE suppliers SET contacts = (
        SELECT coalesce(jsonb_agg(jsonb_build_object('roles', '["sales"]'::jsonb, 'language', 'en') || c ORDER BY n), '[]'::jsonb)
          FROM jsonb_array_elements(contacts) WITH ORDINALITY AS t(c, n))
       WHERE jsonb_array_length(contacts) > 0`);
    await q.query(`
      CREATE TABLE case_message_settings (
        case_id uuid PRIMARY KEY REFERENCES cases(id),
        contact_roles jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(contact_roles) = 'object'),
        updated_by uuid NOT NULL REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_message_settings`);
    await q.query(`UPDATE suppliers SET contacts = (SELECT coalesce(jsonb_agg((c - 'roles') - 'language' ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(contacts) WITH ORDINALITY AS t(c, n))`);
  }
}
