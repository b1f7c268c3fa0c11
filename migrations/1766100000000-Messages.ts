import PgBoss from 'pg-boss';
import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The queue's schema and the outbox's job queue; the names the service uses (src/modules/messages/delivery-queue.ts). */
const BOSS_SCHEMA = 'pgboss';
const DELIVER_QUEUE = 'message-deliver';
const DEAD_QUEUE = 'message-dead';

/**
 * pg-boss's own construction script, run inside this migration's transaction: it is written as one
 * BEGIN … COMMIT block, and a COMMIT here would end the migration's transaction half-way, so the
 * block's own BEGIN and COMMIT are taken off (the advisory lock and the version row stay). A later
 * pg-boss release upgrades the schema itself when the worker starts (its `migrate` option).
 */
function constructionSql(): string {
  const plan = PgBoss.getConstructionPlans(BOSS_SCHEMA);
  const inner = plan.replace(/^\s*BEGIN;/, '').replace(/COMMIT;\s*$/, '');
  if (inner === plan || /\bBEGIN;|\bCOMMIT;/.test(inner.replace(/\$\$[\s\S]*?\$\$/g, ''))) {
    throw new Error('pg-boss construction plan is no longer one BEGIN … COMMIT block');
  }
  return inner;
}

/**
 * The transactional outbox (`messages`): a change that must tell someone writes its message here in
 * its own transaction, with the delivery job of pg-boss (schema `pgboss`, same database) beside it.
 * Status: pending_approval (a supplier-facing message waiting for the gatekeeper) → queued →
 * sending (claimed under a lease) → sent; failed (the last attempt failed, a retry is scheduled) →
 * sending again; dead (retries spent, an admin may retry).
 */
export class Messages1766100000000 implements MigrationInterface {
  name = 'Messages1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid REFERENCES cases(id),
        kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_.]{0,62}$'),
        status text NOT NULL CHECK (status IN ('pending_approval', 'queued', 'sending', 'sent', 'failed', 'dead')),
        audience text NOT NULL CHECK (audience IN ('supplier', 'buying_center', 'admin')),
        supplier_id uuid REFERENCES suppliers(id),
        recipients jsonb NOT NULL CHECK (jsonb_typeof(recipients) = 'array' AND jsonb_array_length(recipients) BETWEEN 1 AND 50),
        reply_to jsonb,
        language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es')),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
        text text NOT NULL,
        html text NOT NULL,
        message_id text NOT NULL UNIQUE CHECK (message_id ~ '^<[^<>@\\s]+@[^<>@\\s]+>$'),
        thread_id text,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        lease_token uuid,
        lease_until timestamptz,
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        CHECK ((status = 'sending') = (lease_token IS NOT NULL AND lease_until IS NOT NULL)),
        CHECK (audience <> 'supplier' OR supplier_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX messages_case ON messages (case_id, created_at)`);
    await q.query(`CREATE INDEX messages_dead ON messages (created_at) WHERE status = 'dead'`);
    await q.query(constructionSql());
    // retries and backoff are set per job by the outbox (configurable); the queue carries the dead-letter link
    await q.query(`SELECT ${BOSS_SCHEMA}.create_queue($1, $2)`, [DEAD_QUEUE, JSON.stringify({ policy: 'standard' })]);
    await q.query(`SELECT ${BOSS_SCHEMA}.create_queue($1, $2)`, [DELIVER_QUEUE, JSON.stringify({ policy: 'standard', deadLetter: DEAD_QUEUE })]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA ${BOSS_SCHEMA} CASCADE`);
    await q.query(`DROP TABLE messages`);
  }
}
