import { caseBody, caseWithBuyingCenter, createCase, createUser, tableCounts } from './factories';
import { supplierBody } from './factories/suppliers';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * Issue 14 item 1 (organization roles beside the case roles, granted by admins, never by oneself;
 * the organization audit trail), item 6 (no event for no change) and issue 18 items 5 and 6
 * (members merge, replace and come in lists; a user's first token in the same answer).
 */
describe('organization roles, the organization trail and the buying center', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const caseEvents = async (caseId: string): Promise<Array<{ action: string; data: Record<string, unknown> }>> =>
    t.db.query('SELECT action, data FROM audit_events WHERE case_id = $1 ORDER BY seq', [caseId]);
  const orgTrail = async () => (await t.http.get('/api/v1/audit?limit=200').set(t.admin.auth).expect(200)).body as {
    items: Array<{ seq: number; actorId: string | null; action: string; data: Record<string, unknown> }>;
    total: number;
  };

  it('finding 1: a member who makes themselves buyer of their own case still cannot write the registry', async () => {
    const member = await createUser(t); // procurement: may open cases and be a buyer
    const c = await createCase(t, member);
    await t.http.post(`/api/v1/cases/${c.id}/members`).set(member.auth).send({ userId: member.id, roles: ['buyer'] }).expect(201);
    const before = await tableCounts(t);
    const refused = await t.http.post('/api/v1/suppliers').set(member.auth).send(supplierBody()).expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringMatching(/registry organization role/) });
    await t.http
      .post('/api/v1/suppliers/00000000-0000-4000-8000-000000000000/performance')
      .set(member.auth)
      .send({ type: 'incident', date: '2020-01-01', severity: 'critical', description: 'back-dated' })
      .expect(403);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('opening a case needs the procurement role; an admin grants it and the registry role, and the trail records each grant', async () => {
    const plain = await createUser(t, { orgRoles: [] });
    await t.http.post('/api/v1/cases').set(plain.auth).send(caseBody()).expect(403);
    await t.http.post('/api/v1/suppliers').set(plain.auth).send(supplierBody()).expect(403);

    const granted = await t.http.patch(`/api/v1/users/${plain.id}`).set(t.admin.auth).send({ orgRoles: ['registry', 'procurement'] }).expect(200);
    expect(granted.body).toMatchObject({ id: plain.id, orgRole: 'member', orgRoles: ['registry', 'procurement'], executive: false });
    expect((await t.http.get(`/api/v1/users/${plain.id}`).set(t.admin.auth).expect(200)).body.orgRoles).toEqual(['registry', 'procurement']);
    await t.http.post('/api/v1/cases').set(plain.auth).send(caseBody()).expect(201);
    await t.http.post('/api/v1/suppliers').set(plain.auth).send(supplierBody()).expect(201);

    const trail = await orgTrail();
    const grant = trail.items.filter((e) => e.action === 'user.roles_changed' && e.data.userId === plain.id);
    expect(grant).toEqual([
      expect.objectContaining({ actorId: t.admin.id, data: expect.objectContaining({ granted: ['registry', 'procurement'], withdrawn: [] }) }),
    ]);
    expect(trail.items.some((e) => e.action === 'user.created' && e.data.userId === plain.id)).toBe(true);
    expect(trail.items.map((e) => e.seq)).toEqual(trail.items.map((_, i) => i + 1));
  });

  it('nobody changes their own organization roles (SELF_GRANT), a member cannot grant at all, and an unchanged grant writes no event', async () => {
    const before = await tableCounts(t);
    const self = await t.http.patch(`/api/v1/users/${t.admin.id}`).set(t.admin.auth).send({ orgRoles: ['approver'] }).expect(403);
    expect(self.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(self.body.code).toBe('SELF_GRANT');
    const member = await createUser(t, { orgRoles: [] });
    const afterCreate = await tableCounts(t);
    const byMember = await t.http.patch(`/api/v1/users/${member.id}`).set(member.auth).send({ orgRoles: ['registry'] }).expect(403);
    expect(byMember.body.code).toBe('FORBIDDEN');
    await t.http.get('/api/v1/audit').set(member.auth).expect(403);
    expect(await tableCounts(t)).toEqual(afterCreate);
    expect(afterCreate.org_audit_events).toBe(before.org_audit_events + 1); // the user's creation only

    await t.http.patch(`/api/v1/users/${member.id}`).set(t.admin.auth).send({ orgRoles: ['approver'], executive: true }).expect(200);
    const once = await tableCounts(t);
    const same = await t.http.patch(`/api/v1/users/${member.id}`).set(t.admin.auth).send({ orgRoles: ['approver'], executive: true }).expect(200);
    expect(same.body).toMatchObject({ orgRoles: ['approver'], executive: true });
    expect(await tableCounts(t)).toEqual(once);
  });

  it('a case role is given only to a user whose organization roles allow it (ORG_ROLE_REQUIRED), all or nothing', async () => {
    const { caseId, people } = await caseWithBuyingCenter(t);
    const plain = await createUser(t, { orgRoles: [] });
    const evaluator = await createUser(t, { orgRoles: [] });
    const before = await tableCounts(t);
    const res = await t.http
      .post(`/api/v1/cases/${caseId}/members`)
      .set(people.initiator.auth)
      .send({ members: [{ userId: evaluator.id, roles: ['evaluator'] }, { userId: plain.id, roles: ['approver', 'buyer'] }] })
      .expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('ORG_ROLE_REQUIRED');
    expect(res.body.errors).toEqual([
      { field: 'members.1.roles', message: expect.stringMatching(/buyer role needs the procurement/) },
      { field: 'members.1.roles', message: expect.stringMatching(/approver role needs the approver/) },
    ]);
    expect(await tableCounts(t)).toEqual(before);
    // the approver organization role alone allows the approver case role
    await t.http.patch(`/api/v1/users/${plain.id}`).set(t.admin.auth).send({ orgRoles: ['approver'] }).expect(200);
    await t.http.post(`/api/v1/cases/${caseId}/members`).set(people.initiator.auth).send({ userId: plain.id, roles: ['approver'] }).expect(201);
  });

  it('members: POST merges roles and says what changed, PUT replaces them, a list adds several at once; no event when nothing changes', async () => {
    const { caseId, people } = await caseWithBuyingCenter(t);
    const base = `/api/v1/cases/${caseId}/members`;
    const eva = await createUser(t, { orgRoles: [] });
    const gus = await createUser(t, { orgRoles: [] });

    const added = await t.http
      .post(base)
      .set(people.initiator.auth)
      .send({ members: [{ userId: eva.id, roles: ['evaluator'] }, { userId: gus.id, roles: ['gatekeeper'] }] })
      .expect(201);
    expect(added.body.changes).toEqual([
      { userId: eva.id, roles: ['evaluator'], added: ['evaluator'], removed: [] },
      { userId: gus.id, roles: ['gatekeeper'], added: ['gatekeeper'], removed: [] },
    ]);
    expect(added.body.members.map((m: { userId: string }) => m.userId)).toEqual(expect.arrayContaining([eva.id, gus.id, people.buyer.id]));

    // re-adding with another role keeps the role held (finding 5 of issue 18)
    const merged = await t.http.post(base).set(people.initiator.auth).send({ userId: eva.id, roles: ['decider'] }).expect(201);
    expect(merged.body.changes).toEqual([{ userId: eva.id, roles: ['evaluator', 'decider'], added: ['decider'], removed: [] }]);
    expect(merged.body.members.find((m: { userId: string }) => m.userId === eva.id).roles).toEqual(['evaluator', 'decider']);

    // re-adding the same roles: nothing changed, no event (finding 6 of issue 14)
    const events = (await caseEvents(caseId)).length;
    const same = await t.http.post(base).set(people.initiator.auth).send({ userId: eva.id, roles: ['evaluator'] }).expect(201);
    expect(same.body.changes).toEqual([{ userId: eva.id, roles: ['evaluator', 'decider'], added: [], removed: [] }]);
    expect((await caseEvents(caseId)).length).toBe(events);

    const replaced = await t.http.put(`${base}/${eva.id}`).set(people.initiator.auth).send({ roles: ['decider'] }).expect(200);
    expect(replaced.body.changes).toEqual([{ userId: eva.id, roles: ['decider'], added: [], removed: ['evaluator'] }]);
    const last = (await caseEvents(caseId)).at(-1)!;
    expect(last).toEqual({
      action: 'member.roles_changed',
      data: { userId: eva.id, roles: ['decider'], previousRoles: ['evaluator', 'decider'], added: [], removed: ['evaluator'] },
    });
    const unchanged = (await caseEvents(caseId)).length;
    await t.http.put(`${base}/${eva.id}`).set(people.initiator.auth).send({ roles: ['decider'] }).expect(200);
    expect((await caseEvents(caseId)).length).toBe(unchanged);

    const twice = await t.http
      .post(base)
      .set(people.initiator.auth)
      .send({ members: [{ userId: gus.id, roles: ['evaluator'] }, { userId: gus.id, roles: ['decider'] }] })
      .expect(400);
    expect(twice.body.errors).toEqual([{ field: 'members.1.userId', message: 'this user is listed twice' }]);
    const both = await t.http.post(base).set(people.initiator.auth).send({ userId: gus.id, roles: ['evaluator'], members: [{ userId: gus.id, roles: ['decider'] }] }).expect(400);
    expect(both.body.errors.map((e: { field: string }) => e.field)).toEqual(['members']);
  });

  it('POST /users with withToken: true answers the first token, which works at once (one call instead of two)', async () => {
    const created = await t.http
      .post('/api/v1/users')
      .set(t.admin.auth)
      .send({ name: 'Tia Token', email: 'tia.token@example.com', orgRole: 'member', orgRoles: ['procurement'], withToken: true })
      .expect(201);
    expect(created.body).toMatchObject({ orgRoles: ['procurement'], token: { userId: created.body.id, token: expect.stringMatching(/^sev_/) } });
    await t.http.post('/api/v1/cases').set('Authorization', `Bearer ${created.body.token.token}`).send(caseBody()).expect(201);
    const plain = await t.http.post('/api/v1/users').set(t.admin.auth).send({ name: 'No Token', email: 'no.token@example.com', orgRole: 'member' }).expect(201);
    expect(plain.body).not.toHaveProperty('token');
    expect(plain.body.orgRoles).toEqual([]);
  });
});
