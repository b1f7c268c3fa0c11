import { addMember, caseBody, caseWithBuyingCenter, createCase, createUser, tableCounts } from './factories';
import { orgRolesFor } from '../src/tools/case-builder';
import { startTestApp, type TestApp } from './setup/test-app';

describe('foundation: service, users, cases, buying center, lifecycle, audit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves /health with the database up, and the OpenAPI document', async () => {
    const health = await t.http.get('/health').expect(200);
    expect(health.body.info.database.status).toBe('up');
    const doc = await t.http.get('/docs-json').expect(200);
    expect(doc.body.paths['/api/v1/cases']).toBeDefined();
    await t.http.get('/docs').expect(200);
  });

  it('refuses a request without a valid token (401 problem+json), and a revoked token', async () => {
    const res = await t.http.get('/api/v1/cases').expect(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    await t.http.get('/api/v1/cases').set({ Authorization: 'Bearer sev_nope' }).expect(401);

    const user = await createUser(t);
    const token = await t.http.post(`/api/v1/users/${user.id}/tokens`).set(t.admin.auth).send({ label: 'laptop' }).expect(201);
    expect(token.body.token).toMatch(/^sev_/);
    const auth = { Authorization: `Bearer ${token.body.token}` };
    await t.http.get('/api/v1/cases').set(auth).expect(200);
    await t.http.delete(`/api/v1/tokens/${token.body.id}`).set(t.admin.auth).expect(204);
    await t.http.get('/api/v1/cases').set(auth).expect(401);
    // tokens are stored hashed, never in clear
    const [row] = await t.db.query('SELECT token_hash FROM api_tokens WHERE id = $1', [token.body.id]);
    expect(row.token_hash).not.toContain(token.body.token);
  });

  it('lets only admins manage users', async () => {
    const member = await createUser(t);
    await t.http.post('/api/v1/users').set(member.auth).send({ name: 'X', email: 'x@example.com', orgRole: 'member' }).expect(403);
    await t.http.get('/api/v1/users').set(member.auth).expect(403);
    const list = await t.http.get('/api/v1/users?limit=2').set(t.admin.auth).expect(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.total).toBeGreaterThanOrEqual(2);
  });

  it('creates a case (creator becomes initiator) with the Kraljic class and exact money', async () => {
    const initiator = await createUser(t);
    const c = await createCase(t, initiator, { estimatedBudget: '1234567.8901', profitImpact: 4, supplyRisk: 2 });
    expect(c).toMatchObject({ stage: 'NEED', kraljicCategory: 'leverage', estimatedBudget: '1234567.8901', currency: 'EUR' });
    expect(c.reference).toMatch(/^PC-\d{4}-\d{5}$/);
    const members = await t.http.get(`/api/v1/cases/${c.id}/members`).set(initiator.auth).expect(200);
    expect(members.body).toEqual([expect.objectContaining({ userId: initiator.id, roles: ['initiator'] })]);
  });

  it('derives every Kraljic class', async () => {
    const u = await createUser(t);
    const cases = [
      [3, 3, 'strategic'],
      [5, 1, 'leverage'],
      [2, 3, 'bottleneck'],
      [2, 2, 'routine'],
    ] as const;
    for (const [profitImpact, supplyRisk, expected] of cases) {
      const c = await createCase(t, u, { profitImpact, supplyRisk });
      expect(c.kraljicCategory).toBe(expected);
    }
  });

  it('lists only the caller’s cases, with filters and paging; a non-member gets 404', async () => {
    const alice = await createUser(t);
    const bob = await createUser(t);
    const a1 = await createCase(t, alice, { title: 'Forklift batteries', category: 'batteries' });
    await createCase(t, alice, { title: 'Office chairs', category: 'furniture', purchaseType: 'modified_rebuy' });
    await createCase(t, bob, { title: 'Forklift tyres', category: 'tyres' });

    const mine = await t.http.get('/api/v1/cases').set(alice.auth).expect(200);
    expect(mine.body.total).toBe(2);
    const byQ = await t.http.get('/api/v1/cases?q=forklift').set(alice.auth).expect(200);
    expect(byQ.body.items.map((c: { id: string }) => c.id)).toEqual([a1.id]);
    const byType = await t.http.get('/api/v1/cases?purchaseType=modified_rebuy').set(alice.auth).expect(200);
    expect(byType.body.items).toHaveLength(1);
    const paged = await t.http.get('/api/v1/cases?limit=1&offset=1').set(alice.auth).expect(200);
    expect(paged.body).toMatchObject({ total: 2, items: [expect.any(Object)] });

    await t.http.get(`/api/v1/cases/${a1.id}`).set(bob.auth).expect(404);
    await t.http.get(`/api/v1/cases/${a1.id}`).set(t.admin.auth).expect(200);
  });

  it('moves a case NEED → SPECIFICATION once the buying center is formed, and cancels it with a reason', async () => {
    const { caseId, people } = await caseWithBuyingCenter(t);
    const moved = await t.http
      .post(`/api/v1/cases/${caseId}/transitions`)
      .set(people.initiator.auth)
      .send({ to: 'SPECIFICATION' })
      .expect(200);
    expect(moved.body.stage).toBe('SPECIFICATION');

    await t.http.post(`/api/v1/cases/${caseId}/transitions`).set(people.buyer.auth).send({ to: 'CANCELLED' }).expect(400);
    const cancelled = await t.http
      .post(`/api/v1/cases/${caseId}/transitions`)
      .set(people.buyer.auth)
      .send({ to: 'CANCELLED', reason: 'budget withdrawn' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ stage: 'CANCELLED', cancelReason: 'budget withdrawn' });
    // terminal: read-only
    await t.http.patch(`/api/v1/cases/${caseId}`).set(people.initiator.auth).send({ title: 'x' }).expect(409);
    await t.http
      .post(`/api/v1/cases/${caseId}/transitions`)
      .set(people.initiator.auth)
      .send({ to: 'CANCELLED', reason: 'again' })
      .expect(409);
  });

  it('answers a transition with unmet preconditions with 409 listing every one of them', async () => {
    const initiator = await createUser(t);
    const c = await createCase(t, initiator);
    const res = await t.http.post(`/api/v1/cases/${c.id}/transitions`).set(initiator.auth).send({ to: 'SPECIFICATION' }).expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.unmet.map((u: { code: string }) => u.code).sort()).toEqual(
      ['MISSING_APPROVER', 'MISSING_BUYER', 'MISSING_DECIDER', 'MISSING_PRESCRIBER'].sort(),
    );
    // a skip is not a transition at all
    const skip = await t.http.post(`/api/v1/cases/${c.id}/transitions`).set(initiator.auth).send({ to: 'DECISION' }).expect(409);
    expect(skip.body.code).toBe('INVALID_TRANSITION');
    const after = await t.http.get(`/api/v1/cases/${c.id}`).set(initiator.auth).expect(200);
    expect(after.body.stage).toBe('NEED');
  });

  it('keeps the SPECIFICATION exit unmet until a specification exists', async () => {
    const { caseId, people } = await caseWithBuyingCenter(t);
    await t.http.post(`/api/v1/cases/${caseId}/transitions`).set(people.initiator.auth).send({ to: 'SPECIFICATION' }).expect(200);
    const res = await t.http
      .post(`/api/v1/cases/${caseId}/transitions`)
      .set(people.prescriber.auth)
      .send({ to: 'SHORTLISTING' })
      .expect(409);
    expect(res.body.unmet.map((u: { code: string }) => u.code)).toContain('NO_SPECIFICATION');
  });

  it('of two concurrent transitions of one case, exactly one wins and the other gets 409', async () => {
    const { caseId, people } = await caseWithBuyingCenter(t);
    const send = () => t.http.post(`/api/v1/cases/${caseId}/transitions`).set(people.initiator.auth).send({ to: 'SPECIFICATION' });
    const results = await Promise.all([send(), send(), send()]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const audit = await t.http.get(`/api/v1/cases/${caseId}/audit?limit=500`).set(people.initiator.auth).expect(200);
    expect(audit.body.items.filter((e: { action: string }) => e.action === 'case.transition')).toHaveLength(1);
  });

  it('keeps a hash-chained audit trail that verifies, and detects an edit made behind its back', async () => {
    const { caseId, people } = await caseWithBuyingCenter(t);
    await t.http.patch(`/api/v1/cases/${caseId}`).set(people.initiator.auth).send({ title: 'Compressors, revised' }).expect(200);
    const trail = await t.http.get(`/api/v1/cases/${caseId}/audit?limit=100`).set(people.buyer.auth).expect(200);
    const actions = trail.body.items.map((e: { action: string }) => e.action);
    expect(actions[0]).toBe('case.created');
    expect(actions).toContain('case.updated');
    expect(trail.body.items.map((e: { seq: number }) => e.seq)).toEqual(actions.map((_: string, i: number) => i + 1));

    const ok = await t.http.get(`/api/v1/cases/${caseId}/audit/verify`).set(people.buyer.auth).expect(200);
    expect(ok.body).toMatchObject({ valid: true, length: actions.length, firstBrokenSeq: null });

    // the application cannot rewrite history…
    await expect(t.db.query(`UPDATE audit_events SET action = 'x' WHERE case_id = $1 AND seq = 2`, [caseId])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`DELETE FROM audit_events WHERE case_id = $1`, [caseId])).rejects.toThrow(/append-only/);
    // …and someone who disables the guard with raw SQL is caught by the chain
    await t.db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
    await t.db.query(
      `UPDATE audit_events SET data = jsonb_set(data, '{roles}', '["approver"]') WHERE case_id = $1 AND seq = 3`,
      [caseId],
    );
    await t.db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    const broken = await t.http.get(`/api/v1/cases/${caseId}/audit/verify`).set(people.buyer.auth).expect(200);
    expect(broken.body).toMatchObject({ valid: false, firstBrokenSeq: 3 });
  });

  it('updates a case only in NEED or SPECIFICATION, by its initiator or buyer', async () => {
    const { caseId, people } = await caseWithBuyingCenter(t);
    await t.http.patch(`/api/v1/cases/${caseId}`).set(people.buyer.auth).send({ estimatedBudget: '90000.50' }).expect(200);
    await t.http.patch(`/api/v1/cases/${caseId}`).set(people.decider.auth).send({ title: 'no' }).expect(403);
    await t.http.patch(`/api/v1/cases/${caseId}`).set(people.outsider.auth).send({ title: 'no' }).expect(404);
    const c = await t.http.get(`/api/v1/cases/${caseId}`).set(people.decider.auth).expect(200);
    expect(c.body.estimatedBudget).toBe('90000.50');
  });

  describe('permissions: the role × action table, both ways', () => {
    const roles = ['initiator', 'prescriber', 'buyer', 'evaluator', 'gatekeeper', 'decider', 'approver'] as const;
    const actions = [
      { name: 'update the case', allowed: ['initiator', 'buyer'], run: (id: string) => ({ method: 'patch', path: `/api/v1/cases/${id}`, body: { unit: 'units' } }) },
      { name: 'manage members', allowed: ['initiator', 'buyer'], run: (id: string) => ({ method: 'post', path: `/api/v1/cases/${id}/members`, body: null }) },
      { name: 'read the case', allowed: [...roles], run: (id: string) => ({ method: 'get', path: `/api/v1/cases/${id}`, body: undefined }) },
      { name: 'read the audit trail', allowed: [...roles], run: (id: string) => ({ method: 'get', path: `/api/v1/cases/${id}/audit`, body: undefined }) },
      { name: 'cancel', allowed: ['initiator', 'buyer'], run: (id: string) => ({ method: 'post', path: `/api/v1/cases/${id}/transitions`, body: { to: 'CANCELLED', reason: 'test' } }) },
      { name: 'move NEED → SPECIFICATION', allowed: ['initiator', 'buyer'], run: (id: string) => ({ method: 'post', path: `/api/v1/cases/${id}/transitions`, body: { to: 'SPECIFICATION' } }) },
    ] as const;

    for (const action of actions) {
      for (const role of roles) {
        const allowed = (action.allowed as readonly string[]).includes(role);
        it(`${role} ${allowed ? 'may' : 'may not'} ${action.name}`, async () => {
          const initiator = await createUser(t);
          const c = await createCase(t, initiator);
          const actor = role === 'initiator' ? initiator : await createUser(t, { orgRoles: orgRolesFor([role]) });
          if (role !== 'initiator') await addMember(t, c.id, initiator, actor, [role]);
          const other = await createUser(t);
          for (const r of ['prescriber', 'buyer', 'decider', 'approver'] as const) {
            if (r !== role) await addMember(t, c.id, initiator, await createUser(t, { orgRoles: orgRolesFor([r]) }), [r]);
          }
          const req = action.run(c.id);
          const body = req.body === null ? { userId: other.id, roles: ['evaluator'] } : req.body;
          const call = (req.method === 'get' ? t.http.get(req.path) : req.method === 'patch' ? t.http.patch(req.path) : t.http.post(req.path)).set(actor.auth);
          const res = await (body === undefined ? call : call.send(body));
          if (allowed) expect(res.status).toBeLessThan(300);
          else expect(res.status).toBe(403);
        });
      }
    }

    it('an admin reads and cancels any case but cannot edit it', async () => {
      const initiator = await createUser(t);
      const c = await createCase(t, initiator);
      await t.http.get(`/api/v1/cases/${c.id}/audit/verify`).set(t.admin.auth).expect(200);
      await t.http.patch(`/api/v1/cases/${c.id}`).set(t.admin.auth).send({ title: 'x' }).expect(403);
      await t.http.post(`/api/v1/cases/${c.id}/transitions`).set(t.admin.auth).send({ to: 'CANCELLED', reason: 'duplicate' }).expect(200);
    });
  });

  describe('bad input gets 400/413 problem+json naming the field, and changes nothing', () => {
    const badBodies: Array<[string, Record<string, unknown>, string]> = [
      ['an unknown field', { ...caseBody(), colour: 'red' }, 'colour'],
      ['a wrong type', { ...caseBody(), quantity: 'two' }, 'quantity'],
      ['a missing field', (({ title: _t, ...rest }) => rest)(caseBody()), 'title'],
      ['a bad enum', { ...caseBody(), purchaseType: 'impulse_buy' }, 'purchaseType'],
      ['an over-long string', { ...caseBody(), title: 'x'.repeat(201) }, 'title'],
      ['a float budget', { ...caseBody(), estimatedBudget: 85000.1 }, 'estimatedBudget'],
      ['40 decimal places', { ...caseBody(), estimatedBudget: '1.' + '1'.repeat(40) }, 'estimatedBudget'],
      ['an unknown currency', { ...caseBody(), currency: 'EURO' }, 'currency'],
      ['an impossible date', { ...caseBody(), neededBy: '2027-02-30' }, 'neededBy'],
      ['a Kraljic score out of range', { ...caseBody(), supplyRisk: 6 }, 'supplyRisk'],
      ['a straight rebuy with no previous case', { ...caseBody(), purchaseType: 'straight_rebuy' }, 'previousCaseId'],
    ];
    for (const [what, body, field] of badBodies) {
      it(`POST /cases with ${what}`, async () => {
        const before = await tableCounts(t);
        const res = await t.http.post('/api/v1/cases').set(t.admin.auth).send(body).expect(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        expect(await tableCounts(t)).toEqual(before);
      });
    }

    it('a bad UUID in the path, bad query values, malformed JSON, an oversize body', async () => {
      const before = await tableCounts(t);
      const uuid = await t.http.get('/api/v1/cases/not-a-uuid').set(t.admin.auth).expect(400);
      expect(uuid.body.errors[0].field).toBe('id');
      const q = await t.http.get('/api/v1/cases?limit=0&stage=LIMBO&colour=red').set(t.admin.auth).expect(400);
      expect(q.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'limit', 'stage']);
      await t.http.post('/api/v1/cases').set(t.admin.auth).set('Content-Type', 'application/json').send('{"title":').expect(400);
      const huge = await t.http.post('/api/v1/cases').set(t.admin.auth).send({ ...caseBody(), businessNeed: 'x'.repeat(300_000) });
      expect(huge.status).toBe(413);
      expect(huge.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(await tableCounts(t)).toEqual(before);
    });

    it('members and transitions: bad roles, bad user, bad target stage', async () => {
      const initiator = await createUser(t);
      const c = await createCase(t, initiator);
      const before = await tableCounts(t);
      const bad = [
        [{ userId: initiator.id, roles: ['king'] }, 'roles'],
        [{ userId: initiator.id, roles: [] }, 'roles'],
        [{ userId: 'nope', roles: ['buyer'] }, 'userId'],
        [{ userId: '00000000-0000-4000-8000-000000000000', roles: ['buyer'] }, 'userId'],
        [{ userId: initiator.id, roles: ['buyer'], extra: 1 }, 'extra'],
      ] as const;
      for (const [body, field] of bad) {
        const res = await t.http.post(`/api/v1/cases/${c.id}/members`).set(initiator.auth).send(body).expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      const tr = await t.http.post(`/api/v1/cases/${c.id}/transitions`).set(initiator.auth).send({ to: 'HEAVEN' }).expect(400);
      expect(tr.body.errors[0].field).toBe('to');
      expect(await tableCounts(t)).toEqual(before);
    });

    it('users and tokens: duplicate email, bad email, bad role', async () => {
      const before = await tableCounts(t);
      for (const [body, field] of [
        [{ name: 'A', email: 'not-an-email', orgRole: 'member' }, 'email'],
        [{ name: 'A', email: 'a@example.com', orgRole: 'god' }, 'orgRole'],
        [{ name: '', email: 'a@example.com', orgRole: 'member' }, 'name'],
        [{ name: 'A', email: 'a@example.com', orgRole: 'member', executive: 'yes' }, 'executive'],
      ] as const) {
        const res = await t.http.post('/api/v1/users').set(t.admin.auth).send(body).expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      const dup = await t.http.post('/api/v1/users').set(t.admin.auth).send({ name: 'A', email: t.admin.email.toUpperCase(), orgRole: 'member' });
      expect(dup.status).toBe(409);
      await t.http.post('/api/v1/users/00000000-0000-4000-8000-000000000000/tokens').set(t.admin.auth).send({}).expect(404);
      expect(await tableCounts(t)).toEqual(before);
    });
  });
});
