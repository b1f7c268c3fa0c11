import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { Message } from '../../src/modules/messages/message.entity';
import { MessageOutbox, type NewMessage } from '../../src/modules/messages/message-outbox';
import { eventually, SmtpSink } from '../setup/smtp-sink';
import { type ServiceTier, startServiceTier } from './harness';

/**
 * The worker as its own process (`npm run worker`: dist/src/worker.js), killed with SIGKILL in the
 * middle of a batch — a message on the wire, others claimed or fetched — and started again: every
 * message reaches the SMTP server exactly once. The server holds each 250 a while, so the kill
 * lands inside an SMTP transaction; a transaction whose client vanished before the 250 is
 * discarded, as any MTA does.
 */
let t: ServiceTier;
let sink: SmtpSink;
const children: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['dist/src/worker.js'], {
    env: {
      ...process.env,
      DATABASE_URL: t.databaseUrl,
      SMTP_URL: sink.url,
      LOG_LEVEL: 'silent',
      MESSAGE_LEASE_SECONDS: '4',
      MESSAGE_RETRY_DELAY_SECONDS: '1',
      MESSAGE_POLL_SECONDS: '0.5',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

beforeAll(async () => {
  // the worker runs compiled, as npm run worker runs it (built only when a source changed)
  const build = spawnSync(process.execPath, ['scripts/built.mjs', '--build-only', 'src/worker.js'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('nest build failed');
  t = await startServiceTier({ messaging: { leaseSeconds: 4 } });
  sink = await new SmtpSink().start();
}, 240_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map(exited));
  await sink.stop();
  await t.close();
});

function note(n: number): NewMessage {
  return {
    caseId: null,
    kind: 'test.note',
    audience: 'admin',
    recipients: [{ name: `Reader ${n}`, email: `reader${n}@example.com` }],
    language: 'en',
    subject: `Note ${n}`,
    text: `Note number ${n}.`,
    html: `<table role="presentation" width="600"><tr><td>Note number ${n}.</td></tr></table>`,
  };
}

it('a worker killed mid-batch (SIGKILL), then started again: every message delivered exactly once', async () => {
  const outbox = t.service(MessageOutbox);
  const messages = await t.tx(async (m) => {
    const rows: Message[] = [];
    for (let i = 0; i < 15; i += 1) rows.push(await outbox.enqueue(m, note(i)));
    return rows;
  });
  sink.delayMs = 400;
  const first = startWorker();
  // a few delivered, one 250 held back: the kill lands mid-batch, mid-transaction
  await eventually(() => sink.received.length >= 3 && sink.attempts > sink.received.length, 60_000, 'the worker under way');
  first.kill('SIGKILL');
  await exited(first);
  const before = await t.db.query(`SELECT status, count(*)::int AS n FROM messages WHERE id = ANY($1) GROUP BY status ORDER BY status`, [messages.map((x) => x.id)]);
  expect(before.map((r: { status: string }) => r.status)).toContain('sending');

  sink.delayMs = 0;
  const second = startWorker();
  await eventually(async () => (await t.db.getRepository(Message).countBy({ status: 'sent' })) === messages.length, 90_000, 'every message sent after the restart');
  second.kill('SIGTERM');
  await exited(second);
  expect(messages.map((x) => sink.count(x.messageId))).toEqual(messages.map(() => 1));
  // the message on the wire at the kill was attempted twice, and received once
  const attempts = await t.db.query(`SELECT max(attempts)::int AS max FROM messages WHERE id = ANY($1)`, [messages.map((x) => x.id)]);
  expect(attempts[0].max).toBeGreaterThanOrEqual(2);
}, 180_000);
