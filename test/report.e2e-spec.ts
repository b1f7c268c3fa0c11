import { createHash } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import { Decimal } from '../src/common/money';
import { CallerCache } from '../src/modules/auth/caller-cache';
import { MatrixService } from '../src/modules/evaluation/matrix.service';
import { gridCase } from './factories/grid-case';
import { caseInApproval, caseInDecision } from './factories/whole-case';
import { statementsOf } from './setup/query-counter';
import { startTestApp, type TestApp, type TestUser } from './setup/test-app';

/** The PDF's text with white space folded, so wrapped names still read whole. */
async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

/** Stored values a reader must never see raw (the report once printed requirement types this way). */
const RAW_VALUES = /max_lead_time_days|min_warranty_months|yes_no|new_task|modified_rebuy|straight_rebuy|lower_is_better|higher_is_better|offer\.price/;

// the report rounds half to even, as every amount in the service does
const pct = (x: number) => `${new Decimal(x).times(100).toFixed(2)}%`;

describe('the decision report (PDF)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const report = (caseId: string, who: TestUser, lang?: string) =>
    t.http
      .get(`/api/v1/cases/${caseId}/report.pdf${lang ? `?lang=${lang}` : ''}`)
      .set(who.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('documents a strategic case: title, every supplier, the winner, base and effective weights, approvals — in English and Spanish', async () => {
    const w = await caseInApproval(t, { title: 'Válvulas de control para el circuito de refrigeración', profitImpact: 4, supplyRisk: 5, prices: ['20000.00', '21000.00', '23000.00'] });
    for (const approver of [w.people.approver, w.people.approver2]) {
      await t.http.post(`/api/v1/cases/${w.caseId}/approvals`).set(approver.auth).send({ verdict: 'approve', comment: 'OK' }).expect(201);
    }
    const weights = (await t.http.get(`/api/v1/cases/${w.caseId}/weights`).set(w.people.buyer.auth).expect(200)).body;
    expect(weights.strategic).toBe(true);
    const winnerName = w.suppliers.find((s) => s.id === w.winner)!.name;

    const en = await report(w.caseId, w.people.initiator, 'en').expect(200);
    expect(en.headers['content-type']).toBe('application/pdf');
    expect(en.headers['x-report-sha256']).toBe(createHash('sha256').update(en.body).digest('hex'));
    const text = await pdfText(en.body);
    expect(text).toContain('Válvulas de control para el circuito de refrigeración');
    expect(text).toContain(w.reference);
    for (const s of w.suppliers) expect(text).toContain(s.name);
    // the winner: ranked first in the matrix and named as the proposed supplier
    expect(text).toContain(`Ranking Rank Supplier Total (0-100) Tie 1 ${winnerName}`);
    expect(text).toContain(`Proposed supplier ${winnerName}`);
    for (const item of weights.items as Array<{ name: string; base: number; effective: number }>) {
      expect(text).toContain(item.name);
      expect(text).toContain(pct(item.base));
      expect(text).toContain(pct(item.effective));
    }
    expect(text).toContain('Supplier reliability');
    for (const approver of [w.people.approver, w.people.approver2]) expect(text).toContain(approver.name);
    expect(text).toMatch(/Page 1 of \d+/);
    // the requirement's type is named in words, never printed as the stored value
    expect(text).toContain('Delivery within 60 days Maximum lead time (days) 60');
    expect(text).not.toMatch(RAW_VALUES);

    const es = await report(w.caseId, w.people.initiator, 'es').expect(200);
    const texto = await pdfText(es.body);
    expect(texto).toContain('Especificación');
    expect(texto).toMatch(/Informe de decisión/);
    expect(texto).toMatch(/Página 1 de \d+/);
    expect(texto).toContain('Delivery within 60 days Plazo de entrega máximo (días) 60');
    expect(texto).not.toMatch(RAW_VALUES);
    for (const s of w.suppliers) expect(texto).toContain(s.name);
    for (const approver of [w.people.approver, w.people.approver2]) expect(texto).toContain(approver.name);
  });

  it('an AWARDED case serves its stored report: the same bytes every time, its hash in the API', async () => {
    const w = await caseInApproval(t, { prices: ['4000.00', '4500.00', '4800.00'] });
    await t.http.post(`/api/v1/cases/${w.caseId}/approvals`).set(w.people.approver.auth).send({ verdict: 'approve' }).expect(201);
    const first = await report(w.caseId, w.people.buyer).expect(200);
    const second = await report(w.caseId, w.people.decider).expect(200);
    expect(Buffer.compare(first.body, second.body)).toBe(0);
    expect(first.headers['x-report-stored']).toBe('true');
    const stored = await t.http.get(`/api/v1/cases/${w.caseId}/reports`).set(w.people.buyer.auth).expect(200);
    expect(stored.body.items.map((r: { lang: string }) => r.lang)).toEqual(['en', 'es']);
    expect(stored.body.items[0].sha256).toBe(first.headers['x-report-sha256']);
    const audit = await t.http.get(`/api/v1/cases/${w.caseId}/audit?limit=500`).set(w.people.buyer.auth).expect(200);
    const events = audit.body.items.filter((e: { action: string }) => e.action === 'report.stored');
    expect(events.map((e: { data: { sha256: string } }) => e.data.sha256)).toContain(first.headers['x-report-sha256']);
  });

  it('builds the decision matrix once per report, for the matrix, the proposal\'s staleness and the approval state alike', async () => {
    const w = await caseInApproval(t);
    const matrix = t.app.get(MatrixService);
    const build = matrix.build;
    let builds = 0;
    matrix.build = (...args) => {
      builds += 1;
      return build.apply(matrix, args);
    };
    try {
      const pdf = await report(w.caseId, w.people.approver).expect(200);
      expect(pdf.headers['x-report-stored']).toBe('false');
      expect(builds).toBe(1);
    } finally {
      matrix.build = build;
    }
  });

  it('gathers a report in the same statements whatever the case\'s size: nothing read per supplier, criterion or score', async () => {
    const counts: number[] = [];
    for (const [suppliers, criteria] of [
      [8, 8],
      [30, 14],
    ]) {
      const g = await gridCase(t, suppliers, criteria);
      await report(g.caseId, g.decider).expect(200);
      // the guard's one statement counted every time (its answer is kept for up to half a second)
      t.app.get(CallerCache).forget();
      counts.push((await statementsOf(t.db, () => report(g.caseId, g.decider).expect(200))).length);
    }
    expect(counts[1]).toBe(counts[0]);
    // 65 statements when issue 17 was filed (the matrix built three times, the audit chain read whole); 26 now
    expect(counts[0]).toBeLessThanOrEqual(26);
  });

  it('renders the same bytes twice for an unchanged case in DECISION (deterministic)', async () => {
    const w = await caseInDecision(t);
    const a = await report(w.caseId, w.people.decider, 'es').expect(200);
    const b = await report(w.caseId, w.people.decider, 'es').expect(200);
    expect(Buffer.compare(a.body, b.body)).toBe(0);
    expect(a.headers['x-report-stored']).toBe('false');
  });

  it('a case cancelled after its negotiation keeps its report; one cancelled earlier has none to give', async () => {
    const w = await caseInDecision(t);
    await t.http.post(`/api/v1/cases/${w.caseId}/transitions`).set(w.people.buyer.auth).send({ to: 'CANCELLED', reason: 'need withdrawn' }).expect(200);
    const pdf = await report(w.caseId, w.people.initiator).expect(200);
    expect(await pdfText(pdf.body)).toMatch(/Cancelled/);
  });

  it('is there from DECISION on, for members of the case only; the language is validated', async () => {
    const w = await caseInDecision(t);
    await report(w.caseId, w.people.outsider).expect(404);
    const bad = await report(w.caseId, w.people.buyer, 'fr').expect(400);
    expect(JSON.parse(bad.body.toString()).errors[0].field).toBe('lang');
    await report(w.caseId, t.admin).expect(200);

    const early = await t.http.post('/api/v1/cases').set(w.people.initiator.auth).send({
      title: 'Too early',
      businessNeed: 'n',
      quantity: 1,
      unit: 'pcs',
      estimatedBudget: '1',
      currency: 'EUR',
      neededBy: '2027-01-01',
      category: 'x',
      purchaseType: 'new_task',
      profitImpact: 1,
      supplyRisk: 1,
    });
    await report(early.body.id, w.people.initiator).expect(409);
  });
});
