import { loadConfig } from '../config/config';
import { resolveDatabase } from './database-url';
import { describeOutcome, migrateOnce } from './migrate-once';

/** `npm run migration:run`, the release step: applies pending migrations under the instances' advisory lock. */
async function main(): Promise<void> {
  const db = await resolveDatabase(loadConfig());
  try {
    console.log(describeOutcome(await migrateOnce(db.url, 'run')));
  } finally {
    await db.embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message || String(err) : String(err));
  process.exit(1);
});
