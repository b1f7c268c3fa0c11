import { ScoreNotices } from '../src/modules/evaluation/score-notices';
import { basicHtmlViolations } from '../src/modules/messages/templates/html-rules';
import { type BuiltCase, defaultSuppliers } from '../src/tools/case-builder';
import { messagesOf, releaseAndReceive, sentMail, startMailingApp, stopMailingApp } from './setup/case-mail';
import { type ReceivedMail, type SmtpSink } from './setup/smtp-sink';
import { type TestApp } from './setup/test-app';

/**
 * The amendment notice, the elimination notice and the next-round invitation, "scores needed" to the
 * evaluators, and the quality-incident notice: each reaches exactly the contacts (or users) it
 * concerns, in basic HTML, and carries no other supplier's name or price and no sealed value. Read
 * back from a real SMTP server.
 */
let t: TestApp;
let sink: SmtpSink;

beforeAll(async () => {
  ({ t, sink } = await startMailingApp());
});

afterAll(() => stopMailingApp(t, sink));

afterEach(() => sink.reset());

const contactsOf = (key: string) => [
  { name: `${key} sales`, email: `sales@${key}.example`, roles: ['sales'] },
  { name: `${key} técnico`, email: `tecnico@${key}.example`, roles: ['technical'], language: 'es' },
  { name: `${key} quality`, email: `quality@${key}.example`, roles: ['quality'] },
  { name: `${key} finance`, email: `finance@${key}.example`, roles: ['finance'] },
];

const suppliers = defaultSuppliers().map((s) => ({ ...s, contacts: contactsOf(s.key) }));

/** every supplier address the SMTP server received mail for (the buying center's are @example.com) */
const supplierAddresses = () => sink.received.flatMap((m) => m.to).filter((a) => !a.endsWith('@example.com')).sort();

const whole = (mail: ReceivedMail) => `${mail.parsed.subject}\n${mail.parsed.text}\n${mail.parsed.html}`;

/** Nothing of another supplier: neither its legal name nor its price, however written. */
function expectNothingOf(mail: ReceivedMail, others: Array<{ name: string }>, prices: string[]) {
  const content = whole(mail);
  for (const other of others) expect(content).not.toContain(other.name);
  for (const price of prices) {
    const units = price.split('.')[0];
    expect(content).not.toContain(units);
    expect(content).not.toContain(Number(units).toLocaleString('en-GB'));
  }
}

const revise = (built: BuiltCase, reason: string) => {
  const spec = built.specification!;
  return t.http
    .put(`/api/v1/cases/${built.caseId}/specification`)
    .set(built.person('prescriber').auth)
    .send({
      description: `${String(spec.description)} (amended)`,
      requirements: spec.requirements.map(({ id, text, type, value }) => ({ id, text, type, value })),
      criteria: spec.criteria.map(({ id, name, kind, direction, source, normalization, weight }) => ({ id, name, kind, direction, source, normalization, weight })),
      reason,
    })
    .expect(200);
};

