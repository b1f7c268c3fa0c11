import { addMember, grantOrgRoles, tableCounts } from './factories';
import { caseInApproval, caseInDecision, proposeTopRanked } from './factories/whole-case';
import { startTestApp, type TestApp, type TestUser } from './setup/test-app';

describe('approval sign-off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const sign = (caseId: string, who: TestUser, body: object) => t.http.post(`/api/v1/cases/${caseId}/approvals`).set(who.auth).send(body);
  const chain = async (caseId: string, who: TestUser) => (await t.http.get(`/api/v1/cases/${caseId}/approvals`).set(who.auth).expect(200)).body;
  const stage = async (caseId: string) => (await t.http.get(`/api/v1/cases/${caseId}`).set(t.admin.auth).expect(200)).body.stage;

  it.each([
    // the winner's price (EUR) decides the band: below 10,000 one; below 100,000 two; from 100,000 two plus an executive
    [['9999.99', '12000.00', '13000.00'], 1, false],
    [['10000.00', '12000.00', '13000.00'], 2, false],
    [['99999.99', '120000.00', '130000.00'], 2, false],
    [['100000.00', '120000.00', '130000.00'], 3, true],
  ])('a proposal of %j needs %i approvals (executive %s)', async (prices, required, executiveRequired) => {
    const w = await caseInApproval(t, { prices });
    const state = await chain(w.caseId, w.people.approver);
    expect(state).toMatchObject({ required, executiveRequired, complete: false, approvals: [] });
    expect(state.amount).toBe(prices[0]); // EUR: with its cents
  });

  it('entering APPROVAL needs enough eligible approvers: the 409 says who is missing', async () => {
    const w = await caseInDecision(t, { prices: ['150000.00', '160000.00', '170000.00'] });
    await t.http.delete(`/api/v1/cases/${w.caseId}/members/${w.people.executive.id}`).set(w.people.initiator.auth).expect(204);
    await t.http.delete(`/api/v1/cases/${w.caseId}/members/${w.people.approver2.id}`).set(w.people.initiator.auth).expect(204);
    // the decider is also an approver, but as the proposer cannot count
    await grantOrgRoles(t, w.people.decider, ['approver']);
    await addMember(t, w.caseId, w.people.initiator, w.people.decider, ['decider', 'approver']);
    await proposeTopRanked(t, w);
    const res = await t.http.post(`/api/v1/cases/${w.caseId}/transitions`).set(w.people.decider.auth).send({ to: 'APPROVAL' }).expect(409);
    const codes = res.body.unmet.map((u: { code: string }) => u.code);
    expect(codes).toEqual(expect.arrayContaining(['APPROVERS_MISSING', 'EXECUTIVE_APPROVER_MISSING']));
    expect(res.body.unmet.find((u: { code: string }) => u.code === 'APPROVERS_MISSING').message).toMatch(/needs 3 approvers .* has 1/);
    expect(await stage(w.caseId)).toBe('DECISION');
  });

  it('an approver who declared a conflict with a shortlisted supplier is not counted: the decision lacks an executive until the conflict is gone', async () => {
    const w = await caseInDecision(t, { prices: ['150000.00', '160000.00', '170000.00'] });
    await t.http
      .post(`/api/v1/cases/${w.caseId}/declarations`)
      .set(w.people.executive.auth)
      .send({ conflict: true, supplierId: w.suppliers[1].id, text: 'My brother-in-law runs its sales office' })
      .expect(201);
    await proposeTopRanked(t, w);
    const res = await t.http.post(`/api/v1/cases/${w.caseId}/transitions`).set(w.people.decider.auth).send({ to: 'APPROVAL' }).expect(409);
    expect(res.body.unmet.map((u: { code: string }) => u.code)).toEqual(expect.arrayContaining(['APPROVERS_MISSING', 'EXECUTIVE_APPROVER_MISSING']));
    expect(res.body.unmet.find((u: { code: string }) => u.code === 'APPROVERS_MISSING').message).toMatch(/needs 3 approvers .* has 2/);
    expect(await stage(w.caseId)).toBe('DECISION');
    // the executive is not asked either: their inbox stays empty, the report does not list them as one who may sign
    expect((await t.http.get('/api/v1/approvals/pending').set(w.people.executive.auth).expect(200)).body.total).toBe(0);
  });

  describe('one approver awards a small purchase', () => {
    /** 4,200.50 EUR: one approval, given by the approver */
    async function awarded() {
      const w = await caseInApproval(t, { prices: ['4200.50', '5000.00', '6000.00'] });
      const decision = (await t.http.get(`/api/v1/cases/${w.caseId}/decision`).set(w.people.approver.auth).expect(200)).body;
      const res = await sign(w.caseId, w.people.approver, { verdict: 'approve', comment: 'Fine.' }).expect(201);
      return { w, decision, res };
    }

    it('the approval signs the snapshot hash, and the case is AWARDED to the proposed supplier for its amount', async () => {
      const { w, decision, res } = await awarded();
      expect(res.body.snapshotHash).toBe(decision.snapshotHash);
      const record = (await t.http.get(`/api/v1/cases/${w.caseId}`).set(w.people.buyer.auth).expect(200)).body;
      expect(record).toMatchObject({ stage: 'AWARDED', awardedSupplierId: w.winner, awardedAmount: '4200.50' });
    });

    it('the AWARDED case is read-only: every write answers 409 and changes nothing', async () => {
      const { w } = await awarded();
      const before = await tableCounts(t);
      const writes: Array<[string, string, object]> = [
        ['patch', '', { title: 'x' }],
        ['post', '/transitions', { to: 'CANCELLED', reason: 'x' }],
        ['post', '/members', { userId: w.people.outsider.id, roles: ['evaluator'] }],
        ['put', '/specification', { description: 'x', requirements: [], criteria: [], reason: 'x' }],
        ['post', '/shortlist', { supplierId: w.suppliers[0].id }],
        ['post', '/rounds', { deadline: new Date(Date.now() + 3_600_000).toISOString() }],
        ['put', '/exchange-rates', { rates: [{ currency: 'USD', rate: '0.9' }] }],
        ['put', '/scores', { scores: [] }],
        ['post', '/decision', { supplierId: w.winner, justification: 'again' }],
        ['post', '/approvals', { verdict: 'approve' }],
      ];
      const roleFor: Record<string, TestUser> = {
        '': w.people.initiator,
        '/transitions': w.people.initiator,
        '/members': w.people.initiator,
        '/specification': w.people.prescriber,
        '/shortlist': w.people.buyer,
        '/rounds': w.people.buyer,
        '/exchange-rates': w.people.buyer,
        '/scores': w.people.evaluator,
        '/decision': w.people.decider,
        '/approvals': w.people.approver2,
      };
      for (const [method, path, body] of writes) {
        const url = `/api/v1/cases/${w.caseId}${path}`;
        const req = method === 'patch' ? t.http.patch(url) : method === 'put' ? t.http.put(url) : t.http.post(url);
        const res = await req.set(roleFor[path].auth).send(body);
        expect({ path, status: res.status }).toEqual({ path, status: 409 });
      }
      expect(await tableCounts(t)).toEqual(before);
    });

    it('the audit chain verifies and records the chain, the approval and one award', async () => {
      const { w } = await awarded();
      const verify = await t.http.get(`/api/v1/cases/${w.caseId}/audit/verify`).set(w.people.buyer.auth).expect(200);
      expect(verify.body.valid).toBe(true);
      const audit = await t.http.get(`/api/v1/cases/${w.caseId}/audit?limit=500`).set(w.people.buyer.auth).expect(200);
      const actions: string[] = audit.body.items.map((e: { action: string }) => e.action);
      expect(actions.filter((a) => a === 'case.awarded')).toHaveLength(1);
      expect(actions).toEqual(expect.arrayContaining(['approval.chain_set', 'approval.approve', 'case.awarded']));
    });
  });

  it('the band is chosen by the amount converted to the base currency (9,000 USD at 1.2 = 10,800 EUR needs two)', async () => {
    const w = await caseInApproval(t, { prices: ['9000.00', '9500.00', '9800.00'], offerCurrency: 'USD', rate: '1.2' });
    const state = await chain(w.caseId, w.people.approver);
    expect(state).toMatchObject({ required: 2, executiveRequired: false, amount: '10800.00', currency: 'EUR' });
    await sign(w.caseId, w.people.approver, { verdict: 'approve' }).expect(201);
    await sign(w.caseId, w.people.approver2, { verdict: 'approve' }).expect(201);
    const awarded = (await t.http.get(`/api/v1/cases/${w.caseId}`).set(w.people.buyer.auth).expect(200)).body;
    expect(awarded).toMatchObject({ stage: 'AWARDED', awardedAmount: '10800.00' });
  });

  it('from 100,000 two approvals are not enough without an executive', async () => {
    const w = await caseInApproval(t, { prices: ['150000.00', '160000.00', '170000.00'] });
    await sign(w.caseId, w.people.approver, { verdict: 'approve' }).expect(201);
    await sign(w.caseId, w.people.approver2, { verdict: 'approve' }).expect(201);
    expect(await stage(w.caseId)).toBe('APPROVAL');
    expect((await chain(w.caseId, w.people.approver)).complete).toBe(false);
    await sign(w.caseId, w.people.executive, { verdict: 'approve' }).expect(201);
    expect(await stage(w.caseId)).toBe('AWARDED');
  });

  it('the proposer and the case’s buyers may not approve (403 with the reason)', async () => {
    const w = await caseInDecision(t, { prices: ['20000.00', '25000.00', '26000.00'] });
    // the buying center is fixed before sign-off begins: the double roles are given in DECISION
    await grantOrgRoles(t, w.people.decider, ['approver']);
    await grantOrgRoles(t, w.people.buyer, ['procurement', 'approver']);
    await addMember(t, w.caseId, w.people.initiator, w.people.decider, ['decider', 'approver']);
    await addMember(t, w.caseId, w.people.initiator, w.people.buyer, ['buyer', 'approver']);
    await proposeTopRanked(t, w);
    await t.http.post(`/api/v1/cases/${w.caseId}/transitions`).set(w.people.decider.auth).send({ to: 'APPROVAL' }).expect(200);
    const before = await tableCounts(t);
    const proposer = await sign(w.caseId, w.people.decider, { verdict: 'approve' }).expect(403);
    expect(proposer.body.detail).toMatch(/proposed/);
    const buyer = await sign(w.caseId, w.people.buyer, { verdict: 'approve' }).expect(403);
    expect(buyer.body.detail).toMatch(/buyer/);
    // and the roles without a signature at all
    await sign(w.caseId, w.people.evaluator, { verdict: 'approve' }).expect(403);
    await sign(w.caseId, w.people.outsider, { verdict: 'approve' }).expect(404);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('a person who approves twice counts once', async () => {
    const w = await caseInApproval(t, { prices: ['20000.00', '25000.00', '26000.00'] });
    await sign(w.caseId, w.people.approver, { verdict: 'approve' }).expect(201);
    await sign(w.caseId, w.people.approver, { verdict: 'approve' }).expect(201);
    const state = await chain(w.caseId, w.people.approver);
    expect(state.approvals).toHaveLength(1);
    expect(state.complete).toBe(false);
    expect(await stage(w.caseId)).toBe('APPROVAL');
  });

  it('a rejection needs a comment, lapses the other approvals and sends the case back to DECISION', async () => {
    const w = await caseInApproval(t, { prices: ['20000.00', '25000.00', '26000.00'] });
    await sign(w.caseId, w.people.approver, { verdict: 'approve' }).expect(201);
    const missing = await sign(w.caseId, w.people.approver2, { verdict: 'reject' }).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('comment');
    await sign(w.caseId, w.people.approver2, { verdict: 'reject', comment: 'The warranty terms are not acceptable.' }).expect(201);
    expect(await stage(w.caseId)).toBe('DECISION');
    const state = await chain(w.caseId, w.people.approver);
    expect(state.approvals.map((a: { lapsed: boolean }) => a.lapsed)).toEqual([true, true]);
    // the proposal is retired: the decider proposes again before the case can go back to APPROVAL
    const again = await t.http.post(`/api/v1/cases/${w.caseId}/transitions`).set(w.people.decider.auth).send({ to: 'APPROVAL' }).expect(409);
    expect(again.body.unmet.map((u: { code: string }) => u.code)).toContain('NO_PROPOSAL');
  });

  it('a rejection may send the case back to NEGOTIATION', async () => {
    const w = await caseInApproval(t, { prices: ['20000.00', '25000.00', '26000.00'] });
    await sign(w.caseId, w.people.approver, { verdict: 'reject', comment: 'Ask for a better price.', returnTo: 'NEGOTIATION' }).expect(201);
    expect(await stage(w.caseId)).toBe('NEGOTIATION');
  });

  it('bad sign-off input gets 400 naming the field and changes nothing', async () => {
    const w = await caseInApproval(t, { prices: ['20000.00', '25000.00', '26000.00'] });
    const before = await tableCounts(t);
    for (const [body, field] of [
      [{ verdict: 'maybe' }, 'verdict'],
      [{}, 'verdict'],
      [{ verdict: 'approve', returnTo: 'NEED' }, 'returnTo'],
      [{ verdict: 'approve', returnTo: 'NEGOTIATION' }, 'returnTo'],
      [{ verdict: 'approve', signature: 'x' }, 'signature'],
      [{ verdict: 'reject', comment: '' }, 'comment'],
    ] as const) {
      const res = await sign(w.caseId, w.people.approver, body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await tableCounts(t)).toEqual(before);
  });

  describe('signatures racing for the award', () => {
    const awardEvents = async (caseId: string) => {
      const audit = await t.http.get(`/api/v1/cases/${caseId}/audit?limit=500`).set(t.admin.auth).expect(200);
      expect(audit.body.items.filter((e: { action: string }) => e.action === 'case.awarded')).toHaveLength(1);
      expect((await t.http.get(`/api/v1/cases/${caseId}/audit/verify`).set(t.admin.auth).expect(200)).body.valid).toBe(true);
    };

    it('two approvers completing the chain at the same moment award the case once', async () => {
      const w = await caseInApproval(t, { prices: ['150000.00', '160000.00', '170000.00'] });
      await sign(w.caseId, w.people.approver, { verdict: 'approve' }).expect(201);
      const results = await Promise.all([
        sign(w.caseId, w.people.approver2, { verdict: 'approve' }),
        sign(w.caseId, w.people.executive, { verdict: 'approve' }),
      ]);
      expect(results.map((r) => r.status)).toEqual([201, 201]);
      expect(await stage(w.caseId)).toBe('AWARDED');
      await awardEvents(w.caseId);
    });

    it('one approver enough, two at once: the first awards, the second finds the case AWARDED', async () => {
      const small = await caseInApproval(t, { prices: ['5000.00', '6000.00', '7000.00'] });
      const race = await Promise.all([
        sign(small.caseId, small.people.approver, { verdict: 'approve' }),
        sign(small.caseId, small.people.approver2, { verdict: 'approve' }),
      ]);
      expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
      await awardEvents(small.caseId);
    });
  });

  it('nothing in the snapshot can be changed through the case while in APPROVAL: scores, offers and rates are closed', async () => {
    const w = await caseInApproval(t, { prices: ['20000.00', '25000.00', '26000.00'], profitImpact: 4, supplyRisk: 4 });
    const quality = w.criteria.find((c) => c.source === 'evaluator')!;
    // scores, offers, the specification, rates: every write that feeds the matrix is closed in APPROVAL
    await t.http
      .put(`/api/v1/cases/${w.caseId}/scores`)
      .set(w.people.evaluator.auth)
      .send({ scores: [{ supplierId: w.winner, criterionId: quality.id, score: 1 }] })
      .expect(409);
    await t.http.post(`/api/v1/cases/${w.caseId}/rounds/1/offers`).set(w.people.buyer.auth).send({}).expect(409);
    await t.http.put(`/api/v1/cases/${w.caseId}/exchange-rates`).set(w.people.buyer.auth).send({ rates: [{ currency: 'USD', rate: '1' }] }).expect(409);
  });

  it('an organization-wide policy change lapses the signatures; approving is refused, a rejection sends the case back', async () => {
    const w = await caseInApproval(t, { prices: ['20000.00', '25000.00', '26000.00'], profitImpact: 4, supplyRisk: 4 });
    await sign(w.caseId, w.people.approver, { verdict: 'approve' }).expect(201);
    // an organization-wide policy change moves the strategic weights, so the signed snapshot no longer holds
    await t.http.put('/api/v1/policy').set(t.admin.auth).send({ strategic: { multiplier: 3, floor: 0.5, cap: 0.9 } }).expect(200);
    try {
      const state = await chain(w.caseId, w.people.approver2);
      expect(state.stale).toBe(true);
      expect(state.approvals[0].lapsed).toBe(true);
      expect(state.complete).toBe(false);
      const refused = await sign(w.caseId, w.people.approver2, { verdict: 'approve' }).expect(409);
      expect(refused.body.detail).toMatch(/snapshot/);
      await sign(w.caseId, w.people.approver2, { verdict: 'reject', comment: 'Weights changed, re-propose.' }).expect(201);
      expect(await stage(w.caseId)).toBe('DECISION');
    } finally {
      await t.http.put('/api/v1/policy').set(t.admin.auth).send({ strategic: { multiplier: 2, floor: 0.3, cap: 0.9 } }).expect(200);
    }
  });

  describe('the cases waiting for my signature', () => {
    it('lists a case with the proposal, ranking, sensitivity and override flags', async () => {
      const w = await caseInApproval(t, { prices: ['20000.00', '25000.00', '26000.00'] });
      const mine = await t.http.get('/api/v1/approvals/pending').set(w.people.approver.auth).expect(200);
      const item = mine.body.items.find((i: { caseId: string }) => i.caseId === w.caseId);
      expect(item).toMatchObject({ proposal: { supplierId: w.winner }, override: false, sensitive: expect.any(Boolean) });
      expect(item.ranking[0]).toMatchObject({ supplierId: w.winner, rank: 1 });
    });

    it('drops a case once I signed it', async () => {
      const w = await caseInApproval(t, { prices: ['20000.00', '25000.00', '26000.00'] });
      await sign(w.caseId, w.people.approver, { verdict: 'approve' }).expect(201);
      const after = await t.http.get('/api/v1/approvals/pending').set(w.people.approver.auth).expect(200);
      expect(after.body.items.map((i: { caseId: string }) => i.caseId)).not.toContain(w.caseId);
    });

    it('lists nothing for a buyer', async () => {
      const w = await caseInApproval(t, { prices: ['20000.00', '25000.00', '26000.00'] });
      const buyer = await t.http.get('/api/v1/approvals/pending').set(w.people.buyer.auth).expect(200);
      expect(buyer.body.items).toEqual([]);
    });
  });
});
