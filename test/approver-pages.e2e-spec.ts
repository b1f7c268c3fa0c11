import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { createUser } from './factories';
import { caseInApproval, caseInDecision, proposeTopRanked } from './factories/whole-case';
import { freePort, launchBrowser, seriousViolations } from './setup/browser';
import { eventually, SmtpSink } from './setup/smtp-sink';
import { startTestApp, type TestApp, type TestUser } from './setup/test-app';

/**
 * The approver pages in real headless Chromium: the e-mail on a test SMTP server, its link opened,
 * the winner and amount read off the page, the form's POST signing; what a mail scanner's GET does
 * (nothing), refused links and why, a rejection sending the case back, and axe-core's verdict.
 * One browser for the file; each approver gets their own browser context (their own cookies).
 * SCREENSHOTS=docs writes the README's screenshots.
 */
let t: TestApp;
let sink: SmtpSink;
let browser: Browser;
let base: string;

beforeAll(async () => {
  sink = await new SmtpSink().start();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  t = await startTestApp({ messaging: { worker: true, smtpUrl: sink.url, publicUrl: base } });
  await t.app.listen(port, '127.0.0.1');
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  // the contexts close with the browser (one process: --single-process)
  await browser?.close().catch(() => undefined);
  await t.close();
  await sink.stop();
});

async function asBrowser(lang = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ locale: lang, viewport: { width: 420, height: 900 } });
  return context.newPage();
}