describe('the amendment notice', () => {
  it('goes to the sales and technical contacts of each invitee still in the open round (not one that declined), with the version, the reason and the deadline; nothing sealed', async () => {
    const deadline = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    const built = await t
      .builder()
      .withSuppliers(suppliers)
      .withShortlist({ suppliers: ['atlas', 'boreal', 'cumulus'] })
      .withRounds([{ deadline: deadline.toISOString(), offers: [{ supplier: 'atlas', via: 'portal', totalPrice: '81234.00' }], close: false }])
      .build('negotiated');
    const buyer = built.person('buyer');
    const tokens = built.rounds[0].tokens;
    await t.http.post('/api/v1/supplier-portal/intent').set({ Authorization: `Bearer ${tokens[built.supplier('cumulus').id]}` }).send({ intent: 'decline' }).expect(200);
    await revise(built, 'Noise limit tightened to 68 dB');

    const notices = (await messagesOf(t, built.caseId, buyer.token)).filter((x) => x.kind === 'amendment.notice');
    expect(notices.every((x) => x.status === 'pending_approval')).toBe(true);
    expect(notices.flatMap((x) => x.recipients.map((r) => r.email)).sort()).toEqual(['sales@atlas.example', 'sales@boreal.example', 'tecnico@atlas.example', 'tecnico@boreal.example']);
    const mails = await releaseAndReceive(t, sink, built.caseId, built.person('gatekeeper').token, notices.map((x) => x.id));
    expect(supplierAddresses()).toEqual(['sales@atlas.example', 'sales@boreal.example', 'tecnico@atlas.example', 'tecnico@boreal.example']);

    const atlas = mails.find((m) => m.to[0] === 'sales@atlas.example')!;
    expect(atlas.parsed.subject).toMatch(new RegExp(`^\\[${built.reference}\\] Specification amended \\(version 2\\): re-confirm your offer by `));
    expect(atlas.parsed.text).toContain('Specification version: 2');
    expect(atlas.parsed.text).toContain('Reason for the change: Noise limit tightened to 68 dB');
    expect(atlas.parsed.text).toMatch(/Deadline: \d+ \w+ \d{4} at \d\d:\d\d UTC/);
    expect(atlas.parsed.replyTo?.value[0].address).toBe(buyer.email);
    const boreal = mails.find((m) => m.to[0] === 'sales@boreal.example')!;
    expect(boreal.parsed.subject).toMatch(/: quote against it by /);
    const spanish = mails.find((m) => m.to[0] === 'tecnico@atlas.example')!;
    expect(spanish.parsed.subject).toMatch(new RegExp(`^\\[${built.reference}\\] Especificación modificada \\(versión 2\\): reconfirme su oferta`));
    for (const mail of mails) {
      expect(mail.parsed.text).toBeTruthy();
      expect(basicHtmlViolations(mail.parsed.html as string, [])).toEqual([]);
      // the sealed offer's price appears in no notice, its own included
      expectNothingOf(mail, [], ['81234.00']);
      const own = mail.to[0].split('@')[1].split('.')[0];
      expectNothingOf(mail, built.suppliers.filter((s) => s.key !== own), []);
    }
  });

  it('no open round, no notice', async () => {
    const built = await t.builder().withSuppliers(suppliers).withShortlist({ suppliers: ['atlas', 'boreal', 'cumulus'] }).build('NEGOTIATION');
    await revise(built, 'Noise limit tightened to 68 dB');
    expect((await messagesOf(t, built.caseId, built.person('buyer').token)).filter((x) => x.kind === 'amendment.notice')).toEqual([]);
  });
});

describe('the elimination notice and the next round', () => {
  it('the eliminated supplier hears its own reason only; the others are invited to round 2 and told it is round 2', async () => {
    const prices = { atlas: '81234.00', boreal: '92345.00', cumulus: '103456.00' };
    const built = await t
      .builder()
      .withSuppliers(suppliers)
      .withShortlist({ suppliers: ['atlas', 'boreal', 'cumulus'] })
      .withRounds([
        {
          offers: (['atlas', 'boreal', 'cumulus'] as const).map((supplier) => ({ supplier, totalPrice: prices[supplier] })),
          eliminate: [{ supplier: 'cumulus', reason: 'Lead time above the plant’s shutdown window' }],
        },
      ])
      .build('negotiated');
    const buyer = built.person('buyer');
    const notices = (await messagesOf(t, built.caseId, buyer.token)).filter((x) => x.kind === 'elimination.notice');
    // to cumulus's sales contact only
    expect(notices.map((x) => ({ status: x.status, to: x.recipients.map((r) => r.email) }))).toEqual([{ status: 'pending_approval', to: ['sales@cumulus.example'] }]);
    const [mail] = await releaseAndReceive(t, sink, built.caseId, built.person('gatekeeper').token, notices.map((x) => x.id));
    expect(mail.parsed.subject).toBe(`[${built.reference}] Outcome of round 1: not invited to round 2: Industrial compressors for plant 2`);
    expect(mail.parsed.text).toContain('Reason: Lead time above the plant’s shutdown window');
    expect(basicHtmlViolations(mail.parsed.html as string, [])).toEqual([]);
    expectNothingOf(mail, built.suppliers.filter((s) => s.key !== 'cumulus'), Object.values(prices));
    expect(whole(mail)).toContain(built.supplier('cumulus').name);

    // round 2: the RFQ invitation of the remaining suppliers says it is round 2
    const deadline = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    await t.http.post(`/api/v1/cases/${built.caseId}/rounds`).set(buyer.auth).send({ deadline: deadline.toISOString() }).expect(201);
    await t.http.post(`/api/v1/cases/${built.caseId}/rounds/2/invitations`).set(buyer.auth).send({}).expect(201);
    const invitations = (await messagesOf(t, built.caseId, buyer.token)).filter((x) => x.kind === 'rfq.invitation');
    expect(invitations.flatMap((x) => x.recipients.map((r) => r.email)).sort()).toEqual(['sales@atlas.example', 'sales@boreal.example', 'tecnico@atlas.example', 'tecnico@boreal.example']);
    const english = await releaseAndReceive(t, sink, built.caseId, built.person('gatekeeper').token, invitations.filter((x) => x.recipients[0].email.startsWith('sales@')).map((x) => x.id));
    for (const invitation of english) {
      expect(invitation.parsed.text).toContain('submit your offer in round 2 of case');
      expect(invitation.parsed.text).toContain('Round: 2');
    }
  });
});

