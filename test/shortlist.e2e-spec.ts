import { randomBytes } from 'node:crypto';
import { tableCounts } from './factories';
import { auditActions, caseWithSameBuyingCenter, transition } from './factories/specification';
import { awardedCase, caseInShortlisting, createSupplier } from './factories/suppliers';
import { startTestApp, type TestApp, type TestUser } from './setup/test-app';

describe('shortlisting: suggestions, rules per purchase type, sole source, gatekeeper approval', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const newCategory = () => `compressors-${randomBytes(3).toString('hex')}`;
  const path = (caseId: string, rest = '') => `/api/v1/cases/${caseId}/shortlist${rest}`;
  const add = (caseId: string, who: TestUser, supplierId: string, reason?: string) =>
    t.http.post(path(caseId)).set(who.auth).send(reason === undefined ? { supplierId } : { supplierId, reason });
  const unmet = async (caseId: string, buyer: TestUser) => {
    const res = await t.http.post(`/api/v1/cases/${caseId}/transitions`).set(buyer.auth).send({ to: 'NEGOTIATION' }).expect(409);
    return res.body.unmet.map((u: { code: string }) => u.code);
  };
  const suppliersOf = async (category: string, n: number) => {
    const list = [];
    for (let i = 0; i < n; i++) list.push(await createSupplier(t, { categories: [category] }));
    return list;
  };

  it('suggests the active suppliers of the case’s category ranked by reliability, with failed certifications and shortlist flags', async () => {
    const category = newCategory();
    const { caseId, people } = await caseInShortlisting(t, { category });
    const strong = await createSupplier(t, { legalName: 'Strong AG', categories: [category, 'pumps'], financialRisk: 0 });
    for (const date of ['2026-05-01', '2026-07-01', '2026-09-01']) {
      await t.http.post(`/api/v1/suppliers/${strong.id}/performance`).set(t.admin.auth).send({ type: 'delivery', date, onTime: true, inFull: true }).expect(201);
    }
    const expired = await createSupplier(t, {
      legalName: 'Expired SL',
      categories: [category],
      financialRisk: 0.5,
      certifications: [{ name: 'iso 9001', issuedOn: '2022-01-01', expiresOn: '2025-12-31' }],
    });
    const uncertified = await createSupplier(t, { legalName: 'Uncertified Ltd', categories: [category], financialRisk: 0.3, certifications: [] });
    await createSupplier(t, { legalName: 'Blocked GmbH', categories: [category], status: 'blocked', blockedReason: 'fraud inquiry' });
    await createSupplier(t, { legalName: 'Elsewhere SA', categories: ['furniture'] });
    await add(caseId, people.buyer, expired.id).expect(201);

    const res = await t.http.get(path(caseId, '/suggestions')).set(people.evaluator.auth).expect(200);
    expect(res.body.total).toBe(3);
    const scores = new Map<string, number>();
    for (const s of [strong, expired, uncertified]) {
      scores.set(s.id, (await t.http.get(`/api/v1/suppliers/${s.id}/reliability`).set(people.evaluator.auth).expect(200)).body.score);
    }
    const expectedOrder = [strong, expired, uncertified].sort((a, b) => scores.get(b.id)! - scores.get(a.id)!).map((s) => s.id);
    expect(res.body.items.map((i: { supplierId: string }) => i.supplierId)).toEqual(expectedOrder);
    expect(expectedOrder[0]).toBe(strong.id);
    const byId = new Map(res.body.items.map((i: { supplierId: string }) => [i.supplierId, i]));
    const requirementId = (await t.http.get(`/api/v1/cases/${caseId}/specification`).set(people.buyer.auth).expect(200)).body.requirements.find(
      (r: { type: string }) => r.type === 'certification',
    ).id;
    expect(byId.get(strong.id)).toMatchObject({ score: scores.get(strong.id), fails: [], eligible: true, alreadyShortlisted: false, shortlistStatus: null });
    expect(byId.get(expired.id)).toMatchObject({
      fails: [{ requirementId, reason: '"ISO 9001" certification expired on 2025-12-31' }],
      eligible: false,
      alreadyShortlisted: true,
      shortlistStatus: 'shortlisted',
    });
    expect(byId.get(uncertified.id)).toMatchObject({ fails: [{ requirementId, reason: 'no "ISO 9001" certification on record' }] });
    const page = await t.http.get(path(caseId, '/suggestions?limit=1&offset=1')).set(people.buyer.auth).expect(200);
    expect(page.body).toMatchObject({ total: 3, items: [expect.objectContaining({ supplierId: expectedOrder[1] })] });
    await t.http.get(path(caseId, '/suggestions')).set(people.outsider.auth).expect(404);
  });

  it('new_task needs three shortlisted suppliers and the gatekeeper’s approval: 409 lists what is unmet, then it moves on', async () => {
    const category = newCategory();
    const { caseId, people } = await caseInShortlisting(t, { category, purchaseType: 'new_task' });
    const [a, b, c] = await suppliersOf(category, 3);
    expect(await unmet(caseId, people.buyer)).toEqual(['SHORTLIST_EMPTY', 'SHORTLIST_TOO_SHORT', 'SHORTLIST_NOT_APPROVED']);
    await add(caseId, people.buyer, a.id, 'incumbent for compressors').expect(201);
    await add(caseId, people.buyer, b.id).expect(201);
    await t.http.post(path(caseId, '/approval')).set(people.gatekeeper.auth).expect(200);
    expect(await unmet(caseId, people.buyer)).toEqual(['SHORTLIST_TOO_SHORT']);

    // the third supplier changes the shortlist: the approval given for two is withdrawn
    await add(caseId, people.buyer, c.id).expect(201);
    const list = await t.http.get(path(caseId)).set(people.decider.auth).expect(200);
    expect(list.body).toMatchObject({ total: 3, shortlisted: 3, minimum: 3, approval: { approved: false, approvedAt: null, approvedBy: null } });
    expect(await unmet(caseId, people.buyer)).toEqual(['SHORTLIST_NOT_APPROVED']);

    const approved = await t.http.post(path(caseId, '/approval')).set(people.gatekeeper.auth).expect(200);
    expect(approved.body.approval).toMatchObject({ approved: true, approvedBy: people.gatekeeper.id, approvedAt: expect.any(String) });
    const moved = await transition(t, caseId, people.buyer, 'NEGOTIATION');
    expect(moved.stage).toBe('NEGOTIATION');
    const actions = await auditActions(t, caseId);
    expect(actions.filter((a) => a === 'shortlist.supplier_added')).toHaveLength(3);
    expect(actions.filter((a) => a === 'shortlist.approved')).toHaveLength(2);
    expect(actions).toContain('shortlist.approval_cleared');
    // closed for changes once the case has moved on
    const [d] = await suppliersOf(category, 1);
    await add(caseId, people.buyer, d.id).expect(409);
    await t.http.get(`/api/v1/cases/${caseId}/audit/verify`).set(people.buyer.auth).expect(200).expect((r) => expect(r.body.valid).toBe(true));
  });

  it('modified_rebuy needs two shortlisted suppliers', async () => {
    const category = newCategory();
    const { caseId, people } = await caseInShortlisting(t, { category, purchaseType: 'modified_rebuy' });
    const [a, b] = await suppliersOf(category, 2);
    await add(caseId, people.buyer, a.id).expect(201);
    await t.http.post(path(caseId, '/approval')).set(people.gatekeeper.auth).expect(200);
    const codes = await unmet(caseId, people.buyer);
    expect(codes).toEqual(['SHORTLIST_TOO_SHORT']);
    const res = await t.http.post(`/api/v1/cases/${caseId}/transitions`).set(people.buyer.auth).send({ to: 'NEGOTIATION' }).expect(409);
    expect(res.body.unmet[0].message).toContain('at least 2');
    await add(caseId, people.buyer, b.id).expect(201);
    await t.http.post(path(caseId, '/approval')).set(people.gatekeeper.auth).expect(200);
    expect((await transition(t, caseId, people.buyer, 'NEGOTIATION')).stage).toBe('NEGOTIATION');
  });

  it('lets a single supplier through with a written sole-source justification (≥ 30 characters); writing it clears an approval', async () => {
    const category = newCategory();
    const { caseId, people } = await caseInShortlisting(t, { category });
    const [only] = await suppliersOf(category, 1);
    await add(caseId, people.buyer, only.id, 'the only maker of this compressor type').expect(201);
    await t.http.post(path(caseId, '/approval')).set(people.gatekeeper.auth).expect(200);
    expect(await unmet(caseId, people.buyer)).toEqual(['SHORTLIST_TOO_SHORT']);

    const before = await tableCounts(t);
    const short = await t.http.post(path(caseId, '/justification')).set(people.buyer.auth).send({ text: 'x'.repeat(29) }).expect(400);
    expect(short.body.errors[0].field).toBe('text');
    const padded = await t.http.post(path(caseId, '/justification')).set(people.buyer.auth).send({ text: `   ${'y'.repeat(28)}   ` }).expect(400);
    expect(padded.body.errors[0].field).toBe('text');
    await t.http.post(path(caseId, '/justification')).set(people.buyer.auth).send({}).expect(400);
    expect(await tableCounts(t)).toEqual(before);

    const text = 'Only Atlas holds the OEM licence for the installed compressor line; switching would void the plant warranty.';
    const justified = await t.http.post(path(caseId, '/justification')).set(people.buyer.auth).send({ text }).expect(200);
    expect(justified.body).toMatchObject({ soleSourceJustification: text, approval: { approved: false } });
    expect(await unmet(caseId, people.buyer)).toEqual(['SHORTLIST_NOT_APPROVED']);
    await t.http.post(path(caseId, '/approval')).set(people.gatekeeper.auth).expect(200);
    expect((await transition(t, caseId, people.buyer, 'NEGOTIATION')).stage).toBe('NEGOTIATION');
    const actions = await auditActions(t, caseId);
    expect(actions).toEqual(expect.arrayContaining(['shortlist.justification_set', 'shortlist.approval_cleared']));
  });

  it('in a straight rebuy shortlists only the incumbent of the previous case', async () => {
    const category = newCategory();
    const [incumbent, challenger] = await suppliersOf(category, 2);
    const previous = await awardedCase(t, incumbent.id, { category });
    const rebuy = await caseWithSameBuyingCenter(t, previous.people, { category, purchaseType: 'straight_rebuy', previousCaseId: previous.caseId });
    // the previous specification is copied frozen, so the case passes SPECIFICATION at once
    expect((await transition(t, rebuy.id, previous.people.initiator, 'SPECIFICATION')).stage).toBe('SHORTLISTING');
    const buyer = previous.people.buyer;

    const suggestions = await t.http.get(path(rebuy.id, '/suggestions')).set(buyer.auth).expect(200);
    const flags = new Map(suggestions.body.items.map((i: { supplierId: string; incumbent: boolean }) => [i.supplierId, i.incumbent]));
    expect(flags.get(incumbent.id)).toBe(true);
    expect(flags.get(challenger.id)).toBe(false);

    const before = await tableCounts(t);
    const refused = await add(rebuy.id, buyer, challenger.id).expect(422);
    expect(refused.body).toMatchObject({ code: 'UNPROCESSABLE', incumbentSupplierId: incumbent.id });
    expect(refused.body.errors[0].field).toBe('supplierId');
    expect(await tableCounts(t)).toEqual(before);
    await add(rebuy.id, buyer, incumbent.id).expect(201);
    expect(await unmet(rebuy.id, buyer)).toEqual(['SHORTLIST_NOT_APPROVED']);
    await t.http.post(path(rebuy.id, '/approval')).set(previous.people.gatekeeper.auth).expect(200);
    expect((await transition(t, rebuy.id, buyer, 'NEGOTIATION')).stage).toBe('NEGOTIATION');
  });

  it('refuses a blocked supplier, also when reinstating one that was blocked after it was excluded', async () => {
    const category = newCategory();
    const { caseId, people } = await caseInShortlisting(t, { category });
    const blocked = await createSupplier(t, { categories: [category], status: 'blocked', blockedReason: 'sanctions list' });
    const later = await createSupplier(t, { categories: [category] });
    const before = await tableCounts(t);
    const res = await add(caseId, people.buyer, blocked.id).expect(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'supplierId', message: expect.stringContaining('sanctions list') });
    expect(await tableCounts(t)).toEqual(before);

    await add(caseId, people.buyer, later.id).expect(201);
    await t.http.patch(`/api/v1/suppliers/${later.id}`).set(t.admin.auth).send({ status: 'blocked', blockedReason: 'insolvency' }).expect(200);
    // blocked after it was shortlisted: the gatekeeper cannot approve a shortlist that still holds it
    const approval = await t.http.post(path(caseId, '/approval')).set(people.gatekeeper.auth).expect(422);
    expect(approval.body.errors[0].message).toContain('blocked');
    await t.http.patch(path(caseId, `/${later.id}`)).set(people.buyer.auth).send({ status: 'excluded', reason: 'insolvent' }).expect(200);
    await t.http.patch(path(caseId, `/${later.id}`)).set(people.buyer.auth).send({ status: 'shortlisted', reason: 'second look' }).expect(422);
    const list = await t.http.get(path(caseId)).set(people.buyer.auth).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ supplierId: later.id, status: 'excluded', supplierStatus: 'blocked' })]);
  });

  it('excludes and reinstates with a reason (audited); the gatekeeper must approve again after the change', async () => {
    const category = newCategory();
    const { caseId, people } = await caseInShortlisting(t, { category });
    const [a, b, c] = await suppliersOf(category, 3);
    for (const s of [a, b, c]) await add(caseId, people.buyer, s.id).expect(201);

    // only the gatekeeper approves
    await t.http.post(path(caseId, '/approval')).set(people.buyer.auth).expect(403);
    await t.http.post(path(caseId, '/approval')).set(people.gatekeeper.auth).expect(200);
    await t.http.post(path(caseId, '/approval')).set(people.gatekeeper.auth).expect(409);

    const noReason = await t.http.patch(path(caseId, `/${b.id}`)).set(people.buyer.auth).send({ status: 'excluded' }).expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const excluded = await t.http
      .patch(path(caseId, `/${b.id}`))
      .set(people.buyer.auth)
      .send({ status: 'excluded', reason: 'fails the noise limit' })
      .expect(200);
    expect(excluded.body).toMatchObject({ supplierId: b.id, status: 'excluded', reason: 'fails the noise limit', legalName: b.legalName });
    const list = await t.http.get(path(caseId)).set(people.evaluator.auth).expect(200);
    expect(list.body).toMatchObject({ shortlisted: 2, excluded: 1, approval: { approved: false } });
    expect(await unmet(caseId, people.buyer)).toEqual(['SHORTLIST_TOO_SHORT', 'SHORTLIST_NOT_APPROVED']);

    await t.http.patch(path(caseId, `/${b.id}`)).set(people.buyer.auth).send({ status: 'shortlisted', reason: 'noise data corrected' }).expect(200);
    await t.http.post(path(caseId, '/approval')).set(people.gatekeeper.auth).expect(200);
    const [event] = await t.db.query(
      `SELECT data FROM audit_events WHERE case_id = $1 AND action = 'shortlist.supplier_excluded'`,
      [caseId],
    );
    expect(event.data).toMatchObject({ supplierId: b.id, from: 'shortlisted', to: 'excluded', reason: 'fails the noise limit' });
    const actions = await auditActions(t, caseId);
    expect(actions.filter((x) => x === 'shortlist.approval_cleared')).toHaveLength(1);
    expect(actions).toContain('shortlist.supplier_reinstated');
    expect((await transition(t, caseId, people.buyer, 'NEGOTIATION')).stage).toBe('NEGOTIATION');
  });

  it('checks roles both ways: the buyer writes, the gatekeeper approves, others get 403, an outsider 404', async () => {
    const category = newCategory();
    const { caseId, people } = await caseInShortlisting(t, { category });
    const [a, b] = await suppliersOf(category, 2);
    const before = await tableCounts(t);
    for (const who of [people.evaluator, people.decider, people.gatekeeper, people.prescriber, people.approver, people.initiator]) {
      await add(caseId, who, a.id).expect(403);
      await t.http.post(path(caseId, '/justification')).set(who.auth).send({ text: 'z'.repeat(40) }).expect(403);
    }
    await add(caseId, people.outsider, a.id).expect(404);
    await add(caseId, t.admin, a.id).expect(403);
    for (const who of [people.evaluator, people.decider, people.buyer]) {
      await t.http.post(path(caseId, '/approval')).set(who.auth).expect(403);
    }
    await t.http.post(path(caseId, '/approval')).set(people.outsider.auth).expect(404);
    expect(await tableCounts(t)).toEqual(before);

    await add(caseId, people.buyer, a.id).expect(201);
    await add(caseId, people.buyer, b.id).expect(201);
    for (const who of [people.evaluator, people.decider]) {
      await t.http.patch(path(caseId, `/${a.id}`)).set(who.auth).send({ status: 'excluded', reason: 'no' }).expect(403);
    }
    await t.http.patch(path(caseId, `/${a.id}`)).set(people.outsider.auth).send({ status: 'excluded', reason: 'no' }).expect(404);
    for (const who of [people.evaluator, people.decider, people.gatekeeper, t.admin]) {
      await t.http.get(path(caseId)).set(who.auth).expect(200);
    }
    await t.http.get(path(caseId)).set(people.outsider.auth).expect(404);
  });

  it('refuses bad input with 400 naming the field, a duplicate with 409, an unknown entry with 404, changing nothing', async () => {
    const category = newCategory();
    const { caseId, people } = await caseInShortlisting(t, { category });
    const [a] = await suppliersOf(category, 1);
    await add(caseId, people.buyer, a.id).expect(201);
    const before = await tableCounts(t);
    const bad: Array<[object, string]> = [
      [{ supplierId: 'nope' }, 'supplierId'],
      [{ supplierId: '00000000-0000-4000-8000-000000000000' }, 'supplierId'],
      [{ supplierId: a.id, reason: '' }, 'reason'],
      [{ supplierId: a.id, rank: 1 }, 'rank'],
    ];
    for (const [body, field] of bad) {
      const res = await t.http.post(path(caseId)).set(people.buyer.auth).send(body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const dup = await add(caseId, people.buyer, a.id).expect(409);
    expect(dup.body.errors[0].field).toBe('supplierId');
    const badStatus = await t.http.patch(path(caseId, `/${a.id}`)).set(people.buyer.auth).send({ status: 'maybe', reason: 'x' }).expect(400);
    expect(badStatus.body.errors[0].field).toBe('status');
    const badId = await t.http.patch(path(caseId, '/nope')).set(people.buyer.auth).send({ status: 'excluded', reason: 'x' }).expect(400);
    expect(badId.body.errors[0].field).toBe('supplierId');
    await t.http
      .patch(path(caseId, '/00000000-0000-4000-8000-000000000000'))
      .set(people.buyer.auth)
      .send({ status: 'excluded', reason: 'x' })
      .expect(404);
    const extra = await t.http.post(path(caseId, '/approval')).set(people.gatekeeper.auth).send({ extra: true }).expect(400);
    expect(extra.body.errors[0].field).toBe('extra');
    expect(await tableCounts(t)).toEqual(before);
    const approved = await t.http.post(path(caseId, '/approval')).set(people.gatekeeper.auth).send({ comment: 'checked against the vendor list' }).expect(200);
    expect(approved.body.approval.approved).toBe(true);
  });

  it('opens shortlist changes only in SHORTLISTING, and approval needs a shortlisted supplier', async () => {
    const category = newCategory();
    const { caseId, people } = await caseInShortlisting(t, { category });
    const [a] = await suppliersOf(category, 1);
    const empty = await t.http.post(path(caseId, '/approval')).set(people.gatekeeper.auth).expect(409);
    expect(empty.body.unmet.map((u: { code: string }) => u.code)).toEqual(['SHORTLIST_EMPTY']);
    await add(caseId, people.buyer, a.id).expect(201);
    await t.http.patch(path(caseId, `/${a.id}`)).set(people.buyer.auth).send({ status: 'excluded', reason: 'changed our mind' }).expect(200);
    await t.http.post(path(caseId, '/approval')).set(people.gatekeeper.auth).expect(409);

    await t.http.post(`/api/v1/cases/${caseId}/transitions`).set(people.buyer.auth).send({ to: 'CANCELLED', reason: 'need withdrawn' }).expect(200);
    await add(caseId, people.buyer, a.id).expect(409);
    await t.http.get(path(caseId)).set(people.buyer.auth).expect(200);
  });
});