/** The sign-in link of the newest "awaits your signature" mail to this person. */
async function linkFor(who: TestUser): Promise<string> {
  const mine = () => sink.received.filter((r) => r.to.includes(who.email) && /awaits your signature/.test(r.parsed.subject ?? ''));
  await eventually(() => mine().length > 0, 30_000, `the signature request to ${who.email}`);
  const text = mine()[mine().length - 1].parsed.text ?? '';
  const link = /(http:\/\/\S+\/approve\/link\/apl_[A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!link) throw new Error(`no link in: ${text}`);
  return link;
}

const stage = async (caseId: string) => (await t.http.get(`/api/v1/cases/${caseId}`).set(t.admin.auth).expect(200)).body.stage;
const signatures = async (caseId: string) => (await t.db.query(`SELECT count(*)::int AS n FROM approvals WHERE case_id = $1`, [caseId]))[0].n;

async function shoot(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  mkdirSync(process.env.SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(process.env.SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function approve(page: Page) {
  await page.getByRole('radio', { name: /^(Approve|Aprobar)$/ }).check();
  await page.getByRole('button', { name: /Sign|Firmar/ }).click();
  await page.waitForLoadState();
}

describe('an approver signs from the e-mail', () => {
  it('a scanner’s GET signs nothing; the approver reads the winner and amount, approves; the last signature awards; used and foreign links are refused', async () => {
    // 20,000 EUR: two approvals, asked in turn: Abel (approver2), then Alma (approver)
    const w = await caseInApproval(t, { prices: ['20000.00', '21000.00', '22000.00'] });
    const { approver, approver2 } = w.people;
    const winner = w.suppliers.find((s) => s.id === w.winner)!.name;
    const first = await linkFor(approver2);

    // a mail scanner follows every link with a plain HTTP client: it sees a page, nothing is signed
    const scanned = await fetch(first, { redirect: 'manual' });
    expect(scanned.status).toBe(200);
    expect(await scanned.text()).toContain(winner);
    expect(await signatures(w.caseId)).toBe(0);

    const abel = await asBrowser();
    const opened = await abel.goto(first);
    expect(opened?.status()).toBe(200);
    await expect(abel.locator('h2').first().textContent()).resolves.toContain(winner);
    expect(await abel.locator('main').innerText()).toContain('20,000.00 EUR');
    expect(await signatures(w.caseId)).toBe(0);
    expect(await seriousViolations(abel)).toEqual([]);
    await shoot(abel, 'approve-decision-en');
    await approve(abel);
    expect(await abel.locator('[role=status]').innerText()).toMatch(/recorded: Approved/);
    expect(await stage(w.caseId)).toBe('APPROVAL');

    // the used link is refused, and says why
    const again = await abel.goto(first);
    expect(again?.status()).toBe(410);
    expect(await abel.locator('[role=alert]').innerText()).toContain('already used');

    // Alma's link opened in Abel's browser: sent to someone else
    const second = await linkFor(approver);
    const foreign = await abel.goto(second);
    expect(foreign?.status()).toBe(403);
    expect(await abel.locator('[role=alert]').innerText()).toContain('someone else');

    // Abel's inbox: nothing awaits, one signed
    await abel.goto(`${base}/approve`);
    expect(await abel.locator('#awaiting + *').innerText()).toContain('Nothing awaits');
    expect(await abel.locator('main').innerText()).toContain(w.reference);

    const alma = await asBrowser();
    await alma.goto(second);
    await approve(alma);
    expect(await alma.locator('[role=status]').innerText()).toMatch(/Awarded/);
    expect(await stage(w.caseId)).toBe('AWARDED');
    // her link, and the case, are done
    expect((await fetch(second)).status).toBe(410);
  });

  it('the inbox shows what waits and for how long, in English and Spanish; axe finds nothing serious', async () => {
    const w = await caseInApproval(t, { prices: ['4000.00', '5000.00', '6000.00'] });
    const link = await linkFor(w.people.approver2);
    const page = await asBrowser();
    await page.goto(link);
    await page.goto(`${base}/approve`);
    const inbox = await page.locator('main').innerText();
    expect(inbox).toContain(w.reference);
    expect(inbox).toMatch(/0 h/);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'approve-inbox-en');
    await page.getByRole('link', { name: 'Español' }).click();
    expect(await page.locator('h1').innerText()).toBe('Decisiones por firmar');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'approve-inbox-es');
    await page.getByRole('link', { name: new RegExp(w.reference) }).click();
    expect(await page.locator('main').innerText()).toContain('4.000,00 EUR');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'approve-decision-es');
    // the language is kept
    await page.goto(`${base}/approve`);
    expect(await page.locator('h1').innerText()).toBe('Decisiones por firmar');
  });

  it('a rejection with a comment sends the case back where the approver chose', async () => {
    const w = await caseInApproval(t, { prices: ['4100.00', '5000.00', '6000.00'] });
    const link = await linkFor(w.people.approver2);
    const page = await asBrowser();
    await page.goto(link);
    await page.getByRole('radio', { name: 'Reject' }).check();
    await page.getByLabel('Comment').fill('The warranty terms are not acceptable.');
    await page.getByLabel(/goes back to/).selectOption('NEGOTIATION');
    await page.getByRole('button', { name: 'Sign' }).click();
    expect(await page.locator('[role=status]').innerText()).toMatch(/Rejected.*Negotiation/);
    expect(await stage(w.caseId)).toBe('NEGOTIATION');
    const approvals = (await t.http.get(`/api/v1/cases/${w.caseId}/approvals`).set(t.admin.auth).expect(200)).body.approvals;
    expect(approvals[0]).toMatchObject({ verdict: 'reject', comment: 'The warranty terms are not acceptable.', returnTo: 'NEGOTIATION' });
  });

  it('a delegate signs on behalf of the absent approver; a delegate who is the case’s buyer is refused, and the page says why', async () => {
    const DAY = 24 * 3600 * 1000;
    const period = { from: new Date(Date.now() - DAY).toISOString(), until: new Date(Date.now() + 5 * DAY).toISOString() };
    const name = async (who: TestUser) => t.http.patch(`/api/v1/users/${who.id}`).set(t.admin.auth).send({ orgRoles: ['procurement', 'approver'] }).expect(200);
    const inApproval = async (delegate: TestUser) => {
      const w = await caseInDecision(t, { prices: ['4400.00', '5000.00', '6000.00'] });
      await t.http.post(`/api/v1/users/${w.people.approver2.id}/delegations`).set(t.admin.auth).send({ delegateId: delegate.id, ...period }).expect(201);
      await proposeTopRanked(t, w);
      await t.http.post(`/api/v1/cases/${w.caseId}/transitions`).set(w.people.decider.auth).send({ to: 'APPROVAL' }).expect(200);
      await t.http.post(`/api/v1/cases/${w.caseId}/declarations`).set(delegate.auth).send({ conflict: false }).expect(201);
      return w;
    };
    const dora = await createUser(t, { name: `Dora Delegate ${Date.now()}`, orgRoles: ['approver'] });
    const w = await inApproval(dora);
    const page = await asBrowser();
    await page.goto(await linkFor(dora));
    expect(await page.locator('form').innerText()).toContain(`on behalf of ${w.people.approver2.name}`);
    await approve(page);
    expect(await stage(w.caseId)).toBe('AWARDED');
    const [row] = await t.db.query(`SELECT approver_id, signed_by FROM approvals WHERE case_id = $1`, [w.caseId]);
    expect(row).toEqual({ approver_id: w.people.approver2.id, signed_by: dora.id });
    // the report's sign-off names both
    await page.goto(`${base}/approve/cases/${w.caseId}`);
    expect(await page.locator('main').innerText()).toContain(`${dora.name} on behalf of ${w.people.approver2.name}`);

    const other = await caseInDecision(t, { prices: ['4500.00', '5000.00', '6000.00'] });
    const buyer = other.people.buyer;
    await name(buyer);
    await t.http.post(`/api/v1/users/${other.people.approver2.id}/delegations`).set(t.admin.auth).send({ delegateId: buyer.id, ...period }).expect(201);
    await proposeTopRanked(t, other);
    await t.http.post(`/api/v1/cases/${other.caseId}/transitions`).set(other.people.decider.auth).send({ to: 'APPROVAL' }).expect(200);
    await t.http.post(`/api/v1/cases/${other.caseId}/declarations`).set(buyer.auth).send({ conflict: false }).expect(201);
    const buyerPage = await asBrowser();
    await buyerPage.goto(await linkFor(buyer));
    await buyerPage.getByRole('radio', { name: 'Approve' }).check();
    const [answer] = await Promise.all([buyerPage.waitForResponse((r) => r.request().method() === 'POST'), buyerPage.getByRole('button', { name: 'Sign' }).click()]);
    expect(answer.status()).toBe(403);
    expect(await buyerPage.locator('[role=alert]').innerText()).toContain('as a delegate: you are a buyer of this case');
    expect(await signatures(other.caseId)).toBe(0);
  });

  it('a delegate who has not declared is asked to first; a bad declaration is refused by field, a good one brings the sign form', async () => {
    const DAY = 24 * 3600 * 1000;
    const w = await caseInDecision(t, { prices: ['4100.00', '5000.00', '6000.00'] });
    const dee = await createUser(t, { name: `Dee Delegate ${Date.now()}`, orgRoles: ['approver'] });
    await t.http
      .post(`/api/v1/users/${w.people.approver2.id}/delegations`)
      .set(t.admin.auth)
      .send({ delegateId: dee.id, from: new Date(Date.now() - DAY).toISOString(), until: new Date(Date.now() + 5 * DAY).toISOString() })
      .expect(201);
    await proposeTopRanked(t, w);
    await t.http.post(`/api/v1/cases/${w.caseId}/transitions`).set(w.people.decider.auth).send({ to: 'APPROVAL' }).expect(200);
    const page = await asBrowser();
    await page.goto(await linkFor(dee));
    expect(await page.getByRole('heading', { name: 'Declare your conflicts of interest' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    // a conflict without its supplier and what it is: refused, naming both fields; nothing recorded
    await page.getByRole('radio', { name: /I have a conflict/ }).check();
    const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Declare' }).click()]);
    expect(refused.status()).toBe(400);
    const alert = await page.locator('main').innerText();
    expect(alert).toContain('supplierId');
    expect(alert).toContain('text');
    const declared = async () => (await t.db.query('SELECT count(*)::int AS n FROM conflict_declarations WHERE case_id = $1 AND user_id = $2', [w.caseId, dee.id]))[0].n;
    expect(await declared()).toBe(0);
    await page.goto(`${base}/approve/cases/${w.caseId}`);
    await page.getByRole('radio', { name: /no conflict of interest/ }).check();
    await page.getByRole('button', { name: 'Declare' }).click();
    await page.waitForLoadState();
    expect(await page.locator('[role=status]').innerText()).toContain('Your declaration is recorded.');
    expect(await declared()).toBe(1);
    expect(await page.locator('form').innerText()).toContain(`on behalf of ${w.people.approver2.name}`);
    await approve(page);
    const [row] = await t.db.query('SELECT approver_id, signed_by FROM approvals WHERE case_id = $1', [w.caseId]);
    expect(row).toEqual({ approver_id: w.people.approver2.id, signed_by: dee.id });
  });

  it('a link whose decision changed, and one past its time, open a page that says so and sign nothing', async () => {
    const w = await caseInApproval(t, { prices: ['4300.00', '5000.00', '6000.00'] });
    const link = await linkFor(w.people.approver2);
    // the decision changes under the link: an incident moves the proposed supplier's reliability
    await t.http
      .post(`/api/v1/suppliers/${w.suppliers[0].id}/performance`)
      .set(t.admin.auth)
      .send({ type: 'incident', date: new Date().toISOString().slice(0, 10), severity: 'critical', description: 'Recall of the offered model' })
      .expect(201);
    const page = await asBrowser();
    const stale = await page.goto(link);
    expect(stale?.status()).toBe(410);
    expect(await page.locator('[role=alert]').innerText()).toContain('The decision changed after this link was sent');
    expect(await page.locator('form').count()).toBe(0);

    const other = await caseInApproval(t, { prices: ['4350.00', '5000.00', '6000.00'] });
    const late = await linkFor(other.people.approver2);
    await t.db.query(`UPDATE approval_links SET expires_at = now() - interval '1 minute' WHERE case_id = $1`, [other.caseId]);
    const expired = await (await asBrowser()).goto(late);
    expect(expired?.status()).toBe(410);
    expect(await expired!.text()).toContain('This link has expired');
    expect(await signatures(w.caseId)).toBe(0);
    expect(await signatures(other.caseId)).toBe(0);
  });

  it('refuses what a page must refuse, with a page that says so: no CSRF token, unknown fields, an unknown link, no session', async () => {
    const w = await caseInApproval(t, { prices: ['4200.00', '5000.00', '6000.00'] });
    const link = await linkFor(w.people.approver2);
    const page = await asBrowser();
    await page.goto(link);
    const post = (form: Record<string, string>) => page.request.post(`${base}/approve/cases/${w.caseId}`, { form, maxRedirects: 0, headers: { Accept: 'text/html' } });
    const noCsrf = await post({ verdict: 'approve', csrf: 'x'.repeat(64) });
    expect(noCsrf.status()).toBe(403);
    expect(noCsrf.headers()['content-type']).toMatch(/^text\/html/);
    expect(await noCsrf.text()).toContain('out of date');
    const csrf = await page.locator('input[name=csrf]').getAttribute('value');
    const extra = await post({ verdict: 'approve', csrf: csrf!, approveAll: 'yes' });
    expect(extra.status()).toBe(400);
    expect(await extra.text()).toContain('approveAll');
    expect(await signatures(w.caseId)).toBe(0);
    const unknown = await fetch(`${base}/approve/link/apl_nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('not one we sent');
    const anonymous = await fetch(`${base}/approve`, { headers: { Accept: 'text/html' } });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('Open the link in your e-mail');
    // a program asking for no HTML gets the API's problem+json
    const program = await fetch(`${base}/approve`);
    expect({ status: program.status, type: program.headers.get('content-type') }).toEqual({ status: 401, type: expect.stringMatching(/^application\/problem\+json/) });
    // an API token still reads the pages; the API still refuses the cookie
    expect((await fetch(`${base}/approve/cases/${w.caseId}`, { headers: { Authorization: `Bearer ${w.people.approver2.token}` } })).status).toBe(200);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'approver_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/approve' });
    expect((await fetch(`${base}/api/v1/approvals/pending`, { headers: { Cookie: `approver_session=${cookie.value}` } })).status).toBe(401);
  });
});
