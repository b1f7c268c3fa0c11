import { Client } from 'pg';
import { migrateOnce, SchemaMismatchError } from '../../src/database/migrate-once';
import { MIGRATION_NAMES } from '../../src/database/schema-state';
import { cloneTestDatabase, freshTestDatabase } from '../setup/test-app';

async function query(url: string, sql: string, values: unknown[] = []) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, values)).rows;
  } finally {
    await c.end();
  }
}

describe('migrations once for many instances (advisory lock) and MIGRATIONS=check', () => {
  it('three processes migrating one empty database at once: one applies every migration, the others wait and apply none', async () => {
    const db = await freshTestDatabase();
    try {
      const outcomes = await Promise.all([migrateOnce(db.url), migrateOnce(db.url), migrateOnce(db.url)]);
      const appliers = outcomes.filter((o) => o.applied.length > 0);
      expect(appliers).toHaveLength(1);
      expect(appliers[0].applied).toEqual(MIGRATION_NAMES);
      // the other two found nothing left to do (having waited on the lock, or started after it was freed)
      expect(outcomes.filter((o) => o.applied.length === 0)).toHaveLength(2);
      expect((await query(db.url, `SELECT name FROM migrations ORDER BY id`)).map((r) => r.name)).toEqual(MIGRATION_NAMES);
      // started again on the current schema: nothing to do, and no lock taken
      expect(await migrateOnce(db.url)).toEqual({ applied: [], waited: false, unknown: [] });
    } finally {
      await db.drop();
    }
  });

  it('check refuses a schema behind (naming the missing migration) and one ahead (naming the unknown one), and accepts the current one', async () => {
    const db = await cloneTestDatabase();
    try {
      await expect(migrateOnce(db.url, 'check')).resolves.toEqual({ applied: [], waited: false, unknown: [] });
      const last = MIGRATION_NAMES[MIGRATION_NAMES.length - 1];
      await query(db.url, `DELETE FROM migrations WHERE name = $1`, [last]);
      const behind = migrateOnce(db.url, 'check');
      await expect(behind).rejects.toThrow(SchemaMismatchError);
      await expect(behind).rejects.toThrow(`behind: 1 migration(s) not applied (${last})`);
      await query(db.url, `INSERT INTO migrations (timestamp, name) VALUES (1, $1), (9999999999999, 'FromANewerRelease9999999999999')`, [last]);
      await expect(migrateOnce(db.url, 'check')).rejects.toThrow('ahead: 1 migration(s) this build does not know (FromANewerRelease9999999999999)');
      // run mode starts on a schema a newer release migrated (rolling upgrade), and says so
      await expect(migrateOnce(db.url, 'run')).resolves.toEqual({ applied: [], waited: false, unknown: ['FromANewerRelease9999999999999'] });
    } finally {
      await db.drop();
    }
  });
});
