import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { runMigrations } from '../src/database/data-source';
import { ensureDatabase } from '../src/database/database-url';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { assembleMatrixInput, type EffectiveCriterion, type OfferValues } from '../src/domain/evaluation/matrix-input';
import { type ScoreRecord, summarizeAll } from '../src/domain/evaluation/scores';
import { type CriterionSource, decisionMatrix, type Direction, type Normalization, normalizeWeights, sensitivity } from '../src/domain/scoring';
import { UsersService } from '../src/modules/users/users.service';
import { medianMs, percentile } from './util';

/**
 * The decision matrix, two ways:
 * (a) the pure core: evaluator means from 5 scores each, `decisionMatrix` and `sensitivity` for
 *     200 suppliers × 40 criteria (median of repeated runs);
 * (b) `GET /cases/:id/matrix` of a 12-supplier × 10-criterion case on an embedded PostgreSQL under
 *     a bounded keep-alive load from this process, against `GET /cases/:id` (same auth, same app,
 *     same run): requests/s, p50/p99 latency and their ratio.
 */
export async function run(): Promise<void> {
  await pure();
  await http();
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same matrix. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function pure(): Promise<void> {
  const SUPPLIERS = 200;
  const CRITERIA = 40;
  const EVALUATORS = 5;
  const random = prng(42);
  // 1 price, 3 offer fields, 1 reliability, 15 evaluator-scored, 20 offer values
  const shapes: Array<{ source: CriterionSource; direction: Direction; normalization: Normalization }> = [
    { source: 'offer.price', direction: 'lower_is_better', normalization: 'ratio' },
    { source: 'offer.leadTimeDays', direction: 'lower_is_better', normalization: 'minmax' },
    { source: 'offer.warrantyMonths', direction: 'higher_is_better', normalization: 'ratio' },
    { source: 'offer.paymentDays', direction: 'higher_is_better', normalization: 'ratio' },
    { source: 'reliability', direction: 'higher_is_better', normalization: 'scale' },
    ...Array.from({ length: 15 }, () => ({ source: 'evaluator' as const, direction: 'higher_is_better' as const, normalization: 'scale' as const })),
    ...Array.from({ length: 20 }, (_, i) => ({
      source: 'offer.value' as const,
      direction: (i % 2 ? 'higher_is_better' : 'lower_is_better') as Direction,
      normalization: (i % 3 ? 'ratio' : 'minmax') as Normalization,
    })),
  ];
  const weights = normalizeWeights(shapes.map(() => 1 + random() * 9));
  const criteria: EffectiveCriterion[] = shapes.slice(0, CRITERIA).map((s, k) => ({ id: `c${k}`, ...s, weight: weights[k] }));
  const offers: OfferValues[] = Array.from({ length: SUPPLIERS }, (_, j) => ({
    supplierId: `s${String(j).padStart(3, '0')}`,
    convertedTotal: (50_000 + random() * 50_000).toFixed(2),
    leadTimeDays: 5 + Math.floor(random() * 60),
    warrantyMonths: 6 + Math.floor(random() * 54),
    paymentDays: 15 + Math.floor(random() * 75),
    compliance: [],
    values: criteria.filter((c) => c.source === 'offer.value').map((c) => ({ criterionId: c.id, value: 1 + random() * 99 })),
  }));
  const scores: ScoreRecord[] = [];
  for (const c of criteria.filter((k) => k.source === 'evaluator')) {
    for (const o of offers) {
      for (let e = 0; e < EVALUATORS; e++) {
        scores.push({ evaluatorId: `e${e}`, supplierId: o.supplierId, criterionId: c.id, score: (Math.round(random() * 1000) / 100).toFixed(2) });
      }
    }
  }
  const reliability = new Map(offers.map((o) => [o.supplierId, 40 + random() * 60]));
  const build = () =>
    assembleMatrixInput({ criteria, requirements: [], offers, reliability, scores: summarizeAll(scores), certifications: new Map(), asOf: '2026-06-01' });
  const input = build();

  const means = await medianMs(() => summarizeAll(scores), 15);
  const assemble = await medianMs(build, 15);
  const matrix = await medianMs(() => decisionMatrix(input), 15);
  const sens = await medianMs(() => sensitivity(input), 7);
  console.log(`pure core, ${SUPPLIERS} suppliers × ${CRITERIA} criteria × ${EVALUATORS} evaluators (${scores.length} scores), median ms`);
  console.log(`  evaluator means (exact hundredths)        ${means.toFixed(2)} ms`);
  console.log(`  matrix input (means + requirement checks)  ${assemble.toFixed(2)} ms`);
  console.log(`  decisionMatrix                            ${matrix.toFixed(2)} ms`);
  console.log(`  sensitivity (incl. price-cut bisection)   ${sens.toFixed(2)} ms`);
}

async function http(): Promise<void> {
  const dir = join(process.cwd(), '.pgdata', `bench-matrix-${process.pid}`);
  const server = await startEmbeddedPostgres(dir, false);
  const url = new URL(server.adminUrl);
  url.pathname = '/bench_matrix';
  await ensureDatabase(server.adminUrl, 'bench_matrix');
  await runMigrations(url.toString());
  const app = await createApp({ databaseUrl: url.toString(), logLevel: 'silent' });
  try {
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const { caseId, token } = await seed(app.get(DataSource), app.get(UsersService));
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const get = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const start = performance.now();
        const req = request({ host: '127.0.0.1', port, path, agent, headers: { Authorization: `Bearer ${token}` } }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - start) : reject(new Error(`${path}: HTTP ${res.statusCode}`))));
        });
        req.on('error', reject);
        req.end();
      });
    const load = async (path: string, total: number, concurrency: number) => {
      const latencies: number[] = [];
      let next = 0;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < total) {
            next++;
            latencies.push(await get(path));
          }
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      latencies.sort((a, b) => a - b);
      return { rps: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
    };

    const matrixPath = `/api/v1/cases/${caseId}/matrix`;
    const casePath = `/api/v1/cases/${caseId}`;
    await load(matrixPath, 200, 16); // warm-up: JIT, pool, plans
    await load(casePath, 200, 16);
    const REQUESTS = 2000;
    const CONCURRENCY = 16;
    const trivial = await load(casePath, REQUESTS, CONCURRENCY);
    const matrix = await load(matrixPath, REQUESTS, CONCURRENCY);
    agent.destroy();
    const line = (name: string, r: { rps: number; p50: number; p99: number }) =>
      `  ${name.padEnd(28)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(2).padStart(7)} ms   p99 ${r.p99.toFixed(2).padStart(7)} ms`;
    console.log(`HTTP, 12 suppliers × 10 criteria, ${REQUESTS} requests, ${CONCURRENCY} concurrent keep-alive connections, same process`);
    console.log(line('GET /cases/:id (trivial)', trivial));
    console.log(line('GET /cases/:id/matrix', matrix));
    console.log(
      `  matrix / trivial: ${(matrix.rps / trivial.rps).toFixed(2)}× the throughput, ${(matrix.p50 / trivial.p50).toFixed(2)}× the p50, ${(matrix.p99 / trivial.p99).toFixed(2)}× the p99`,
    );
  } finally {
    await app.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A case in DECISION seeded with SQL as the modules store it: 12 suppliers with ISO 9001 and a
 * year of deliveries, a frozen specification of 10 criteria (price, lead time, warranty, payment,
 * reliability, 4 evaluator-scored, 1 offer value) and 2 requirements, one closed round with
 * 12 offers, and 5 evaluators' scores.
 */
async function seed(db: DataSource, users: UsersService): Promise<{ caseId: string; token: string }> {
  const { user, token } = await users.createWithToken({ name: 'Bench Decider', email: `bench-${randomUUID()}@example.com`, orgRole: 'member' });
  const evaluators: string[] = [];
  for (let e = 0; e < 5; e++) {
    const [row] = await db.query(`INSERT INTO users (name, email, org_role) VALUES ($1, $2, 'member') RETURNING id`, [`Evaluator ${e}`, `ev${e}-${randomUUID()}@example.com`]);
    evaluators.push(row.id);
  }
  const [c] = await db.query(
    `INSERT INTO cases (reference, title, business_need, quantity, unit, estimated_budget, currency, needed_by, category,
                        purchase_type, profit_impact, supply_risk, stage, created_by)
     VALUES ('PC-BENCH-' || substr(md5(random()::text), 1, 6), 'Bench case', 'benchmark', 2, 'pcs', 100000, 'EUR', '2027-06-30',
             'compressors', 'new_task', 4, 4, 'DECISION', $1) RETURNING id`,
    [user.id],
  );
  const caseId: string = c.id;
  await db.query(`INSERT INTO case_members (case_id, user_id, roles) VALUES ($1, $2, '{decider}')`, [caseId, user.id]);
  for (const id of evaluators) await db.query(`INSERT INTO case_members (case_id, user_id, roles) VALUES ($1, $2, '{evaluator}')`, [caseId, id]);

  const requirements = [
    { id: randomUUID(), text: 'ISO 9001 certified', type: 'certification', value: 'ISO 9001' },
    { id: randomUUID(), text: 'Delivery within 60 days', type: 'max_lead_time_days', value: 60 },
  ];
  const criterion = (name: string, kind: string, source: string, direction: string, normalization: string, weight: number) => ({
    id: randomUUID(),
    name,
    kind,
    direction,
    source,
    normalization,
    weight,
  });
  const criteria = [
    criterion('Total cost', 'price', 'offer.price', 'lower_is_better', 'ratio', 30),
    criterion('Lead time', 'delivery', 'offer.leadTimeDays', 'lower_is_better', 'minmax', 10),
    criterion('Warranty', 'service', 'offer.warrantyMonths', 'higher_is_better', 'ratio', 5),
    criterion('Payment terms', 'other', 'offer.paymentDays', 'higher_is_better', 'ratio', 5),
    criterion('Supplier reliability', 'reliability', 'reliability', 'higher_is_better', 'scale', 15),
    criterion('Build quality', 'quality', 'evaluator', 'higher_is_better', 'scale', 10),
    criterion('Service network', 'service', 'evaluator', 'higher_is_better', 'scale', 5),
    criterion('Technical fit', 'technical', 'evaluator', 'higher_is_better', 'scale', 10),
    criterion('Sustainability', 'sustainability', 'evaluator', 'higher_is_better', 'scale', 5),
    criterion('Energy use (kWh)', 'technical', 'offer.value', 'lower_is_better', 'ratio', 5),
  ];
  await db.query(
    `INSERT INTO specification_versions (case_id, version, frozen_at, description, requirements, criteria, created_by)
     VALUES ($1, 1, now(), 'bench', $2, $3, $4)`,
    [caseId, JSON.stringify(requirements), JSON.stringify(criteria), user.id],
  );
  const [round] = await db.query(
    `INSERT INTO negotiation_rounds (case_id, number, deadline, closed_at, closed_by, opened_by)
     VALUES ($1, 1, now() - interval '1 day', now() - interval '1 day', $2, $2) RETURNING id`,
    [caseId, user.id],
  );
  const random = prng(7);
  for (let j = 0; j < 12; j++) {
    const [s] = await db.query(
      `INSERT INTO suppliers (legal_name, tax_id, tax_id_normalized, country, categories, certifications, financial_risk)
       VALUES ($1, $2, $2, 'DE', '{compressors}', $3, $4) RETURNING id`,
      [
        `Bench Supplier ${j}`,
        `BENCH${randomUUID().slice(0, 8).toUpperCase()}`,
        JSON.stringify([{ name: 'ISO 9001', issuedOn: '2024-01-01', expiresOn: '2029-12-31' }]),
        (random() * 0.5).toFixed(2),
      ],
    );
    await db.query(
      `INSERT INTO performance_events (supplier_id, type, date, on_time, in_full)
       SELECT $1, 'delivery', (now() - interval '2 days' - (g || ' days')::interval)::date, random() > 0.1, random() > 0.05
         FROM generate_series(1, 360, 15) g`,
      [s.id],
    );
    await db.query(`INSERT INTO shortlist_entries (case_id, supplier_id, status, added_by) VALUES ($1, $2, 'shortlisted', $3)`, [caseId, s.id, user.id]);
    await db.query(`INSERT INTO round_participants (round_id, supplier_id) VALUES ($1, $2)`, [round.id, s.id]);
    await db.query(
      `INSERT INTO offers (round_id, supplier_id, revision, total_price, currency, lead_time_days, warranty_months, payment_days,
                           valid_until, compliance, criterion_values, submitted_via, submitted_by, specification_version)
       VALUES ($1, $2, 1, $3, 'EUR', $4, $5, $6, '2099-12-31', $7, $8, 'buyer', $9, 1)`,
      [
        round.id,
        s.id,
        (80_000 + random() * 20_000).toFixed(2),
        10 + Math.floor(random() * 40),
        12 + Math.floor(random() * 36),
        30 + Math.floor(random() * 60),
        JSON.stringify(requirements.map((r) => ({ requirementId: r.id, met: true, note: null }))),
        JSON.stringify([{ criterionId: criteria[9].id, value: 10 + random() * 10 }]),
        user.id,
      ],
    );
    for (const k of criteria.filter((x) => x.source === 'evaluator')) {
      for (const e of evaluators) {
        await db.query(`INSERT INTO scores (case_id, evaluator_id, supplier_id, criterion_id, score) VALUES ($1, $2, $3, $4, $5)`, [
          caseId,
          e,
          s.id,
          k.id,
          (Math.round(random() * 1000) / 100).toFixed(2),
        ]);
      }
    }
  }
  return { caseId, token: token.token };
}
