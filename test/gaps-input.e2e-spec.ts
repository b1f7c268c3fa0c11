import { caseWithBuyingCenter, createUser, tableCounts } from './factories';
import { negotiationCase, openRound } from './factories/negotiation';
import { createSupplier } from './factories/suppliers';
import { caseInDecision } from './factories/whole-case';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * "Bad input on every endpoint family": the existing specs show an oversize body on POST /cases only and
 * a bad path UUID on a few reads. Here every family gets both, and the unknown fields not tried elsewhere.
 */
describe('gaps: bad input on every endpoint family', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const BAD = 'not-a-uuid';
  const ZERO = '00000000-0000-4000-8000-000000000000';
  type Method = 'post' | 'put' | 'patch' | 'delete' | 'get';
  const send = (method: Method, path: string, auth: Record<string, string>, body?: unknown) => {
    const req = t.http[method](path).set(auth);
    return body === undefined ? req : req.send(body as object);
  };

  /** Every write that takes a JSON body, with the path ids filled by `id` (a case, user or supplier id). */
  const writes = (id: string): Array<[Method, string]> => [
    ['post', '/api/v1/users'],
    ['post', `/api/v1/users/${id}/tokens`],
    ['put', '/api/v1/policy'],
    ['post', '/api/v1/cases'],
    ['patch', `/api/v1/cases/${id}`],
    ['post', `/api/v1/cases/${id}/transitions`],
    ['post', `/api/v1/cases/${id}/members`],
    ['put', `/api/v1/cases/${id}/specification`],
    ['post', `/api/v1/cases/${id}/criteria/ahp`],
    ['post', '/api/v1/suppliers'],
    ['patch', `/api/v1/suppliers/${id}`],
    ['post', `/api/v1/suppliers/${id}/performance`],
    ['post', `/api/v1/cases/${id}/shortlist`],
    ['patch', `/api/v1/cases/${id}/shortlist/${ZERO}`],
    ['post', `/api/v1/cases/${id}/shortlist/justification`],
    ['post', `/api/v1/cases/${id}/shortlist/approval`],
    ['post', `/api/v1/cases/${id}/rounds`],
    ['post', `/api/v1/cases/${id}/rounds/1/close`],
    ['post', `/api/v1/cases/${id}/rounds/1/eliminations`],
    ['post', `/api/v1/cases/${id}/rounds/1/invitations`],
    ['post', `/api/v1/cases/${id}/rounds/1/offers`],
    ['put', `/api/v1/cases/${id}/exchange-rates`],
    ['put', `/api/v1/cases/${id}/scores`],
    ['post', `/api/v1/cases/${id}/decision`],
    ['post', `/api/v1/cases/${id}/approvals`],
    ['post', '/api/v1/supplier-portal/offers'],
  ];

  it('an oversize JSON body is a 413 problem+json on every write the caller may make, and nothing changes', async () => {
    const w = await caseInDecision(t);
    const before = await tableCounts(t);
    const huge = { notes: 'x'.repeat(300_000) };
    // auth before work: a write the access guard refuses is refused before its body is read, with the guard's own answer
    const GUARD_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'STAGE_NOT_ALLOWED', 'CASE_READ_ONLY'];
    let tooLarge = 0;
    for (const [method, path] of writes(w.caseId)) {
      const small = await send(method, path, t.admin.auth, { notes: 'x' });
      const res = await send(method, path, t.admin.auth, huge);
      const refused = GUARD_CODES.includes(small.body.code);
      const expected = refused ? { status: small.status, code: small.body.code } : { status: 413, code: 'PAYLOAD_TOO_LARGE' };
      expect({ path, method, status: res.status, code: res.body.code }).toEqual({ path, method, ...expected });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      if (!refused) tooLarge++;
    }
    expect(tooLarge).toBeGreaterThan(5);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('a path id that is not a UUID is a 400 naming the parameter on every endpoint, never a 500', async () => {
    const member = await createUser(t);
    const w = await caseInDecision(t);
    const n = await negotiationCase(t);
    const before = await tableCounts(t);
    const reads: Array<[Method, string]> = [
      ['get', `/api/v1/users/${BAD}`],
      ['delete', `/api/v1/tokens/${BAD}`],
      ['get', `/api/v1/cases/${BAD}/members`],
      ['delete', `/api/v1/cases/${BAD}/members/${ZERO}`],
      ['get', `/api/v1/cases/${BAD}/audit`],
      ['get', `/api/v1/cases/${BAD}/audit/verify`],
      ['get', `/api/v1/cases/${BAD}/specification`],
      ['get', `/api/v1/cases/${BAD}/specification/versions`],
      ['get', `/api/v1/cases/${BAD}/weights`],
      ['get', `/api/v1/suppliers/${BAD}/performance`],
      ['get', `/api/v1/suppliers/${BAD}/reliability`],
      ['get', `/api/v1/cases/${BAD}/shortlist`],
      ['get', `/api/v1/cases/${BAD}/shortlist/suggestions`],
      ['get', `/api/v1/cases/${BAD}/rounds`],
      ['get', `/api/v1/cases/${BAD}/rounds/1`],
      ['get', `/api/v1/cases/${BAD}/rounds/1/offers`],
      ['get', `/api/v1/cases/${BAD}/rounds/1/comparison`],
      ['get', `/api/v1/cases/${BAD}/exchange-rates`],
      ['get', `/api/v1/cases/${BAD}/scores`],
      ['get', `/api/v1/cases/${BAD}/matrix`],
      ['get', `/api/v1/cases/${BAD}/sensitivity`],
      ['get', `/api/v1/cases/${BAD}/robustness`],
      ['get', `/api/v1/cases/${BAD}/decision`],
      ['get', `/api/v1/cases/${BAD}/approvals`],
      ['get', `/api/v1/cases/${BAD}/report.pdf`],
      ['get', `/api/v1/cases/${BAD}/reports`],
    ];
    const all = [...writes(BAD).filter(([, p]) => p.includes(BAD)), ...reads];
    // a member meets the admin-only and registry-writer checks first (403); every case path is theirs to get wrong
    const forMember = all.filter(([method, p]) => p.startsWith('/api/v1/cases/') || (p.startsWith('/api/v1/suppliers/') && method === 'get'));
    for (const [who, paths] of [[t.admin, all], [member, forMember]] as const) {
      for (const [method, path] of paths) {
        const res = await send(method, path, who.auth, method === 'get' || method === 'delete' ? undefined : {});
        expect({ who: who.name, method, path, status: res.status }).toEqual({ who: who.name, method, path, status: 400 });
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('id');
      }
    }
    // the second id in a path is checked too (each in a stage where the caller may act)
    await openRound(t, n);
    for (const [method, path, who, field] of [
      ['delete', `/api/v1/cases/${w.caseId}/members/${BAD}`, w.people.initiator, 'userId'],
      ['get', `/api/v1/cases/${w.caseId}/rounds/1/offers/${BAD}/revisions`, w.people.buyer, 'supplierId'],
      ['post', `/api/v1/cases/${n.caseId}/rounds/1/offers/${BAD}/reconfirm`, n.people.buyer, 'supplierId'],
    ] as const) {
      const res = await send(method, path, who.auth, method === 'post' ? {} : undefined);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const after = await tableCounts(t);
    // opening the round is the only change (its case event, the organization trail's link of the case head, and the matrix's change log of its round and participants)
    expect({
      ...after,
      negotiation_rounds: before.negotiation_rounds,
      round_participants: before.round_participants,
      audit_events: before.audit_events,
      org_audit_events: before.org_audit_events,
      matrix_input_changes: before.matrix_input_changes,
    }).toEqual(before);
  });

  it('unknown fields on the bodies no other spec tries are refused naming the field, changing nothing', async () => {
    const w = await caseInDecision(t);
    const n = await negotiationCase(t);
    await openRound(t, n);
    // the portal reads no body before its token is a live invitation's (auth before work)
    const invitations = await t.http.post(`/api/v1/cases/${n.caseId}/rounds/1/invitations`).set(n.people.buyer.auth).send({}).expect(201);
    const invitation = { Authorization: `Bearer ${(invitations.body as Array<{ token: string }>)[0].token}` };
    const fresh = await caseWithBuyingCenter(t);
    const supplier = await createSupplier(t);
    const member = await createUser(t);
    const before = await tableCounts(t);
    const cases: Array<[Method, string, Record<string, string>, object, string]> = [
      ['post', `/api/v1/users/${member.id}/tokens`, t.admin.auth, { label: 'ci', scope: 'all' }, 'scope'],
      ['patch', `/api/v1/suppliers/${supplier.id}`, t.admin.auth, { legalName: 'X', rating: 'AAA' }, 'rating'],
      ['post', `/api/v1/suppliers/${supplier.id}/performance`, t.admin.auth, { type: 'incident', date: '2026-01-02', severity: 'minor', description: 'x', cost: 5 }, 'cost'],
      ['post', `/api/v1/cases/${w.caseId}/transitions`, w.people.decider.auth, { to: 'APPROVAL', force: true }, 'force'],
      ['post', `/api/v1/cases/${n.caseId}/rounds/1/eliminations`, n.people.buyer.auth, { supplierId: n.suppliers[2].id, reason: 'x', final: true }, 'final'],
      ['post', `/api/v1/cases/${n.caseId}/rounds/1/close`, n.people.buyer.auth, { early: true }, 'early'],
      ['post', `/api/v1/cases/${n.caseId}/rounds/1/invitations`, n.people.buyer.auth, { all: true }, 'all'],
      ['post', `/api/v1/cases/${n.caseId}/rounds/1/offers/${n.suppliers[0].id}/reconfirm`, n.people.buyer.auth, { force: true }, 'force'],
      ['post', '/api/v1/supplier-portal/offers/reconfirm', invitation, { price: '1' }, 'price'],
      ['patch', `/api/v1/cases/${fresh.caseId}`, fresh.people.initiator.auth, { title: 'x', stage: 'AWARDED' }, 'stage'],
    ];
    for (const [method, path, auth, body, field] of cases) {
      const res = await send(method, path, auth, body);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect({ path, fields: res.body.errors.map((e: { field: string }) => e.field) }).toEqual({ path, fields: expect.arrayContaining([field]) });
    }
    expect(await tableCounts(t)).toEqual(before);
  });
});
