import { randomUUID } from 'node:crypto';
import { basicHtmlViolations } from '../src/modules/messages/templates/html-rules';
import { messagesOf, openRoundAndInvite, releaseAndReceive, startMailingApp, stopMailingApp } from './setup/case-mail';
import { type SmtpSink } from './setup/smtp-sink';
import { type TestApp } from './setup/test-app';

/**
 * The supplier's side through the portal, with its invitation token: a clarification question whose
 * answer reaches every invitee without the asker's identity, an intent to bid or decline, and its
 * own messages; the buyer's side of the same. Read back from a real SMTP server.
 */
let t: TestApp;
let sink: SmtpSink;

beforeAll(async () => {
  ({ t, sink } = await startMailingApp());
});

afterAll(() => stopMailingApp(t, sink));

afterEach(() => sink.reset());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function invited() {
  const built = await t
    .builder()
    .withSuppliers([
      { key: 'atlas', legalName: 'Atlas Kompressoren GmbH', contacts: [{ name: 'Ana Atlas', email: 'ana@atlas.example', roles: ['sales'] }] },
      { key: 'boreal', contacts: [{ name: 'Bea Boreal', email: 'bea@boreal.example', roles: ['technical'], language: 'es' }] },
      {
        key: 'cumulus',
        contacts: [
          { name: 'Cid Cumulus', email: 'cid@cumulus.example', roles: ['sales'] },
          { name: 'Fin Cumulus', email: 'fin@cumulus.example', roles: ['finance'] },
        ],
      },
    ])
    .withShortlist({ suppliers: ['atlas', 'boreal', 'cumulus'] })
    .build('NEGOTIATION');
  const tokens = await openRoundAndInvite(t, built.caseId, built.person('buyer').token);
  const token = (key: string) => tokens.get(built.supplier(key).id)!;
  return { built, buyer: built.person('buyer'), gatekeeper: built.person('gatekeeper'), token };
}

describe('clarification questions', () => {
  it('the answer reaches every invitee, the asker unnamed; only the buyer answers, once', async () => {
    const { built, buyer, gatekeeper, token } = await invited();
    const asked = await t.http.post('/api/v1/supplier-portal/questions').set(bearer(token('atlas'))).send({ text: 'We at Atlas would like to know: is 400 V available?' }).expect(201);
    expect(asked.body).toEqual({ id: expect.any(String), round: 1, text: 'We at Atlas would like to know: is 400 V available?', askedAt: expect.any(String), answered: false });
    // the portal takes only an invitation token, and a body it names the faults of
    await t.http.post('/api/v1/supplier-portal/questions').send({ text: 'x' }).expect(401);
    await t.http.post('/api/v1/supplier-portal/questions').set(buyer.auth).send({ text: 'x' }).expect(401);
    const bad = await t.http.post('/api/v1/supplier-portal/questions').set(bearer(token('atlas'))).send({ text: ' ', extra: 1 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'text']);

    // the buying center sees who asked; someone with no part in the case sees nothing
    const listed = await t.http.get(`/api/v1/cases/${built.caseId}/questions`).set(built.person('evaluator').auth).expect(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: asked.body.id, round: 1, supplierId: built.supplier('atlas').id, answer: null }] });
    await t.http.get(`/api/v1/cases/${built.caseId}/questions`).set(built.person('outsider').auth).expect(404);

    const url = `/api/v1/cases/${built.caseId}/questions/${asked.body.id}/answer`;
    const body = { text: 'Yes: 400 V, 63 A, within 10 m of the foundation.', question: 'Is a 400 V connection available at the site?' };
    await t.http.post(url).set(built.person('evaluator').auth).send(body).expect(403);
    await t.http.post(url).set(buyer.auth).send({ question: 'no answer' }).expect(400);
    await t.http.post(`/api/v1/cases/${built.caseId}/questions/${randomUUID()}/answer`).set(buyer.auth).send(body).expect(404);
    const answered = await t.http.post(url).set(buyer.auth).send(body).expect(200);
    expect(answered.body).toMatchObject({ answer: body.text, publishedQuestion: body.question, answeredBy: buyer.id, messageIds: [expect.any(String), expect.any(String), expect.any(String)] });
    await t.http.post(url).set(buyer.auth).send(body).expect(409);

    const listedMessages = (await messagesOf(t, built.caseId, buyer.token)).filter((x) => x.kind === 'clarification.answer');
    expect(listedMessages.map((x) => x.status)).toEqual(['pending_approval', 'pending_approval', 'pending_approval']);
    const mails = await releaseAndReceive(t, sink, built.caseId, gatekeeper.token, answered.body.messageIds);
    expect(mails.flatMap((m) => m.to).sort()).toEqual(['ana@atlas.example', 'bea@boreal.example', 'cid@cumulus.example']);
    for (const mail of mails) {
      const content = `${mail.parsed.subject}\n${mail.parsed.text}\n${mail.parsed.html}`;
      expect(content).toContain('Is a 400 V connection available at the site?');
      expect(content).toContain(body.text);
      expect(content).not.toContain('We at Atlas');
      expect(basicHtmlViolations(mail.parsed.html as string, [])).toEqual([]);
      if (mail.to[0] !== 'ana@atlas.example') expect(content).not.toMatch(/Atlas|ana@atlas/);
    }
    expect(mails.find((m) => m.to[0] === 'bea@boreal.example')!.parsed.subject).toBe(`[${built.reference}] Aclaración para todos los ofertantes: Industrial compressors for plant 2`);
    expect(mails.find((m) => m.to[0] === 'cid@cumulus.example')!.parsed.subject).toBe(`[${built.reference}] Clarification for all bidders: Industrial compressors for plant 2`);
  });
});

