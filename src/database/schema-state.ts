import { MIGRATIONS } from './data-source';

/** The database's schema against this build's migrations: those it lacks, and those only a newer build knows. */
export interface SchemaState {
  pending: string[];
  unknown: string[];
}

export const MIGRATION_NAMES: string[] = MIGRATIONS.map((m) => m.name);

/** Anything that runs a query and gives its rows: a TypeORM data source, or a pg client wrapped by `rowsOf`. */
export type Rows = (sql: string) => Promise<Array<Record<string, unknown>>>;

export const rowsOf = (client: { query(sql: string): Promise<{ rows: Array<Record<string, unknown>> }> }): Rows => async (sql) => (await client.query(sql)).rows;

/** Compares the applied migrations (TypeORM's `migrations` table; none when it does not exist yet) with this build's list. */
export async function schemaState(query: Rows): Promise<SchemaState> {
  const [{ present }] = await query(`SELECT to_regclass('public.migrations') IS NOT NULL AS present`);
  const applied = present ? (await query(`SELECT name FROM migrations`)).map((r) => String(r.name)) : [];
  return { pending: MIGRATION_NAMES.filter((n) => !applied.includes(n)), unknown: applied.filter((n) => !MIGRATION_NAMES.includes(n)) };
}

export function describeSchemaState(state: SchemaState): string | null {
  const problems = [];
  if (state.pending.length) problems.push(`behind: ${state.pending.length} migration(s) not applied (${state.pending.join(', ')})`);
  if (state.unknown.length) problems.push(`ahead: ${state.unknown.length} migration(s) this build does not know (${state.unknown.join(', ')})`);
  return problems.length ? `the database schema is ${problems.join('; ')}` : null;
}
