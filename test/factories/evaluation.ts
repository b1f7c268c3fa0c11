import { type TestApp, type TestUser } from '../setup/test-app';
import { type BuyingCenter, caseWithBuyingCenter } from './index';

/**
 * A case walked from NEED to the end of its negotiation entirely through the HTTP API: buying
 * center, specification, registry suppliers, shortlist and its approval, one round with three
 * offers, closed. By default it then moves on to DECISION (buyer); `stage: 'NEGOTIATION'` stops
 * after the close, `closeRound: false` leaves the round open.
 *
 * Specification (routine case unless `strategic`, so effective weights = base weights):
 *   requirements  iso     certification "ISO 9001"
 *                 lead    delivery within 30 days (max_lead_time_days 30)
 *                 spares  spare parts for 10 years (yes_no)
 *   criteria      price   offer.price, lower is better, ratio, weight 50
 *                 quality evaluator, higher is better, scale, weight 30
 *                 leadTime offer.leadTimeDays, lower is better, minmax, weight 20
 * Offers (EUR, the base currency):
 *   Atlas   10000.00, 20 days, ISO 9001 valid
 *   Boreal  12000.00, 10 days, ISO 9001 valid
 *   Cumulus  9000.00, 25 days, ISO 9001 expired on 2024-12-31 → excluded by `iso`
 */
export interface DecisionCase {
  caseId: string;
  people: BuyingCenter;
  suppliers: { atlas: Supplier; boreal: Supplier; cumulus: Supplier };
  requirements: { iso: string; lead: string; spares: string };
  criteria: { price: string; quality: string; leadTime: string };
}

export interface Supplier {
  id: string;
  name: string;
}

const REQUIREMENTS = [
  { text: 'ISO 9001 certified', type: 'certification', value: 'ISO 9001' },
  { text: 'Delivery within 30 days', type: 'max_lead_time_days', value: 30 },
  { text: 'Spare parts available for 10 years', type: 'yes_no', value: true },
];

const CRITERIA = [
  { name: 'Total cost', kind: 'price', direction: 'lower_is_better', source: 'offer.price', normalization: 'ratio', weight: 50 },
  { name: 'Build quality', kind: 'quality', direction: 'higher_is_better', source: 'evaluator', normalization: 'scale', weight: 30 },
  { name: 'Lead time', kind: 'delivery', direction: 'lower_is_better', source: 'offer.leadTimeDays', normalization: 'minmax', weight: 20 },
];

async function move(t: TestApp, caseId: string, actor: TestUser, to: string) {
  await t.http.post(`/api/v1/cases/${caseId}/transitions`).set(actor.auth).send({ to }).expect(200);
}

async function supplier(t: TestApp, name: string, iso: { issuedOn: string; expiresOn: string }): Promise<Supplier> {
  const res = await t.http
    .post('/api/v1/suppliers')
    .set(t.admin.auth)
    .send({
      legalName: `${name} ${Math.random().toString(36).slice(2, 8)}`,
      taxId: `X${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
      country: 'DE',
      categories: ['compressors'],
      certifications: [{ name: 'iso 9001', ...iso }],
      financialRisk: 0.2,
    })
    .expect(201);
  return { id: res.body.id, name: res.body.legalName };
}

export async function decisionCase(
  t: TestApp,
  options: { strategic?: boolean; stage?: 'NEGOTIATION' | 'DECISION'; closeRound?: boolean } = {},
): Promise<DecisionCase> {
  const strategic = options.strategic ?? false;
  const { caseId, people } = await caseWithBuyingCenter(t, { profitImpact: strategic ? 4 : 2, supplyRisk: strategic ? 4 : 2 });
  await move(t, caseId, people.initiator, 'SPECIFICATION');
  const spec = await t.http
    .put(`/api/v1/cases/${caseId}/specification`)
    .set(people.prescriber.auth)
    .send({ description: 'Two oil-free screw compressors, 55 kW', requirements: REQUIREMENTS, criteria: CRITERIA })
    .expect(200);
  const requirementId = (text: string) => spec.body.requirements.find((r: { text: string }) => r.text === text).id as string;
  const criterionId = (name: string) => spec.body.criteria.find((c: { name: string }) => c.name === name).id as string;
  const requirements = {
    iso: requirementId('ISO 9001 certified'),
    lead: requirementId('Delivery within 30 days'),
    spares: requirementId('Spare parts available for 10 years'),
  };
  const criteria = { price: criterionId('Total cost'), quality: criterionId('Build quality'), leadTime: criterionId('Lead time') };
  await move(t, caseId, people.prescriber, 'SHORTLISTING');

  const suppliers = {
    atlas: await supplier(t, 'Atlas Kompressoren GmbH', { issuedOn: '2024-01-01', expiresOn: '2029-12-31' }),
    boreal: await supplier(t, 'Boreal Air SA', { issuedOn: '2024-01-01', expiresOn: '2029-12-31' }),
    cumulus: await supplier(t, 'Cumulus Pneumatics Ltd', { issuedOn: '2021-01-01', expiresOn: '2024-12-31' }),
  };
  for (const s of Object.values(suppliers)) {
    await t.http.post(`/api/v1/cases/${caseId}/shortlist`).set(people.buyer.auth).send({ supplierId: s.id }).expect(201);
  }
  await t.http.post(`/api/v1/cases/${caseId}/shortlist/approval`).set(people.gatekeeper.auth).send({}).expect(200);
  await move(t, caseId, people.buyer, 'NEGOTIATION');

  const deadline = new Date(Date.now() + 3_600_000).toISOString();
  await t.http.post(`/api/v1/cases/${caseId}/rounds`).set(people.buyer.auth).send({ deadline, bestAndFinal: true }).expect(201);
  const offers: Array<[Supplier, string, number]> = [
    [suppliers.atlas, '10000.00', 20],
    [suppliers.boreal, '12000.00', 10],
    [suppliers.cumulus, '9000.00', 25],
  ];
  for (const [s, totalPrice, leadTimeDays] of offers) {
    await t.http
      .post(`/api/v1/cases/${caseId}/rounds/1/offers`)
      .set(people.buyer.auth)
      .send({
        supplierId: s.id,
        totalPrice,
        currency: 'EUR',
        leadTimeDays,
        warrantyMonths: 24,
        paymentDays: 30,
        validUntil: '2099-12-31',
        compliance: Object.values(requirements).map((requirementId) => ({ requirementId, met: true })),
        values: [],
      })
      .expect(201);
  }
  if (options.closeRound === false) return { caseId, people, suppliers, requirements, criteria };
  await t.http.post(`/api/v1/cases/${caseId}/rounds/1/close`).set(people.buyer.auth).send({}).expect(200);
  if ((options.stage ?? 'DECISION') === 'DECISION') await move(t, caseId, people.buyer, 'DECISION');
  return { caseId, people, suppliers, requirements, criteria };
}

/** PUT /scores as `evaluator`. */
export function putScores(t: TestApp, d: DecisionCase, evaluator: TestUser, scores: Array<{ supplierId: string; criterionId: string; score: number; comment?: string }>) {
  return t.http.put(`/api/v1/cases/${d.caseId}/scores`).set(evaluator.auth).send({ scores });
}

/** A justification of exactly `length` characters (no blank at either end, which would not count). */
export const justification = (length: number) =>
  'Boreal ranks first on paper, but Atlas has the service network next to the plant and a proven record on our lines. '
    .repeat(Math.ceil(length / 100) + 1)
    .slice(0, length - 1) + '.';
