import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { describeSchemaState, rowsOf, schemaState, type SchemaState } from './schema-state';

/**
 * How a starting process treats the schema (MIGRATIONS): `run` applies what is pending, once for
 * all the instances starting together; `check` applies nothing and refuses to start unless the
 * schema is exactly this build's (the release step `npm run migration:run` migrates instead).
 */
export type MigrationMode = 'run' | 'check';

/** One key for the whole service: every instance and `npm run migration:run` queue on it. */
export const MIGRATION_LOCK_KEY = 7_346_110_001;

export class SchemaMismatchError extends Error {}

export interface MigrationOutcome {
  applied: string[];
  /** the process waited for another one that held the migration lock */
  waited: boolean;
  /** migrations in the database that this build does not know (a newer release ran): started anyway in `run` mode */
  unknown: string[];
}

/**
 * Applies the pending migrations under a PostgreSQL session advisory lock: the first instance
 * migrates, the others wait on the lock and then find nothing pending. The lock is held on its own
 * connection and freed when that ends, so a process that dies mid-migration frees it too (and its
 * transaction, `migrationsTransactionMode: 'all'`, rolls back). A schema already current takes no
 * lock: migrations only ever add, so "nothing pending" cannot turn false behind our back.
 */
export async function migrateOnce(url: string, mode: MigrationMode = 'run'): Promise<MigrationOutcome> {
  const client = new Client({ connectionString: url, application_name: 'supplier-evaluation-migrate' });
  await client.connect();
  try {
    const state = await schemaState(rowsOf(client));
    if (mode === 'check') {
      const problem = describeSchemaState(state);
      if (problem) throw new SchemaMismatchError(`${problem}; MIGRATIONS=check starts only on this build's schema: run \`npm run migration:run\` first`);
      return { applied: [], waited: false, unknown: [] };
    }
    if (state.pending.length === 0) return { applied: [], waited: false, unknown: state.unknown };
    const [{ locked }] = (await client.query(`SELECT pg_try_advisory_lock($1) AS locked`, [MIGRATION_LOCK_KEY])).rows;
    if (!locked) await client.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK_KEY]);
    try {
      const applied = await applyPending(url);
      return { applied, waited: !locked, unknown: (await schemaState(rowsOf(client))).unknown };
    } finally {
      await client.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function applyPending(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url), extra: { max: 1, application_name: 'supplier-evaluation-migrate' } });
  await dataSource.initialize();
  try {
    return (await dataSource.runMigrations()).map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

export function describeOutcome(outcome: MigrationOutcome): string {
  const what = outcome.applied.length ? `applied ${outcome.applied.length} migration(s): ${outcome.applied.join(', ')}` : 'no migration pending';
  const waited = outcome.waited ? ' (after waiting for another instance that held the migration lock)' : '';
  const ahead = outcome.unknown.length ? `; the schema is ahead of this build by ${outcome.unknown.join(', ')} (a newer release ran)` : '';
  return `${what}${waited}${ahead}`;
}

export type { SchemaState };
