import { addMember, createUser, tableCounts } from './factories';
import { caseInApproval, caseInDecision, proposeTopRanked } from './factories/whole-case';
import { startTestApp, type TestApp, type TestUser } from './setup/test-app';

/** Gaps found in the audit of issue 7/8: the executive rule on its own, every AWARDED write, the stored report. */
describe('gaps: approval chain, the AWARDED case, the stored report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const sign = (caseId: string, who: TestUser, body: object) => t.http.post(`/api/v1/cases/${caseId}/approvals`).set(who.auth).send(body);
  const stage = async (caseId: string) => (await t.http.get(`/api/v1/cases/${caseId}`).set(t.admin.auth).expect(200)).body.stage;

  it('from 100,000 three approvals without an executive do not complete the chain; the executive’s does', async () => {
    const w = await caseInDecision(t, { prices: ['150000.00', '160000.00', '170000.00'] });
    // a third approver who is not an executive: with the executive rule broken, three signatures would award
    const third = await createUser(t, { name: 'Nora Nonexec', orgRoles: ['approver'] });
    await addMember(t, w.caseId, w.people.initiator, third, ['approver']);
    await proposeTopRanked(t, w);
    await t.http.post(`/api/v1/cases/${w.caseId}/transitions`).set(w.people.decider.auth).send({ to: 'APPROVAL' }).expect(200);

    for (const who of [w.people.approver, w.people.approver2, third]) await sign(w.caseId, who, { verdict: 'approve' }).expect(201);
    const chain = (await t.http.get(`/api/v1/cases/${w.caseId}/approvals`).set(third.auth).expect(200)).body;
    expect(chain).toMatchObject({ required: 3, executiveRequired: true, complete: false });
    expect(chain.approvals.filter((a: { lapsed: boolean }) => !a.lapsed)).toHaveLength(3);
    expect(await stage(w.caseId)).toBe('APPROVAL');

    await sign(w.caseId, w.people.executive, { verdict: 'approve' }).expect(201);
    expect(await stage(w.caseId)).toBe('AWARDED');
  });

  it('an AWARDED case refuses the writes not covered elsewhere (shortlist, rounds, invitations, AHP, members), changing nothing', async () => {
    const w = await caseInApproval(t, { prices: ['4000.00', '4500.00', '4800.00'] });
    await sign(w.caseId, w.people.approver, { verdict: 'approve' }).expect(201);
    expect(await stage(w.caseId)).toBe('AWARDED');
    const base = `/api/v1/cases/${w.caseId}`;
    const p = w.people;
    const writes: Array<[string, 'post' | 'patch' | 'delete', string, TestUser, object | undefined]> = [
      ['exclude from the shortlist', 'patch', `/shortlist/${w.suppliers[1].id}`, p.buyer, { status: 'excluded', reason: 'too late' }],
      ['sole-source justification', 'post', '/shortlist/justification', p.buyer, { text: 'A justification long enough to be accepted by the check.' }],
      ['shortlist approval', 'post', '/shortlist/approval', p.gatekeeper, {}],
      ['close a round', 'post', '/rounds/1/close', p.buyer, {}],
      ['eliminate a supplier', 'post', '/rounds/1/eliminations', p.buyer, { supplierId: w.suppliers[2].id, reason: 'after the award' }],
      ['issue invitations', 'post', '/rounds/1/invitations', p.buyer, {}],
      ['re-confirm an offer', 'post', `/rounds/1/offers/${w.suppliers[0].id}/reconfirm`, p.buyer, {}],
      ['apply AHP weights', 'post', '/criteria/ahp', p.prescriber, { criteria: w.criteria.map((c) => c.id), matrix: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] }],
      ['remove a member', 'delete', `/members/${p.evaluator2.id}`, p.initiator, undefined],
    ];
    const before = await tableCounts(t);
    for (const [what, method, path, who, body] of writes) {
      const req = t.http[method](`${base}${path}`).set(who.auth);
      const res = await (body === undefined ? req : req.send(body));
      expect({ what, status: res.status }).toEqual({ what, status: 409 });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect(await tableCounts(t)).toEqual(before);
  });

  it('serves the stored report of an AWARDED case even after the registry changes (not a re-render)', async () => {
    const w = await caseInApproval(t, { prices: ['4000.00', '4500.00', '4800.00'] });
    await sign(w.caseId, w.people.approver, { verdict: 'approve' }).expect(201);
    const get = () =>
      t.http
        .get(`/api/v1/cases/${w.caseId}/report.pdf`)
        .set(w.people.buyer.auth)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
    const first = await get();
    // a change a fresh render would show: the winner's legal name
    await t.http.patch(`/api/v1/suppliers/${w.winner}`).set(t.admin.auth).send({ legalName: 'Renamed After Award SA' }).expect(200);
    const second = await get();
    expect(Buffer.compare(first.body as Buffer, second.body as Buffer)).toBe(0);
    expect(second.headers['x-report-sha256']).toBe(first.headers['x-report-sha256']);
    expect((second.body as Buffer).toString('latin1')).not.toContain('Renamed After Award');
  });
});
