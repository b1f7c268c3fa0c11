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
 * started (the worker has its own), it only writes jobs. Retries back off exponentially
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
 * A started pg-boss for a worker, on the service's database and schema (the migrations made the
 * schema and queues); `migrate`: whether this one may upgrade the schema to a newer pg-boss.
 */
export async function startBoss(
  databaseUrl: string,
  options: { maintenanceIntervalSeconds: number },
  worker: { applicationName: string; max: number; migrate: boolean },
  onError: (err: Error) => void,
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: BOSS_SCHEMA,
    application_name: worker.applicationName,
    max: worker.max,
    migrate: worker.migrate,
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
    schedule: false,
  });
  boss.on('error', onError);
  await boss.start();
  return boss;
}
