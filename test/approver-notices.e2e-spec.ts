import { SignatureNotices } from '../src/modules/approver/signature-notices';
import { caseInApproval, caseInDecision, proposeTopRanked } from './factories/whole-case';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * "A decision awaits your signature" to the approver whose turn it is, queued in the transaction
 * that made it their turn, with a single-use link; the sweep's reminder and escalation, by how
 * long the request has waited as of an instant the spec chooses, each sent once however often the
 * sweep runs.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const DAY = 24 * 3600 * 1000;
interface Row {
  kind: string;
  recipients: Array<{ email: string }>;
  subject: string;
  text: string;
}
const messages = async (caseId: string): Promise<Row[]> =>
  t.db.query(`SELECT kind, recipients, subject, text FROM messages WHERE case_id = $1 AND kind LIKE 'approval.%' ORDER BY created_at, id`, [caseId]);

describe('signature requests in turn', () => {
  it('entering APPROVAL asks the first approver in turn; their signature asks the next; the last one awards', async () => {
    // 20,000 EUR: two approvals, no executive; in turn by name: Abel, then Alma
    const w = await caseInApproval(t, { prices: ['20000.00', '21000.00', '22000.00'] });
    const { approver, approver2 } = w.people;
    let sent = await messages(w.caseId);
    expect(sent.map((r) => [r.kind, r.recipients[0].email])).toEqual([['approval.signature_awaited', approver2.email]]);
    expect(sent[0].subject).toBe(`[${w.reference}] A decision awaits your signature: Control valves for the cooling loop`);
    expect(sent[0].text).toContain('20,000.00 EUR');
    const link = /\/approve\/link\/(apl_[A-Za-z0-9_-]{43})/.exec(sent[0].text)?.[1];
    expect(link).toBeDefined();
    // stored hashed, bound to the approver, the case and the snapshot
    const [stored] = await t.db.query(`SELECT token_hash, user_id, snapshot_hash FROM approval_links WHERE case_id = $1`, [w.caseId]);
    const decision = (await t.http.get(`/api/v1/cases/${w.caseId}/decision`).set(approver2.auth).expect(200)).body;
    expect(stored).toEqual({ token_hash: expect.not.stringContaining(link!), user_id: approver2.id, snapshot_hash: decision.snapshotHash });

    await t.http.post(`/api/v1/cases/${w.caseId}/approvals`).set(approver2.auth).send({ verdict: 'approve' }).expect(201);
    sent = await messages(w.caseId);
    expect(sent.map((r) => r.recipients[0].email)).toEqual([approver2.email, approver.email]);
    await t.http.post(`/api/v1/cases/${w.caseId}/approvals`).set(approver.auth).send({ verdict: 'approve' }).expect(201);
    expect(await messages(w.caseId)).toHaveLength(2);
    const audit = (await t.http.get(`/api/v1/cases/${w.caseId}/audit?limit=200`).set(t.admin.auth).expect(200)).body.items;
    expect(audit.filter((e: { action: string }) => e.action === 'approval.requested')).toHaveLength(2);
  });
});

