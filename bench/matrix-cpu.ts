import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource, type EntitySubscriberInterface } from 'typeorm';
import { createApp } from '../src/app.factory';
import { runMigrations } from '../src/database/data-source';
import { ensureDatabase } from '../src/database/database-url';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { UsersService } from '../src/modules/users/users.service';
import { fetchTransport } from '../src/tools/case-builder';
import { compressorCase, gridCase, prng } from './http.bench';
import { median, postgresCpuMs } from './util';

/**
 * `node dist/bench/matrix-cpu.js [seconds] [repetitions]`: the trivial GET and the matrix (8 × 8,
 * 200 × 40) served by this process while a child process sends the load (8 keep-alive
 * connections), so this process's CPU time is the server's alone; with PostgreSQL's CPU time from
 * /proc and the statements one request sends (transaction control counted too). Not a section of
 * `npm run bench`: a profiling harness for the matrix rows of the http section.
 */
const LOADER = `
const http = require('node:http');
const [port, path, token, conns, ms] = process.argv.slice(1);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(conns) });
let n = 0; const start = Date.now();
const one = () => new Promise((res, rej) => { const r = http.request({ host: '127.0.0.1', port: Number(port), path, agent, headers: { Authorization: 'Bearer ' + token } }, (x) => { x.resume(); x.on('end', () => x.statusCode === 200 ? res() : rej(new Error(path + ' ' + x.statusCode))); }); r.on('error', rej); r.end(); });
Promise.all(Array.from({ length: Number(conns) }, async () => { while (Date.now() - start < Number(ms)) { await one(); n++; } })).then(() => { console.log(JSON.stringify({ n, s: (Date.now() - start) / 1000 })); agent.destroy(); });
`;

function loadFromChild(port: number, path: string, token: string, ms: number): Promise<{ n: number; s: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LOADER, String(port), path, token, '8', String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { n: number; s: number }) : reject(new Error(`loader exited ${code}`))));
  });
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 3);
  const repetitions = Number(process.argv[3] ?? 3);
  const dir = join(process.cwd(), '.pgdata', `bench-matrix-cpu-${process.pid}`);
  const server = await startEmbeddedPostgres(dir, false);
  const url = new URL(server.adminUrl);
  url.pathname = '/bench_matrix_cpu';
  await ensureDatabase(server.adminUrl, 'bench_matrix_cpu');
  await runMigrations(url.toString());
  const app = await createApp({ databaseUrl: url.toString(), logLevel: 'silent' });
  try {
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const { token } = await app.get(UsersService).createWithToken({ name: 'Bench Admin', email: 'bench-admin@example.com', orgRole: 'admin' });
    const transport = fetchTransport(`http://127.0.0.1:${port}`);
    const random = prng(11);
    const main8 = await compressorCase(transport, token.token, 0, random).build('APPROVAL');
    const approver = main8.person('approver').token;
    const large = await gridCase(transport, token.token, 200, 40, random);
    const endpoints = [
      { name: 'trivial GET /cases?limit=1', path: '/api/v1/cases?limit=1', token: approver },
      { name: 'GET /matrix 8 × 8', path: `/api/v1/cases/${main8.caseId}/matrix`, token: approver },
      { name: 'GET /matrix 200 × 40', path: `/api/v1/cases/${large.caseId}/matrix`, token: large.token },
    ];
    if (process.env.ONLY) endpoints.splice(0, endpoints.length, ...endpoints.filter((_, i) => String(i) === process.env.ONLY));
    // statements per request (the second one: warm caches), transaction control included
    const db = app.get(DataSource);
    for (const e of endpoints) {
      await fetch(`http://127.0.0.1:${port}${e.path}`, { headers: { Authorization: `Bearer ${e.token}` } });
      const sent: string[] = [];
      const params: unknown[][] = [];
      const subscriber: EntitySubscriberInterface = { beforeQuery: (event) => void (sent.push(event.query), params.push((event.parameters ?? []) as unknown[])) };
      db.subscribers.push(subscriber);
      await fetch(`http://127.0.0.1:${port}${e.path}`, { headers: { Authorization: `Bearer ${e.token}` } });
      db.subscribers.splice(db.subscribers.indexOf(subscriber), 1);
      if (process.env.EXPLAIN) {
        for (const [k, q] of sent.entries()) {
          if (!/^\s*SELECT/i.test(q)) continue;
          const plan = (await db.query(`EXPLAIN (ANALYZE, SUMMARY) ${q}`, params[k])) as Array<{ 'QUERY PLAN': string }>;
          console.log(`    ${q.trim().slice(0, 40)}: ${plan.filter((p) => /Planning|Execution/.test(p['QUERY PLAN'])).map((p) => p['QUERY PLAN']).join(', ')}`);
          if (process.env.EXPLAIN === 'full') console.log(plan.map((p) => p['QUERY PLAN']).join('\n'));
        }
      }
      console.log(`  ${e.name}: ${sent.length} statements (${sent.map((q) => q.trim().split(/\s+/).slice(0, 2).join(' ')).join('; ')})`);
    }
    for (const e of endpoints) await loadFromChild(port, e.path, e.token, 1000);
    // PROFILE=file: a CPU profile of the server over the measured windows only
    const session = process.env.PROFILE ? new Session() : null;
    if (session) {
      session.connect();
      await new Promise<void>((resolve) => session.post('Profiler.enable', () => session.post('Profiler.start', () => resolve())));
    }
    const figures = endpoints.map(() => [] as Array<{ rps: number; nodeMs: number; pgMs: number }>);
    for (let r = 0; r < repetitions; r++) {
      for (let k = 0; k < endpoints.length; k++) {
        const i = (k + r) % endpoints.length;
        const e = endpoints[i];
        const pg0 = (postgresCpuMs(join(dir, 'data')) ?? 0);
        const cpu0 = process.cpuUsage();
        const { n, s } = await loadFromChild(port, e.path, e.token, seconds * 1000);
        const cpu = process.cpuUsage(cpu0);
        const pg = (postgresCpuMs(join(dir, 'data')) ?? 0) - pg0;
        figures[i].push({ rps: n / s, nodeMs: (cpu.user + cpu.system) / 1000 / n, pgMs: pg / n });
      }
    }
    if (session) {
      const profile = await new Promise<unknown>((resolve) => session.post('Profiler.stop', (_err, r) => resolve(r.profile)));
      writeFileSync(process.env.PROFILE!, JSON.stringify(profile));
    }
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`load ${load}; ${repetitions} interleaved repetitions of ${seconds} s, 8 connections from a child process; medians`);
    for (const [i, e] of endpoints.entries()) {
      const f = figures[i];
      const ratio = median(f.map((x, r) => x.rps / figures[0][r].rps));
      console.log(
        `  ${e.name.padEnd(28)} ${median(f.map((x) => x.rps)).toFixed(1).padStart(8)} req/s  ${i ? ratio.toFixed(3) + '×' : '      '}  ` +
          `node CPU ${median(f.map((x) => x.nodeMs)).toFixed(3)} ms/req  pg CPU ${median(f.map((x) => x.pgMs)).toFixed(3)} ms/req  (runs ${f.map((x) => x.rps.toFixed(0)).join(' / ')})`,
      );
    }
  } finally {
    await app.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
