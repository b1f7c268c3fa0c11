import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { MIGRATION_NAMES } from '../src/database/schema-state';
import { WEBHOOK_EVENTS } from '../src/domain/webhooks/events';
import { CALLER_TTL_MS } from '../src/modules/auth/caller-cache';
import { ApiClient, type ApiTransport, CaseBuilder, fetchTransport } from '../src/tools/case-builder';
import { eventually } from './setup/smtp-sink';
import { freshTestDatabase } from './setup/test-app';
import { freePort, WebhookReceiver } from './setup/webhook-receiver';

/**
 * Two service processes (`node dist/src/main.js`, as `npm start` runs it) started at the same time
 * on one fresh, empty database: the migrations run once (one takes the advisory lock, the other
 * waits and finds nothing to do), both serve, a case is driven through them alternately to
 * AWARDED, and SIGTERM during a request lets it finish before the process exits.
 */
interface Instance {
  child: ChildProcess;
  port: number;
  output: string[];
  exit: Promise<number | null>;
}

let database: { url: string; drop(): Promise<void> };
const instances: Instance[] = [];
const runtime = mkdtempSync(join(tmpdir(), 'supeval-instances-'));
const env = (extra: Record<string, string>) => ({ ...process.env, SUPEVAL_RUNTIME_DIR: runtime, MAIL_DIR: join(runtime, 'mail'), ...extra });

async function startInstance(): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: env({ DATABASE_URL: database.url, PORT: String(port), LOG_LEVEL: 'info', MESSAGE_POLL_SECONDS: '0.5', MESSAGE_RETRY_DELAY_SECONDS: '1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (c: Buffer) => output.push(c.toString()));
  child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, port, output, exit };
}

async function listening(i: Instance): Promise<void> {
  await eventually(async () => {
    if (i.child.exitCode !== null) throw new Error(`instance exited ${i.child.exitCode}:\n${i.output.join('')}`);
    return fetch(`http://127.0.0.1:${i.port}/health/ready`).then((r) => r.status === 200, () => false);
  }, 120_000, `instance on ${i.port} ready`);
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/built.mjs', '--build-only', 'src/main.js'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('nest build failed');
  database = await freshTestDatabase();
}, 300_000);

afterAll(async () => {
  for (const i of instances) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
  await Promise.all(instances.map((i) => i.exit));
  await database?.drop();
});

it('two instances started together on an empty database: migrations once, both serve, a case alternately to AWARDED, SIGTERM lets a request finish', async () => {
  instances.push(await startInstance(), await startInstance());
  await Promise.all(instances.map(listening));
  const [a, b] = instances;

  const db = new Client({ connectionString: database.url });
  await db.connect();
  try {
    // each migration applied once, by exactly one of the two
    const applied = (await db.query(`SELECT name FROM migrations ORDER BY id`)).rows.map((r) => r.name);
    expect(applied).toEqual(MIGRATION_NAMES);
    const migrated = instances.filter((i) => i.output.join('').includes(`applied ${MIGRATION_NAMES.length} migration(s)`));
    expect(migrated).toHaveLength(1);

    // the first admin, through the CLI (as a deployment creates it)
    const cli = spawnSync(process.execPath, ['dist/src/cli.js', 'user:create', '--name', 'Ada Admin', '--email', 'ada@example.com', '--admin', '--anyway'], {
      env: env({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }),
      encoding: 'utf8',
    });
    expect(cli.status).toBe(0);
    const token = cli.stdout.trim().split('\n').pop()!;

    // a webhook receiver for every event, registered through one instance
    let secret = '';
    const receiver = await new WebhookReceiver(await freePort(), () => secret).start();
    try {
      const transports = instances.map((i) => fetchTransport(`http://127.0.0.1:${i.port}`));
      const api = (n: number) => new ApiClient(transports[n]);
      const created = await api(0).post<{ secret: string }>('/webhooks', token, { url: receiver.url, events: [...WEBHOOK_EVENTS] });
      secret = created.secret;
      let calls = 0;
      const alternating: ApiTransport = (method, path, request) => transports[calls++ % 2](method, path, request);
      const built = await new CaseBuilder(new ApiClient(alternating), token).build('AWARDED');
      expect(built.stage).toBe('AWARDED');

      const count = async (sql: string) => Number((await db.query(sql, [built.caseId])).rows[0].n);
      expect(await count(`SELECT count(*) AS n FROM audit_events WHERE case_id = $1 AND action = 'case.awarded'`)).toBe(1);
      const reports = (await db.query(`SELECT lang, count(*)::int AS n FROM reports WHERE case_id = $1 GROUP BY lang ORDER BY lang`, [built.caseId])).rows;
      expect(reports).toEqual([{ lang: 'en', n: 1 }, { lang: 'es', n: 1 }]);
      // one delivery per webhook event of the case (the audit trail's events that are webhook events), each received
      const events = await count(
        `SELECT count(*) AS n FROM audit_events WHERE case_id = $1
            AND action IN ('case.transition', 'case.awarded', 'round.closed', 'approval.approve', 'approval.reject', 'report.stored')`,
      );
      expect(await count(`SELECT count(*) AS n FROM webhook_deliveries WHERE case_id = $1`)).toBe(events);
      await eventually(async () => (await count(`SELECT count(*) AS n FROM webhook_deliveries WHERE case_id = $1 AND status <> 'delivered'`)) === 0, 60_000, 'every delivery');
      const ids = (await db.query(`SELECT id FROM webhook_deliveries WHERE case_id = $1 ORDER BY id`, [built.caseId])).rows.map((r) => r.id);
      expect([...new Set(receiver.received.map((r) => r.id))].sort()).toEqual(ids);
      expect(receiver.rejected).toBe(0);

      // SIGTERM during a request: the request waits on a lock held here, the signal arrives, the
      // lock is released, the request finishes with its answer and the process exits cleanly
      const blocker = new Client({ connectionString: database.url });
      await blocker.connect();
      // whatever b's guard remembered of this token and case has outlived its cache by then: the request reads api_tokens
      await new Promise((resolve) => setTimeout(resolve, CALLER_TTL_MS));
      try {
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE api_tokens IN ACCESS EXCLUSIVE MODE');
        const inFlight = fetch(`http://127.0.0.1:${b.port}/api/v1/cases/${built.caseId}`, { headers: { authorization: `Bearer ${token}` } });
        await eventually(
          // a lock on api_tokens requested and not granted, in this spec's database
          async () =>
            (
              await blocker.query(
                `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class r ON r.oid = l.relation
                  WHERE r.relname = 'api_tokens' AND NOT l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
              )
            ).rows[0].n >= 1,
          30_000,
          'the request waiting on the lock',
        );
        b.child.kill('SIGTERM');
        // the listening socket closes at once: a new connection is refused while the request runs on
        await eventually(() => fetch(`http://127.0.0.1:${b.port}/health/live`).then(() => false, () => true), 30_000, 'new connections refused');
        await blocker.query('COMMIT');
        const answer = await inFlight;
        expect(answer.status).toBe(200);
        expect(((await answer.json()) as { stage: string }).stage).toBe('AWARDED');
        expect(await b.exit).toBe(0);
      } finally {
        await blocker.end();
      }
      // the other instance serves on
      expect((await fetch(`http://127.0.0.1:${a.port}/health/ready`)).status).toBe(200);
    } finally {
      await receiver.stop();
    }
  } finally {
    await db.end();
  }
  // two processes, a whole case and a drain on a shared 2-core machine: minutes, not the default minute
}, 300_000);
