import { closeRound, negotiationCase, type NegotiationCase, openRound, recordOffer } from './factories/negotiation';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * Issue 14 item 4, sealed means sealed: while a round is open, the buyer's re-confirmation answers
 * the same whatever the offer holds; the offer's validity against the new specification is checked
 * when the round closes.
 */
describe('sealed re-confirmation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const criteria = [
    { name: 'Total cost', kind: 'price', direction: 'lower_is_better', source: 'offer.price', normalization: 'ratio', weight: 50 },
    { name: 'Energy use (kWh)', kind: 'technical', direction: 'lower_is_better', source: 'offer.value', normalization: 'ratio', weight: 20 },
    { name: 'Noise reduction (dB)', kind: 'technical', direction: 'higher_is_better', source: 'offer.value', normalization: 'minmax', weight: 10 },
    { name: 'Build quality', kind: 'quality', direction: 'higher_is_better', source: 'evaluator', normalization: 'scale', weight: 20 },
  ];

  /** The prescriber adds a payment-terms criterion compared by ratio: an offer with paymentDays 0 no longer answers it. */
  async function addPaymentTerms(n: NegotiationCase) {
    await t.http
      .put(`/api/v1/cases/${n.caseId}/specification`)
      .set(n.people.prescriber.auth)
      .send({
        description: 'Two screw compressors, 15 kW',
        requirements: [
          { text: 'ISO 9001 certified', type: 'certification', value: 'ISO 9001' },
          { text: 'Delivery within 30 days', type: 'max_lead_time_days', value: 30 },
        ],
        criteria: [...criteria, { name: 'Payment terms', kind: 'other', direction: 'higher_is_better', source: 'offer.paymentDays', normalization: 'ratio', weight: 10 }],
        reason: 'payment terms count',
      })
      .expect(200);
  }

  it("finding 4: while the round is open the buyer's re-confirmation answers alike whatever the sealed offer holds; validity is checked at close", async () => {
    const n = await negotiationCase(t);
    await openRound(t, n);
    const [a, b] = n.suppliers;
    await recordOffer(t, n, 1, a.id, { paymentDays: 30 }).expect(201);
    await recordOffer(t, n, 1, b.id, { paymentDays: 0 }).expect(201);
    await addPaymentTerms(n);

    const reconfirm = (supplierId: string) => t.http.post(`/api/v1/cases/${n.caseId}/rounds/1/offers/${supplierId}/reconfirm`).set(n.people.buyer.auth).send({});
    const first = await reconfirm(a.id);
    const second = await reconfirm(b.id);
    expect([first.status, second.status]).toEqual([200, 200]);
    const shape = (body: Record<string, unknown>) => ({ ...body, supplierId: 'x', submittedAt: 'x' });
    expect(shape(second.body)).toEqual(shape(first.body));
    expect(JSON.stringify(shape(second.body)).length).toBe(JSON.stringify(shape(first.body)).length);

    await closeRound(t, n, 1).expect(200);
    const offers = await t.http.get(`/api/v1/cases/${n.caseId}/rounds/1/offers`).set(n.people.buyer.auth).expect(200);
    const flags = new Map(offers.body.items.map((o: { supplierId: string; needsReconfirmation: boolean }) => [o.supplierId, o.needsReconfirmation]));
    expect(flags.get(a.id)).toBe(false);
    expect(flags.get(b.id)).toBe(true);
    const refused: Array<{ data: { supplierId: string; errors: Array<{ field: string }> } }> = await t.db.query(
      `SELECT data FROM audit_events WHERE case_id = $1 AND action = 'offer.reconfirmation_refused'`,
      [n.caseId],
    );
    expect(refused.map((e) => [e.data.supplierId, e.data.errors.map((p) => p.field)])).toEqual([[b.id, ['paymentDays']]]);
    const verify = await t.http.get(`/api/v1/cases/${n.caseId}/audit/verify`).set(n.people.buyer.auth).expect(200);
    expect(verify.body.valid).toBe(true);
  });
});
