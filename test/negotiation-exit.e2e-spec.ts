import { inMinutes } from './factories/negotiation';
import { leadTimeCriterion, priceCriterion, qualityCriterion, transition } from './factories/specification';
import { caseInShortlisting, createSupplier } from './factories/suppliers';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * Leaving NEGOTIATION needs a closed round with a compliant offer, and "compliant" is the one
 * requirement check (README "Mandatory requirements"): the matrix's verdict, the round
 * comparison's `compliant` and the exit precondition agree. An offer whose own answers are all
 * "met" but whose lead time is over the maximum, or whose supplier's certificate has expired or is
 * missing, is not a compliant offer.
 */
describe('leaving NEGOTIATION: a compliant offer is the matrix\'s verdict', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const requirements = [
    { text: 'Delivery within 120 days', type: 'max_lead_time_days', value: 120 },
    { text: 'Quality management', type: 'certification', value: 'ISO 9001' },
  ];
  const iso = (expiresOn: string) => [{ name: 'ISO 9001', issuedOn: '2019-01-01', expiresOn }];

  it('refuses NO_COMPLIANT_OFFER while every offer fails a requirement its answers claim to meet, then lets a compliant revision through', async () => {
    const spec = { description: 'Two oil-free screw compressors', requirements, criteria: [priceCriterion(), qualityCriterion(), leadTimeCriterion()] };
    const c = await caseInShortlisting(t, {}, spec);
    const base = `/api/v1/cases/${c.caseId}`;
    const participants = [
      { name: 'Too slow', certifications: iso('2099-12-31'), leadTimeDays: 125 },
      { name: 'Certificate expired', certifications: iso('2020-12-31'), leadTimeDays: 60 },
      { name: 'No certificate', certifications: [], leadTimeDays: 60 },
    ];
    const ids = new Map<string, string>();
    for (const p of participants) {
      const s = await createSupplier(t, { legalName: `${p.name} ${Math.random().toString(36).slice(2, 8)}`, certifications: p.certifications });
      ids.set(p.name, s.id);
      await t.http.post(`${base}/shortlist`).set(c.people.buyer.auth).send({ supplierId: s.id }).expect(201);
    }
    await t.http.post(`${base}/shortlist/approval`).set(c.people.gatekeeper.auth).send({}).expect(200);
    await transition(t, c.caseId, c.people.buyer, 'NEGOTIATION');

    const current = await t.http.get(`${base}/specification`).set(c.people.buyer.auth).expect(200);
    const compliance = current.body.requirements.map((r: { id: string }) => ({ requirementId: r.id, met: true }));
    const offer = (supplierId: string, leadTimeDays: number) => ({
      supplierId,
      totalPrice: '10000',
      currency: 'EUR',
      leadTimeDays,
      warrantyMonths: 24,
      paymentDays: 30,
      validUntil: '2099-12-31',
      compliance,
      values: [],
    });
    await t.http.post(`${base}/rounds`).set(c.people.buyer.auth).send({ deadline: inMinutes(60) }).expect(201);
    for (const p of participants) {
      await t.http.post(`${base}/rounds/1/offers`).set(c.people.buyer.auth).send(offer(ids.get(p.name)!, p.leadTimeDays)).expect(201);
    }
    const closed = await t.http.post(`${base}/rounds/1/close`).set(c.people.buyer.auth).send({}).expect(200);

    // the three verdicts agree: not compliant in the comparison, excluded by the matrix, no way out of NEGOTIATION
    expect(closed.body.comparison.items.map((i: { compliant: boolean }) => i.compliant)).toEqual([false, false, false]);
    const matrix = await t.http.get(`${base}/matrix`).set(c.people.decider.auth).expect(200);
    expect(matrix.body.ranking).toEqual([]);
    expect(new Set(matrix.body.excluded.map((e: { supplierId: string }) => e.supplierId))).toEqual(new Set(ids.values()));
    const refused = await transition(t, c.caseId, c.people.buyer, 'DECISION', 409);
    expect(refused.unmet.map((u: { code: string }) => u.code)).toEqual(['NO_COMPLIANT_OFFER']);

    // round 2: the slow supplier now delivers within the limit; that offer is compliant and the case may move on
    await t.http.post(`${base}/rounds`).set(c.people.buyer.auth).send({ deadline: inMinutes(60) }).expect(201);
    await t.http.post(`${base}/rounds/2/offers`).set(c.people.buyer.auth).send(offer(ids.get('Too slow')!, 100)).expect(201);
    const second = await t.http.post(`${base}/rounds/2/close`).set(c.people.buyer.auth).send({}).expect(200);
    expect(second.body.comparison.items.map((i: { supplierId: string; compliant: boolean }) => [i.supplierId, i.compliant])).toEqual([
      [ids.get('Too slow'), true],
    ]);
    const ranked = await t.http.get(`${base}/matrix`).set(c.people.decider.auth).expect(200);
    expect(ranked.body.ranking.map((r: { supplierId: string }) => r.supplierId)).toEqual([ids.get('Too slow')]);
    await transition(t, c.caseId, c.people.buyer, 'DECISION');
  });
});
