import { Histogram, Registry, Gauge, collectDefaultMetrics } from 'prom-client';

/** Seconds buckets for HTTP answers and the compute steps: 5 ms to 10 s. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type ComputeStep = 'matrix' | 'report';

/**
 * The service's Prometheus metrics, one registry per application (a test process runs many apps;
 * prom-client's global registry would mix them). The queue and pool gauges are read when scraped
 * (README "Metrics").
 */
export class Metrics {
  readonly registry = new Registry();
  readonly http = new Histogram({
    name: 'supeval_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status, with their durations',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });
  readonly compute = new Histogram({
    name: 'supeval_compute_duration_seconds',
    help: 'time to compute the decision matrix and to render one report (step: matrix, report)',
    labelNames: ['step'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });

  constructor(collectors: { queue: () => Promise<QueueCount[]>; pool: () => PoolUse | null }, processMetrics: boolean) {
    if (processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'supeval_' });
    new Gauge({
      name: 'supeval_queue_jobs',
      help: 'jobs in the queue by kind (queue) and state; state="failed" are the given-up ones, "retry" those failed and waiting to be retried',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of await collectors.queue()) this.set({ queue: row.queue, state: row.state }, row.count);
      },
    });
    new Gauge({
      name: 'supeval_db_pool_connections',
      help: 'the database pool of this process: total, idle, and callers waiting for a connection',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = collectors.pool();
        if (!pool) return;
        this.set({ state: 'total' }, pool.total);
        this.set({ state: 'idle' }, pool.idle);
        this.set({ state: 'waiting' }, pool.waiting);
      },
    });
  }

  /** Times `work` as one observation of `step`, whether it succeeds or throws. */
  async time<T>(step: ComputeStep, work: () => Promise<T> | T): Promise<T> {
    const end = this.compute.startTimer({ step });
    try {
      return await work();
    } finally {
      end();
    }
  }
}

export interface QueueCount {
  queue: string;
  state: string;
  count: number;
}

export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
}
