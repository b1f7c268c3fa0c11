import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createApp } from './app.factory';
import { DataSource } from 'typeorm';
import { loadConfig, messagingOptions } from './config/config';
import { resolveDatabase } from './database/database-url';
import { UsersService } from './modules/users/users.service';
import { CaseBuilder, fetchTransport, type PerformanceEvent, type PersonPlan, type SupplierPlan } from './tools/case-builder';

/**
 * `npm run demo`: a realistic strategic purchase, end to end through the REST API (the case
 * builder over fetch), against the configured database (embedded by default). It prints each step
 * and, on its last line, the path of the decision report it wrote; its messages are written as .eml
 * files in reports-out/mail.
 */
const say = (line: string) => console.log(line);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const PEOPLE: PersonPlan[] = [
  { key: 'initiator', name: 'Ines Ortega (plant manager)', roles: ['initiator'] },
  { key: 'prescriber', name: 'Pedro Salas (maintenance engineer)', roles: ['prescriber'] },
  { key: 'buyer', name: 'Beatriz Núñez (category buyer)', roles: ['buyer'] },
  { key: 'evaluator1', name: 'Elena Ruiz (quality)', roles: ['evaluator'] },
  { key: 'evaluator2', name: 'Erik Lund (operations)', roles: ['evaluator'] },
  { key: 'gatekeeper', name: 'Gonzalo Prieto (procurement lead)', roles: ['gatekeeper'] },
  { key: 'decider', name: 'Diana Morales (head of operations)', roles: ['decider'] },
  { key: 'approver1', name: 'Alberto Gil (finance controller)', roles: ['approver'] },
  { key: 'approver2', name: 'Amaia Etxeberria (plant director)', roles: ['approver'] },
  { key: 'cfo', name: 'Carmen Vidal (CFO)', roles: ['approver'], executive: true },
];

/** Four suppliers with two years of monthly deliveries (the first `onTime` share on time) and some incidents. */
function suppliers(run: string, category: string): SupplierPlan[] {
  const specs = [
    { key: 'nord', legalName: 'Kompressorenwerk Nord GmbH', country: 'DE', onTime: 0.97, incidents: 0, iso: true, risk: 0.1 },
    { key: 'iberica', legalName: 'Compresores Ibéricos S.A.', country: 'ES', onTime: 0.85, incidents: 2, iso: true, risk: 0.25 },
    { key: 'atlantic', legalName: 'Atlantic Air Systems Ltd', country: 'GB', onTime: 0.92, incidents: 1, iso: true, risk: 0.15 },
    { key: 'budget', legalName: 'Budget Pneumatics Inc.', country: 'US', onTime: 0.7, incidents: 4, iso: false, risk: 0.4 },
  ];
  return specs.map((s, i) => {
    const performance: PerformanceEvent[] = [];
    for (let d = 0; d < 24; d++) performance.push({ type: 'delivery', date: daysAgo(20 + d * 30), onTime: d / 24 < s.onTime, inFull: true });
    for (let k = 0; k < s.incidents; k++) {
      performance.push({ type: 'incident', date: daysAgo(60 + k * 90), severity: k % 2 ? 'major' : 'minor', description: 'Pressure valve out of tolerance at goods receipt' });
    }
    return {
      key: s.key,
      legalName: s.legalName,
      taxId: `${s.country}${run.toUpperCase()}${i}`,
      country: s.country,
      categories: [category],
      contacts: [{ name: 'Sales desk', email: `sales${i}.${run}@supplier.example` }],
      certifications: s.iso ? [{ name: 'ISO 9001', issuedOn: daysAgo(700), expiresOn: daysAgo(-400) }] : [],
      financialRisk: s.risk,
      performance,
    };
  });
}

