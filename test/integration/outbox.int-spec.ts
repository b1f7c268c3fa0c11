import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DeliveryQueue, WorkerBoss } from '../../src/modules/messages/delivery-queue';
import { DeliveryWorker } from '../../src/modules/messages/delivery-worker';
import { type MessageStatus, Message } from '../../src/modules/messages/message.entity';
import { MessageOutbox, type NewMessage } from '../../src/modules/messages/message-outbox';
import { DEFAULT_MESSAGING, type MessagingOptions } from '../../src/modules/messages/messaging.options';
import { MessagesQueries } from '../../src/modules/messages/messages.queries';
import { SmtpTransport } from '../../src/modules/messages/transport';
import { eventually, SmtpSink } from '../setup/smtp-sink';
import { TEST_MESSAGING } from '../setup/test-app';
import { type ServiceTier, startServiceTier } from './harness';

/**
 * The outbox and its worker on the real database and a real SMTP server: the row and its job
 * commit with the caller's transaction, delivery retries with backoff, and each message reaches the
 * server once — with a refusing server, with two workers on one database and duplicate jobs, and
 * after an attempt whose worker vanished.
 */
let t: ServiceTier;
let outbox: MessageOutbox;
let sink: SmtpSink;
const workers: DeliveryWorker[] = [];

const options = (more: Partial<MessagingOptions> = {}): MessagingOptions => ({ ...DEFAULT_MESSAGING, ...TEST_MESSAGING, ...more });

const processBoss = (o: MessagingOptions) => new WorkerBoss(t.databaseUrl, o);

function note(n: number): NewMessage {
  return {
    caseId: null,
    kind: 'test.note',
    audience: 'admin',
    recipients: [{ name: `Reader ${n}`, email: `reader${n}@example.com` }],
    language: 'en',
    subject: `Note ${n}`,
    text: `Note number ${n}.`,
    html: `<table role="presentation" width="600"><tr><td style="font-family:Arial,sans-serif">Note number ${n}.</td></tr></table>`,
  };
}

async function worker(more: Partial<MessagingOptions> = {}, dataSource: DataSource = t.db): Promise<DeliveryWorker> {
  const o = options({ worker: true, ...more });
  // a worker of its own process: its own pg-boss
  const w = new DeliveryWorker(dataSource, processBoss(o), o, new SmtpTransport(sink.url));
  await w.start();
  workers.push(w);
  return w;
}

async function statuses(ids: string[]): Promise<MessageStatus[]> {
  const rows = await t.db.query(`SELECT id, status FROM messages WHERE id = ANY($1)`, [ids]);
  const by = new Map((rows as Array<{ id: string; status: MessageStatus }>).map((r) => [r.id, r.status]));
  return ids.map((id) => by.get(id)!);
}

beforeAll(async () => {
  t = await startServiceTier();
  outbox = t.service(MessageOutbox);
  sink = await new SmtpSink().start();
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  sink.reset();
});

afterAll(async () => {
  await sink.stop();
  await t.close();
});

describe('enqueue writes in the caller’s transaction', () => {
  it('a rolled-back change leaves neither the row nor its job; a committed one leaves both', async () => {
    const kept = await t.tx((m) => outbox.enqueue(m, note(1)));
    let dropped: string | null = null;
    await expect(
      t.tx(async (m) => {
        dropped = (await outbox.enqueue(m, note(2))).id;
        throw new Error('the change fails after queueing its message');
      }),
    ).rejects.toThrow('the change fails');
    const jobs = async (id: string) => Number((await t.db.query(`SELECT count(*) FROM pgboss.job WHERE data->>'messageId' = $1`, [id]))[0].count);
    expect({ keptRow: await t.db.getRepository(Message).countBy({ id: kept.id }), keptJobs: await jobs(kept.id) }).toEqual({ keptRow: 1, keptJobs: 1 });
    expect({ droppedRow: await t.db.getRepository(Message).countBy({ id: dropped! }), droppedJobs: await jobs(dropped!) }).toEqual({ droppedRow: 0, droppedJobs: 0 });
    expect(kept).toMatchObject({ status: 'queued', attempts: 0, messageId: `<${kept.id}@${outbox.domain}>` });
  });

  it('a message waiting for approval has no job until it is approved', async () => {
    const waiting = await t.tx((m) => outbox.enqueue(m, { ...note(3), needsApproval: true }));
    const count = async () => Number((await t.db.query(`SELECT count(*) FROM pgboss.job WHERE data->>'messageId' = $1`, [waiting.id]))[0].count);
    expect({ status: waiting.status, jobs: await count() }).toEqual({ status: 'pending_approval', jobs: 0 });
    await t.tx((m) => outbox.requeue(m, waiting));
    expect({ status: (await statuses([waiting.id]))[0], jobs: await count() }).toEqual({ status: 'queued', jobs: 1 });
  });

  it('a database without the queue refuses to queue rather than losing the job', async () => {
    const queue = new DeliveryQueue({ retryLimit: 1, retryDelaySeconds: 1, leaseSeconds: 5 });
    await expect(
      t.tx(async (m) => {
        await m.query(`UPDATE pgboss.queue SET name = name || '-renamed' WHERE name = 'message-deliver'`);
        await queue.send(m, { messageId: randomUUID() });
      }),
    ).rejects.toThrow('pg-boss queue message-deliver is missing');
  });
});