describe('intent to bid or decline', () => {
  it('the supplier declares it with its token; the buying center reads it, audited', async () => {
    const { built, buyer, token } = await invited();
    const declined = await t.http.post('/api/v1/supplier-portal/intent').set(bearer(token('boreal'))).send({ intent: 'decline', reason: 'no capacity before March' }).expect(200);
    expect(declined.body).toEqual({ round: 1, intent: 'decline', reason: 'no capacity before March', declaredAt: expect.any(String) });
    await t.http.post('/api/v1/supplier-portal/intent').set(bearer(token('atlas'))).send({ intent: 'bid' }).expect(200);
    const bad = await t.http.post('/api/v1/supplier-portal/intent').set(bearer(token('atlas'))).send({ intent: 'maybe', reason: '' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['intent', 'reason']);
    await t.http.post('/api/v1/supplier-portal/intent').set(bearer('inv_nope')).send({ intent: 'bid' }).expect(401);

    const intents = await t.http.get(`/api/v1/cases/${built.caseId}/rounds/1/intents`).set(buyer.auth).expect(200);
    const byId = new Map(intents.body.items.map((i: { supplierId: string }) => [i.supplierId, i]));
    expect(byId.get(built.supplier('boreal').id)).toMatchObject({ intent: 'decline', reason: 'no capacity before March' });
    expect(byId.get(built.supplier('atlas').id)).toMatchObject({ intent: 'bid', reason: null });
    expect(byId.get(built.supplier('cumulus').id)).toMatchObject({ intent: null, declaredAt: null });
    await t.http.get(`/api/v1/cases/${built.caseId}/rounds/1/intents`).set(built.person('outsider').auth).expect(404);
    const audit = await t.http.get(`/api/v1/cases/${built.caseId}/audit`).set(buyer.auth).query({ limit: 200 }).expect(200);
    expect(audit.body.items.filter((e: { action: string }) => e.action === 'supplier.intent_declared').map((e: { data: { intent: string } }) => e.data.intent)).toEqual(['decline', 'bid']);
  });
});

describe('the supplier’s own messages', () => {
  it('lists what the gatekeeper released to this supplier, and nothing of another’s', async () => {
    const { built, gatekeeper, token } = await invited();
    const invitations = (await messagesOf(t, built.caseId, gatekeeper.token)).filter((x) => x.kind === 'rfq.invitation');
    const atlasInvitation = invitations.find((x) => x.recipients[0].email === 'ana@atlas.example')!;
    const before = await t.http.get('/api/v1/supplier-portal/messages').set(bearer(token('atlas'))).expect(200);
    expect(before.body).toEqual({ items: [], total: 0 });
    await releaseAndReceive(t, sink, built.caseId, gatekeeper.token, [atlasInvitation.id]);
    const own = await t.http.get('/api/v1/supplier-portal/messages').set(bearer(token('atlas'))).expect(200);
    expect(own.body.items).toEqual([
      { id: atlasInvitation.id, kind: 'rfq.invitation', status: 'sent', language: 'en', subject: expect.stringContaining('Request for quotation'), text: expect.stringContaining('Dear Atlas Kompressoren GmbH team'), createdAt: expect.any(String), sentAt: expect.any(String) },
    ]);
    expect((await t.http.get('/api/v1/supplier-portal/messages').set(bearer(token('cumulus'))).expect(200)).body.total).toBe(0);
    await t.http.get('/api/v1/supplier-portal/messages').expect(401);
    await t.http.get('/api/v1/supplier-portal/messages').set(gatekeeper.auth).expect(401);
  });
});
