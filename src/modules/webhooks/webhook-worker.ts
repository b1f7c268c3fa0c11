import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { signedHeaders } from '../../domain/webhooks/signature';
import { type WorkerBoss } from '../messages/delivery-queue';
import { type MessagingOptions } from '../messages/messaging.options';
import { WEBHOOK_DEAD_QUEUE, WEBHOOK_QUEUE, type WebhookJob } from './webhook-queue';
import { WebhooksQueries } from './webhooks.queries';

/** An endpoint that does not answer within this long has failed the attempt. */
const TIMEOUT_MS = 10_000;

export type WebhookOutcome = 'delivered' | 'skipped' | 'failed' | 'dead';

/**
 * Sends webhook deliveries, at least once each (README "Webhooks"): pg-boss hands out the jobs,
 * an attempt claims its row under a lease, POSTs the stored body signed for this attempt, records
 * the attempt, and marks the row delivered (a 2xx) or failed (anything else, or no answer); a
 * failed job is failed in pg-boss, which retries it with exponential backoff. A worker that dies
 * mid-attempt leaves its job to pg-boss's expiry and its row to the lease: the retry sends the
 * same body under the same `webhook-id`, the receiver's key for discarding a duplicate.
 */
export class WebhookWorker {
  private readonly logger = new Logger('WebhookWorker');
  private readonly queries = new WebhooksQueries();

  constructor(
    private readonly dataSource: DataSource,
    /** the process's one pg-boss, shared with the mail worker */
    private readonly workerBoss: WorkerBoss,
    private readonly options: MessagingOptions,
  ) {}

  async start(): Promise<void> {
    const boss = await this.workerBoss.use();
    const polling = { pollingIntervalSeconds: this.options.pollingIntervalSeconds, includeMetadata: true as const };
    await boss.work<WebhookJob>(WEBHOOK_QUEUE, { ...polling, batchSize: this.options.batchSize }, (jobs) =>
      Promise.all(
        jobs.map(async (job) => {
          try {
            if ((await this.attempt(job.data.deliveryId, job.retryCount >= job.retryLimit)) === 'failed') {
              await boss.fail(WEBHOOK_QUEUE, job.id, { message: 'the endpoint did not accept it; retried later' });
            }
          } catch (err) {
            await boss.fail(WEBHOOK_QUEUE, job.id, { message: (err as Error).message });
          }
        }),
      ),
    );
    await boss.work<WebhookJob>(WEBHOOK_DEAD_QUEUE, { ...polling, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) {
        if (!(await this.queries.markDead(this.dataSource.manager, job.data.deliveryId, 'given up (no worker finished it)'))) {
          throw new Error(`webhook delivery ${job.data.deliveryId} is still being sent`);
        }
      }
    });
  }

  /** Waits for the attempts under way (their outcome recorded; the mail worker's too), then closes pg-boss's pool. */
  async stop(): Promise<void> {
    await this.workerBoss.stop();
  }

  async attempt(deliveryId: string, last: boolean): Promise<WebhookOutcome> {
    const m = this.dataSource.manager;
    const lease = randomUUID();
    const delivery = await this.queries.claim(m, deliveryId, lease, this.options.leaseSeconds);
    if (!delivery) return 'skipped';
    if (delivery.endpointDeleted) {
      await this.queries.finish(m, deliveryId, lease, { status: 'dead', statusCode: null, error: 'the endpoint was deleted', durationMs: 0 });
      return 'dead';
    }
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'supplier-evaluation-webhooks/1', ...signedHeaders(delivery.secret, delivery.id, delivery.body, new Date()) },
        body: delivery.body,
        // a redirect is not followed: the registered URL is the only one the payload goes to
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      statusCode = res.status;
      await res.body?.cancel();
      if (res.status < 200 || res.status >= 300) error = `the endpoint answered ${res.status}`;
    } catch (err) {
      error = describeFetchError(err);
    }
    const durationMs = Math.round(performance.now() - started);
    const status = error === null ? 'delivered' : last ? 'dead' : 'failed';
    await this.queries.finish(m, deliveryId, lease, { status, statusCode, error, durationMs });
    if (error) this.logger.warn(`webhook ${deliveryId} attempt ${delivery.attempts} failed${last ? ', no retry left' : ''}: ${error}`);
    return status;
  }
}

function describeFetchError(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  return e.cause?.code ? `${e.cause.code}: ${e.cause.message ?? e.message}` : e.message || String(err);
}
