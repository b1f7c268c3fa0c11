import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { createApp } from '../src/app.factory';
import { runMigrations } from '../src/database/data-source';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

const REQUESTS = 64;
const HEADER = 'legalName,taxId,country,categories,contactName,contactEmail,contactPhone,certifications,financialRisk';

/**
 * Auth before work (issue 14 finding 3): 64 unauthenticated `POST /suppliers/import` requests at
 * once, each a gzip body of about 20 KB that inflates to 20 MB. Prints the process's resident
 * memory before and at its peak, and the answers' statuses: a service that inflates before it
 * authenticates grows by gigabytes; one that authenticates first answers 401 and stays flat.
 */
export async function run(): Promise<void> {
  const dir = join(process.cwd(), '.pgdata', `bench-burst-${process.pid}`);
  const server = await startEmbeddedPostgres(dir, false);
  const admin = new Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE bench_burst');
  await admin.end();
  const url = new URL(server.adminUrl);
  url.pathname = '/bench_burst';
  await runMigrations(url.toString());
  const app = await createApp({ databaseUrl: url.toString(), logLevel: 'silent' });
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const body = gzipSync(Buffer.from(`${HEADER}\n${'A'.repeat(20 * 1024 * 1024 - HEADER.length - 1)}`), { level: 9 });
    const send = () =>
      new Promise<number>((resolve) => {
        const req = request(
          { host: '127.0.0.1', port, method: 'POST', path: '/api/v1/suppliers/import', headers: { 'Content-Type': 'text/csv', 'Content-Encoding': 'gzip', 'Content-Length': body.length } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', () => resolve(0));
        req.end(body);
      });
    global.gc?.();
    const before = process.memoryUsage().rss / 2 ** 20;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20)), 5);
    const statuses = await Promise.all(Array.from({ length: REQUESTS }, send));
    clearInterval(timer);
    const after = process.memoryUsage().rss / 2 ** 20;
    const counts = statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
    console.log(`${REQUESTS} unauthenticated gzip imports of ${(body.length / 1024).toFixed(0)} KiB (20 MiB inflated) each`);
    console.log(`RSS before ${before.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB, after ${after.toFixed(0)} MiB; statuses ${JSON.stringify(counts)}`);
  } finally {
    await app.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
