import { createUser } from './factories';
import { caseInDecision, proposeTopRanked } from './factories/whole-case';
import { startTestApp, type TestApp } from './setup/test-app';

/** Delegation while away through the API: who may name one, what is validated, what it lets the delegate do, the audit trail. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const DAY = 24 * 3600 * 1000;
const period = (fromDays: number, days: number) => ({
  from: new Date(Date.now() + fromDays * DAY).toISOString(),
  until: new Date(Date.now() + (fromDays + days) * DAY).toISOString(),
});

describe('delegations', () => {
  it('an approver names their delegate, lists and ends it; an admin may for someone absent; others may not; every change audited', async () => {
    const approver = await createUser(t, { orgRoles: ['approver'] });
    const delegate = await createUser(t, { name: 'Dora Delegate', orgRoles: ['approver'] });
    const other = await createUser(t, { orgRoles: ['approver'] });
    const buyer = await createUser(t, { orgRoles: ['procurement'] });
    const created = await t.http.post(`/api/v1/users/${approver.id}/delegations`).set(approver.auth).send({ delegateId: delegate.id, ...period(-1, 10) }).expect(201);
    expect(created.body).toMatchObject({ userId: approver.id, delegateId: delegate.id, delegateName: 'Dora Delegate', createdBy: approver.id, revokedAt: null });
    // an admin for someone absent
    await t.http.post(`/api/v1/users/${approver.id}/delegations`).set(t.admin.auth).send({ delegateId: other.id, ...period(20, 5) }).expect(201);
    // another approver finds nobody there; a user without the approver role may not delegate at all
    await t.http.post(`/api/v1/users/${approver.id}/delegations`).set(other.auth).send({ delegateId: other.id, ...period(0, 1) }).expect(404);
    await t.http.post(`/api/v1/users/${buyer.id}/delegations`).set(buyer.auth).send({ delegateId: delegate.id, ...period(0, 1) }).expect(403);
    await t.http.get(`/api/v1/users/${approver.id}/delegations`).set(other.auth).expect(404);
    const listed = (await t.http.get(`/api/v1/users/${approver.id}/delegations`).set(approver.auth).expect(200)).body;
    expect(listed.total).toBe(2);
    await t.http.delete(`/api/v1/users/${approver.id}/delegations`).set(approver.auth).expect(204);
    const after = (await t.http.get(`/api/v1/users/${approver.id}/delegations`).set(t.admin.auth).expect(200)).body;
    expect(after.items.every((d: { revokedAt: string | null }) => d.revokedAt !== null)).toBe(true);
    const audit = (await t.http.get('/api/v1/audit?limit=200').set(t.admin.auth).expect(200)).body.items.map((e: { action: string }) => e.action);
    expect(audit.filter((a: string) => a === 'delegation.created')).toHaveLength(2);
    expect(audit).toContain('delegation.revoked');
  });

  it('refuses a bad period, a delegate without the approver role, oneself, unknown fields — naming the field', async () => {
    const approver = await createUser(t, { orgRoles: ['approver'] });
    const plain = await createUser(t, { orgRoles: ['procurement'] });
    const post = (body: object) => t.http.post(`/api/v1/users/${approver.id}/delegations`).set(approver.auth).send(body).expect(400);
    const field = async (body: object) => (await post(body)).body.errors.map((e: { field: string }) => e.field);
    const delegate = await createUser(t, { orgRoles: ['approver'] });
    expect(await field({ delegateId: delegate.id, from: period(2, 1).from, until: period(1, 0).from })).toEqual(['until']);
    expect(await field({ delegateId: delegate.id, ...period(0, 200) })).toEqual(['until']);
    expect(await field({ delegateId: plain.id, ...period(0, 2) })).toEqual(['delegateId']);
    expect(await field({ delegateId: approver.id, ...period(0, 2) })).toEqual(['delegateId']);
    expect(await field({ delegateId: 'x', from: 'soon', until: period(0, 2).until })).toEqual(expect.arrayContaining(['delegateId', 'from']));
    expect(await field({ delegateId: delegate.id, ...period(0, 2), extra: true })).toEqual(['extra']);
  });

  it('the delegate signs on behalf of the absent approver, recorded so; a delegate who is the case’s buyer is refused', async () => {
    const w = await caseInDecision(t, { prices: ['4300.00', '5000.00', '6000.00'] });
    const delegate = await createUser(t, { name: 'Dora Delegate', orgRoles: ['approver'] });
    await t.http.post(`/api/v1/users/${w.people.approver2.id}/delegations`).set(t.admin.auth).send({ delegateId: delegate.id, ...period(-1, 5) }).expect(201);
    await proposeTopRanked(t, w);
    await t.http.post(`/api/v1/cases/${w.caseId}/transitions`).set(w.people.decider.auth).send({ to: 'APPROVAL' }).expect(200);
    // the request for Abel's turn went to the delegate
    const [request] = await t.db.query(`SELECT recipients, text FROM messages WHERE case_id = $1 AND kind = 'approval.signature_awaited'`, [w.caseId]);
    expect(request.recipients).toEqual([{ name: 'Dora Delegate', email: delegate.email }]);
    expect(request.text).toContain(`on behalf of ${w.people.approver2.name}`);
    // not on their own account: they are no approver of the case
    await t.http.post(`/api/v1/cases/${w.caseId}/declarations`).set(delegate.auth).send({ conflict: false }).expect(201);
    await t.http.post(`/api/v1/cases/${w.caseId}/approvals`).set(delegate.auth).send({ verdict: 'approve' }).expect(403);
    // the buyer as a delegate is refused, by segregation of duties
    const buyer = w.people.buyer;
    await t.http.patch(`/api/v1/users/${buyer.id}`).set(t.admin.auth).send({ orgRoles: ['procurement', 'approver'] }).expect(200);
    await t.http.post(`/api/v1/users/${w.people.approver2.id}/delegations`).set(t.admin.auth).send({ delegateId: buyer.id, ...period(-1, 5) }).expect(201);
    const refused = await t.http.post(`/api/v1/cases/${w.caseId}/approvals`).set(buyer.auth).send({ verdict: 'approve', onBehalfOf: w.people.approver2.id }).expect(403);
    expect(refused.body).toMatchObject({ code: 'SOD_VIOLATION', detail: expect.stringContaining('as a delegate: you are a buyer') });
    const signed = await t.http.post(`/api/v1/cases/${w.caseId}/approvals`).set(delegate.auth).send({ verdict: 'approve', onBehalfOf: w.people.approver2.id }).expect(201);
    expect(signed.body).toMatchObject({ approverId: w.people.approver2.id, signedBy: delegate.id, caseStage: 'AWARDED' });
  });

  it('nobody signs on behalf of an approver who declared a conflict with a shortlisted supplier', async () => {
    const w = await caseInDecision(t, { prices: ['4300.00', '5000.00', '6000.00'] });
    const delegate = await createUser(t, { name: 'Dora Delegate', orgRoles: ['approver'] });
    await t.http.post(`/api/v1/users/${w.people.approver2.id}/delegations`).set(t.admin.auth).send({ delegateId: delegate.id, ...period(-1, 5) }).expect(201);
    await proposeTopRanked(t, w);
    await t.http.post(`/api/v1/cases/${w.caseId}/transitions`).set(w.people.decider.auth).send({ to: 'APPROVAL' }).expect(200);
    await t.http.post(`/api/v1/cases/${w.caseId}/declarations`).set(delegate.auth).send({ conflict: false }).expect(201);
    const supplierId = w.suppliers[1].id;
    await t.http.post(`/api/v1/cases/${w.caseId}/declarations`).set(w.people.approver2.auth).send({ conflict: true, supplierId, text: 'my brother-in-law runs it' }).expect(201);
    const refused = await t.http.post(`/api/v1/cases/${w.caseId}/approvals`).set(delegate.auth).send({ verdict: 'approve', onBehalfOf: w.people.approver2.id }).expect(403);
    expect(refused.body).toMatchObject({ code: 'CONFLICT_OF_INTEREST', supplierIds: [supplierId], detail: expect.stringContaining('the approver you sign for') });
    const signatures = await t.db.query('SELECT count(*)::int AS n FROM approvals WHERE case_id = $1', [w.caseId]);
    expect(signatures[0].n).toBe(0);
  });
});
