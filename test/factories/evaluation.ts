import { type RoundPlan } from '../../src/tools/case-builder';
import { type TestApp, type TestUser } from '../setup/test-app';
import { type BuyingCenter, buyingCenter } from './index';

/**
 * A case walked by the case builder from NEED to the end of its negotiation through the HTTP API:
 * buying center, specification, registry suppliers, shortlist and its approval, one round with three
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

const supplier = (key: string, name: string, iso: { issuedOn: string; expiresOn: string }) => ({
  key,
  legalName: `${name} ${Math.random().toString(36).slice(2, 8)}`,
  taxId: `X${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
  country: 'DE',
  categories: ['compressors'],
  certifications: [{ name: 'iso 9001', ...iso }],
  financialRisk: 0.2,
});

export async function decisionCase(
  t: TestApp,
  options: { strategic?: boolean; stage?: 'NEGOTIATION' | 'DECISION'; closeRound?: boolean } = {},
): Promise<DecisionCase> {
  const strategic = options.strategic ?? false;
  const round: RoundPlan = {
    bestAndFinal: true,
    offers: [
      { supplier: 'atlas', totalPrice: '10000.00', leadTimeDays: 20 },
      { supplier: 'boreal', totalPrice: '12000.00', leadTimeDays: 10 },
      { supplier: 'cumulus', totalPrice: '9000.00', leadTimeDays: 25 },
    ],
    close: options.closeRound !== false,
  };
  const built = await t
    .builder()
    .withCase({ profitImpact: strategic ? 4 : 2, supplyRisk: strategic ? 4 : 2 })
    .withSpecification({ description: 'Two oil-free screw compressors, 55 kW', requirements: REQUIREMENTS, criteria: CRITERIA })
    .withSuppliers([
      supplier('atlas', 'Atlas Kompressoren GmbH', { issuedOn: '2024-01-01', expiresOn: '2029-12-31' }),
      supplier('boreal', 'Boreal Air SA', { issuedOn: '2024-01-01', expiresOn: '2029-12-31' }),
      supplier('cumulus', 'Cumulus Pneumatics Ltd', { issuedOn: '2021-01-01', expiresOn: '2024-12-31' }),
    ])
    .withRounds([round])
    .build(options.closeRound !== false && (options.stage ?? 'DECISION') === 'DECISION' ? 'DECISION' : 'negotiated');
  const pick = (key: string): Supplier => ({ id: built.supplier(key).id, name: built.supplier(key).name });
  return {
    caseId: built.caseId,
    people: buyingCenter(built),
    suppliers: { atlas: pick('atlas'), boreal: pick('boreal'), cumulus: pick('cumulus') },
    requirements: {
      iso: built.requirementId('ISO 9001 certified'),
      lead: built.requirementId('Delivery within 30 days'),
      spares: built.requirementId('Spare parts available for 10 years'),
    },
    criteria: { price: built.criterionId('Total cost'), quality: built.criterionId('Build quality'), leadTime: built.criterionId('Lead time') },
  };
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