describe('delivery', () => {
  it('sends each queued message once, multipart/alternative with its fixed Message-ID', async () => {
    const messages = await t.tx(async (m) => [await outbox.enqueue(m, note(10)), await outbox.enqueue(m, note(11))]);
    await worker();
    await eventually(async () => (await statuses(messages.map((x) => x.id))).every((s) => s === 'sent'), 30_000, 'both sent');
    expect(messages.map((x) => sink.count(x.messageId))).toEqual([1, 1]);
    const mail = sink.received.find((r) => r.parsed.subject === 'Note 10')!;
    expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect({ text: mail.parsed.text?.trim(), html: mail.parsed.html, to: mail.to }).toEqual({
      text: 'Note number 10.',
      html: expect.stringContaining('Note number 10.'),
      to: ['reader10@example.com'],
    });
    const row = await t.db.getRepository(Message).findOneByOrFail({ id: messages[0].id });
    expect({ attempts: row.attempts, sentAt: row.sentAt instanceof Date, lease: row.leaseToken }).toEqual({ attempts: 1, sentAt: true, lease: null });
  });

  it('a server that refuses twice, then accepts: delivered once, after three attempts, with backoff between them', async () => {
    sink.refuseNext(2);
    const started = Date.now();
    const message = await t.tx((m) => outbox.enqueue(m, note(20)));
    await worker();
    await eventually(async () => (await statuses([message.id]))[0] === 'sent', 45_000, 'the message sent');
    const row = await t.db.getRepository(Message).findOneByOrFail({ id: message.id });
    expect({ attempts: row.attempts, received: sink.count(message.messageId) }).toEqual({ attempts: 3, received: 1 });
    // retryDelay 1 s, exponential with jitter: the first retry after 1–2 s, the second after 2–4 s more
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
  });

  it('a server that keeps refusing: the message is dead after its retries, with the last error', async () => {
    sink.refuseNext(10, 554);
    const message = await t.tx((m) => new MessageOutbox(options({ retryLimit: 1 })).enqueue(m, note(30)));
    await worker();
    await eventually(async () => (await statuses([message.id]))[0] === 'dead', 30_000, 'the message dead');
    const row = await t.db.getRepository(Message).findOneByOrFail({ id: message.id });
    expect({ attempts: row.attempts, lastError: row.lastError, received: sink.count(message.messageId) }).toEqual({ attempts: 2, lastError: expect.stringContaining('554'), received: 0 });
  });
});

describe('exactly once', () => {
  it('two workers on one database, every job sent twice: each message reaches the server once', async () => {
    const second = new DataSource({ ...t.db.options, name: 'second-worker' } as unknown as ConstructorParameters<typeof DataSource>[0]);
    await second.initialize();
    try {
      const messages = await t.tx(async (m) => {
        const rows: Message[] = [];
        // each message's job and, right behind it, a second job for the same message (as a job
        // redelivered after a crash, or queued twice by two instances), so the two meet in flight
        const queue = new DeliveryQueue({ retryLimit: 2, retryDelaySeconds: 1, leaseSeconds: 5 });
        for (let i = 0; i < 20; i += 1) {
          const row = await outbox.enqueue(m, note(100 + i));
          await queue.send(m, { messageId: row.id });
          rows.push(row);
        }
        return rows;
      });
      sink.delayMs = 150;
      await Promise.all([worker({ batchSize: 3 }), worker({ batchSize: 3 }, second)]);
      await eventually(async () => (await statuses(messages.map((x) => x.id))).every((s) => s === 'sent'), 45_000, 'all sent');
      await eventually(async () => Number((await t.db.query(`SELECT count(*) FROM pgboss.job WHERE state IN ('created', 'active', 'retry')`))[0].count) === 0, 15_000, 'every job done');
      expect(messages.map((x) => sink.count(x.messageId))).toEqual(messages.map(() => 1));
      const attempts = await t.db.query(`SELECT DISTINCT attempts FROM messages WHERE id = ANY($1)`, [messages.map((x) => x.id)]);
      expect(attempts).toEqual([{ attempts: 1 }]);
    } finally {
      await Promise.all(workers.splice(0).map((w) => w.stop()));
      await second.destroy();
    }
  });

  it('an attempt whose worker vanished holds the row only until its lease ends; then the message is sent once', async () => {
    const message = await t.tx((m) => outbox.enqueue(m, note(200)));
    // a worker claimed it (lease 2 s) and died before sending; its job is still there
    const claimed = await new MessagesQueries().claim(t.db.manager, message.id, randomUUID(), 2);
    expect(claimed?.status).toBe('sending');
    const o = options({ worker: true });
    const w = new DeliveryWorker(t.db, processBoss(o), o, new SmtpTransport(sink.url));
    expect(await w.attempt(message.id, false)).toBe('skipped');
    await new Promise((r) => setTimeout(r, 2_100));
    expect(await w.attempt(message.id, false)).toBe('sent');
    expect(await w.attempt(message.id, false)).toBe('skipped');
    w['transport'].close();
    const row = await t.db.getRepository(Message).findOneByOrFail({ id: message.id });
    expect({ status: row.status, attempts: row.attempts, received: sink.count(message.messageId) }).toEqual({ status: 'sent', attempts: 2, received: 1 });
  });
});
