import { WEBHOOK_EVENTS } from '../src/domain/webhooks/events';
import { createUser } from './factories';
import { createSupplier } from './factories/suppliers';
import { eventually } from './setup/smtp-sink';
import { startTestApp, type TestApp } from './setup/test-app';
import { freePort, WebhookReceiver } from './setup/webhook-receiver';

/** The payload keys each event may carry: ids, stages and the award's amount, nothing an offer or a score says. */
const KEYS: Record<string, string[]> = {
  'case.stage_changed': ['caseId', 'from', 'to'],
  'case.awarded': ['amount', 'caseId', 'currency', 'supplierId'],
  'round.closed': ['caseId', 'closedBy', 'round'],
  'approval.signed': ['approvalId', 'caseId', 'decisionId', 'verdict'],
  'report.stored': ['caseId', 'lang', 'sha256'],
  'supplier.blocked': ['supplierId'],
};

describe('webhooks (Standard Webhooks 1.0)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ messaging: { worker: true } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('admins register, list and delete endpoints; the secret is generated (whsec_…) and shown once; members are refused', async () => {
    const member = await createUser(t);
    const body = { url: 'https://erp.example.com/hooks', events: ['case.awarded'] };
    const refused = await t.http.post('/api/v1/webhooks').set(member.auth).send(body).expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    await t.http.get('/api/v1/webhooks').set(member.auth).expect(403);
    await t.http.post('/api/v1/webhooks').send(body).expect(401);

    const created = await t.http.post('/api/v1/webhooks').set(t.admin.auth).send(body).expect(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await t.http.get('/api/v1/webhooks').set(t.admin.auth).expect(200);
    const mine = listed.body.items.find((w: { id: string }) => w.id === created.body.id);
    expect(mine).toEqual({ id: created.body.id, url: body.url, events: ['case.awarded'], createdAt: created.body.createdAt });
    await t.http.get(`/api/v1/webhooks/${created.body.id}/deliveries`).set(member.auth).expect(403);
    await t.http.delete(`/api/v1/webhooks/${created.body.id}`).set(member.auth).expect(403);
    await t.http.delete(`/api/v1/webhooks/${created.body.id}`).set(t.admin.auth).expect(204);
    await t.http.delete(`/api/v1/webhooks/${created.body.id}`).set(t.admin.auth).expect(404);
    const audit = await t.http.get('/api/v1/audit?limit=500').set(t.admin.auth).expect(200);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['webhook.created', 'webhook.deleted']));
    expect(JSON.stringify(audit.body)).not.toContain(created.body.secret);
  });

  it('refuses a URL that is not http(s), credentials in it, an unknown event, a bad secret and unknown fields, naming each field', async () => {
    const cases: Array<[object, string]> = [
      [{ url: 'ftp://erp.example.com/x', events: ['case.awarded'] }, 'url'],
      [{ url: 'file:///etc/passwd', events: ['case.awarded'] }, 'url'],
      [{ url: 'https://user:pw@erp.example.com/x', events: ['case.awarded'] }, 'url'],
      [{ url: 'https://erp.example.com/x', events: ['case.deleted'] }, 'events'],
      [{ url: 'https://erp.example.com/x', events: [] }, 'events'],
      [{ url: 'https://erp.example.com/x', events: ['case.awarded'], secret: 'hunter2' }, 'secret'],
      [{ url: 'https://erp.example.com/x', events: ['case.awarded'], active: true }, 'active'],
    ];
    for (const [body, field] of cases) {
      const res = await t.http.post('/api/v1/webhooks').set(t.admin.auth).send(body).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('a whole case: every delivery verifies with the library, the receiver down then up gets the same webhook-id, no payload holds more than ids, stages and the award', async () => {
    const port = await freePort();
    let secret = '';
    const receiver = new WebhookReceiver(port, () => secret);
    const created = await t.http.post('/api/v1/webhooks').set(t.admin.auth).send({ url: receiver.url, events: [...WEBHOOK_EVENTS] }).expect(201);
    secret = created.body.secret;
    const endpoint = created.body.id as string;
    const deliveries = async () => (await t.http.get(`/api/v1/webhooks/${endpoint}/deliveries?limit=500`).set(t.admin.auth).expect(200)).body.items;

    // the receiver is down: the first event's attempts fail (connection refused) and are retried
    const builder = t.builder();
    await builder.build('SPECIFICATION');
    await eventually(async () => (await deliveries()).some((d: { attempts: unknown[] }) => d.attempts.length >= 1), 30_000, 'a failed attempt');
    const [first] = await deliveries();
    expect(first.eventType).toBe('case.stage_changed');
    expect(first.attempts[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/ECONNREFUSED/) });
    await receiver.start();
    try {
      const built = await builder.build('AWARDED');
      const supplier = await createSupplier(t);
      await t.http.patch(`/api/v1/suppliers/${supplier.id}`).set(t.admin.auth).send({ status: 'blocked', blockedReason: 'sanctions list' }).expect(200);
      await eventually(async () => (await deliveries()).every((d: { status: string }) => d.status === 'delivered'), 90_000, 'every delivery');
      const rows: Array<{ id: string; eventType: string; attempts: unknown[] }> = await deliveries();

      // down, then up: the same webhook-id, retried until delivered
      expect(first.status).not.toBe('delivered');
      expect(rows.find((d) => d.id === first.id)!.attempts.length).toBeGreaterThanOrEqual(2);
      expect(receiver.received.map((r) => r.id)).toContain(first.id);
      // every request verified with the library; one delivery per event, each webhook-id received
      expect(receiver.rejected).toBe(0);
      expect([...new Set(receiver.received.map((r) => r.id))].sort()).toEqual(rows.map((d) => d.id).sort());
      const types = rows.map((d) => d.eventType);
      expect(types.filter((x) => x === 'case.awarded')).toHaveLength(1);
      expect(types.filter((x) => x === 'report.stored')).toHaveLength(2);
      expect(types.filter((x) => x === 'supplier.blocked')).toHaveLength(1);
      expect(types).toEqual(expect.arrayContaining(['case.stage_changed', 'round.closed', 'approval.signed']));
      const stages = receiver.received.filter((r) => r.payload.type === 'case.stage_changed').map((r) => r.payload.data.to);
      expect(new Set(stages)).toEqual(new Set(['SPECIFICATION', 'SHORTLISTING', 'NEGOTIATION', 'DECISION', 'APPROVAL', 'AWARDED']));

      // thin payloads: exactly the listed keys; the only amount anywhere is the award's (no offer's price leaves)
      const awarded = receiver.received.find((r) => r.payload.type === 'case.awarded')!.payload.data;
      expect(awarded).toMatchObject({ caseId: built.caseId, supplierId: built.case.awardedSupplierId, currency: 'EUR' });
      for (const r of receiver.received) {
        expect([r.payload.type, Object.keys(r.payload.data).sort()]).toEqual([r.payload.type, KEYS[r.payload.type]]);
        const numeric = Object.entries(r.payload.data).filter(([k, v]) => k !== 'amount' && k !== 'round' && /^-?\d+(\.\d+)?$/.test(String(v)));
        expect([r.payload.type, numeric]).toEqual([r.payload.type, []]);
        // the other offers' prices (the builder's 10000.00, 10500.00, 11000.00; the cheapest won)
        for (const price of ['10500', '11000']) expect(r.body).not.toContain(price);
      }
    } finally {
      await receiver.stop();
    }
  });

  it('the webhook worker and the mail worker run on one pg-boss: one pool, under the workers\' one application name', async () => {
    const poolsOfThisApp = async () =>
      (
        (await t.db.query(
          `SELECT DISTINCT application_name AS name FROM pg_stat_activity
            WHERE datname = current_database() AND application_name LIKE 'supplier-evaluation-%' AND application_name <> 'supplier-evaluation'`,
        )) as Array<{ name: string }>
      ).map((r) => r.name);
    // both workers poll every 0.5 s, so their pool holds a connection
    await eventually(async () => (await poolsOfThisApp()).length > 0, 10_000, "the workers' pool");
    expect(await poolsOfThisApp()).toEqual(['supplier-evaluation-worker']);
  });

  it('a deleted endpoint receives nothing more', async () => {
    const created = await t.http.post('/api/v1/webhooks').set(t.admin.auth).send({ url: 'http://127.0.0.1:9/unused', events: ['supplier.blocked'] }).expect(201);
    await t.http.delete(`/api/v1/webhooks/${created.body.id}`).set(t.admin.auth).expect(204);
    const supplier = await createSupplier(t);
    await t.http.patch(`/api/v1/suppliers/${supplier.id}`).set(t.admin.auth).send({ status: 'blocked', blockedReason: 'fraud' }).expect(200);
    const listed = await t.http.get(`/api/v1/webhooks/${created.body.id}/deliveries`).set(t.admin.auth).expect(200);
    expect(listed.body).toEqual({ items: [], total: 0 });
  });
});
