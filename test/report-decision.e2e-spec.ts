import { createHash } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import { defaultSuppliers } from '../src/tools/case-builder';
import type { BuiltCase } from '../src/tools/case-builder';
import { buyingCenter, type BuyingCenter } from './factories';
import { startTestApp, type TestApp, type TestUser } from './setup/test-app';

/** The PDF's pages as text, white space folded so wrapped lines read whole. */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).pages.map((p) => p.text.replace(/\s+/g, ' '));
  } finally {
    await parser.destroy();
  }
}

/** Stored values a reader must never see raw. */
const RAW_VALUES = /\b(max_lead_time_days|min_warranty_months|yes_no|new_task|modified_rebuy|straight_rebuy|lower_is_better|higher_is_better|offer\.price|offer\.warrantyMonths|offer\.leadTimeDays)\b/;

const ROUND_1_REASON = 'Could not confirm the 60-day delivery in writing';

/**
 * A strategic purchase with a budget of 250,000 EUR: four compressor makers, one quoting in USD
 * (rate 0.92, set by the buyer). The cheapest in round 1 (Dorado, 205,000) is eliminated after it
 * with a reason; round 2 is best and final, Atlas's offer comes through the supplier portal with a
 * 36-month warranty. Amounts from 100,000 need three approvals, one an executive (default policy).
 */
function realisticCase(t: TestApp) {
  const suppliers = [...defaultSuppliers(), { ...defaultSuppliers()[0], key: 'dorado', legalName: `Dorado Compresores SL ${Date.now() % 100000}` }];
  return t
    .builder()
    .withCase({ estimatedBudget: '250000.00', title: 'Two oil-free screw compressors for plant 2' })
    .withSuppliers(suppliers)
    .withExchangeRates({ USD: '0.92' })
    .withRounds([
      {
        offers: [
          { supplier: 'atlas', totalPrice: '262000.00', via: 'portal', warrantyMonths: 24, leadTimeDays: 40 },
          { supplier: 'boreal', totalPrice: '270000.00', currency: 'USD', leadTimeDays: 50 },
          { supplier: 'cumulus', totalPrice: '256000.00', leadTimeDays: 45 },
          { supplier: 'dorado', totalPrice: '205000.00', leadTimeDays: 55 },
        ],
        eliminate: [{ supplier: 'dorado', reason: ROUND_1_REASON }],
      },
      {
        bestAndFinal: true,
        offers: [
          { supplier: 'atlas', totalPrice: '249500.00', via: 'portal', warrantyMonths: 36, leadTimeDays: 35 },
          { supplier: 'boreal', totalPrice: '275000.00', currency: 'USD', leadTimeDays: 50 },
          { supplier: 'cumulus', totalPrice: '251000.00', leadTimeDays: 45 },
        ],
      },
    ])
    .withScores(({ evaluatorIndex, supplierIndex }) =>
      evaluatorIndex === 0 && supplierIndex === 0 ? { score: 8, comment: EVALUATOR_COMMENT } : 8 - supplierIndex - evaluatorIndex * 0.5,
    )
    .withApprovals({ by: ['approver2', 'executive'] });
}

const EVALUATOR_COMMENT = 'Site visit: the screw blocks are made in-house, spare parts stocked in Bilbao';

