import { type CustomTypesConfig, type Pool, type QueryResultRow } from 'pg';
import { type DataSource, QueryFailedError } from 'typeorm';

/**
 * A read on a hot path (the trivial `GET /cases`) as a named prepared statement, straight on the
 * data source's own pool: PostgreSQL parses and plans it once per connection instead of on every
 * request (the list statement: ~300 → ~130 µs of the server's CPU), and no TypeORM query runner is
 * built around it. Outside any transaction, as `dataSource.query` would run it. What TypeORM's
 * runner does around a statement is kept: its subscribers' beforeQuery and afterQuery (the specs'
 * statement counter) and the error log, and a failure is the same QueryFailedError.
 * `text` carries placeholders only, never values: each text is one statement, named once.
 * `options.types`: pg's type parsers for this statement (the matrix keeps its JSON columns as text),
 * honoured also past MAX_NAMED (then sent unnamed on the pool).
 */
export async function preparedQuery<T extends QueryResultRow>(
  dataSource: DataSource,
  text: string,
  parameters: unknown[],
  options: { types?: CustomTypesConfig } = {},
): Promise<T[]> {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  const name = nameOf(text);
  if (pool === undefined || (name === null && !options.types)) return dataSource.query(text, parameters);
  const watched = dataSource.subscribers.length > 0;
  if (watched) broadcast(dataSource, 'beforeQuery', { query: text, parameters });
  try {
    const { rows } = await pool.query<T>({ ...(name === null ? {} : { name }), text, values: parameters, types: options.types });
    if (watched) broadcast(dataSource, 'afterQuery', { query: text, parameters, success: true, rawResults: rows });
    return rows;
  } catch (error) {
    dataSource.logger.logQueryError(error as Error, text, parameters);
    if (watched) broadcast(dataSource, 'afterQuery', { query: text, parameters, success: false, error });
    throw new QueryFailedError(text, parameters, error as Error);
  }
}

/** Past this many texts a statement is sent unnamed (parsed each time), as TypeORM sends it. */
const MAX_NAMED = 200;
const names = new Map<string, string>();

function nameOf(text: string): string | null {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_NAMED) return null;
    names.set(text, (name = `prepared_${names.size + 1}`));
  }
  return name;
}

function broadcast(dataSource: DataSource, hook: 'beforeQuery' | 'afterQuery', event: Record<string, unknown>): void {
  for (const subscriber of dataSource.subscribers) {
    const listener = subscriber[hook] as ((event: unknown) => unknown) | undefined;
    listener?.call(subscriber, { connection: dataSource, manager: dataSource.manager, queryRunner: undefined, ...event });
  }
}
