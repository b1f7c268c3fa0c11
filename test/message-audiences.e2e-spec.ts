import { basicHtmlViolations } from '../src/modules/messages/templates/html-rules';
import { createSupplier } from './factories/suppliers';
import { messagesOf, openRoundAndInvite, releaseAndReceive, startMailingApp, stopMailingApp } from './setup/case-mail';
import { type SmtpSink } from './setup/smtp-sink';
import { type TestApp } from './setup/test-app';

/**
 * Who at a supplier a message reaches: contacts carry roles and a language, the RFQ invitation goes
 * to sales and technical contacts only, each in the contact's language, and a case may narrow the
 * roles (buyer or gatekeeper, audited). Read back from a real SMTP server.
 */
let t: TestApp;
let sink: SmtpSink;

beforeAll(async () => {
  ({ t, sink } = await startMailingApp());
});

afterAll(() => stopMailingApp(t, sink));

afterEach(() => sink.reset());

const atlasContacts = [
  { name: 'Ana Sales', email: 'sales@atlas.example', roles: ['sales'], language: 'en' },
  { name: 'Beto Técnico', email: 'tecnico@atlas.example', roles: ['technical'], language: 'es' },
  { name: 'Carl Finance', email: 'finance@atlas.example', roles: ['finance'], language: 'en' },
  { name: 'Dora Quality', email: 'quality@atlas.example', roles: ['quality'], language: 'en' },
];

async function negotiation() {
  const built = await t
    .builder()
    .withSuppliers([
      { key: 'atlas', contacts: atlasContacts },
      { key: 'boreal', contacts: [{ name: 'Eva Both', email: 'eva@boreal.example', roles: ['finance', 'sales'], language: 'en' }] },
    ])
    .withShortlist({ suppliers: ['atlas', 'boreal'] })
    .build('NEGOTIATION');
  return { built, buyer: built.person('buyer'), gatekeeper: built.person('gatekeeper') };
}

/** every supplier address the SMTP server received mail for (the buying center's are @example.com) */
const supplierAddresses = () => sink.received.flatMap((m) => m.to).filter((a) => !a.endsWith('@example.com')).sort();

describe('the RFQ invitation by contact role and language', () => {
  it('reaches each sales and technical contact, in their own language, and not the finance or quality one', async () => {
    const { built, buyer, gatekeeper } = await negotiation();
    await openRoundAndInvite(t, built.caseId, buyer.token);
    const invitations = (await messagesOf(t, built.caseId, buyer.token)).filter((x) => x.kind === 'rfq.invitation');
    // atlas: one message per language its concerned contacts read; boreal: its one contact holds sales
    expect(invitations.map((x) => x.recipients.map((r) => r.email)).sort()).toEqual([['eva@boreal.example'], ['sales@atlas.example'], ['tecnico@atlas.example']]);
    const mails = await releaseAndReceive(t, sink, built.caseId, gatekeeper.token, invitations.map((x) => x.id));
    expect(supplierAddresses()).toEqual(['eva@boreal.example', 'sales@atlas.example', 'tecnico@atlas.example']);
    const spanish = mails.find((m) => m.to[0] === 'tecnico@atlas.example')!;
    const english = mails.find((m) => m.to[0] === 'sales@atlas.example')!;
    expect(spanish.parsed.subject).toMatch(new RegExp(`^\\[${built.reference}\\] Solicitud de oferta: `));
    expect(spanish.parsed.text).toContain('Abrir el portal de ofertas: https://buy.example.com/supplier-portal#token=inv_');
    expect(english.parsed.subject).toMatch(new RegExp(`^\\[${built.reference}\\] Request for quotation: `));
    for (const mail of mails) {
      const link = /href="([^"]+)"/.exec(mail.parsed.html as string)![1];
      expect(basicHtmlViolations(mail.parsed.html as string, [link])).toEqual([]);
    }
  });

  it('a case narrows a kind to fewer roles; the narrowing is audited, and only the buyer or gatekeeper sets it', async () => {
    const { built, buyer, gatekeeper } = await negotiation();
    const url = `/api/v1/cases/${built.caseId}/message-settings`;
    // every supplier-facing kind with the roles it goes to (README "Messages")
    const defaults = { 'rfq.invitation': ['sales', 'technical'], 'clarification.answer': ['sales', 'technical'], 'deadline.reminder': ['sales', 'technical'], 'award.letter': ['sales', 'finance'], 'regret.letter': ['sales'], 'amendment.notice': ['sales', 'technical'], 'elimination.notice': ['sales'] };
    const narrowed = { ...defaults, 'rfq.invitation': ['technical'] };
    expect((await t.http.get(url).set(built.person('evaluator').auth).expect(200)).body).toEqual({ contactRoles: defaults });
    await t.http.put(url).set(built.person('evaluator').auth).send({ contactRoles: { 'rfq.invitation': ['technical'] } }).expect(403);
    await t.http.get(url).set(built.person('outsider').auth).expect(404);
    const bad = await t.http.put(url).set(buyer.auth).send({ contactRoles: { 'rfq.invitation': ['technical', 'finance'], 'award.parade': ['sales'] } }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['contactRoles.award.parade', 'contactRoles.rfq.invitation']);
    await t.http.put(url).set(buyer.auth).send({ contactRoles: { 'rfq.invitation': [] } }).expect(400);
    await t.http.put(url).set(buyer.auth).send({ contactRoles: ['technical'] }).expect(400);
    await t.http.put(url).set(buyer.auth).send({ contactRoles: { 'rfq.invitation': ['technical'] }, extra: 1 }).expect(400);

    const set = await t.http.put(url).set(gatekeeper.auth).send({ contactRoles: { 'rfq.invitation': ['technical'] } }).expect(200);
    expect(set.body).toEqual({ contactRoles: narrowed });
    const audit = await t.http.get(`/api/v1/cases/${built.caseId}/audit`).set(buyer.auth).query({ limit: 200 }).expect(200);
    expect(audit.body.items.filter((e: { action: string }) => e.action === 'messages.contact_roles_set').map((e: { data: object }) => e.data)).toEqual([
      { before: defaults, after: narrowed },
    ]);

    await openRoundAndInvite(t, built.caseId, buyer.token);
    // boreal has no technical contact: no invitation message (its token is in the answer)
    const invitations = (await messagesOf(t, built.caseId, buyer.token)).filter((x) => x.kind === 'rfq.invitation');
    await releaseAndReceive(t, sink, built.caseId, gatekeeper.token, invitations.map((x) => x.id));
    expect(supplierAddresses()).toEqual(['tecnico@atlas.example']);
  });
});

describe('supplier contacts', () => {
  it('carry roles and a language, defaulted to sales and en; each wrong field is named', async () => {
    const created = await createSupplier(t, { contacts: [{ name: 'Old Style', email: 'old@style.example' }, { name: 'Q', email: 'q@style.example', roles: ['quality', 'technical'], language: 'es' }] });
    expect(created.contacts).toEqual([
      { name: 'Old Style', email: 'old@style.example', roles: ['sales'], language: 'en' },
      { name: 'Q', email: 'q@style.example', roles: ['quality', 'technical'], language: 'es' },
    ]);
    const bad = await t.http
      .post('/api/v1/suppliers')
      .set(t.admin.auth)
      .send({ legalName: 'X', taxId: 'X1234567', country: 'DE', contacts: [{ name: 'A', email: 'a@x.example', roles: ['sales', 'marketing'], language: 'fr' }, { name: 'B', email: 'b@x.example', roles: [] }] })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['contacts.0.language', 'contacts.0.roles', 'contacts.1.roles']);
  });
});