describe('in the recipient’s language', () => {
  it('an approver whose language is Spanish is asked in Spanish, with Spanish amounts; the next one in English; the award tells each member in theirs', async () => {
    const w = await caseInDecision(t, { prices: ['20000.00', '21000.00', '22000.00'] });
    const { approver, approver2, buyer } = w.people;
    const patched = await t.http.patch(`/api/v1/users/${approver2.id}`).set(t.admin.auth).send({ language: 'es' }).expect(200);
    expect(patched.body.language).toBe('es');
    await t.http.patch(`/api/v1/users/${buyer.id}`).set(t.admin.auth).send({ language: 'es' }).expect(200);
    // the language is no power: an admin sets their own; a bad one is refused by name
    await t.http.patch(`/api/v1/users/${t.admin.id}`).set(t.admin.auth).send({ language: 'es' }).expect(200);
    await t.http.patch(`/api/v1/users/${t.admin.id}`).set(t.admin.auth).send({ language: 'es', executive: true }).expect(403);
    await t.http.patch(`/api/v1/users/${t.admin.id}`).set(t.admin.auth).send({ language: 'en' }).expect(200);
    const bad = await t.http.patch(`/api/v1/users/${approver.id}`).set(t.admin.auth).send({ language: 'fr' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['language']);
    await proposeTopRanked(t, w);
    await t.http.post(`/api/v1/cases/${w.caseId}/transitions`).set(w.people.decider.auth).send({ to: 'APPROVAL' }).expect(200);
    const byLanguage = async () =>
      (await t.db.query(`SELECT kind, language, recipients, subject, text FROM messages WHERE case_id = $1 AND audience = 'buying_center' ORDER BY created_at, id`, [w.caseId])) as Array<Row & { language: string }>;
    let sent = (await byLanguage()).filter((r) => r.kind === 'approval.signature_awaited');
    expect(sent.map((r) => [r.recipients[0].email, r.language])).toEqual([[approver2.email, 'es']]);
    expect(sent[0].text).toContain('20.000,00 EUR');
    expect(sent[0].subject).not.toContain('A decision awaits your signature');
    await t.http.post(`/api/v1/cases/${w.caseId}/approvals`).set(approver2.auth).send({ verdict: 'approve' }).expect(201);
    sent = (await byLanguage()).filter((r) => r.kind === 'approval.signature_awaited');
    expect(sent.map((r) => [r.recipients[0].email, r.language])).toEqual([[approver2.email, 'es'], [approver.email, 'en']]);
    await t.http.post(`/api/v1/cases/${w.caseId}/approvals`).set(approver.auth).send({ verdict: 'approve' }).expect(201);
    const awarded = (await byLanguage()).filter((r) => r.kind === 'case.awarded');
    const languageOf = (email: string) => awarded.find((r) => r.recipients[0].email === email)?.language;
    expect([languageOf(buyer.email), languageOf(approver2.email), languageOf(approver.email)]).toEqual(['es', 'es', 'en']);
  });
});

describe('the reminder sweep', () => {
  it('reminds the approver after the policy days and tells the admins after more, each once however often it runs', async () => {
    const w = await caseInApproval(t, { prices: ['4000.00', '5000.00', '6000.00'] });
    const notices = t.app.get(SignatureNotices);
    const now = Date.now();
    // one day: nothing yet (policy: reminder after 2 days, escalation after 5)
    expect(await notices.sweep(new Date(now + 1 * DAY))).toMatchObject({ reminded: 0, escalated: 0 });
    expect(await notices.sweep(new Date(now + 3 * DAY))).toMatchObject({ reminded: 1, escalated: 0 });
    expect(await notices.sweep(new Date(now + 3 * DAY))).toMatchObject({ reminded: 0, escalated: 0 });
    const escalation = await notices.sweep(new Date(now + 6 * DAY));
    expect(escalation).toMatchObject({ reminded: 0, escalated: 1 });
    expect(await notices.sweep(new Date(now + 9 * DAY))).toMatchObject({ reminded: 0, escalated: 0 });
    const sent = await messages(w.caseId);
    expect(sent.map((r) => r.kind)).toEqual(['approval.signature_awaited', 'approval.reminder', 'approval.escalation']);
    expect(sent[1].subject).toMatch(/^\[.+\] Reminder: A decision awaits your signature/);
    expect(sent[1].text).toContain('It has waited 3 days.');
    expect(sent[2].recipients.map((r) => r.email)).toContain(t.admin.email);
    expect(sent[2].subject).toMatch(/Signature waiting for 6 days/);
  });

  it('the policy section is validated: the escalation comes after the reminder', async () => {
    const res = await t.http.put('/api/v1/policy').set(t.admin.auth).send({ signOff: { linkHours: 24, sessionMinutes: 30, reminderDays: 3, escalationDays: 3 } }).expect(400);
    expect(res.body.errors).toEqual([{ field: 'signOff.escalationDays', message: expect.stringContaining('must exceed reminderDays') }]);
    await t.http.put('/api/v1/policy').set(t.admin.auth).send({ signOff: { linkHours: 24, sessionMinutes: 30, extra: 1, reminderDays: 3, escalationDays: 4 } }).expect(400);
  });
});
