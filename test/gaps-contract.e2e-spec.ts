import { createCase, createUser } from './factories';
import { decisionCase, putScores } from './factories/evaluation';
import { caseInSpecification, putSpecification, specBody } from './factories/specification';
import { startTestApp, type TestApp } from './setup/test-app';

/** Contract names from the issues that no other spec reads back whole. */
describe('gaps: contract field names and enumerations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('a case answers with every contract field as sent, plus id, stage and kraljicCategory (issue 2)', async () => {
    const initiator = await createUser(t);
    const previous = await createCase(t, initiator);
    const body = {
      title: 'Pallet wrappers',
      businessNeed: 'Wrap 400 pallets a day',
      quantity: 3,
      unit: 'machines',
      estimatedBudget: '45000.25',
      currency: 'CHF',
      neededBy: '2027-06-30',
      category: 'packaging',
      purchaseType: 'modified_rebuy',
      profitImpact: 1,
      supplyRisk: 4,
      previousCaseId: previous.id,
    };
    const created = await t.http.post('/api/v1/cases').set(initiator.auth).send(body).expect(201);
    expect(created.body).toMatchObject({ ...body, id: expect.stringMatching(/^[0-9a-f-]{36}$/), stage: 'NEED', kraljicCategory: 'bottleneck' });
    const read = await t.http.get(`/api/v1/cases/${created.body.id}`).set(initiator.auth).expect(200);
    expect(read.body).toMatchObject({ ...body, id: created.body.id, stage: 'NEED', kraljicCategory: 'bottleneck' });
    const listed = await t.http.get('/api/v1/cases?purchaseType=modified_rebuy&category=packaging').set(initiator.auth).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ ...body, id: created.body.id })]);
  });

  it('the specification accepts every source and normalization of the contract, and returns an id for each item (issue 3)', async () => {
    const { caseId, people } = await caseInSpecification(t);
    const criteria = [
      { name: 'Price', kind: 'price', direction: 'lower_is_better', source: 'offer.price', normalization: 'ratio', weight: 3 },
      { name: 'Lead time', kind: 'delivery', direction: 'lower_is_better', source: 'offer.leadTimeDays', normalization: 'minmax', weight: 1 },
      { name: 'Warranty', kind: 'service', direction: 'higher_is_better', source: 'offer.warrantyMonths', normalization: 'ratio', weight: 1 },
      { name: 'Payment terms', kind: 'other', direction: 'higher_is_better', source: 'offer.paymentDays', normalization: 'minmax', weight: 1 },
      { name: 'Energy use', kind: 'sustainability', direction: 'lower_is_better', source: 'offer.value', normalization: 'ratio', weight: 1 },
      { name: 'Build quality', kind: 'quality', direction: 'higher_is_better', source: 'evaluator', normalization: 'scale', weight: 1 },
      { name: 'Track record', kind: 'reliability', direction: 'higher_is_better', source: 'reliability', normalization: 'scale', weight: 1 },
      { name: 'Design fit', kind: 'technical', direction: 'higher_is_better', source: 'evaluator', normalization: 'minmax', weight: 1 },
    ];
    const spec = await putSpecification(t, caseId, people.prescriber, specBody({ criteria }));
    expect(spec.criteria).toHaveLength(criteria.length);
    spec.criteria.forEach((c: Record<string, unknown>, i: number) => {
      expect(c).toMatchObject({ ...criteria[i], id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    });
    expect(spec.criteria.reduce((s: number, c: { normalizedWeight: number }) => s + c.normalizedWeight, 0)).toBeCloseTo(1, 12);
    const weights = await t.http.get(`/api/v1/cases/${caseId}/weights`).set(people.buyer.auth).expect(200);
    expect(Object.keys(weights.body)).toEqual(expect.arrayContaining(['strategic', 'rule', 'items']));
    for (const item of weights.body.items) expect(Object.keys(item)).toEqual(expect.arrayContaining(['criterionId', 'name', 'kind', 'base', 'effective']));
  });

  it('the sensitivity flag follows the policy threshold through HTTP (issue 6 with the policy of issue 7)', async () => {
    const d = await decisionCase(t);
    await putScores(t, d, d.people.evaluator, [
      { supplierId: d.suppliers.atlas.id, criterionId: d.criteria.quality, score: 7 },
      { supplierId: d.suppliers.boreal.id, criterionId: d.criteria.quality, score: 7.5 },
    ]).expect(200);
    const read = async () => (await t.http.get(`/api/v1/cases/${d.caseId}/sensitivity`).set(d.people.decider.auth).expect(200)).body;
    // Boreal .841667 vs Atlas .71: the smallest feasible change is lead time, |δ| = .131667 (13.2 points)
    const loose = await read();
    expect(Object.keys(loose)).toEqual(expect.arrayContaining(['winner', 'runnerUp', 'criteria', 'mostCritical', 'priceCutToWin', 'sensitive']));
    expect(loose.sensitive).toBe(false);
    const policy = (await t.http.get('/api/v1/policy').set(t.admin.auth).expect(200)).body;
    await t.http.put('/api/v1/policy').set(t.admin.auth).send({ sensitivity: { threshold: 0.14 } }).expect(200);
    try {
      expect((await read()).sensitive).toBe(true);
    } finally {
      await t.http.put('/api/v1/policy').set(t.admin.auth).send({ sensitivity: policy.sensitivity }).expect(200);
    }
    expect((await read()).sensitive).toBe(false);
  });
});
