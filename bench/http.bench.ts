import { rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.factory';
import { runMigrations } from '../src/database/data-source';
import { ensureDatabase } from '../src/database/database-url';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { UsersService } from '../src/modules/users/users.service';
import {
  type ApiTransport,
  CaseBuilder,
  type CriterionPlan,
  dateIn,
  DEFAULT_PEOPLE,
  fetchTransport,
  type OfferPlan,
  type PerformanceEvent,
  type SupplierPlan,
} from '../src/tools/case-builder';
import { startHelloApp } from './hello-app';
import { growthExponent, GROWTH_SIZES, median, percentile, recordTarget } from './util';

const SUPPLIERS = 8;
const CASES_PENDING = 4;
const CONNECTIONS = 8;
const WINDOW_MS = 3000;
const REPETITIONS = 3;
/**
 * BENCH_HTTP_TRIVIAL=1: only target 1's two rows, the trivial GET and the bare hello route (one case
 * built, no 200 × 40 grids, no growth fit), each repeated BENCH_HTTP_REPETITIONS times (default 3)
 */
const TRIVIAL_ONLY = process.env.BENCH_HTTP_TRIVIAL === '1';
const REPETITIONS_ASKED = Number(process.env.BENCH_HTTP_REPETITIONS ?? REPETITIONS);
/** the bench app's METRICS_TOKEN: GET /metrics answers to it, as a Prometheus scraper presents it */
const METRICS_TOKEN = 'bench-metrics-token';

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same cases. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const criterion = (name: string, kind: string, source: string, direction: string, normalization: string, weight: number): CriterionPlan => ({
  name,
  kind,
  source,
  direction,
  normalization,
  weight,
});

/** 8 criteria: price, three offer terms, reliability, two evaluator-scored, one offer value. */
export const CRITERIA = [
  criterion('Total cost', 'price', 'offer.price', 'lower_is_better', 'ratio', 30),
  criterion('Lead time', 'delivery', 'offer.leadTimeDays', 'lower_is_better', 'minmax', 10),
  criterion('Warranty', 'service', 'offer.warrantyMonths', 'higher_is_better', 'ratio', 10),
  criterion('Payment terms', 'other', 'offer.paymentDays', 'higher_is_better', 'ratio', 5),
  criterion('Supplier reliability', 'reliability', 'reliability', 'higher_is_better', 'scale', 15),
  criterion('Technical quality', 'technical', 'evaluator', 'higher_is_better', 'scale', 15),
  criterion('After-sales service', 'service', 'evaluator', 'higher_is_better', 'scale', 10),
  criterion('Energy use (kWh)', 'technical', 'offer.value', 'lower_is_better', 'ratio', 5),
];

export function suppliers(random: () => number): SupplierPlan[] {
  return Array.from({ length: SUPPLIERS }, (_, j) => {
    const performance: PerformanceEvent[] = Array.from({ length: 12 }, (_, d) => ({
      type: 'delivery' as const,
      date: dateIn(-10 - 30 * d),
      onTime: random() > 0.15,
      inFull: random() > 0.05,
    }));
    if (j % 3 === 0) performance.push({ type: 'incident', date: dateIn(-45), severity: 'minor', description: 'Damaged packaging at goods receipt' });
    return {
      key: `s${j}`,
      legalName: `Bench Kompressoren ${j} GmbH`,
      certifications: [{ name: 'ISO 9001', issuedOn: dateIn(-400), expiresOn: dateIn(800) }],
      financialRisk: Number((random() * 0.4).toFixed(2)),
      performance,
    };
  });
}

/** Two rounds, every supplier in both (one offers through the supplier portal), prices 80,000–98,000 EUR. */
export function rounds(random: () => number) {
  const offers = (cut: number): OfferPlan[] =>
    Array.from({ length: SUPPLIERS }, (_, j) => ({
      supplier: `s${j}`,
      via: j === 0 ? ('portal' as const) : ('buyer' as const),
      totalPrice: ((80_000 + random() * 18_000) * cut).toFixed(2),
      leadTimeDays: 20 + Math.floor(random() * 60),
      warrantyMonths: 12 + Math.floor(random() * 36),
      paymentDays: 30 + Math.floor(random() * 60),
      values: { 'Energy use (kWh)': Number((10 + random() * 10).toFixed(2)) },
    }));
  return [{ offers: offers(1.02) }, { bestAndFinal: true, offers: offers(1) }];
}


/**
 * The 8 × 8 bench case's plan (compressors, three requirements, `CRITERIA`, two rounds, scores),
 * its suppliers new or `existing` ones; the http bench builds several, the matrix CPU harness one.
 */
export function compressorCase(transport: ApiTransport, token: string, i: number, random: () => number, existing?: Array<{ key: string; id: string }>): CaseBuilder {
  return new CaseBuilder(transport, token)
    .withCase({ title: `Bench compressors ${i}`, category: 'bench-compressors', estimatedBudget: '95000.00' })
    .withSpecification({
      description: 'Oil-free screw compressors, 90 kW, installed',
      requirements: [
        { text: 'ISO 9001 certified', type: 'certification', value: 'ISO 9001' },
        { text: 'Delivery within 90 days', type: 'max_lead_time_days', value: 90 },
        { text: 'Warranty of at least 12 months', type: 'min_warranty_months', value: 12 },
      ],
      criteria: CRITERIA,
    })
    .withSuppliers(existing ?? suppliers(random))
    .withRounds(rounds(random))
    .withScores(() => Math.round(40 + random() * 60) / 10);
}

/**
 * A case in DECISION of `suppliers` × `criteria` for the 200 × 40 targets and the growth fit: price,
 * three offer terms, reliability, up to 10 evaluator-scored criteria (two evaluators; one PUT of at
 * most 2,000 scores each), the rest offer values; one round.
 */
export async function gridCase(transport: ReturnType<typeof fetchTransport>, token: string, suppliers: number, criteria: number, random: () => number) {
  const plan: CriterionPlan[] = [
    criterion('Total cost', 'price', 'offer.price', 'lower_is_better', 'ratio', 30),
    criterion('Lead time', 'delivery', 'offer.leadTimeDays', 'lower_is_better', 'minmax', 10),
    criterion('Warranty', 'service', 'offer.warrantyMonths', 'higher_is_better', 'ratio', 10),
    criterion('Payment terms', 'other', 'offer.paymentDays', 'higher_is_better', 'ratio', 5),
    criterion('Supplier reliability', 'reliability', 'reliability', 'higher_is_better', 'scale', 15),
  ];
  let evaluated = 0;
  for (let k = plan.length; k < criteria; k++) {
    if (k % 2 === 1 && evaluated < Math.min(10, Math.floor(2000 / suppliers))) {
      evaluated += 1;
      plan.push(criterion(`Quality ${k}`, 'quality', 'evaluator', 'higher_is_better', 'scale', 2 + (k % 5)));
    } else {
      plan.push(criterion(`Value ${k}`, 'technical', 'offer.value', k % 2 ? 'higher_is_better' : 'lower_is_better', k % 3 ? 'ratio' : 'minmax', 1 + (k % 4)));
    }
  }
  const values = plan.filter((c) => c.source === 'offer.value').map((c) => c.name);
  const category = `bench-grid-${suppliers}x${criteria}`;
  const built = await new CaseBuilder(transport, token)
    .withCase({ title: `Bench grid ${suppliers} × ${criteria}`, category, estimatedBudget: '95000.00' })
    .withSpecification({ description: 'A grid of suppliers and criteria', requirements: [], criteria: plan })
    .withSuppliers(
      Array.from({ length: suppliers }, (_, j) => ({
        key: `g${j}`,
        legalName: `Bench Grid ${suppliers}x${criteria} Supplier ${j} GmbH`,
        categories: [category],
        certifications: [],
        financialRisk: Number((random() * 0.4).toFixed(2)),
        performance: [{ type: 'delivery' as const, date: dateIn(-40), onTime: random() > 0.15, inFull: true }],
      })),
    )
    .withRounds([
      {
        offers: Array.from({ length: suppliers }, (_, j) => ({
          supplier: `g${j}`,
          totalPrice: (80_000 + random() * 18_000).toFixed(2),
          leadTimeDays: 20 + Math.floor(random() * 60),
          warrantyMonths: 12 + Math.floor(random() * 36),
          paymentDays: 30 + Math.floor(random() * 60),
          values: Object.fromEntries(values.map((v) => [v, Number((1 + random() * 99).toFixed(2))])),
        })),
      },
    ])
    .withScores(() => Math.round(random() * 1000) / 100)
    .build('scored');
  return { caseId: built.caseId, token: built.person('decider').token };
}

/**
 * The heavy reads over HTTP against a trivial one of the same app, in the same run: a strategic case
 * of 8 suppliers × 8 criteria × 2 rounds built by the case builder through the API, in APPROVAL;
 * its approver has 4 such cases pending. Each endpoint runs for 3 s on 8 keep-alive connections,
 * the four interleaved, 3 times; the figures are the medians of the 3, and the medians of their
 * ratios to the trivial endpoint in the same repetition. GET /metrics (the app runs with a
 * METRICS_TOKEN) is one of them; the bare hello route runs twice, without and with the service's
 * metrics middleware, for what collecting the metrics adds to a request.
 */
export async function run(): Promise<void> {
  const dir = join(process.cwd(), '.pgdata', `bench-http-${process.pid}`);
  const server = await startEmbeddedPostgres(dir, false);
  const url = new URL(server.adminUrl);
  url.pathname = '/bench_http';
  await ensureDatabase(server.adminUrl, 'bench_http');
  await runMigrations(url.toString());
  // metrics as main.ts has them: the endpoint on (METRICS_TOKEN), the process's own metrics exported
  const app = await createApp({ databaseUrl: url.toString(), logLevel: 'silent', observability: { metricsToken: METRICS_TOKEN, processMetrics: true } });
  const hello = await startHelloApp();
  const helloMetrics = await startHelloApp({ metrics: true });
  try {
    const helloPort = (hello.getHttpServer().address() as AddressInfo).port;
    const helloMetricsPort = (helloMetrics.getHttpServer().address() as AddressInfo).port;
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const { token } = await app.get(UsersService).createWithToken({ name: 'Bench Admin', email: 'bench-admin@example.com', orgRole: 'admin' });
    const transport = fetchTransport(`http://127.0.0.1:${port}`);
    const random = prng(11);

    const build = async (i: number, first?: Awaited<ReturnType<CaseBuilder['build']>>) => {
      const builder = compressorCase(transport, token.token, i, random, first?.suppliers.map((s) => ({ key: s.key, id: s.id })));
      // the same people on every case, so one approver has them all pending
      if (first) builder.withPeople(DEFAULT_PEOPLE.map((p) => ({ ...p, existing: first.person(p.key) })));
      return builder.build('APPROVAL');
    };
    const main = await build(0);
    for (let i = 1; i < (TRIVIAL_ONLY ? 1 : CASES_PENDING); i++) await build(i, main);
    const approver = main.person('approver').token;
    // the growth fit's cases, 5 × 10 to 200 × 40; the largest also carries the 200 × 40 targets
    const buildStart = performance.now();
    const grids = [];
    for (const size of TRIVIAL_ONLY ? [] : GROWTH_SIZES) grids.push({ ...size, ...(await gridCase(transport, token.token, size.suppliers, size.criteria, random)) });
    const large = grids[grids.length - 1] ?? { caseId: main.caseId, token: approver };
    console.log(`  (cases built through the API in ${((performance.now() - buildStart) / 1000).toFixed(0)} s)`);

    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const get = (path: string, to = port, bearer = approver) =>
      new Promise<number>((resolve, reject) => {
        const start = performance.now();
        const req = request({ host: '127.0.0.1', port: to, path, agent, headers: { Authorization: `Bearer ${bearer}` } }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - start) : reject(new Error(`${path}: HTTP ${res.statusCode}`))));
        });
        req.on('error', reject);
        req.end();
      });
    const load = async ({ path, port: to, token: bearer }: { path: string; port?: number; token?: string }, windowMs: number) => {
      const latencies: number[] = [];
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (performance.now() - start < windowMs) latencies.push(await get(path, to, bearer));
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      const cpu = process.cpuUsage(cpuStart);
      latencies.sort((a, b) => a - b);
      // this process's CPU per request (client and server; not PostgreSQL's), less moved by the machine's other load
      const cpuUs = (cpu.user + cpu.system) / latencies.length;
      return { rps: latencies.length / seconds, p50: percentile(latencies, 50), requests: latencies.length, cpuUs };
    };

    const allEndpoints: Array<{ name: string; path: string; port?: number; token?: string }> = [
      { name: 'GET /cases?limit=1 (trivial)', path: '/api/v1/cases?limit=1' },
      { name: 'bare NestJS hello (ceiling)', path: '/hello', port: helloPort },
      { name: `GET /cases/:id/matrix (${SUPPLIERS} × ${CRITERIA.length})`, path: `/api/v1/cases/${main.caseId}/matrix` },
      { name: 'GET /cases/:id/matrix (200 × 40)', path: `/api/v1/cases/${large.caseId}/matrix`, token: large.token },
      { name: 'GET /cases/:id/sensitivity (200 × 40)', path: `/api/v1/cases/${large.caseId}/sensitivity`, token: large.token },
      { name: 'GET /cases/:id/report.pdf', path: `/api/v1/cases/${main.caseId}/report.pdf` },
      { name: `GET /approvals/pending (${CASES_PENDING} cases)`, path: '/api/v1/approvals/pending' },
      { name: 'GET /metrics (scrape)', path: '/metrics', token: METRICS_TOKEN },
      { name: 'bare hello + metrics middleware', path: '/hello', port: helloMetricsPort },
    ];
    const endpoints = TRIVIAL_ONLY ? allEndpoints.slice(0, 2) : allEndpoints;
    const SCRAPE = endpoints.length - 2;
    const HELLO_METRICS = endpoints.length - 1;
    for (const e of endpoints) await load(e, 1000); // warm-up: JIT, pool, plans, fonts
    const figures = endpoints.map(() => [] as Array<{ rps: number; p50: number; requests: number; cpuUs: number }>);
    for (let r = 0; r < REPETITIONS_ASKED; r++) {
      // rotate the order so no endpoint always runs first or last
      for (let k = 0; k < endpoints.length; k++) {
        const i = (k + r) % endpoints.length;
        figures[i].push(await load(endpoints[i], WINDOW_MS));
      }
    }
    // growth: one connection, the median latency of each endpoint at each size
    const growth = { matrix: [] as Array<{ size: number; ms: number }>, sensitivity: [] as Array<{ size: number; ms: number }> };
    for (const g of grids) {
      for (const kind of ['matrix', 'sensitivity'] as const) {
        const path = `/api/v1/cases/${g.caseId}/${kind}`;
        await get(path, port, g.token);
        const times: number[] = [];
        for (let i = 0; i < (g.suppliers >= 100 ? 5 : 11); i++) times.push(await get(path, port, g.token));
        growth[kind].push({ size: g.suppliers * g.criteria, ms: median(times) });
      }
    }
    agent.destroy();

    // a ratio is taken within each repetition (the trivial endpoint ran seconds before or after), then the median of the 3
    const summary = figures.map((runs) => ({
      rps: median(runs.map((x) => x.rps)),
      p50: median(runs.map((x) => x.p50)),
      rpsRatio: median(runs.map((x, r) => x.rps / figures[0][r].rps)),
      p50Ratio: median(runs.map((x, r) => x.p50 / figures[0][r].p50)),
    }));
    console.log(
      `HTTP, strategic case of ${SUPPLIERS} suppliers × ${CRITERIA.length} criteria × 2 rounds in APPROVAL, built through the API; ` +
        `${CONNECTIONS} keep-alive connections, ${WINDOW_MS / 1000} s per endpoint, ${REPETITIONS_ASKED} interleaved repetitions (median), same process`,
    );
    for (const [i, e] of endpoints.entries()) {
      const s = summary[i];
      const ratio = i === 0 ? '' : `   ${s.rpsRatio.toFixed(3)}× the throughput, ${s.p50Ratio.toFixed(1)}× the p50`;
      const runs = figures[i].map((x) => x.rps.toFixed(1)).join(' / ');
      console.log(`  ${e.name.padEnd(34)} ${s.rps.toFixed(1).padStart(7)} req/s   p50 ${s.p50.toFixed(2).padStart(8)} ms${ratio}   (req/s per run: ${runs})`);
    }
    const ceiling = summary[1].rpsRatio === 0 ? NaN : 1 / summary[1].rpsRatio;
    console.log(`  target 1: trivial authenticated GET ${ceiling.toFixed(3)}× the bare hello route (target ≥ 0.3×)`);
    const cpuOf = (i: number) => median(figures[i].map((x) => x.cpuUs));
    const cpuRatio = median(figures[0].map((x, r) => figures[1][r].cpuUs / x.cpuUs));
    console.log(
      `  target 1 in CPU: this process (client and server) spends ${cpuOf(0).toFixed(0)} µs per trivial GET, ${cpuOf(1).toFixed(0)} µs per hello: ` +
        `${cpuRatio.toFixed(3)}× (the CPU time of a hello over a trivial GET's, PostgreSQL's not counted)`,
    );
    const rps = (i: number) => `${summary[i].rps.toFixed(1)} req/s`;
    recordTarget({ target: '1 trivial GET vs bare hello', figure: rps(0), ceiling: rps(1), value: ceiling, goal: '≥ 0.3×', met: ceiling >= 0.3 });
    if (TRIVIAL_ONLY) return;
    recordTarget({ target: `2 GET /matrix ${SUPPLIERS}×${CRITERIA.length} vs trivial`, figure: rps(2), ceiling: rps(0), value: summary[2].rpsRatio, goal: '≥ 0.7×', met: summary[2].rpsRatio >= 0.7 });
    recordTarget({ target: '2 GET /matrix 200×40 vs trivial', figure: rps(3), ceiling: rps(0), value: summary[3].rpsRatio, goal: '≥ 0.1×', met: summary[3].rpsRatio >= 0.1 });
    // within 1.5× of the matrix: its throughput at least 1/1.5 of the matrix's (ratio taken per repetition)
    const sensVsMatrix = median(figures[4].map((x, r) => figures[3][r].rps / x.rps));
    recordTarget({ target: '3 GET /sensitivity 200×40 vs /matrix 200×40', figure: rps(4), ceiling: rps(3), value: sensVsMatrix, goal: '≤ 1.5× the time', met: sensVsMatrix <= 1.5 });
    console.log(`  target 3: sensitivity 200 × 40 takes ${sensVsMatrix.toFixed(3)}× the time of the matrix 200 × 40 (target ≤ 1.5×)`);
    // what /metrics costs: the scrape against the trivial GET; the collection on every request, as the
    // time a request of the bare hello route gains with the metrics middleware (one process, so
    // 1 / throughput is the server's time per request), against the trivial GET's time per request
    const series = (await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).text()).split('\n').filter((l) => l && !l.startsWith('#')).length;
    console.log(`  metrics: GET /metrics (${series} series, after the cases were built) ${summary[SCRAPE].rpsRatio.toFixed(3)}× the throughput of the trivial GET, ${summary[SCRAPE].p50Ratio.toFixed(1)}× its p50`);
    const perRequestUs = (rps: number) => 1e6 / rps;
    const addedUs = median(figures[HELLO_METRICS].map((x, r) => perRequestUs(x.rps) - perRequestUs(figures[1][r].rps)));
    const addedShare = median(figures[HELLO_METRICS].map((x, r) => (perRequestUs(x.rps) - perRequestUs(figures[1][r].rps)) / perRequestUs(figures[0][r].rps)));
    const withVsWithout = median(figures[HELLO_METRICS].map((x, r) => x.rps / figures[1][r].rps));
    console.log(
      `  metrics: collection adds ${addedUs.toFixed(1)} µs per request (bare hello ${withVsWithout.toFixed(3)}× the throughput with the middleware as without), ` +
        `${(addedShare * 100).toFixed(1)}% of the trivial GET's ${perRequestUs(summary[0].rps).toFixed(0)} µs per request`,
    );
    for (const kind of ['matrix', 'sensitivity'] as const) {
      const exponent = growthExponent(growth[kind]);
      const points = growth[kind].map((p, i) => `${GROWTH_SIZES[i].suppliers}×${GROWTH_SIZES[i].criteria} ${p.ms.toFixed(1)} ms`).join(', ');
      console.log(`  growth GET /${kind} (1 connection, median latency): ${points}; exponent ${exponent.toFixed(3)} against suppliers × criteria (target ≤ 1.1)`);
      recordTarget({ target: `6 growth GET /${kind}, 5×10 → 200×40`, figure: `${growth[kind][growth[kind].length - 1].ms.toFixed(1)} ms at 200×40`, ceiling: `${growth[kind][0].ms.toFixed(1)} ms at 5×10`, value: exponent, goal: 'exponent ≤ 1.1', met: exponent <= 1.1 });
    }
  } finally {
    await hello.close();
    await helloMetrics.close();
    await app.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
