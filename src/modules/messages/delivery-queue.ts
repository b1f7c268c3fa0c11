import { Logger } from '@nestjs/common';
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
 * A job goes into pg-boss's table through the caller's EntityManager, so it commits or rolls back
 * with the row it delivers and the change that wrote it: no row without its job, no job without its
 * row. pg-boss's `send` takes any `{ executeSql }` as its connection; this PgBoss instance is never
 * started (the workers' is WorkerBoss), it only writes jobs. Retries back off exponentially
 * (`retryBackoff`: about delay × 2^n, with jitter); a job whose worker died is failed (and retried)
 * by pg-boss's maintenance after `leaseSeconds`, as long as the row's lease, so a stale claim and an
 * expired job free up together. The mail outbox and the webhook deliveries both send through one.
 */
export class TransactionalQueue<Job extends object> {
  private readonly boss = new PgBoss({ schema: BOSS_SCHEMA, db: { executeSql: () => Promise.reject(new Error('jobs are sent through a transaction')) } });

  constructor(
    private readonly queue: string,
    private readonly policy: RetryPolicy,
  ) {}

  async send(m: EntityManager, job: Job): Promise<string> {
    const id = await this.boss.send(this.queue, job, {
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: (await m.query(text, values)) as unknown[] }) },
      retryLimit: this.policy.retryLimit,
      retryDelay: this.policy.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: this.policy.leaseSeconds,
      retentionDays: 7,
    });
    // the insert joins the queue table: no id means the queue is missing (a database its migration never ran on)
    if (!id) throw new Error(`pg-boss queue ${this.queue} is missing`);
    return id;
  }
}

/** The outbox's delivery jobs (one per message). */
export class DeliveryQueue extends TransactionalQueue<DeliverJob> {
  constructor(policy: RetryPolicy) {
    super(DELIVER_QUEUE, policy);
  }
}

/**
 * The one pg-boss of a process's workers (the mail outbox's and the webhooks'): one pool, one
 * maintenance loop, on the service's database and schema (the migrations made the schema and
 * queues; a newer pg-boss upgrades it on start). The first worker to `use` it starts it. `stop`
 * (each worker calls it when it stops; the first call does the work, the others wait for it) stops
 * every worker on it gracefully, waiting for the jobs under way, then closes its pool: the caller
 * may release what its attempts used (the mail transport) once it returns.
 */
export class WorkerBoss {
  private started: Promise<PgBoss> | null = null;
  private stopping: Promise<void> | null = null;
  private readonly logger = new Logger('WorkerBoss');

  constructor(
    private readonly databaseUrl: string,
    private readonly options: { maintenanceIntervalSeconds: number },
  ) {}

  use(): Promise<PgBoss> {
    this.started ??= this.start();
    return this.started;
  }

  stop(): Promise<void> {
    const started = this.started;
    if (!started) return this.stopping ?? Promise.resolve();
    this.started = null;
    this.stopping = started.then((boss) => boss.stop({ graceful: true, wait: true, timeout: 15_000, close: true }));
    return this.stopping;
  }

  private async start(): Promise<PgBoss> {
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      schema: BOSS_SCHEMA,
      application_name: 'supplier-evaluation-worker',
      // the two workers' pools before they shared one: 3 for the mail, 2 for the webhooks
      max: 5,
      migrate: true,
      supervise: true,
      maintenanceIntervalSeconds: this.options.maintenanceIntervalSeconds,
      schedule: false,
    });
    boss.on('error', (err: Error) => this.logger.error(`pg-boss: ${err.message}`));
    await boss.start();
    return boss;
  }
}
