import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { cliModule } from '../../src/cli.module';
import { runCli } from '../../src/cli.run';
import { announceService, databaseTarget, type RunningService } from '../../src/database/running-services';
import { UsersService } from '../../src/modules/users/users.service';
import { cloneTestDatabase } from '../setup/test-app';

/** `npm run cli -- user:create` builds only the CLI's module: it must resolve on its own and write a usable user. */
describe('the CLI module', () => {
  it('resolves its providers and creates a user with a token', async () => {
    const database = await cloneTestDatabase();
    const app = await NestFactory.createApplicationContext(cliModule(database.url), { logger: false });
    try {
      const { user, token } = await app.get(UsersService).createWithToken({ name: 'Cli Admin', email: 'cli-admin@example.com', orgRole: 'admin' });
      expect({ orgRole: user.orgRole, email: user.email }).toEqual({ orgRole: 'admin', email: 'cli-admin@example.com' });
      expect(token.token).toMatch(/^sev_/);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});

/**
 * Issue "Easy to drive", finding 1: the CLI started with another EMBEDDED_PG_DIR than the running
 * service silently created the admin in another database. It now says which database it used, and
 * refuses when services run but none on its database, naming both.
 */
describe('the CLI and the running services', () => {
  let runtime: string;
  let database: { url: string; drop(): Promise<void> };
  const withdrawals: Array<() => void> = [];
  beforeAll(async () => {
    database = await cloneTestDatabase();
  });
  beforeEach(() => {
    runtime = mkdtempSync(join(tmpdir(), 'supeval-runtime-'));
  });
  afterEach(() => {
    for (const withdraw of withdrawals.splice(0)) withdraw();
    rmSync(runtime, { recursive: true, force: true });
  });
  afterAll(async () => {
    await database.drop();
  });

  const users = async () => {
    const c = new Client({ connectionString: database.url });
    await c.connect();
    try {
      return (await c.query('SELECT count(*)::int AS n FROM users')).rows[0].n as number;
    } finally {
      await c.end();
    }
  };
  /** A service announced as this process (alive) on `target`, as `npm start` announces itself. */
  const running = (target: RunningService['target'], port: number) =>
    withdrawals.push(announceService({ pid: process.pid, port, target, startedAt: new Date().toISOString() }, runtime));
  const args = ['user:create', '--name', 'Cli Admin', '--email', 'cli@example.com', '--admin'];

  it('creates nothing when the only running service uses another embedded folder, and names both', async () => {
    running(databaseTarget({ databaseUrl: undefined, embeddedPgDir: '/srv/other/.pgdata' }), 3917);
    const before = await users();
    const lines: string[] = [];
    await expect(runCli(args, { DATABASE_URL: database.url, SUPEVAL_RUNTIME_DIR: runtime }, (l) => lines.push(l))).rejects.toThrow(
      /no service runs on PostgreSQL at postgres:\/\/.*;[\s\S]*a service runs on the embedded PostgreSQL in \/srv\/other\/\.pgdata \(pid \d+, port 3917\)[\s\S]*EMBEDDED_PG_DIR=\/srv\/other\/\.pgdata npm run cli/,
    );
    expect(lines).toEqual([]);
    expect(await users()).toBe(before);
  });

  it('creates the user on the database of the running service, and says which database it used before the token', async () => {
    running(databaseTarget({ databaseUrl: database.url, embeddedPgDir: '/unused' }), 3918);
    const lines: string[] = [];
    await runCli(args, { DATABASE_URL: database.url, SUPEVAL_RUNTIME_DIR: runtime }, (l) => lines.push(l));
    const url = new URL(database.url);
    url.password = '';
    expect(lines[0]).toBe(`database: PostgreSQL at ${url.toString()}`);
    expect(lines.at(-1)).toMatch(/^sev_/);
    const password = new URL(database.url).password;
    if (password) expect(lines.join('\n')).not.toContain(`:${password}@`);
  });
});
