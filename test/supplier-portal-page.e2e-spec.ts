import { type Browser } from 'playwright-core';
import { defaultSuppliers } from '../src/tools/case-builder';
import { freePort, launchBrowser, seriousViolations } from './setup/browser';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * The supplier portal page in real headless Chromium, opened from an invitation's link: its
 * question and intent forms send through the portal API with the link's token (the CSP allows no
 * native form submission), and what they send is what the buyer then reads.
 */
let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  t = await startTestApp({ messaging: { publicUrl: base } });
  await t.app.listen(port, '127.0.0.1');
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await t.close();
});

describe('the supplier portal page', () => {
  it('asks a question and declines with a reason through its forms, as the invitation token', async () => {
    const built = await t
      .builder()
      .withSuppliers(defaultSuppliers())
      .withRounds([{ deadline: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(), offers: [{ supplier: 'atlas', via: 'portal' }], close: false }])
      .build('negotiated');
    const boreal = built.supplier('boreal');
    const page = await (await browser.newContext({ viewport: { width: 420, height: 900 } })).newPage();
    await page.goto(`${base}/supplier-portal#token=${built.rounds[0].tokens[boreal.id]}`);
    await page.getByText(`Supplier: ${boreal.name}`).waitFor();

    await page.getByLabel(/Your question/).fill('May the compressors ship in two lots?');
    await page.getByRole('button', { name: 'Send the question' }).click();
    await page.getByText('Your question is sent.').waitFor();
    await page.getByLabel('We decline').check();
    await page.getByLabel('Reason (optional)').fill('No capacity before the summer');
    await page.getByRole('button', { name: 'Send our intent' }).click();
    await page.getByText('Recorded: you decline.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const buyer = built.person('buyer');
    const questions = (await t.http.get(`/api/v1/cases/${built.caseId}/questions`).set(buyer.auth).expect(200)).body;
    expect((questions.items ?? questions).map((q: { supplierId: string; text: string }) => ({ supplierId: q.supplierId, text: q.text }))).toEqual([{ supplierId: boreal.id, text: 'May the compressors ship in two lots?' }]);
    const intents = (await t.http.get(`/api/v1/cases/${built.caseId}/rounds/1/intents`).set(buyer.auth).expect(200)).body;
    expect((intents.items ?? intents).find((i: { supplierId: string }) => i.supplierId === boreal.id)).toMatchObject({ intent: 'decline', reason: 'No capacity before the summer' });
  });

  it('without a token it says so and shows no forms', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/supplier-portal`);
    await page.getByText('This link carries no invitation token.').waitFor();
    expect(await page.locator('#dialogue').isHidden()).toBe(true);
  });
});
