import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The queue names the service uses (src/modules/webhooks/webhook-queue.ts). */
const BOSS_SCHEMA = 'pgboss';
const DELIVER_QUEUE = 'webhook-deliver';
const DEAD_QUEUE = 'webhook-dead';

/**
 * Webhooks (Standard Webhooks 1.0): the endpoints admins register, one delivery row per event and
 * endpoint written in the transaction of the change (the outbox), each attempt of it. The
 * delivery's id is the `webhook-id` every attempt carries. The secret is kept as given: signing
 * needs it in the clear (README "Webhooks").
 */
export class Webhooks1796220468155 implements MigrationInterface {
  name = 'Webhooks1796220468155';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL CHECK (url ~* '^https?://' AND length(url) <= 2048),
        events text[] NOT NULL CHECK (cardinality(events) BETWEEN 1 AND 6
          AND events <@ ARRAY['case.stage_changed', 'case.awarded', 'round.closed', 'approval.signed', 'report.stored', 'supplier.blocked']),
        secret text NOT NULL CHECK (secret ~ '^whsec_[A-Za-z0-9+/]{32,88}={0,2}$'),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id text PRIMARY KEY CHECK (id ~ '^msg_[0-9a-f]{32}$'),
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id),
        event_type text NOT NULL,
        case_id uuid REFERENCES cases(id),
        body text NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'sending', 'delivered', 'failed', 'dead')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        lease_token uuid,
        lease_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        CHECK ((status = 'delivered') = (delivered_at IS NOT NULL)),
        CHECK ((status = 'sending') = (lease_token IS NOT NULL AND lease_until IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at)`);
    await q.query(`
      CREATE TABLE webhook_attempts (
        id bigserial PRIMARY KEY,
        delivery_id text NOT NULL REFERENCES webhook_deliveries(id),
        attempted_at timestamptz NOT NULL DEFAULT now(),
        status_code integer CHECK (status_code BETWEEN 100 AND 599),
        error text,
        duration_ms integer NOT NULL CHECK (duration_ms >= 0),
        CHECK (status_code IS NOT NULL OR error IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id)`);
    await q.query(`SELECT ${BOSS_SCHEMA}.create_queue($1, $2)`, [DEAD_QUEUE, JSON.stringify({ policy: 'standard' })]);
    await q.query(`SELECT ${BOSS_SCHEMA}.create_queue($1, $2)`, [DELIVER_QUEUE, JSON.stringify({ policy: 'standard', deadLetter: DEAD_QUEUE })]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT ${BOSS_SCHEMA}.delete_queue($1)`, [DELIVER_QUEUE]);
    await q.query(`SELECT ${BOSS_SCHEMA}.delete_queue($1)`, [DEAD_QUEUE]);
    await q.query(`DROP TABLE webhook_attempts`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_endpoints`);
  }
}
