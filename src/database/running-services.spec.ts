import { cliCommand, databaseTarget, mismatchWarning, type RunningService, withoutPassword } from './running-services';

const service = (pid: number, target: RunningService['target']): RunningService => ({ pid, port: 3000 + pid, target, startedAt: '2026-12-02T00:00:00Z' });

describe('which database a process uses, as the service and the CLI say it', () => {
  it('names the embedded folder, or the URL without its password, and the environment that selects it', () => {
    expect(databaseTarget({ databaseUrl: undefined, embeddedPgDir: '/srv/app/.pgdata/service' })).toEqual({
      kind: 'embedded',
      where: '/srv/app/.pgdata/service',
      env: 'EMBEDDED_PG_DIR=/srv/app/.pgdata/service',
    });
    expect(withoutPassword('postgres://app:s3cret@db.example:5432/supeval')).toBe('postgres://app@db.example:5432/supeval');
    const url = databaseTarget({ databaseUrl: 'postgres://app:s3cret@db.example:5432/supeval', embeddedPgDir: '/x' });
    expect(url).toEqual({ kind: 'url', where: 'postgres://app@db.example:5432/supeval', env: `DATABASE_URL='postgres://app:<password>@db.example:5432/supeval'` });
    expect(JSON.stringify(url)).not.toContain('s3cret');
    expect(cliCommand(databaseTarget({ databaseUrl: undefined, embeddedPgDir: '/tmp/my data' }))).toBe(
      `EMBEDDED_PG_DIR='/tmp/my data' npm run cli -- user:create --name "Ada Admin" --email ada@example.com --admin`,
    );
  });

  it('lets the CLI go on when no service runs, or one runs on its database', () => {
    const mine = databaseTarget({ databaseUrl: undefined, embeddedPgDir: '/a' });
    expect(mismatchWarning(mine, [])).toBeNull();
    expect(mismatchWarning(mine, [service(1, databaseTarget({ databaseUrl: undefined, embeddedPgDir: '/b' })), service(2, mine)])).toBeNull();
  });

  it('refuses when services run but none on its database, naming both and the command for the running one', () => {
    const mine = databaseTarget({ databaseUrl: undefined, embeddedPgDir: '/a' });
    const theirs = databaseTarget({ databaseUrl: undefined, embeddedPgDir: '/b' });
    const warning = mismatchWarning(mine, [service(7, theirs)])!;
    expect(warning).toContain('no service runs on the embedded PostgreSQL in /a');
    expect(warning).toContain('a service runs on the embedded PostgreSQL in /b (pid 7, port 3007)');
    expect(warning).toContain('EMBEDDED_PG_DIR=/b npm run cli -- user:create');
    expect(warning).toContain('nothing was created');
  });
});
