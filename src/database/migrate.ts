import { loadConfig } from '../config/config';
import { resolveDatabase } from './database-url';
import { runMigrations } from './data-source';

/** `npm run migration:run`: applies pending migrations to the configured database. */
async function main(): Promise<void> {
  const db = await resolveDatabase(loadConfig());
  try {
    const applied = await runMigrations(db.url);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migration');
  } finally {
    await db.embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message || String(err) : String(err));
  process.exit(1);
});
