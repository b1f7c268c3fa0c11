import PgBoss from 'pg-boss';
import { type EntityManager } from 'typeorm';

/** pg-boss's schema and queues, created by the Messages migration. */
export const BOSS_SCHEMA = 'pgboss';
export const DELIVER_QUEUE = 'message-deliver';
export const DEAD_QUEUE = 'message-dead';

export interface DeliverJob {
  messageId: string;
}

export interface RetryPolicy {
  retryLimit: number;
  retryDelaySeconds: number;
  leaseSeconds: number;
}

/**
 * The delivery job goes into pg-boss's table through the caller's EntityManager, so it commits or
 * rolls back with the outbox row and the change that wrote it: no row without its job, no job
 * without its row. pg-boss's `send` takes any `{ executeSql }` as its connection; this PgBoss
 * instance is never started (the worker has its own), it only writes jobs.
 */
export class DeliveryQueue {
  private readonly boss = new PgBoss({ schema: BOSS_SCHEMA, db: { executeSql: () => Promise.reject(new Error('jobs are sent through a transaction')) } });

  constructor(private readonly policy: RetryPolicy) {}

  async send(m: EntityManager, job: DeliverJob): Promise<string> {
    const id = await this.boss.send(DELIVER_QUEUE, job, {
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: (await m.query(text, values)) as unknown[] }) },
      retryLimit: this.policy.retryLimit,
      retryDelay: this.policy.retryDelaySeconds,
      retryBackoff: true,
      // a job whose worker died is failed (and retried) by pg-boss's maintenance after this long;
      // the row's lease is as long, so a stale claim and an expired job free up together
      expireInSeconds: this.policy.leaseSeconds,
      retentionDays: 7,
    });
    // the insert joins the queue table: no id means the queue is missing (a database the Messages migration never ran on)
    if (!id) throw new Error(`pg-boss queue ${DELIVER_QUEUE} is missing`);
    return id;
  }
}