describe('the decision report: page 1 and its honest state', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const report = (caseId: string, who: TestUser, lang: 'en' | 'es') =>
    t.http
      .get(`/api/v1/cases/${caseId}/report.pdf?lang=${lang}`)
      .set(who.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);

  const auditRange = (pages: string[], lang: 'en' | 'es'): { last: string; head: string } => {
    const text = pages.join(' ');
    const range = lang === 'en' ? /Events covered 1 to (\d+)/ : /Eventos cubiertos del 1 al (\d+)/;
    const head = lang === 'en' ? /Head hash ([0-9a-f]{64})/ : /Hash de cabecera ([0-9a-f]{64})/;
    return { last: text.match(range)?.[1] ?? 'none', head: text.match(head)?.[1] ?? 'none' };
  };

  let builder: ReturnType<typeof realisticCase>;
  let built: BuiltCase;
  let people: BuyingCenter;
  let winner: string;

  beforeAll(async () => {
    builder = realisticCase(t);
    built = await builder.build('APPROVAL');
    people = buyingCenter(built);
    await t.http.post(`/api/v1/cases/${built.caseId}/approvals`).set(people.approver.auth).send({ verdict: 'approve', comment: 'Within budget' }).expect(201);
    const matrix = (await t.http.get(`/api/v1/cases/${built.caseId}/matrix`).set(people.buyer.auth).expect(200)).body;
    winner = matrix.ranking[0].supplierName;
  });

  it('before the award: page 1 states the decision, every page says DRAFT with the stage, both languages cover one audit range', async () => {
    const en = await report(built.caseId, people.initiator, 'en');
    const es = await report(built.caseId, people.initiator, 'es');
    expect(en.headers['x-report-stored']).toBe('false');
    expect(en.headers['x-report-sha256']).toBe(createHash('sha256').update(en.body).digest('hex'));
    expect(en.headers['x-report-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(en.headers['x-report-content-sha256']).not.toBe(en.headers['x-report-sha256']);

    const pages = await pagesOf(en.body);
    const page1 = pages[0];
    expect(page1).toContain(`Proposed supplier: ${winner}`);
    expect(page1).toMatch(/Amount 249,500\.00 EUR: within the budget of 250,000\.00 EUR, by 500\.00 EUR/);
    // savings against its first offer (262,000 − 249,500) and against the median first-round offer
    expect(page1).toContain('12,500.00 EUR (4.8%) against its first offer of 262,000.00 EUR');
    // round 1 converted: 205,000; 248,400 (270,000 USD × 0.92); 256,000; 262,000 → median (248,400 + 256,000) / 2
    expect(page1).toContain('against the median first-round offer of 252,200.00 EUR');
    expect(page1).toMatch(/Why it wins .* leads .* by \d+\.\d\d points: first on /);
    expect(page1).toMatch(/Wins in \d+% of 10,000 weightings within ±25% of the agreed weights/);
    expect(page1).toContain('3 approvals required, one of them an executive, by the policy band for 249,500.00 EUR');
    expect(page1).toContain('Alma Approver');
    expect(page1).toMatch(/Still to sign: 2 more, an executive among them; may sign: .*Xavi Executive \(executive\)/);
    expect(page1).toContain('The gatekeeper Gus Gatekeeper approved the shortlist');
    expect(page1).toContain('1 USD = 0.92 EUR');
    // two evaluators, the decider and three approvers, each declared before scoring, proposing or signing
    expect(page1).toContain('All 6 evaluators, deciders and approvers declared: no conflict');
    expect(page1).toContain(en.headers['x-report-content-sha256']);
    expect(page1).toContain('canonical JSON of its view model');
    pages.forEach((page) => expect(page).toContain('DRAFT · stage: Approval'));
    expect(pages.join(' ')).not.toMatch(RAW_VALUES);

    const paginas = await pagesOf(es.body);
    paginas.forEach((page) => expect(page).toContain('BORRADOR · fase: Aprobación'));
    expect(paginas[0]).toContain('Alma Approver');
    expect(paginas.join(' ')).not.toMatch(RAW_VALUES);
    const verify = (await t.http.get(`/api/v1/cases/${built.caseId}/audit/verify`).set(people.buyer.auth).expect(200)).body;
    expect(auditRange(pages, 'en')).toEqual({ last: String(verify.length), head: verify.headHash });
    expect(auditRange(paginas, 'es')).toEqual(auditRange(pages, 'en'));
  });

  it('shows every fact behind the decision: terms per round, the elimination and its reason, the rate, scores and comments, reliability, acceptability', async () => {
    for (const lang of ['en', 'es'] as const) {
      const text = (await pagesOf((await report(built.caseId, people.initiator, lang)).body)).join(' ');
      expect(text).toContain(ROUND_1_REASON);
      expect(text).toContain(EVALUATOR_COMMENT);
      // a requirement by its text, as specified and as each offer answered it
      expect(text).toContain('Spare parts available for 10 years');
      expect(text).not.toMatch(RAW_VALUES);
      if (lang === 'en') {
        expect(text).toMatch(/Eliminated after round 1 Supplier Eliminated at Reason Dorado Compresores SL \d+ \d{4}-\d\d-\d\d \d\d:\d\d UTC Could not confirm/);
        expect(text).toMatch(/Exchange rates used Currency Rate \(EUR per unit\) Set by Set at USD 0\.92 Bea Buyer/);
        // Atlas's round-2 terms: 35 days, 36 months' warranty (24 in round 1), 30 days' payment, through the portal
        expect(text).toMatch(/Atlas Kompressoren GmbH \S+ 35 36 30 2099-12-31 through the portal 1/);
        expect(text).toMatch(/Atlas Kompressoren GmbH \S+ 40 24 30 2099-12-31 through the portal 1/);
        expect(text).toContain('Evaluator scores');
        expect(text).toMatch(/Supplier reliability .*Score OTIF Quality Certifications Financial Deliveries Incidents/);
        expect(text).toMatch(/Rank acceptability .*Rank 1 Rank 2 Rank 3 Confidence/);
        expect(text).toContain('Where the points come from');
      } else {
        expect(text).toContain('Eliminados tras la ronda 1');
        expect(text).toMatch(/USD 0,92 Bea Buyer/);
        expect(text).toContain('por el portal');
        expect(text).toContain('Puntuaciones de los evaluadores');
        expect(text).toContain('Fiabilidad de los proveedores');
      }
    }
  });

  it('after the award: stored, no DRAFT anywhere, both languages name the same range, the listing has both hashes', async () => {
    await builder.build('AWARDED');
    const en = await report(built.caseId, people.buyer, 'en');
    const es = await report(built.caseId, people.buyer, 'es');
    expect(en.headers['x-report-stored']).toBe('true');
    const listed = (await t.http.get(`/api/v1/cases/${built.caseId}/reports`).set(people.buyer.auth).expect(200)).body.items;
    expect(listed.map((r: { lang: string }) => r.lang)).toEqual(['en', 'es']);
    for (const [item, answer] of [
      [listed[0], en],
      [listed[1], es],
    ] as const) {
      expect(item).toEqual({
        lang: item.lang,
        sha256: answer.headers['x-report-sha256'],
        contentSha256: answer.headers['x-report-content-sha256'],
        createdAt: expect.any(String),
      });
      expect(item.sha256).toBe(createHash('sha256').update(answer.body).digest('hex'));
    }

    const pages = await pagesOf(en.body);
    const paginas = await pagesOf(es.body);
    expect(pages[0]).toContain(`Awarded to: ${winner}`);
    expect(paginas[0]).toContain(`Adjudicado a: ${winner}`);
    for (const name of ['Alma Approver', 'Abel Approver', 'Xavi Executive (executive)']) expect(pages[0]).toContain(name);
    expect(pages[0]).toContain('Complete: every required signature is given');
    expect(pages[0]).toContain(listed[0].contentSha256);
    expect(paginas[0]).toContain(listed[1].contentSha256);
    for (const page of [...pages, ...paginas]) expect(page).not.toMatch(/DRAFT|BORRADOR/);

    // both stored languages were rendered before either was recorded: the same range, the same head;
    // the chain then grew by the two report.stored events
    const verify = (await t.http.get(`/api/v1/cases/${built.caseId}/audit/verify`).set(people.buyer.auth).expect(200)).body;
    const range = auditRange(pages, 'en');
    expect(auditRange(paginas, 'es')).toEqual(range);
    expect(Number(range.last)).toBe(verify.length - 2);
  });
});
