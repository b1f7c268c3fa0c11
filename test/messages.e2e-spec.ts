import { randomUUID } from 'node:crypto';
import { basicHtmlViolations } from '../src/modules/messages/templates/html-rules';
import { type ReceivedMail, eventually, SmtpSink } from './setup/smtp-sink';
import { type Listed, messagesOf as listMessages, sentMail as mailOf } from './setup/case-mail';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * Messages through HTTP with the worker running and a real SMTP server: what the buying center
 * sees of a case's messages, "shortlist awaits approval" to the gatekeeper, the RFQ invitation held
 * for the gatekeeper's approval and then delivered to each supplier contact, and the admin's dead
 * letters and retry. Each mail is read back by mailparser and checked against the basic-HTML rules.
 */
const PUBLIC_URL = 'https://buy.example.com';
let t: TestApp;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await new SmtpSink().start();
  t = await startTestApp({ messaging: { worker: true, smtpUrl: sink.url, publicUrl: PUBLIC_URL, retryLimit: 1 } });
});

afterAll(async () => {
  await t.close();
  await sink.stop();
});

afterEach(() => sink.reset());

const messagesOf = (caseId: string, token: string): Promise<Listed[]> => listMessages(t, caseId, token);
const sentMail = (messageId: string): Promise<ReceivedMail> => mailOf(t, sink, messageId);

const contacts = (key: string) => [
  { name: `${key} Sales`, email: `sales.${key}@supplier.example` },
  { name: `${key} Technical`, email: `tech.${key}@supplier.example` },
];

function threadOf(mail: ReceivedMail): string | undefined {
  const refs = mail.parsed.references;
  return Array.isArray(refs) ? refs[0] : refs;
}

describe('the shortlist awaits approval', () => {
  it('the gatekeeper is told once when the shortlist reaches the minimum; the buying center sees the message, without its content', async () => {
    const b = t.builder().withShortlist({ approve: false });
    const built = await b.build('shortlisted');
    const buyer = built.person('buyer');
    const gatekeeper = built.person('gatekeeper');
    const listed = await messagesOf(built.caseId, buyer.token);
    expect(listed).toEqual([
      { id: expect.any(String), kind: 'shortlist.awaiting_approval', status: expect.stringMatching(/^(queued|sending|sent)$/), recipients: [{ name: gatekeeper.name, email: gatekeeper.email }], createdAt: expect.any(String), sentAt: listed[0]?.sentAt ?? null },
    ]);
    const mail = await sentMail(listed[0].id);
    expect(mail.parsed.subject).toBe(`[${built.reference}] Approve the shortlist: Industrial compressors for plant 2`);
    expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect({ text: mail.parsed.text, replyTo: mail.parsed.replyTo?.value[0].address, to: mail.to }).toEqual({
      text: expect.stringContaining('because you are the gatekeeper of case'),
      replyTo: buyer.email,
      to: [gatekeeper.email],
    });
    expect(threadOf(mail)).toBe(`<case-${built.caseId}@supplier-evaluation.invalid>`);
    expect(basicHtmlViolations(mail.parsed.html as string, [`${PUBLIC_URL}/api/v1/cases/${built.caseId}/shortlist`])).toEqual([]);
    const after = await messagesOf(built.caseId, buyer.token);
    expect(after[0]).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
    expect(Object.keys(after[0]).sort()).toEqual(['createdAt', 'id', 'kind', 'recipients', 'sentAt', 'status']);
    // someone with no part in the case learns nothing of its messages
    await t.http.get(`/api/v1/cases/${built.caseId}/messages`).set(built.person('outsider').auth).expect(404);
  });
});

