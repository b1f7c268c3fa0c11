import { SignatureNotices } from '../src/modules/approver/signature-notices';
import { caseInApproval } from './factories/whole-case';
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
