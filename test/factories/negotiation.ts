import { randomUUID } from 'node:crypto';
import { type TestApp, type TestUser } from '../setup/test-app';
import { type BuyingCenter, caseWithBuyingCenter } from './index';

/**
 * A case in NEGOTIATION with a frozen specification and an approved shortlist.
 *
 * Set up with direct SQL: the shortlist endpoints (and the gatekeeper's approval) were being built
 * in parallel when these tests were written, so the state the negotiation starts from is inserted
 * as those modules store it — `specification_versions` (version 1, frozen), `suppliers` (each
 * holding the ISO 9001 certificate the specification requires, valid until 2099),
 * `shortlist_entries`, then `UPDATE cases SET stage = 'NEGOTIATION', shortlist_approved_at = now()`.
 * Only the negotiation itself goes through the API under test.
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
  const { caseId, people } = await caseWithBuyingCenter(t, { currency: options.currency ?? 'EUR' });
  const requirements = [
    { id: randomUUID(), text: 'ISO 9001 certified', type: 'certification', value: 'ISO 9001' },
    { id: randomUUID(), text: 'Delivery within 30 days', type: 'max_lead_time_days', value: 30 },
  ];
  const criteria = { price: randomUUID(), energy: randomUUID(), noise: randomUUID(), quality: randomUUID() };
  const criteriaJson = [
    { id: criteria.price, name: 'Total cost', kind: 'price', direction: 'lower_is_better', source: 'offer.price', normalization: 'ratio', weight: 50 },
    { id: criteria.energy, name: 'Energy use (kWh)', kind: 'technical', direction: 'lower_is_better', source: 'offer.value', normalization: 'ratio', weight: 20 },
    { id: criteria.noise, name: 'Noise reduction (dB)', kind: 'technical', direction: 'higher_is_better', source: 'offer.value', normalization: 'minmax', weight: 10 },
    { id: criteria.quality, name: 'Build quality', kind: 'quality', direction: 'higher_is_better', source: 'evaluator', normalization: 'scale', weight: 20 },
  ];
  await t.db.query(
    `INSERT INTO specification_versions (case_id, version, frozen_at, description, requirements, criteria, created_by)
     VALUES ($1, 1, now(), 'Two screw compressors, 15 kW', $2, $3, $4)`,
    [caseId, JSON.stringify(requirements), JSON.stringify(criteriaJson), people.prescriber.id],
  );
  const suppliers: Array<{ id: string; name: string }> = [];
  const names = ['Atlas Kompressoren GmbH', 'Boreal Air SA', 'Cumulus Pneumatics Ltd', 'Delta Druckluft AG'];
  for (let i = 0; i < (options.suppliers ?? 3); i++) {
    const name = `${names[i % names.length]} ${randomUUID().slice(0, 6)}`;
    const taxId = `DE${randomUUID().replace(/-/g, '').slice(0, 9)}`;
    const [row] = await t.db.query(
      `INSERT INTO suppliers (legal_name, tax_id, tax_id_normalized, country, categories, certifications)
       VALUES ($1, $2, $2, 'DE', '{compressors}', '[{"name": "ISO 9001", "issuedOn": "2020-01-01", "expiresOn": "2099-12-31"}]') RETURNING id`,
      [name, taxId],
    );
    await t.db.query(`INSERT INTO shortlist_entries (case_id, supplier_id, status, added_by) VALUES ($1, $2, 'shortlisted', $3)`, [
      caseId,
      row.id,
      people.buyer.id,
    ]);
    suppliers.push({ id: row.id, name });
  }
  await t.db.query(
    `UPDATE cases SET stage = 'NEGOTIATION', shortlist_approved_at = CASE WHEN $2 THEN now() END,
            shortlist_approved_by = CASE WHEN $2 THEN $3::uuid END WHERE id = $1`,
    [caseId, options.approved ?? true, people.gatekeeper.id],
  );
  return { caseId, people, suppliers, requirements: requirements.map((r) => ({ id: r.id, text: r.text })), criteria };
}

/** An ISO date-time `minutes` from now. */
export const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

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
