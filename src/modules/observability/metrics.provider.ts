import { type Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { type Pool } from 'pg';
import { BOSS_SCHEMA } from '../messages/delivery-queue';
import { Metrics, type PoolUse, type QueueCount } from './metrics';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability.options';

/** pg-boss's jobs per queue and state, as the scrape reads them; none when the database does not answer. */
async function queueCounts(dataSource: DataSource): Promise<QueueCount[]> {
  if (!dataSource.isInitialized) return [];
  try {
    const rows: Array<{ queue: string; state: string; count: string }> = await dataSource.query(
      `SELECT name AS queue, state::text AS state, count(*) AS count FROM ${BOSS_SCHEMA}.job GROUP BY 1, 2`,
    );
    return rows.map((r) => ({ queue: r.queue, state: r.state, count: Number(r.count) }));
  } catch {
    return [];
  }
}

function poolUse(dataSource: DataSource): PoolUse | null {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

export const metricsProvider: Provider = {
  provide: Metrics,
  inject: [getDataSourceToken(), OBSERVABILITY_OPTIONS],
  useFactory: (dataSource: DataSource, options: ObservabilityOptions) =>
    new Metrics({ queue: () => queueCounts(dataSource), pool: () => poolUse(dataSource) }, options.processMetrics),
};
