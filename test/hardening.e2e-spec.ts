import { caseBody, createCase, createUser, grantOrgRoles, tableCounts } from './factories';
import { negotiationCase, offerBody, openRound } from './factories/negotiation';
import { caseInApproval, caseInDecision, proposeTopRanked } from './factories/whole-case';
import { startTestApp, type TestApp } from './setup/test-app';

/** Inputs found by probing the API for 500s and holes; each must be a clear 400/403/409 that changes nothing. */
describe('hardening: odd inputs and sideways paths', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const fields = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

  it('a body nested thousands of levels deep is a 400, not a stack overflow', async () => {
    const before = await tableCounts(t);
    const deep = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
    const res = await t.http.post('/api/v1/users').set(t.admin.auth).set('Content-Type', 'application/json').send(deep).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors[0].message).toMatch(/nested/);
    const arrays = '['.repeat(5000) + ']'.repeat(5000);
    await t.http.post('/api/v1/cases').set(t.admin.auth).set('Content-Type', 'application/json').send(arrays).expect(400);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('a NUL character in a text is refused naming the field', async () => {
    const before = await tableCounts(t);
    const res = await t.http.post('/api/v1/cases').set(t.admin.auth).send({ ...caseBody(), title: 'a\u0000b' }).expect(400);
    expect(fields(res.body)).toEqual(['title']);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('numbers in exponent form are judged like any number (1e-7 has too many decimals)', async () => {
    const before = await tableCounts(t);
    const res = await t.http.post('/api/v1/cases').set(t.admin.auth).send({ ...caseBody(), quantity: 1e-7 }).expect(400);
    expect(fields(res.body)).toContain('quantity');
    await t.http.post('/api/v1/cases').set(t.admin.auth).send({ ...caseBody(), quantity: 1e3 }).expect(201);
    const supplier = await t.http
      .post('/api/v1/suppliers')
      .set(t.admin.auth)
      .send({ legalName: 'Exp SA', taxId: 'ES1E7', country: 'ES', financialRisk: 1e-7 })
      .expect(400);
    expect(fields(supplier.body)).toContain('financialRisk');
    const after = await tableCounts(t);
    expect(after.cases).toBe(before.cases + 1);
  });

  it('PATCH with null is refused naming each field', async () => {
    const initiator = await createUser(t);
    const c = await createCase(t, initiator);
    const res = await t.http.patch(`/api/v1/cases/${c.id}`).set(initiator.auth).send({ title: null, quantity: null }).expect(400);
    expect(fields(res.body).sort()).toEqual(['quantity', 'title']);
  });

  it('arrays where objects belong are a 400', async () => {
    const w = await caseInDecision(t);
    await t.http.put(`/api/v1/cases/${w.caseId}/scores`).set(w.people.evaluator.auth).send({ scores: [[]] }).expect(400);
    // a method the path does not have: 405 with Allow (was 404 before the contract issue)
    const post = await t.http.post('/api/v1/policy').set(t.admin.auth).send([]).expect(405);
    expect(post.headers.allow).toBe('GET, PUT, HEAD');
    const policy = await t.http.put('/api/v1/policy').set(t.admin.auth).send({ approval: { bands: [[]] } }).expect(400);
    expect(policy.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('paging offsets beyond reason and round numbers not written plainly are 400s naming the parameter', async () => {
    const offset = await t.http.get('/api/v1/users?offset=100000000000000000000').set(t.admin.auth).expect(400);
    expect(fields(offset.body)).toContain('offset');
    const w = await caseInDecision(t);
    for (const n of ['01', '1.0', '1e0', '0', '-1']) {
      const res = await t.http.get(`/api/v1/cases/${w.caseId}/rounds/${n}`).set(w.people.buyer.auth).expect(400);
      expect(fields(res.body)).toEqual(['n']);
    }
    await t.http.get(`/api/v1/cases/${w.caseId}/rounds/1`).set(w.people.buyer.auth).expect(200);
  });

  it('nobody joins the buying center once sign-off has begun: a buyer cannot make themselves an approver', async () => {
    const w = await caseInApproval(t, { prices: ['120000.00', '125000.00', '130000.00'] });
    const before = await tableCounts(t);
    await t.http.post(`/api/v1/cases/${w.caseId}/members`).set(w.people.buyer.auth).send({ userId: w.people.buyer.id, roles: ['approver'] }).expect(409);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('a buyer in deed stays a buyer: giving up the role before APPROVAL does not make their approval count', async () => {
    const w = await caseInDecision(t, { prices: ['20000.00', '21000.00', '22000.00'] });
    // the buyer who ran the negotiation swaps their role for approver while the case is in DECISION
    await grantOrgRoles(t, w.people.buyer, ['procurement', 'approver']);
    await t.http.put(`/api/v1/cases/${w.caseId}/members/${w.people.buyer.id}`).set(w.people.initiator.auth).send({ roles: ['approver'] }).expect(200);
    await proposeTopRanked(t, w);
    await t.http.post(`/api/v1/cases/${w.caseId}/transitions`).set(w.people.decider.auth).send({ to: 'APPROVAL' }).expect(200);
    const res = await t.http.post(`/api/v1/cases/${w.caseId}/approvals`).set(w.people.buyer.auth).send({ verdict: 'approve' }).expect(403);
    expect(res.body.detail).toMatch(/buyer/);
    const pending = await t.http.get('/api/v1/approvals/pending').set(w.people.buyer.auth).expect(200);
    expect(pending.body.items).toEqual([]);
  });

  it('a body in a charset other than UTF-8 is a 415 naming Content-Type, even before authentication', async () => {
    const res = await t.http.post('/api/v1/cases').set('Content-Type', 'application/json; charset=iso-8859-1').send('{}').expect(415);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fields(res.body)).toEqual(['Content-Type']);
  });

  it('a CSV with bytes that are not UTF-8 is refused with the line, unless its charset is declared', async () => {
    const before = await tableCounts(t);
    const header = 'legalName,taxId,country';
    const bytes = Buffer.concat([Buffer.from(`${header}\nM`), Buffer.from([0xfc]), Buffer.from('ller GmbH,DE998877,DE\n')]);
    const res = await t.http.post('/api/v1/suppliers/import').set(t.admin.auth).set('Content-Type', 'text/csv').send(bytes).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'body', line: 2 })]);
    expect(await tableCounts(t)).toEqual(before);
    const latin1 = await t.http.post('/api/v1/suppliers/import').set(t.admin.auth).set('Content-Type', 'text/csv; charset=iso-8859-1').send(bytes).expect(200);
    expect(latin1.body).toMatchObject({ created: 1 });
    const found = await t.http.get('/api/v1/suppliers?q=ller').set(t.admin.auth).expect(200);
    expect(found.body.items.map((s: { legalName: string }) => s.legalName)).toContain('Müller GmbH');
  });

  it('a supplier blocked in the registry can no longer offer through the portal, and gets no new invitation', async () => {
    const n = await negotiationCase(t);
    await openRound(t, n);
    const first = await t.http.post(`/api/v1/cases/${n.caseId}/rounds/1/invitations`).set(n.people.buyer.auth).send({}).expect(201);
    const blocked = n.suppliers[0];
    const token = (first.body as Array<{ supplierId: string; token: string }>).find((i) => i.supplierId === blocked.id)!.token;
    await t.http.patch(`/api/v1/suppliers/${blocked.id}`).set(t.admin.auth).send({ status: 'blocked', blockedReason: 'sanctions list' }).expect(200);
    await t.http.post('/api/v1/supplier-portal/offers').set({ Authorization: `Bearer ${token}` }).send(offerBody(n)).expect(401);
    const again = await t.http.post(`/api/v1/cases/${n.caseId}/rounds/1/invitations`).set(n.people.buyer.auth).send({}).expect(201);
    expect((again.body as Array<{ supplierId: string }>).map((i) => i.supplierId)).not.toContain(blocked.id);
    await t.http
      .post(`/api/v1/cases/${n.caseId}/rounds/1/offers`)
      .set(n.people.buyer.auth)
      .send({ supplierId: blocked.id, ...offerBody(n) })
      .expect(400);
  });
});
