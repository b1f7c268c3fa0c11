import PgBoss from 'pg-boss';
import { type EntityManager } from 'typeorm';
import { BOSS_SCHEMA } from '../messages/delivery-queue';

/** The webhook delivery queue and its dead-letter queue, created by the Webhooks migration. */
export const WEBHOOK_QUEUE = 'webhook-deliver';
export const WEBHOOK_DEAD_QUEUE = 'webhook-dead';

export interface WebhookJob {
  deliveryId: string;
}

/**
 * Writes a delivery's job into pg-boss's table through the caller's EntityManager, as the mail
 * outbox does (src/modules/messages/delivery-queue.ts): the job commits or rolls back with the
 * delivery row and the change that caused it. Retries back off exponentially (pg-boss's
 * `retryBackoff`: about delay × 2^n, with jitter) and a retry carries the same row, so the same
 * `webhook-id`.
 */
export class WebhookQueue {
  private readonly boss = new PgBoss({ schema: BOSS_SCHEMA, db: { executeSql: () => Promise.reject(new Error('jobs are sent through a transaction')) } });

  constructor(private readonly policy: { retryLimit: number; retryDelaySeconds: number; leaseSeconds: number }) {}

  async send(m: EntityManager, job: WebhookJob): Promise<void> {
    const id = await this.boss.send(WEBHOOK_QUEUE, job, {
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: (await m.query(text, values)) as unknown[] }) },
      retryLimit: this.policy.retryLimit,
      retryDelay: this.policy.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: this.policy.leaseSeconds,
      retentionDays: 7,
    });
    if (!id) throw new Error(`pg-boss queue ${WEBHOOK_QUEUE} is missing`);
  }
}
