import { rmSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '../src/database/data-source';
import { ensureDatabase } from '../src/database/database-url';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { WorkerBoss } from '../src/modules/messages/delivery-queue';
import { DeliveryWorker } from '../src/modules/messages/delivery-worker';
import { Message } from '../src/modules/messages/message.entity';
import { MessageOutbox } from '../src/modules/messages/message-outbox';
import { DEFAULT_MESSAGING, type MessagingOptions } from '../src/modules/messages/messaging.options';
import { rfqInvitation } from '../src/modules/messages/templates/kinds';
import { SmtpTransport } from '../src/modules/messages/transport';

const MESSAGES = 300;
const WRITES = 200;
const REPETITIONS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A local SMTP server that accepts everything and counts (smtp-server, no TLS, no auth). */
async function localSmtp(): Promise<{ url: string; received: () => number; stop: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received: () => received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function invitation(i: number) {
  const content = rfqInvitation({
    language: i % 2 ? 'es' : 'en',
    case: { reference: 'PC-2026-00001', title: 'Bench compressors' },
    supplierName: `Bench Kompressoren ${i} GmbH`,
    buyerName: 'Bea Buyer',
    round: 1,
    deadline: new Date(Date.now() + 7 * 86_400_000),
    bestAndFinal: false,
    portalUrl: `http://localhost:3000/supplier-portal#token=inv_bench${i}`,
  });
  return {
    caseId: null,
    kind: content.kind,
    audience: 'admin' as const,
    recipients: [
      { name: 'Sales', email: `sales${i}@bench.example` },
      { name: 'Technical', email: `tech${i}@bench.example` },
    ],
    language: 'en' as const,
    subject: content.subject,
    text: content.text,
    html: content.html,
  };
}

/**
 * Messages through the outbox: how many per second one worker delivers to a local SMTP server
 * (queued first, then timed from the worker's start to the last `sent`), against the same messages
 * handed straight to nodemailer in the same batches (the claim, the `sent` update and pg-boss's
 * fetch and completion are the difference), and what queueing a
 * message adds to a write — a transaction updating a row, with and without `enqueue` (the
 * invitation rendered and its row and pg-boss job inserted), interleaved, medians.
 */
export async function run(): Promise<void> {
  const dir = join(process.cwd(), '.pgdata', `bench-messages-${process.pid}`);
  const server = await startEmbeddedPostgres(dir, false);
  const url = new URL(server.adminUrl);
  url.pathname = '/bench_messages';
  await ensureDatabase(server.adminUrl, 'bench_messages');
  await runMigrations(url.toString());
  const db = new DataSource(dataSourceOptions(url.toString()));
  await db.initialize();
  const smtp = await localSmtp();
  const options: MessagingOptions = { ...DEFAULT_MESSAGING, worker: true, smtpUrl: smtp.url, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 30 };
  const outbox = new MessageOutbox(options);
  try {
    await db.query(`CREATE TABLE bench_rows (id int PRIMARY KEY, value text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`INSERT INTO bench_rows SELECT g, 'x' FROM generate_series(1, 100) g`);

    const rates: number[] = [];
    for (let r = 0; r < REPETITIONS; r++) {
      await db.transaction(async (m) => {
        for (let i = 0; i < MESSAGES; i++) await outbox.enqueue(m, invitation(i));
      });
      const worker = new DeliveryWorker(db, new WorkerBoss(url.toString(), options), options, new SmtpTransport(smtp.url));
      const start = performance.now();
      await worker.start();
      while ((await db.getRepository(Message).countBy({ status: 'sent' })) < MESSAGES * (r + 1)) await new Promise((res) => setTimeout(res, 20));
      rates.push(MESSAGES / ((performance.now() - start) / 1000));
      await worker.stop();
    }

    // the same messages handed straight to nodemailer, as many at once as a worker's batch: what the outbox costs on top
    const direct: number[] = [];
    const rows = await db.getRepository(Message).find({ take: MESSAGES });
    for (let r = 0; r < REPETITIONS; r++) {
      const transport = new SmtpTransport(smtp.url);
      const start = performance.now();
      for (let i = 0; i < rows.length; i += options.batchSize) {
        await Promise.all(rows.slice(i, i + options.batchSize).map((row) => transport.send(row, options.from)));
      }
      direct.push(rows.length / ((performance.now() - start) / 1000));
      transport.close();
    }

    const plain: number[] = [];
    const queued: number[] = [];
    const write = async (withMessage: boolean, i: number) => {
      const start = performance.now();
      await db.transaction(async (m) => {
        await m.query(`UPDATE bench_rows SET value = $2, updated_at = now() WHERE id = $1`, [1 + (i % 100), `v${i}`]);
        if (withMessage) await outbox.enqueue(m, invitation(i));
      });
      return performance.now() - start;
    };
    for (let i = 0; i < 20; i++) await write(i % 2 === 0, i); // warm-up
    for (let i = 0; i < WRITES; i++) {
      // alternate which runs first, so neither always follows the other
      if (i % 2 === 0) {
        plain.push(await write(false, i));
        queued.push(await write(true, i));
      } else {
        queued.push(await write(true, i));
        plain.push(await write(false, i));
      }
    }
    const p = median(plain);
    const q = median(queued);
    console.log(
      `outbox → pg-boss → one worker (batches of ${options.batchSize}, pooled SMTP) → a local smtp-server; ${MESSAGES} RFQ invitations (2 recipients, both parts) per run, ${REPETITIONS} runs; embedded PostgreSQL, same process`,
    );
    console.log(
      `  delivery through the outbox     ${median(rates).toFixed(1).padStart(7)} messages/s   ${(median(rates) / median(direct)).toFixed(2)}× nodemailer straight to the server (${median(direct).toFixed(1)} messages/s, same batches)   (per run: ${rates.map((x) => x.toFixed(1)).join(' / ')})`,
    );
    console.log(
      `  a write that queues a message   ${q.toFixed(2).padStart(7)} ms median vs ${p.toFixed(2)} ms without: ${(q / p).toFixed(2)}× (+${(q - p).toFixed(2)} ms), ${WRITES} each, interleaved`,
    );
  } finally {
    await smtp.stop();
    await db.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
