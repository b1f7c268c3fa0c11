import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createApp } from './app.factory';
import { loadConfig } from './config/config';
import { resolveDatabase } from './database/database-url';
import { UsersService } from './modules/users/users.service';

/**
 * `npm run demo`: a realistic strategic purchase, end to end through the REST API, against the
 * configured database (embedded by default). It prints each step and, on its last line, the path
 * of the decision report it wrote.
 */
type Json = Record<string, unknown> & { id?: string };

class Api {
  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  async call<T = Json>(method: string, path: string, body?: unknown, expect = [200, 201, 204]): Promise<T> {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!expect.includes(res.status)) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  async pdf(path: string): Promise<{ pdf: Buffer; sha256: string | null }> {
    const res = await fetch(`${this.base}/api/v1${path}`, { headers: { Authorization: `Bearer ${this.token}` } });
    if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}: ${await res.text()}`);
    return { pdf: Buffer.from(await res.arrayBuffer()), sha256: res.headers.get('x-report-sha256') };
  }
}

const say = (line: string) => console.log(line);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await resolveDatabase(config);
  const app: INestApplication = await createApp({ databaseUrl: db.url, logLevel: 'warn' });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const run = Date.now().toString(36);
  try {
    const users = app.get(UsersService);
    const person = async (name: string, options: { admin?: boolean; executive?: boolean } = {}) => {
      const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${run}@demo.example`;
      const { user, token } = await users.createWithToken({ name, email, orgRole: options.admin ? 'admin' : 'member', executive: options.executive });
      return { id: user.id, name, api: new Api(base, token.token) };
    };
    const admin = await person('Ada Admin', { admin: true });
    const initiator = await person('Ines Ortega (plant manager)');
    const prescriber = await person('Pedro Salas (maintenance engineer)');
    const buyer = await person('Beatriz Núñez (category buyer)');
    const evaluator1 = await person('Elena Ruiz (quality)');
    const evaluator2 = await person('Erik Lund (operations)');
    const gatekeeper = await person('Gonzalo Prieto (procurement lead)');
    const decider = await person('Diana Morales (head of operations)');
    const approver1 = await person('Alberto Gil (finance controller)');
    const approver2 = await person('Amaia Etxeberria (plant director)');
    const cfo = await person('Carmen Vidal (CFO)', { executive: true });
    say(`users: ${[initiator, prescriber, buyer, evaluator1, evaluator2, gatekeeper, decider, approver1, approver2, cfo].length} people in the buying center`);

    // suppliers with a performance history
    const category = `compressors-${run}`;
    const supplierSpecs = [
      { legalName: 'Kompressorenwerk Nord GmbH', country: 'DE', onTime: 0.97, incidents: 0, iso: true, risk: 0.1 },
      { legalName: 'Compresores Ibéricos S.A.', country: 'ES', onTime: 0.85, incidents: 2, iso: true, risk: 0.25 },
      { legalName: 'Atlantic Air Systems Ltd', country: 'GB', onTime: 0.92, incidents: 1, iso: true, risk: 0.15 },
      { legalName: 'Budget Pneumatics Inc.', country: 'US', onTime: 0.7, incidents: 4, iso: false, risk: 0.4 },
    ];
    const suppliers: Array<{ id: string; legalName: string }> = [];
    for (const [i, s] of supplierSpecs.entries()) {
      const created = await admin.api.call('POST', '/suppliers', {
        legalName: s.legalName,
        taxId: `${s.country}${run.toUpperCase()}${i}`,
        country: s.country,
        categories: [category],
        contacts: [{ name: 'Sales desk', email: `sales${i}.${run}@supplier.example` }],
        certifications: s.iso ? [{ name: 'ISO 9001', issuedOn: daysAgo(700), expiresOn: daysAgo(-400) }] : [],
        financialRisk: s.risk,
      });
      suppliers.push({ id: created.id!, legalName: s.legalName });
      for (let d = 0; d < 24; d++) {
        await admin.api.call('POST', `/suppliers/${created.id}/performance`, {
          type: 'delivery',
          date: daysAgo(20 + d * 30),
          onTime: d / 24 < s.onTime,
          inFull: true,
        });
      }
      for (let k = 0; k < s.incidents; k++) {
        await admin.api.call('POST', `/suppliers/${created.id}/performance`, {
          type: 'incident',
          date: daysAgo(60 + k * 90),
          severity: k % 2 ? 'major' : 'minor',
          description: 'Pressure valve out of tolerance at goods receipt',
        });
      }
    }
    say(`suppliers: ${suppliers.map((s) => s.legalName).join('; ')} (each with two years of deliveries)`);

    // NEED
    const c = await initiator.api.call('POST', '/cases', {
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
    });
    const caseId = c.id!;
    const on = (path: string) => `/cases/${caseId}${path}`;
    say(`case ${String(c.reference)}: ${String(c.title)} (${String(c.kraljicCategory)}, ${String(c.purchaseType)})`);
    for (const [who, roles] of [
      [prescriber, ['prescriber']],
      [buyer, ['buyer']],
      [evaluator1, ['evaluator']],
      [evaluator2, ['evaluator']],
      [gatekeeper, ['gatekeeper']],
      [decider, ['decider']],
      [approver1, ['approver']],
      [approver2, ['approver']],
      [cfo, ['approver']],
    ] as const) {
      await initiator.api.call('POST', on('/members'), { userId: who.id, roles });
    }
    await initiator.api.call('POST', on('/transitions'), { to: 'SPECIFICATION' });

    // SPECIFICATION
    const spec = await prescriber.api.call<{ requirements: Array<{ id: string; type: string }>; criteria: Array<{ id: string; source: string; name: string }> }>(
      'PUT',
      on('/specification'),
      {
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
      },
    );
    const weights = await prescriber.api.call<{ rule: string }>('GET', on('/weights'));
    say(`specification: ${spec.requirements.length} requirements, ${spec.criteria.length} criteria; ${weights.rule}`);
    await prescriber.api.call('POST', on('/transitions'), { to: 'SHORTLISTING' });

    // SHORTLISTING
    for (const s of suppliers) await buyer.api.call('POST', on('/shortlist'), { supplierId: s.id });
    await gatekeeper.api.call('POST', on('/shortlist/approval'), {});
    await buyer.api.call('POST', on('/transitions'), { to: 'NEGOTIATION' });
    say(`shortlist: ${suppliers.length} suppliers, approved by the gatekeeper`);

    // NEGOTIATION: two rounds, one offer in USD, one submitted by the supplier through its invitation
    await buyer.api.call('PUT', on('/exchange-rates'), { rates: [{ currency: 'USD', rate: '0.9215' }] });
    const offer = (requirements: Array<{ id: string; type: string }>, price: string, currency: string, leadTimeDays: number, warrantyMonths: number) => ({
      totalPrice: price,
      currency,
      leadTimeDays,
      warrantyMonths,
      paymentDays: 60,
      validUntil: daysAgo(-120),
      compliance: requirements.map((r) => ({ requirementId: r.id, met: true })),
      values: [],
    });
    const prices = [
      ['162000.00', 'EUR', 90, 36],
      ['149500.00', 'EUR', 110, 24],
      ['155800.00', 'EUR', 100, 30],
      ['158000.00', 'USD', 75, 12],
    ] as const;
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    await buyer.api.call('POST', on('/rounds'), { deadline });
    const invitations = await buyer.api.call<Array<{ supplierId: string; token: string }> | { items: Array<{ supplierId: string; token: string }> }>(
      'POST',
      on('/rounds/1/invitations'),
      {},
    );
    const tokens = Array.isArray(invitations) ? invitations : invitations.items;
    for (const [i, s] of suppliers.entries()) {
      const [price, currency, lead, warranty] = prices[i];
      const body = offer(spec.requirements, price, currency, lead, warranty);
      if (i === 0) {
        const token = tokens.find((t) => t.supplierId === s.id)!.token;
        await new Api(base, token).call('POST', '/supplier-portal/offers', body);
      } else {
        await buyer.api.call('POST', on('/rounds/1/offers'), { supplierId: s.id, ...body });
      }
    }
    await buyer.api.call('POST', on('/rounds/1/close'), {});
    await buyer.api.call('POST', on('/rounds/1/eliminations'), { supplierId: suppliers[3].id, reason: 'No ISO 9001 certification and the longest warranty gap' });
    say('round 1: 4 offers (one through the supplier portal, one in USD), closed; Budget Pneumatics eliminated');
    await buyer.api.call('POST', on('/rounds'), { deadline, bestAndFinal: true });
    const final = [
      ['154900.00', 'EUR', 85, 36],
      ['146000.00', 'EUR', 105, 24],
      ['149900.00', 'EUR', 95, 36],
    ] as const;
    for (const [i, s] of suppliers.slice(0, 3).entries()) {
      const [price, currency, lead, warranty] = final[i];
      await buyer.api.call('POST', on('/rounds/2/offers'), { supplierId: s.id, ...offer(spec.requirements, price, currency, lead, warranty) });
    }
    await buyer.api.call('POST', on('/rounds/2/close'), {});
    say('round 2 (best and final): 3 offers, closed');
    await buyer.api.call('POST', on('/transitions'), { to: 'DECISION' });

    // DECISION
    const qualitative = spec.criteria.filter((k) => k.source === 'evaluator');
    const marks: Record<string, [number, number]> = {
      [suppliers[0].id]: [9, 8.5],
      [suppliers[1].id]: [7, 6.5],
      [suppliers[2].id]: [8, 8],
    };
    for (const [n, evaluator] of [evaluator1, evaluator2].entries()) {
      const scores = suppliers.slice(0, 3).flatMap((s) =>
        qualitative.map((k, j) => ({ supplierId: s.id, criterionId: k.id, score: marks[s.id][j] - n * 0.5 })),
      );
      await evaluator.api.call('PUT', on('/scores'), { scores });
    }
    const matrix = await decider.api.call<{ ranking: Array<{ supplierId: string; rank: number; total: number }> }>('GET', on('/matrix'));
    const sens = await decider.api.call<{ sensitive: boolean; mostCritical: string | null }>('GET', on('/sensitivity'));
    const name = (id: string) => suppliers.find((s) => s.id === id)?.legalName ?? id;
    for (const r of matrix.ranking) say(`  rank ${r.rank}: ${name(r.supplierId)} ${r.total.toFixed(2)}`);
    const criterionName = (id: string | null) => spec.criteria.find((k) => k.id === id)?.name ?? (id ? 'Supplier reliability' : 'none');
    say(`sensitivity: ${sens.sensitive ? 'sensitive' : 'robust'}; most critical criterion: ${criterionName(sens.mostCritical)}`);
    const winner = matrix.ranking[0].supplierId;
    await decider.api.call('POST', on('/decision'), {
      supplierId: winner,
      justification: 'Top of the weighted matrix: strongest delivery record and technical marks, within budget after the best-and-final round.',
    });
    await decider.api.call('POST', on('/transitions'), { to: 'APPROVAL' });

    // APPROVAL: the amount needs two approvers plus an executive
    for (const approver of [approver1, approver2, cfo]) {
      await approver.api.call('POST', on('/approvals'), { verdict: 'approve', comment: 'Approved.' });
    }
    const awarded = await admin.api.call<{ stage: string; awardedAmount: string }>('GET', on(''));
    const verify = await admin.api.call<{ valid: boolean; length: number }>('GET', on('/audit/verify'));
    say(`approval: ${awarded.stage} to ${name(winner)} for EUR ${awarded.awardedAmount}; audit chain ${verify.valid ? 'valid' : 'BROKEN'} (${verify.length} events)`);

    const report = await admin.api.pdf(on('/report.pdf?lang=en'));
    const reportEs = await admin.api.pdf(on('/report.pdf?lang=es'));
    const dir = resolve('reports-out');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${String(c.reference)}-en.pdf`);
    writeFileSync(path, report.pdf);
    writeFileSync(join(dir, `${String(c.reference)}-es.pdf`), reportEs.pdf);
    say(`report: SHA-256 ${String(report.sha256)} (Spanish version beside it)`);
    say(path);
  } finally {
    await app.close();
    await db.embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message || String(err) : String(err));
  process.exit(1);
});
