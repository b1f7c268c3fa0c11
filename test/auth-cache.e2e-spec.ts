import { createCase, createUser, grantOrgRoles } from './factories';
import { statementsOf } from './setup/query-counter';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * The users behind API tokens are remembered for the routes that name no case (README "The HTTP
 * contract", the caller cache): a revocation or a change of roles made on this instance takes
 * effect on its very next request. Nothing here waits for the cache's lifetime.
 */
describe('the caller cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const sent = (send: () => PromiseLike<unknown>) => statementsOf(t.db, send);

  it('answers a repeated GET /cases from the token it remembers: only the list is read', async () => {
    const user = await createUser(t);
    await createCase(t, user);
    await t.http.get('/api/v1/cases?limit=1').set(user.auth).expect(200);
    const statements = await sent(() => t.http.get('/api/v1/cases?limit=1').set(user.auth).expect(200));
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toMatch(/api_tokens/);
    expect(statements[0]).toMatch(/FROM cases c/);
  });

  it('refuses a revoked token on the next request, though it was remembered', async () => {
    const user = await createUser(t);
    const issued = await t.http.post(`/api/v1/users/${user.id}/tokens`).set(t.admin.auth).send({ label: 'second' }).expect(201);
    const auth = { Authorization: `Bearer ${issued.body.token}` };
    await t.http.get('/api/v1/cases?limit=1').set(auth).expect(200);
    await t.http.get('/api/v1/cases?limit=1').set(auth).expect(200);
    await t.http.delete(`/api/v1/tokens/${issued.body.id}`).set(t.admin.auth).expect(204);
    const refused = await t.http.get('/api/v1/cases?limit=1').set(auth).expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    // the user's other token still works
    await t.http.get('/api/v1/cases?limit=1').set(user.auth).expect(200);
  });

  it('applies a withdrawn organization role on the next request, and a granted one', async () => {
    const user = await createUser(t);
    await t.http.get('/api/v1/cases?limit=1').set(user.auth).expect(200);
    await createCase(t, user);
    await grantOrgRoles(t, user, []);
    await t.http.post('/api/v1/cases').set(user.auth).send({}).expect(403);
    await grantOrgRoles(t, user, ['procurement']);
    await createCase(t, user);
  });

  it('applies a withdrawn admin role on the next request', async () => {
    const admin = await createUser(t, { orgRole: 'admin' });
    await t.http.get('/api/v1/users?limit=1').set(admin.auth).expect(200);
    await t.http.patch(`/api/v1/users/${admin.id}`).set(t.admin.auth).send({ orgRole: 'member' }).expect(200);
    await t.http.get('/api/v1/users?limit=1').set(admin.auth).expect(403);
  });

  it('still reads a case route’s token, user and access in its one statement', async () => {
    const user = await createUser(t);
    const c = await createCase(t, user);
    await t.http.get('/api/v1/cases?limit=1').set(user.auth).expect(200);
    const statements = await sent(() => t.http.get(`/api/v1/cases/${c.id}`).set(user.auth).expect(200));
    expect(statements[0]).toMatch(/FROM api_tokens[\s\S]*LEFT JOIN cases/);
  });
});