describe('the RFQ invitation', () => {
  async function invited() {
    const b = t
      .builder()
      .withSuppliers([
        { key: 'atlas', contacts: contacts('atlas') },
        { key: 'boreal', contacts: contacts('boreal') },
        { key: 'cumulus' },
      ])
      .withShortlist({ suppliers: ['atlas', 'boreal', 'cumulus'] });
    const built = await b.build('NEGOTIATION');
    const buyer = built.person('buyer');
    const deadline = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    await t.http.post(`/api/v1/cases/${built.caseId}/rounds`).set(buyer.auth).send({ deadline }).expect(201);
    const issued = await t.http.post(`/api/v1/cases/${built.caseId}/rounds/1/invitations`).set(buyer.auth).send({}).expect(201);
    return { built, buyer, gatekeeper: built.person('gatekeeper'), issued: issued.body as Array<{ supplierId: string; token: string }> };
  }

  it('is held for the gatekeeper, then reaches every contact of each invited supplier; its one link opens the portal', async () => {
    const { built, buyer, gatekeeper, issued } = await invited();
    // the tokens stay in the answer, for a buyer who sends them themselves
    expect(issued).toHaveLength(3);
    expect(issued.every((i) => i.token.startsWith('inv_'))).toBe(true);
    const byRecipient = (x: Listed) => x.recipients.map((r) => r.email).sort()[0];
    const invitations = (await messagesOf(built.caseId, buyer.token)).filter((x) => x.kind === 'rfq.invitation').sort((a, b) => byRecipient(a).localeCompare(byRecipient(b)));
    // the supplier without contacts gets none
    expect(invitations.map((x) => ({ status: x.status, recipients: x.recipients.map((r) => r.email).sort() }))).toEqual([
      { status: 'pending_approval', recipients: ['sales.atlas@supplier.example', 'tech.atlas@supplier.example'] },
      { status: 'pending_approval', recipients: ['sales.boreal@supplier.example', 'tech.boreal@supplier.example'] },
    ]);
    // the buyer cannot release them
    await t.http.post(`/api/v1/cases/${built.caseId}/messages/${invitations[0].id}/approval`).set(buyer.auth).send({}).expect(403);
    const toSuppliers = () => sink.received.filter((r) => r.to.some((a) => a.endsWith('@supplier.example')));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(toSuppliers()).toEqual([]);

    const one = await t.http.post(`/api/v1/cases/${built.caseId}/messages/${invitations[0].id}/approval`).set(gatekeeper.auth).send({}).expect(200);
    expect(one.body).toMatchObject({ total: 1, items: [{ id: invitations[0].id, status: 'queued' }] });
    const mail = await sentMail(invitations[0].id);
    expect(mail.to.sort()).toEqual(['sales.atlas@supplier.example', 'tech.atlas@supplier.example']);
    expect(mail.parsed.subject).toMatch(new RegExp(`^\\[${built.reference}\\] Request for quotation: Industrial compressors for plant 2 — due `));
    expect(mail.parsed.replyTo?.value[0].address).toBe(buyer.email);
    expect(threadOf(mail)).toBe(`<case-${built.caseId}@supplier-evaluation.invalid>`);
    const html = mail.parsed.html as string;
    const link = /href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/supplier-portal#token=inv_`));
    expect(basicHtmlViolations(html, [link])).toEqual([]);
    expect(mail.parsed.text).toContain(`Open the offer portal: ${link}`);
    const token = new URL(link).hash.replace('#token=', '');
    const atlas = built.supplier('atlas');
    expect(token).toBe(issued.find((i) => i.supplierId === atlas.id)!.token);
    // the link's page: no token in its address, which the server sees; it reads the fragment and calls the portal API
    const page = await t.http.get(new URL(link).pathname).expect(200);
    expect({ type: page.headers['content-type'], csp: page.headers['content-security-policy'] }).toEqual({
      type: 'text/html; charset=utf-8',
      csp: expect.stringContaining("connect-src 'self'"),
    });
    expect(page.text).toContain("fetch('/api/v1/supplier-portal/invitation', { headers: { Authorization: 'Bearer ' + token } })");
    const portal = await t.http.get('/api/v1/supplier-portal/invitation').set({ Authorization: `Bearer ${token}` }).expect(200);
    expect(portal.body).toMatchObject({ supplierId: atlas.id, round: { number: 1 } });

    // the rest at once; a second approval of the same message is refused
    await t.http.post(`/api/v1/cases/${built.caseId}/messages/approval`).set(gatekeeper.auth).send({ messageIds: [invitations[1].id] }).expect(200);
    await sentMail(invitations[1].id);
    await t.http.post(`/api/v1/cases/${built.caseId}/messages/approval`).set(gatekeeper.auth).send({ messageIds: [invitations[0].id] }).expect(409);
    expect(toSuppliers().map((r) => r.to.length)).toEqual([2, 2]);
  });

  it('approving several is all or nothing: one unknown id releases none', async () => {
    const { built, gatekeeper } = await invited();
    const pending = (await messagesOf(built.caseId, gatekeeper.token)).filter((x) => x.status === 'pending_approval');
    await t.http.post(`/api/v1/cases/${built.caseId}/messages/approval`).set(gatekeeper.auth).send({ messageIds: [pending[0].id, randomUUID()] }).expect(404);
    await t.http.post(`/api/v1/cases/${built.caseId}/messages/approval`).set(gatekeeper.auth).send({ messageIds: [] }).expect(400);
    expect((await messagesOf(built.caseId, gatekeeper.token)).filter((x) => x.status === 'pending_approval')).toHaveLength(pending.length);
  });

  it('issuing again drops the invitations still waiting for approval (their tokens are superseded)', async () => {
    const { built, buyer } = await invited();
    await t.http.post(`/api/v1/cases/${built.caseId}/rounds/1/invitations`).set(buyer.auth).send({}).expect(201);
    expect((await messagesOf(built.caseId, buyer.token)).filter((x) => x.kind === 'rfq.invitation')).toHaveLength(2);
  });
});

describe('dead letters', () => {
  it('a message the server keeps refusing is dead, listed for admins, and an admin queues it again', async () => {
    const b = t.builder().withShortlist({ approve: false });
    const people = await b.build('people');
    sink.refuseTo(people.person('gatekeeper').email, 554);
    const built = await b.build('shortlisted');
    const [listed] = await messagesOf(built.caseId, built.person('buyer').token);
    await eventually(async () => (await messagesOf(built.caseId, built.person('buyer').token))[0].status === 'dead', 30_000, 'the message dead');
    const dead = await t.http.get('/api/v1/messages/dead').set(t.admin.auth).expect(200);
    expect(dead.body.items.find((d: { id: string }) => d.id === listed.id)).toMatchObject({ caseId: built.caseId, attempts: 2, lastError: expect.stringContaining('554'), status: 'dead' });
    await t.http.get('/api/v1/messages/dead').set(built.person('buyer').auth).expect(403);
    await t.http.post(`/api/v1/messages/${listed.id}/retry`).set(built.person('buyer').auth).send({}).expect(403);
    sink.acceptTo(built.person('gatekeeper').email);
    const retried = await t.http.post(`/api/v1/messages/${listed.id}/retry`).set(t.admin.auth).send({}).expect(200);
    expect(retried.body).toMatchObject({ id: listed.id, status: 'queued' });
    await sentMail(listed.id);
    await t.http.post(`/api/v1/messages/${listed.id}/retry`).set(t.admin.auth).send({}).expect(409);
    await t.http.post(`/api/v1/messages/${randomUUID()}/retry`).set(t.admin.auth).send({}).expect(404);
  });
});
