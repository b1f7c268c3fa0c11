import { Client } from 'pg';
import { join } from 'node:path';
import { type AppConfig } from '../config/config';
import { type EmbeddedServer, startEmbeddedPostgres } from './embedded-postgres';

export const EMBEDDED_DATABASE = 'supplier_evaluation';

export interface DatabaseHandle {
  url: string;
  embedded: EmbeddedServer | null;
}

/** `DATABASE_URL` when set; otherwise the embedded server, with the service's database created once. */
export async function resolveDatabase(config: AppConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres(join(config.embeddedPgDir));
  await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
  const url = new URL(embedded.adminUrl);
  url.pathname = `/${EMBEDDED_DATABASE}`;
  return { url: url.toString(), embedded };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