/** price, currency, lead time (days), warranty (months) */
type Terms = readonly [string, string, number, number];
const offer = (supplier: string, [totalPrice, currency, leadTimeDays, warrantyMonths]: Terms, via: 'buyer' | 'portal' = 'buyer') => ({
  supplier,
  via,
  totalPrice,
  currency,
  leadTimeDays,
  warrantyMonths,
  paymentDays: 60,
  validUntil: daysAgo(-120),
});

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await resolveDatabase(config);
  // its messages as .eml files beside the report, written by the worker running in this process
  const mailDir = resolve('reports-out', 'mail');
  const app: INestApplication = await createApp({
    databaseUrl: db.url,
    logLevel: 'warn',
    messaging: { ...messagingOptions(config, true), smtpUrl: null, mailDir, pollingIntervalSeconds: 0.5 },
  });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const run = Date.now().toString(36);
  try {
    // the first admin comes from the service itself, as `npm run cli -- user:create --admin` makes it
    const { token } = await app.get(UsersService).createWithToken({ name: 'Ada Admin', email: `ada.admin.${run}@demo.example`, orgRole: 'admin' });
    const admin = token.token;
    const category = `compressors-${run}`;
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    // marks of the two qualitative criteria (technical quality, after-sales service); the second evaluator gives half a point less
    const marks: Record<string, [number, number]> = { nord: [9, 8.5], iberica: [7, 6.5], atlantic: [8, 8] };
    const builder = new CaseBuilder(fetchTransport(base), admin)
      .withPeople(PEOPLE)
      .withSuppliers(suppliers(run, category))
      .withCase({
        title: 'Two oil-free screw compressors for plant 2',
        businessNeed: 'The two compressors of the paint line reach end of life; an outage stops the line. Replace before the winter shutdown.',
        quantity: 2,
        unit: 'pcs',
        estimatedBudget: '180000.00',
        currency: 'EUR',
        neededBy: daysAgo(-150),
        category,
        purchaseType: 'new_task',
        profitImpact: 4,
        supplyRisk: 4,
      })
      .withSpecification({
        description: 'Oil-free rotary screw compressors, 90 kW, class 0 air, with installation and commissioning.',
        deliverables: 'Two compressors installed, commissioned and documented; operator training.',
        requirements: [
          { text: 'ISO 9001 certified manufacturer', type: 'certification', value: 'ISO 9001' },
          { text: 'Delivery within 120 days of order', type: 'max_lead_time_days', value: 120 },
          { text: 'Class 0 oil-free air certificate (ISO 8573-1)', type: 'yes_no', value: true },
        ],
        criteria: [
          { name: 'Total cost', kind: 'price', direction: 'lower_is_better', source: 'offer.price', normalization: 'ratio', weight: 40 },
          { name: 'Lead time', kind: 'delivery', direction: 'lower_is_better', source: 'offer.leadTimeDays', normalization: 'ratio', weight: 15 },
          { name: 'Warranty', kind: 'quality', direction: 'higher_is_better', source: 'offer.warrantyMonths', normalization: 'ratio', weight: 10 },
          { name: 'Technical quality', kind: 'technical', direction: 'higher_is_better', source: 'evaluator', normalization: 'scale', weight: 20 },
          { name: 'After-sales service', kind: 'service', direction: 'higher_is_better', source: 'evaluator', normalization: 'scale', weight: 15 },
        ],
      })
      // NEGOTIATION: two rounds, one offer in USD, one submitted by the supplier through its invitation
      .withExchangeRates({ USD: '0.9215' })
      .withRounds([
        {
          deadline,
          offers: [
            offer('nord', ['162000.00', 'EUR', 90, 36], 'portal'),
            offer('iberica', ['149500.00', 'EUR', 110, 24]),
            offer('atlantic', ['155800.00', 'EUR', 100, 30]),
            offer('budget', ['158000.00', 'USD', 75, 12]),
          ],
          eliminate: [{ supplier: 'budget', reason: 'No ISO 9001 certification and the longest warranty gap' }],
        },
        {
          deadline,
          bestAndFinal: true,
          offers: [offer('nord', ['154900.00', 'EUR', 85, 36]), offer('iberica', ['146000.00', 'EUR', 105, 24]), offer('atlantic', ['149900.00', 'EUR', 95, 36])],
        },
      ])
      .withScores(({ supplier, criterionIndex, evaluatorIndex }) => marks[supplier][criterionIndex] - evaluatorIndex * 0.5)
      .withProposal({
        justification: 'Top of the weighted matrix: strongest delivery record and technical marks, within budget after the best-and-final round.',
      })
      // the amount needs two approvers plus an executive
      .withApprovals({ comment: 'Approved.' });

    const built = await builder.build('people');
    say(`users: ${PEOPLE.length} people in the buying center`);
    await builder.build('suppliers');
    say(`suppliers: ${built.suppliers.map((s) => s.name).join('; ')} (each with two years of deliveries)`);
    await builder.build('NEED');
    say(`case ${built.reference}: ${String(built.case.title)} (${String(built.case.kraljicCategory)}, ${String(built.case.purchaseType)})`);
    await builder.build('specified');
    const prescriber = built.person('prescriber').token;
    const weights = await builder.api.get<{ rule: string }>(`/cases/${built.caseId}/weights`, prescriber);
    say(`specification: ${built.specification!.requirements.length} requirements, ${built.specification!.criteria.length} criteria; ${weights.rule}`);
    await builder.build('shortlist-approved');
    say(`shortlist: ${built.suppliers.length} suppliers, approved by the gatekeeper`);
    await builder.build('negotiated');
    say('round 1: 4 offers (one through the supplier portal, one in USD), closed; Budget Pneumatics eliminated');
    say('round 2 (best and final): 3 offers, closed');
    await builder.build('scored');

    // DECISION
    const decider = built.person('decider').token;
    const on = (path: string) => `/cases/${built.caseId}${path}`;
    const matrix = await builder.api.get<{ ranking: Array<{ supplierId: string; rank: number; total: number }> }>(on('/matrix'), decider);
    const sens = await builder.api.get<{ sensitive: boolean; mostCritical: string | null }>(on('/sensitivity'), decider);
    const name = (id: string) => built.suppliers.find((s) => s.id === id)?.name ?? id;
    for (const r of matrix.ranking) say(`  rank ${r.rank}: ${name(r.supplierId)} ${r.total.toFixed(2)}`);
    const criterionName = (id: string | null) => built.specification!.criteria.find((k) => k.id === id)?.name ?? (id ? 'Supplier reliability' : 'none');
    say(`sensitivity: ${sens.sensitive ? 'sensitive' : 'robust'}; most critical criterion: ${criterionName(sens.mostCritical)}`);

    // APPROVAL
    await builder.build('AWARDED');
    const verify = await builder.api.get<{ valid: boolean; length: number }>(on('/audit/verify'), admin);
    say(
      `approval: ${built.stage} to ${name(built.proposal!.supplierId)} for EUR ${String(built.case.awardedAmount)}; ` +
        `audit chain ${verify.valid ? 'valid' : 'BROKEN'} (${verify.length} events)`,
    );

    const pdf = async (lang: string) => {
      const res = await builder.api.request<Buffer>('GET', on(`/report.pdf?lang=${lang}`), { token: admin });
      if (res.status !== 200) throw new Error(`GET report.pdf → ${res.status}`);
      return { pdf: res.body, sha256: res.headers['x-report-sha256'] ?? null };
    };
    const report = await pdf('en');
    const reportEs = await pdf('es');
    const dir = resolve('reports-out');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${built.reference}-en.pdf`);
    writeFileSync(path, report.pdf);
    writeFileSync(join(dir, `${built.reference}-es.pdf`), reportEs.pdf);
    say(`report: SHA-256 ${String(report.sha256)} (Spanish version beside it)`);
    const written = await deliveredMessages(app.get(DataSource), built.caseId);
    say(`mail: ${written.sent} message(s) of the case written as .eml files in ${mailDir}${written.held ? ` (${written.held} supplier-facing held for the gatekeeper's approval)` : ''}`);
    say(path);
  } finally {
    await app.close();
    await db.embedded?.stop();
  }
}

/** Waits (up to 30 s) until the worker has written every queued message of the case; counts them. */
async function deliveredMessages(dataSource: DataSource, caseId: string): Promise<{ sent: number; held: number }> {
  const started = Date.now();
  for (;;) {
    const [row] = (await dataSource.query(
      `SELECT count(*) FILTER (WHERE status IN ('queued', 'sending', 'failed'))::int AS waiting,
              count(*) FILTER (WHERE status = 'sent')::int AS sent,
              count(*) FILTER (WHERE status = 'pending_approval')::int AS held
         FROM messages WHERE case_id = $1`,
      [caseId],
    )) as Array<{ waiting: number; sent: number; held: number }>;
    if (row.waiting === 0 || Date.now() - started > 30_000) return row;
    await new Promise((r) => setTimeout(r, 200));
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message || String(err) : String(err));
  process.exit(1);
});
