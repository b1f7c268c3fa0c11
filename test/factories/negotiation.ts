import { randomUUID } from 'node:crypto';
import { inMinutes } from '../../src/tools/case-builder';
import { type TestApp, type TestUser } from '../setup/test-app';
import { type BuyingCenter, buyingCenter } from './index';

/**
 * A case in NEGOTIATION with a frozen specification and an approved shortlist, walked there
 * through the API by the case builder; only the negotiation itself is left to the spec.
 *
 * Specification: requirements "ISO 9001 certified" (certification) and "Delivery within 30 days"
 * (max_lead_time_days 30); criteria Total cost (offer.price, ratio, 50), Energy use (offer.value,
 * lower is better, ratio, 20), Noise reduction (offer.value, higher is better, minmax, 10), Build
 * quality (evaluator, 20). Suppliers: registry suppliers each holding the ISO 9001 certificate the
 * specification requires (valid until 2099), all shortlisted (a sole-source justification when fewer
 * than three).
 *
 * `approved: false` is the one state here the API cannot reach — NEGOTIATION without the
 * gatekeeper's approval — so it is made by clearing the approval with SQL afterwards.
 */
export interface NegotiationCase {
  caseId: string;
  people: BuyingCenter;
  suppliers: Array<{ id: string; name: string }>;
  requirements: Array<{ id: string; text: string }>;
  criteria: { price: string; energy: string; noise: string; quality: string };
}

export async function negotiationCase(
  t: TestApp,
  options: { currency?: string; suppliers?: number; approved?: boolean } = {},
): Promise<NegotiationCase> {
  const names = ['Atlas Kompressoren GmbH', 'Boreal Air SA', 'Cumulus Pneumatics Ltd', 'Delta Druckluft AG'];
  const built = await t
    .builder()
    .withCase({ currency: options.currency ?? 'EUR' })
    .withSpecification({
      description: 'Two screw compressors, 15 kW',
      requirements: [
        { text: 'ISO 9001 certified', type: 'certification', value: 'ISO 9001' },
        { text: 'Delivery within 30 days', type: 'max_lead_time_days', value: 30 },
      ],
      criteria: [
        { name: 'Total cost', kind: 'price', direction: 'lower_is_better', source: 'offer.price', normalization: 'ratio', weight: 50 },
        { name: 'Energy use (kWh)', kind: 'technical', direction: 'lower_is_better', source: 'offer.value', normalization: 'ratio', weight: 20 },
        { name: 'Noise reduction (dB)', kind: 'technical', direction: 'higher_is_better', source: 'offer.value', normalization: 'minmax', weight: 10 },
        { name: 'Build quality', kind: 'quality', direction: 'higher_is_better', source: 'evaluator', normalization: 'scale', weight: 20 },
      ],
    })
    .withSuppliers(
      Array.from({ length: options.suppliers ?? 3 }, (_, i) => ({
        key: `s${i}`,
        legalName: `${names[i % names.length]} ${randomUUID().slice(0, 6)}`,
        taxId: `DE${randomUUID().replace(/-/g, '').slice(0, 9)}`,
        categories: ['compressors'],
        certifications: [{ name: 'ISO 9001', issuedOn: '2020-01-01', expiresOn: '2099-12-31' }],
      })),
    )
    .build('NEGOTIATION');
  if (options.approved === false) {
    await t.db.query('UPDATE cases SET shortlist_approved_at = NULL, shortlist_approved_by = NULL WHERE id = $1', [built.caseId]);
  }
  return {
    caseId: built.caseId,
    people: buyingCenter(built),
    suppliers: built.suppliers.map(({ id, name }) => ({ id, name })),
    requirements: built.specification!.requirements.map(({ id, text }) => ({ id, text })),
    criteria: {
      price: built.criterionId('Total cost'),
      energy: built.criterionId('Energy use (kWh)'),
      noise: built.criterionId('Noise reduction (dB)'),
      quality: built.criterionId('Build quality'),
    },
  };
}

export { inMinutes };

/** A valid offer body for the case's specification (valid until a date well after any test deadline). */
export function offerBody(n: NegotiationCase, overrides: Record<string, unknown> = {}) {
  return {
    totalPrice: '1000',
    currency: 'EUR',
    leadTimeDays: 21,
    warrantyMonths: 24,
    paymentDays: 30,
    validUntil: '2099-12-31',
    compliance: n.requirements.map((r) => ({ requirementId: r.id, met: true })),
    values: [
      { criterionId: n.criteria.energy, value: 12.5 },
      { criterionId: n.criteria.noise, value: 0 },
    ],
    ...overrides,
  };
}

export async function openRound(t: TestApp, n: NegotiationCase, body: Record<string, unknown> = {}) {
  const res = await t.http
    .post(`/api/v1/cases/${n.caseId}/rounds`)
    .set(n.people.buyer.auth)
    .send({ deadline: inMinutes(60), ...body })
    .expect(201);
  return res.body as { number: number; participants: Array<{ supplierId: string }>; [k: string]: unknown };
}

export function recordOffer(t: TestApp, n: NegotiationCase, round: number, supplierId: string, overrides: Record<string, unknown> = {}, as?: TestUser) {
  return t.http
    .post(`/api/v1/cases/${n.caseId}/rounds/${round}/offers`)
    .set((as ?? n.people.buyer).auth)
    .send({ supplierId, ...offerBody(n, overrides) });
}

export function closeRound(t: TestApp, n: NegotiationCase, round: number) {
  return t.http.post(`/api/v1/cases/${n.caseId}/rounds/${round}/close`).set(n.people.buyer.auth).send({});
}

/** Puts a round's deadline in the past with SQL (the API refuses past deadlines), so it closes by the clock. */
export async function expireRound(t: TestApp, n: NegotiationCase, round: number) {
  await t.db.query(`UPDATE negotiation_rounds SET deadline = now() - interval '1 second' WHERE case_id = $1 AND number = $2`, [
    n.caseId,
    round,
  ]);
}
