import { addMember, createCase, createUser } from './factories';
import { statementsOf } from './setup/query-counter';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * The guard's hot path (README "Authorization"): the token, its user and the caller's access to
 * the case named in the path come from one SQL statement; a refused request sends no other.
 */
describe('authentication and case access in one statement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const sent = (send: () => PromiseLike<unknown>) => statementsOf(t.db, send);

  it('refuses an unknown token, a case that does not exist and a case the caller may not see, each after one statement', async () => {
    const initiator = await createUser(t);
    const outsider = await createUser(t, { orgRoles: [] });
    const c = await createCase(t, initiator);
    const missing = '00000000-0000-4000-8000-000000000000';

    const unknown = await sent(() => t.http.get(`/api/v1/cases/${c.id}`).set({ Authorization: 'Bearer sev_nope' }).expect(401));
    const notFound = await sent(() => t.http.get(`/api/v1/cases/${missing}`).set(initiator.auth).expect(404));
    // a case the caller is no member of is not found for them (not revealed)
    const refused = await sent(() => t.http.get(`/api/v1/cases/${c.id}/audit`).set(outsider.auth).expect(404));
    for (const statements of [unknown, notFound, refused]) {
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/FROM api_tokens[\s\S]*JOIN users[\s\S]*LEFT JOIN cases[\s\S]*LEFT JOIN case_members/);
    }
  });

  it('lets a member in on the strength of that one statement: the handler’s own reads follow it', async () => {
    const initiator = await createUser(t);
    const member = await createUser(t, { orgRoles: [] });
    const c = await createCase(t, initiator);
    await addMember(t, c.id, initiator, member, ['evaluator']);
    const statements = await sent(() => t.http.get(`/api/v1/cases/${c.id}`).set(member.auth).expect(200));
    expect(statements[0]).toMatch(/FROM api_tokens/);
    expect(statements.slice(1).filter((s) => /api_tokens|case_members m ON m\.case_id = c\.id AND m\.user_id/.test(s))).toEqual([]);
  });
});