describe('scores needed', () => {
  it('entering DECISION, each evaluator is told which scores of theirs are missing, with one link; no price', async () => {
    const built = await t.builder().withSuppliers(suppliers).withRounds([{}]).build('DECISION');
    const buyer = built.person('buyer');
    const notices = (await messagesOf(t, built.caseId, buyer.token)).filter((x) => x.kind === 'scores.needed');
    const evaluators = [built.person('evaluator'), built.person('evaluator2')];
    expect(notices.map((x) => x.recipients.map((r) => r.email)).sort()).toEqual(evaluators.map((e) => [e.email]).sort());
    // buying-center messages leave at once
    const link = `https://buy.example.com/api/v1/cases/${built.caseId}/scores`;
    const criteria = built.specification!.criteria.filter((k) => k.source === 'evaluator');
    const ranked = built.decisionSuppliers();
    for (const notice of notices) {
      const mail = await sentMail(t, sink, notice.id);
      expect(mail.parsed.subject).toBe(`[${built.reference}] Your scores are needed (${criteria.length * ranked.length} missing): Industrial compressors for plant 2`);
      for (const k of criteria) expect(mail.parsed.text).toContain(`${k.name}: ${ranked.map((s) => s.name).join(', ')}`);
      expect(mail.parsed.text).toContain(`Open the case scores: ${link}`);
      expect(basicHtmlViolations(mail.parsed.html as string, [link])).toEqual([]);
      expect(mail.parsed.text).not.toMatch(/\d{1,3}(,\d{3})*\.\d\d/);
    }
    expect(supplierAddresses()).toEqual([]);

    // the reminder (the policy's reminder days, 2 by default): once, only to the evaluator still owing scores
    const evaluator = built.person('evaluator');
    const scores = ranked.flatMap((s) => criteria.map((k) => ({ supplierId: s.id, criterionId: k.id, score: 7 })));
    await t.http.put(`/api/v1/cases/${built.caseId}/scores`).set(evaluator.auth).send({ scores }).expect(200);
    const sweep = (days: number) => t.app.get(ScoreNotices).sweep(new Date(Date.now() + days * 24 * 3600 * 1000));
    expect(await sweep(1)).toEqual({ reminded: 0 });
    expect(await sweep(3)).toEqual({ reminded: 1 });
    await Promise.all([sweep(4), sweep(5)]);
    const reminders = (await messagesOf(t, built.caseId, buyer.token)).filter((x) => x.kind === 'scores.reminder');
    expect(reminders.map((x) => x.recipients.map((r) => r.email))).toEqual([[built.person('evaluator2').email]]);
    const reminder = await sentMail(t, sink, reminders[0].id);
    expect(reminder.parsed.subject).toBe(`[${built.reference}] Reminder: Your scores are needed (${criteria.length * ranked.length} missing): Industrial compressors for plant 2`);
    expect(reminder.parsed.text).toContain('You were asked 3 days ago.');
  });
});

describe('the quality-incident notice', () => {
  it('a recorded incident goes to the supplier’s quality contacts only, Reply-To who recorded it; a delivery tells nobody', async () => {
    const built = await t.builder().withSuppliers(suppliers).build('suppliers');
    const atlas = built.supplier('atlas');
    const record = (body: object) => t.http.post(`/api/v1/suppliers/${atlas.id}/performance`).set(t.admin.auth).send(body).expect(201);
    await record({ type: 'delivery', date: '2026-03-01', onTime: true, inFull: true });
    await record({ type: 'incident', date: '2026-03-02', severity: 'major', description: 'Cracked housing on 3 of 20 units' });
    const rows = await t.db.query(`SELECT id, status, kind, recipients FROM messages WHERE supplier_id = $1 ORDER BY created_at`, [atlas.id]);
    expect(rows.map((r: { kind: string; status: string }) => r.kind)).toEqual(['quality.incident']);
    const mail = await sentMail(t, sink, rows[0].id);
    expect(mail.to).toEqual(['quality@atlas.example']);
    expect(mail.parsed.subject).toBe(`[Quality incident 2026-03-02] Send your corrective action: major incident at ${atlas.name}`);
    expect(mail.parsed.text).toContain('Description: Cracked housing on 3 of 20 units');
    expect(mail.parsed.replyTo?.value[0].address).toBe(t.admin.email);
    expect(basicHtmlViolations(mail.parsed.html as string, [])).toEqual([]);
    expect(supplierAddresses()).toEqual(['quality@atlas.example']);
  });
});
