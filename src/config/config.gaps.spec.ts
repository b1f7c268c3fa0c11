import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './config';

// Issue 2 contract: PORT (default 3000), DATABASE_URL, EMBEDDED_PG_DIR (default a git-ignored folder
// in the repo); a bad variable stops the start with a message naming it.
describe('configuration read from the environment', () => {
  it('defaults: port 3000, the embedded database (no URL), data under .pgdata in the repo', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.embeddedPgDir).toBe(resolve('.pgdata/service'));
  });

  it('reads PORT, DATABASE_URL and EMBEDDED_PG_DIR by those names', () => {
    const config = loadConfig({ PORT: '8081', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', EMBEDDED_PG_DIR: '/tmp/pg-here' });
    expect(config).toMatchObject({ port: 8081, databaseUrl: 'postgres://u:p@127.0.0.1:5432/db', embeddedPgDir: '/tmp/pg-here' });
  });

  it('reads REPORT_WORKERS (0: reports render on the main thread); unset leaves the default to the app', () => {
    expect(loadConfig({ REPORT_WORKERS: '0' }).reportWorkers).toBe(0);
    expect(loadConfig({ REPORT_WORKERS: '3' }).reportWorkers).toBe(3);
    expect(loadConfig({}).reportWorkers).toBeNull();
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/db' }],
    ['REPORT_WORKERS', { REPORT_WORKERS: 'two' }],
    ['REPORT_WORKERS', { REPORT_WORKERS: '-1' }],
  ])('refuses a bad %s, naming it', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`\\b${name}\\b`));
  });
});
