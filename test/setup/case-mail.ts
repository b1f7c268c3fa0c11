import { type MessagingOptions } from '../../src/modules/messages/messaging.options';
import { type ReceivedMail, eventually, SmtpSink } from './smtp-sink';
import { startTestApp, type TestApp } from './test-app';

/** A message as `GET /cases/:id/messages` lists it. */
export interface Listed {
  id: string;
  kind: string;
  status: string;
  recipients: Array<{ name: string; email: string }>;
  createdAt: string;
  sentAt: string | null;
}

export const messagesOf = async (t: TestApp, caseId: string, token: string): Promise<Listed[]> =>
  (await t.http.get(`/api/v1/cases/${caseId}/messages`).set({ Authorization: `Bearer ${token}` }).query({ limit: 200 }).expect(200)).body.items;

/** The mail of outbox row `messageId` once the SMTP server has it (exactly once). */
export async function sentMail(t: TestApp, sink: SmtpSink, messageId: string): Promise<ReceivedMail> {
  const [row] = await t.db.query(`SELECT message_id FROM messages WHERE id = $1`, [messageId]);
  await eventually(() => sink.count(row.message_id) === 1, 30_000, `message ${messageId} at the SMTP server`);
  return sink.received.find((r) => r.messageId === row.message_id)!;
}

/** The gatekeeper releases these messages and each arrives; the mails in the same order. */
export async function releaseAndReceive(t: TestApp, sink: SmtpSink, caseId: string, gatekeeperToken: string, ids: string[]): Promise<ReceivedMail[]> {
  if (ids.length > 0) {
    await t.http.post(`/api/v1/cases/${caseId}/messages/approval`).set({ Authorization: `Bearer ${gatekeeperToken}` }).send({ messageIds: ids }).expect(200);
  }
  const mails: ReceivedMail[] = [];
  for (const id of ids) mails.push(await sentMail(t, sink, id));
  return mails;
}

/** Opens round 1 (deadline in a week unless given) and issues its invitations; the tokens by supplier id. */
export async function openRoundAndInvite(t: TestApp, caseId: string, buyerToken: string, deadline = new Date(Date.now() + 7 * 24 * 3600 * 1000)): Promise<Map<string, string>> {
  const auth = { Authorization: `Bearer ${buyerToken}` };
  await t.http.post(`/api/v1/cases/${caseId}/rounds`).set(auth).send({ deadline: deadline.toISOString() }).expect(201);
  const issued = await t.http.post(`/api/v1/cases/${caseId}/rounds/1/invitations`).set(auth).send({}).expect(201);
  return new Map((issued.body as Array<{ supplierId: string; token: string }>).map((i) => [i.supplierId, i.token]));
}

/** A messages spec's app: the worker running, delivering to a real SMTP server started for the file. */
export async function startMailingApp(messaging: Partial<MessagingOptions> = {}): Promise<{ t: TestApp; sink: SmtpSink }> {
  const sink = await new SmtpSink().start();
  const t = await startTestApp({ messaging: { worker: true, smtpUrl: sink.url, publicUrl: 'https://buy.example.com', ...messaging } });
  return { t, sink };
}

export async function stopMailingApp(t: TestApp | undefined, sink: SmtpSink | undefined): Promise<void> {
  await t?.close();
  await sink?.stop();
}
