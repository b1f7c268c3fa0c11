import { type DataSource, type EntityManager } from 'typeorm';
import { MIGRATIONS } from './data-source';

/** The database's schema against this build's migrations: those it lacks, and those only a newer build knows. */
export interface SchemaState {
  pending: string[];
  unknown: string[];
}

export const MIGRATION_NAMES: string[] = MIGRATIONS.map((m) => m.name);

/** Compares the applied migrations (TypeORM's `migrations` table; none when it does not exist yet) with this build's list. */
export async function schemaState(db: DataSource | EntityManager): Promise<SchemaState> {
  const [{ present }] = await db.query(`SELECT to_regclass('public.migrations') IS NOT NULL AS present`);
  const applied: string[] = present ? (await db.query(`SELECT name FROM migrations`)).map((r: { name: string }) => r.name) : [];
  return { pending: MIGRATION_NAMES.filter((n) => !applied.includes(n)), unknown: applied.filter((n) => !MIGRATION_NAMES.includes(n)) };
}

export function describeSchemaState(state: SchemaState): string | null {
  const problems = [];
  if (state.pending.length) problems.push(`behind: ${state.pending.length} migration(s) not applied (${state.pending.join(', ')})`);
  if (state.unknown.length) problems.push(`ahead: ${state.unknown.length} migration(s) this build does not know (${state.unknown.join(', ')})`);
  return problems.length ? `the database schema is ${problems.join('; ')}` : null;
}
