import { DeadlineReminders } from '../src/modules/negotiation/deadline-reminders';
import { messagesOf, sentMail, startMailingApp, stopMailingApp } from './setup/case-mail';
import { type SmtpSink } from './setup/smtp-sink';
import { type TestApp } from './setup/test-app';

/**
 * The deadline reminder: policy hours before the deadline, once per invitee and round, only to those
 * that have neither submitted nor declined. The sweep is called with an explicit "now" (no waiting
 * on the clock); the worker delivers to a real SMTP server.
 */
let t: TestApp;
let sink: SmtpSink;
let reminders: DeadlineReminders;

beforeAll(async () => {
  ({ t, sink } = await startMailingApp());
  reminders = t.app.get(DeadlineReminders);
});

afterAll(() => stopMailingApp(t, sink));

afterEach(() => sink.reset());

const HOUR = 3600 * 1000;

/** atlas has submitted, boreal declined, cumulus neither: a round due in a week. */
async function roundWithThreeInvitees() {
  const deadline = new Date(Date.now() + 7 * 24 * HOUR);
  const built = await t
    .builder()
    .withSuppliers([
      { key: 'atlas', contacts: [{ name: 'Ana Atlas', email: 'ana@atlas.example', roles: ['sales'] }] },
      { key: 'boreal', contacts: [{ name: 'Bea Boreal', email: 'bea@boreal.example', roles: ['sales'] }] },
      {
        key: 'cumulus',
        contacts: [
          { name: 'Cid Cumulus', email: 'cid@cumulus.example', roles: ['technical'], language: 'es' },
          { name: 'Fin Cumulus', email: 'fin@cumulus.example', roles: ['finance'] },
        ],
      },
    ])
    .withShortlist({ suppliers: ['atlas', 'boreal', 'cumulus'] })
    .withRounds([{ deadline: deadline.toISOString(), offers: [{ supplier: 'atlas', via: 'portal' }], close: false }])
    .build('negotiated');
  const tokens = built.rounds[0].tokens;
  await t.http.post('/api/v1/supplier-portal/intent').set({ Authorization: `Bearer ${tokens[built.supplier('boreal').id]}` }).send({ intent: 'decline' }).expect(200);
  return { built, deadline };
}

const remindersOf = async (caseId: string, token: string) => (await messagesOf(t, caseId, token)).filter((x) => x.kind === 'deadline.reminder');

describe('the deadline reminder', () => {
  it('goes once, policy hours before the deadline, only to the invitee that has neither submitted nor declined; held for the gatekeeper', async () => {
    const { built, deadline } = await roundWithThreeInvitees();
    const buyer = built.person('buyer');
    // 49 hours before: not due yet (the policy's default is 48)
    await reminders.sweep(new Date(deadline.getTime() - 49 * HOUR));
    expect(await remindersOf(built.caseId, buyer.token)).toEqual([]);
    const first = await reminders.sweep(new Date(deadline.getTime() - 47 * HOUR));
    const listed = await remindersOf(built.caseId, buyer.token);
    expect(listed.map((x) => ({ status: x.status, to: x.recipients.map((r) => r.email) }))).toEqual([{ status: 'pending_approval', to: ['cid@cumulus.example'] }]);
    expect(first.messageIds).toContain(listed[0].id);
    // any number of later sweeps (or instances) add none: one reminder per invitee and round, by the database's key
    await Promise.all([reminders.sweep(new Date(deadline.getTime() - 46 * HOUR)), reminders.sweep(new Date(deadline.getTime() - HOUR))]);
    expect(await remindersOf(built.caseId, buyer.token)).toHaveLength(1);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM deadline_reminders WHERE round_id = (SELECT id FROM negotiation_rounds WHERE case_id = $1)`, [built.caseId]);
    expect(n).toBe(1);
    // after the deadline: nothing (the round closes)
    await reminders.sweep(new Date(deadline.getTime() + HOUR));

    await t.http.post(`/api/v1/cases/${built.caseId}/messages/approval`).set(built.person('gatekeeper').auth).send({ messageIds: [listed[0].id] }).expect(200);
    const mail = await sentMail(t, sink, listed[0].id);
    expect(mail.to).toEqual(['cid@cumulus.example']);
    expect(mail.parsed.subject).toMatch(new RegExp(`^\\[${built.reference}\\] Recordatorio: su oferta vence el `));
    expect(mail.parsed.replyTo?.value[0].address).toBe(buyer.email);
    expect(sink.received.flatMap((m) => m.to).filter((a) => !a.endsWith('@example.com'))).toEqual(['cid@cumulus.example']);
  });

  it('leaves at once when the policy lets reminders skip the gatekeeper', async () => {
    const policy = await t.http.get('/api/v1/policy').set(t.admin.auth).expect(200);
    expect(policy.body.supplierReminders).toEqual({ hoursBefore: 48, needGatekeeper: true });
    const people = await t.builder().build('people');
    await t.http.put('/api/v1/policy').set(people.person('buyer').auth).send({ supplierReminders: { hoursBefore: 24, needGatekeeper: false } }).expect(403);
    const bad = await t.http.put('/api/v1/policy').set(t.admin.auth).send({ supplierReminders: { hoursBefore: 0, needGatekeeper: 'no' } }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['supplierReminders.hoursBefore', 'supplierReminders.needGatekeeper']);
    await t.http.put('/api/v1/policy').set(t.admin.auth).send({ supplierReminders: { hoursBefore: 24, needGatekeeper: false } }).expect(200);
    try {
      const { built, deadline } = await roundWithThreeInvitees();
      await reminders.sweep(new Date(deadline.getTime() - 25 * HOUR));
      expect(await remindersOf(built.caseId, built.person('buyer').token)).toEqual([]);
      await reminders.sweep(new Date(deadline.getTime() - 23 * HOUR));
      const [listed] = await remindersOf(built.caseId, built.person('buyer').token);
      const mail = await sentMail(t, sink, listed.id);
      expect(mail.to).toEqual(['cid@cumulus.example']);
    } finally {
      await t.http.put('/api/v1/policy').set(t.admin.auth).send({ supplierReminders: { hoursBefore: 48, needGatekeeper: true } }).expect(200);
    }
  });
});
