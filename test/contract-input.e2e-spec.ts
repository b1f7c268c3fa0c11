import { createCase, createUser } from './factories';
import { decisionCase } from './factories/evaluation';
import { caseInSpecification, putSpecification, specBody } from './factories/specification';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * The findings of issue 15 ("A contract clients can generate from"), one behaviour per test; each
 * failed on the main of f751e5a (500s, a bad policy stored, keys dropped, U+FFFD stored, bodies read
 * as empty, 404 for a known path).
 */
describe('contract: no input breaks or bends the service', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const policyVersion = async () => (await t.http.get('/api/v1/policy').set(t.admin.auth).expect(200)).body.version as number;
  const fields = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

  describe.each(['strategic', 'reliability', 'approval', 'sensitivity'])('PUT /policy with %s', (section) => {
    it.each([
      ['null', null],
      ['[]', []],
      ['a string', 'x'],
    ])('set to %s is a 400 naming it, and stores nothing', async (_label, value) => {
      const before = await policyVersion();
      const res = await t.http.put('/api/v1/policy').set(t.admin.auth).send({ [section]: value }).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fields(res.body)).toContain(section);
      expect(await policyVersion()).toBe(before);
    });
  });

  it('PUT /policy with a partial section is a 400 naming the missing fields (no hole in the policy)', async () => {
    const before = await policyVersion();
    const res = await t.http.put('/api/v1/policy').set(t.admin.auth).send({ strategic: { multiplier: 2 } }).expect(400);
    expect([...new Set(fields(res.body))].sort()).toEqual(['strategic.cap', 'strategic.floor']);
    const nested = await t.http.put('/api/v1/policy').set(t.admin.auth).send({ reliability: { halfLifeDays: 365, priorStrength: 5, priorMean: 0.5, severity: [], weights: null } }).expect(400);
    expect(fields(nested.body)).toEqual(expect.arrayContaining(['reliability.severity', 'reliability.weights']));
    expect(await policyVersion()).toBe(before);
  });

  it('after a refused sensitivity: null, the sensitivity and report endpoints still answer (nothing was stored)', async () => {
    const before = (await t.http.get('/api/v1/policy').set(t.admin.auth).expect(200)).body;
    await t.http.put('/api/v1/policy').set(t.admin.auth).send({ sensitivity: null }).expect(400);
    const policy = await t.http.get('/api/v1/policy').set(t.admin.auth).expect(200);
    expect(policy.body.sensitivity).toEqual({ threshold: expect.any(Number), closeCallPercent: expect.any(Number) });
    expect(policy.body).toEqual(before);
    const d = await decisionCase(t);
    await t.http.get(`/api/v1/cases/${d.caseId}/sensitivity`).set(d.people.decider.auth).expect(200);
    await t.http.get(`/api/v1/cases/${d.caseId}/report.pdf`).set(d.people.decider.auth).expect(200);
  });

  it('PUT /policy {} and a PUT of the stored policy are no-ops: 200 with the current policy, no new version', async () => {
    const before = await policyVersion();
    const empty = await t.http.put('/api/v1/policy').set(t.admin.auth).send({}).expect(200);
    expect(empty.body.version).toBe(before);
    const current = (await t.http.get('/api/v1/policy').set(t.admin.auth)).body;
    const same = await t.http.put('/api/v1/policy').set(t.admin.auth).send({ strategic: current.strategic, sensitivity: current.sensitivity }).expect(200);
    expect(same.body.version).toBe(before);
    expect(await policyVersion()).toBe(before);
  });

  it.each(['requirements', 'criteria'])('PUT /specification with "id": null on one of the %s is a 400 naming it', async (list) => {
    const c = await caseInSpecification(t);
    const body = specBody() as unknown as Record<string, Array<Record<string, unknown>>>;
    body[list][0] = { ...body[list][0], id: null };
    const res = await t.http.put(`/api/v1/cases/${c.caseId}/specification`).set(c.people.prescriber.auth).send(body).expect(400);
    expect(fields(res.body)).toEqual([`${list}.0.id`]);
    await putSpecification(t, c.caseId, c.people.prescriber, specBody(), 200);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('a %s key is refused as an unknown field, top level and nested', async (key) => {
    const user = JSON.stringify({ name: 'Proto Type', email: `proto.${key.replace(/_/g, '')}@example.com`, orgRole: 'member' });
    const top = await t.http.post('/api/v1/users').set(t.admin.auth).set('Content-Type', 'application/json').send(`${user.slice(0, -1)},"${key}":{"x":1}}`).expect(400);
    expect(fields(top.body)).toEqual([key]);
    const c = await caseInSpecification(t);
    const spec = JSON.stringify(specBody()).replace('"criteria":[{', `"criteria":[{"${key}":{"polluted":true},`);
    const nested = await t.http.put(`/api/v1/cases/${c.caseId}/specification`).set(c.people.prescriber.auth).set('Content-Type', 'application/json').send(spec).expect(400);
    expect(fields(nested.body)).toEqual([`criteria.0.${key}`]);
  });

  it('a lone surrogate is refused with the field named, in text and in jsonb-stored fields, never stored as U+FFFD', async () => {
    const initiator = await createUser(t);
    const raw = (title: string) => `{"title":"${title}","businessNeed":"need","quantity":1,"unit":"pcs","estimatedBudget":"1","currency":"EUR","neededBy":"2027-01-01","category":"c","purchaseType":"new_task","profitImpact":1,"supplyRisk":1}`;
    const res = await t.http.post('/api/v1/cases').set(initiator.auth).set('Content-Type', 'application/json').send(raw('bad \\ud800 title')).expect(400);
    expect(fields(res.body)).toEqual(['title']);
    expect(res.body.detail).not.toMatch(/22P02/);
    const c = await caseInSpecification(t);
    const spec = JSON.stringify(specBody()).replace('"text":"ISO 9001 certified"', '"text":"ISO \\udc00 9001"');
    const nested = await t.http.put(`/api/v1/cases/${c.caseId}/specification`).set(c.people.prescriber.auth).set('Content-Type', 'application/json').send(spec).expect(400);
    expect(fields(nested.body)).toEqual(['requirements.0.text']);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM cases WHERE title LIKE '%' || chr(65533) || '%'`);
    expect(n).toBe(0);
  });

  it.each([
    ['text/plain', '{"strategic":{"multiplier":3,"floor":0.3,"cap":0.9}}'],
    ['application/x-www-form-urlencoded', 'strategic=1'],
    ['application/xml', '<policy/>'],
  ])('a %s body on a JSON route is a 415 naming Content-Type, and nothing runs', async (type, body) => {
    const before = await policyVersion();
    const res = await t.http.put('/api/v1/policy').set(t.admin.auth).set('Content-Type', type).send(body).expect(415);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fields(res.body)).toEqual(['Content-Type']);
    expect(await policyVersion()).toBe(before);
    const token = await t.http.post(`/api/v1/users/${t.admin.id}/tokens`).set(t.admin.auth).set('Content-Type', type).send(body).expect(415);
    expect(fields(token.body)).toEqual(['Content-Type']);
  });

  it.each(['utf-16', 'utf-16le', 'latin1', 'iso-8859-1', 'us-ascii'])('charset=%s on a JSON body is a 415 naming Content-Type', async (charset) => {
    const res = await t.http.put('/api/v1/policy').set(t.admin.auth).set('Content-Type', `application/json; charset=${charset}`).send('{}').expect(415);
    expect(fields(res.body)).toEqual(['Content-Type']);
    await t.http.put('/api/v1/policy').set(t.admin.auth).set('Content-Type', 'application/json; charset=UTF-8').send('{}').expect(200);
  });

  it.each([
    ['delete', '/api/v1/policy', 'GET, PUT, HEAD'],
    ['post', '/api/v1/policy', 'GET, PUT, HEAD'],
    ['put', '/api/v1/cases', 'POST, GET, HEAD'],
    ['delete', '/api/v1/suppliers/00000000-0000-4000-8000-000000000000', 'GET, PATCH, HEAD'],
    ['post', '/health', 'GET, HEAD'],
    ['post', '/docs-json', 'GET, HEAD'],
  ] as const)('%s %s (a known path, another method) is a 405 with Allow: %s', async (method, path, allow) => {
    const res = await t.http[method](path).set(t.admin.auth).expect(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    await t.http.get('/api/v1/no-such-path').set(t.admin.auth).expect(404);
  });

  it('a valid case still goes through every gate', async () => {
    const initiator = await createUser(t);
    await createCase(t, initiator);
  });
});
