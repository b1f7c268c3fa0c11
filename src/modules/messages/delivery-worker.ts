import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { type DataSource } from 'typeorm';
import { DEAD_QUEUE, DELIVER_QUEUE, type DeliverJob, type WorkerBoss } from './delivery-queue';
import { type MessagingOptions } from './messaging.options';
import { MessagesQueries } from './messages.queries';
import { type MailTransport } from './transport';

export type AttemptOutcome = 'sent' | 'skipped' | 'failed' | 'dead';

/**
 * Delivers outbox messages: pg-boss hands out the jobs, this worker claims each job's row and sends it.
 *
 * Why each message is delivered once, with two workers on one database or a worker killed mid-send:
 * 1. A row and its job are written in the transaction of the change that caused them
 *    (MessageOutbox.enqueue), so a committed change always has its job, and a rolled-back one neither.
 * 2. pg-boss delivers a job at least once: a worker that dies leaves its jobs `active`, and
 *    pg-boss's maintenance fails them after `expireInSeconds` (the lease) and retries them, with
 *    backoff; a spent job goes to the dead-letter queue, whose handler marks the row dead.
 * 3. At most one attempt holds a row: an attempt first claims it with one conditional UPDATE
 *    (MessagesQueries.claim: `queued`/`failed`, or `sending` past its lease → `sending` with a new
 *    lease token). Two workers that received the same job, or a stale and a fresh job for one row,
 *    race on the row lock; one claims, the other finds it sending or sent and does nothing. Only
 *    the lease holder may mark it sent or failed (`WHERE lease_token = …`).
 * 4. The claim commits before the SMTP transaction starts and `sent` commits right after the
 *    server's 250; a message is sent again only if its worker dies in between, after the server
 *    accepted it. That window cannot be closed from the client side of SMTP; the message then
 *    carries the row's fixed Message-ID both times, the identity receiving systems and clients
 *    deduplicate on. A worker dying before the 250 leaves a transaction the server must discard
 *    (RFC 5321 §4.1.1.4: the server takes responsibility only with its reply to the data).
 */
export class DeliveryWorker {
  private readonly logger = new Logger('DeliveryWorker');
  private readonly queries = new MessagesQueries();

  constructor(
    private readonly dataSource: DataSource,
    /** the process's one pg-boss, shared with the webhook worker */
    private readonly workerBoss: WorkerBoss,
    private readonly options: MessagingOptions,
    private readonly transport: MailTransport,
  ) {}

  async start(): Promise<void> {
    const boss = await this.workerBoss.use();
    const polling = { pollingIntervalSeconds: this.options.pollingIntervalSeconds, includeMetadata: true as const };
    let deliverer = '';
    deliverer = await boss.work<DeliverJob>(DELIVER_QUEUE, { ...polling, batchSize: this.options.batchSize }, async (jobs) => {
      await this.deliverBatch(boss, jobs);
      // a full batch: more are likely waiting, so fetch again at once instead of after the polling interval
      if (jobs.length === this.options.batchSize && deliverer) boss.notifyWorker(deliverer);
    });
    await boss.work<DeliverJob>(DEAD_QUEUE, { ...polling, batchSize: 1 }, (jobs) => this.buryBatch(jobs));
  }

  /** Waits for the attempts under way (their outcome recorded; the webhook worker's too), then closes pg-boss's pool and the transport. */
  async stop(): Promise<void> {
    await this.workerBoss.stop();
    this.transport.close();
  }

  /**
   * One batch, its jobs side by side (the SMTP pool bounds the connections), each on its own: a
   * failure fails only its job. A failed job is failed in pg-boss by hand, so pg-boss retries it;
   * completing the batch afterwards leaves it alone (pg-boss completes only jobs still active).
   */
  private async deliverBatch(boss: PgBoss, jobs: Array<PgBoss.JobWithMetadata<DeliverJob>>): Promise<void> {
    await Promise.all(
      jobs.map(async (job) => {
        const last = job.retryCount >= job.retryLimit;
        try {
          const outcome = await this.attempt(job.data.messageId, last);
          if (outcome === 'failed') await boss.fail(DELIVER_QUEUE, job.id, { message: 'delivery failed, retried later' });
        } catch (err) {
          await boss.fail(DELIVER_QUEUE, job.id, { message: (err as Error).message });
        }
      }),
    );
  }

  private async buryBatch(jobs: Array<PgBoss.JobWithMetadata<DeliverJob>>): Promise<void> {
    for (const job of jobs) {
      const settled = await this.queries.markDead(this.dataSource.manager, job.data.messageId, 'delivery was given up (no worker finished it)');
      // a live attempt holds it: pg-boss retries this job, and the row's fate is decided after that attempt
      if (!settled) throw new Error(`message ${job.data.messageId} is still being sent`);
    }
  }

  /** One attempt at one message: claim, send, record. `last`: no retry follows a failure. */
  async attempt(messageId: string, last: boolean): Promise<AttemptOutcome> {
    const m = this.dataSource.manager;
    const lease = randomUUID();
    const message = await this.queries.claim(m, messageId, lease, this.options.leaseSeconds);
    if (!message) return 'skipped';
    try {
      await this.transport.send(message, this.options.from);
    } catch (err) {
      const reason = (err as Error).message || String(err);
      await this.queries.release(m, messageId, lease, last ? 'dead' : 'failed', reason);
      this.logger.warn(`message ${messageId} attempt ${message.attempts} failed${last ? ', no retry left' : ''}: ${reason}`);
      return last ? 'dead' : 'failed';
    }
    if (!(await this.queries.markSent(m, messageId, lease))) {
      this.logger.warn(`message ${messageId} was sent after its lease ran out`);
    }
    return 'sent';
  }
}
