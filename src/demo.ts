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
import { CaseBuilder, fetchTransport } from './tools/case-builder';
import { DEMO_PEOPLE, demoCase } from './tools/demo-case';

/**
 * `npm run demo`: a realistic strategic purchase, end to end through the REST API (the case
 * builder over fetch), against the configured database (embedded by default). It prints each step
 * and, on its last line, the path of the decision report it wrote (its OCDS release package beside
 * it); its messages are written as .eml files in reports-out/mail.
 */
const say = (line: string) => console.log(line);

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
    const builder = demoCase(new CaseBuilder(fetchTransport(base), admin), run);

    const built = await builder.build('people');
    say(`users: ${DEMO_PEOPLE.length} people in the buying center`);
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
    // the OCDS release package after the reports, so its documents list them with their hashes
    const ocdsPath = join(dir, `${built.reference}-ocds.json`);
    writeFileSync(ocdsPath, `${JSON.stringify(await builder.api.get(on('/ocds'), admin), null, 2)}\n`);
    say(`ocds: release package in ${ocdsPath}`);
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
