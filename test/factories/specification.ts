import { type TestApp, type TestUser } from '../setup/test-app';
import { addMember, type BuyingCenter, caseWithBuyingCenter, createCase } from './index';

export interface CriterionBody {
  id?: string;
  name: string;
  kind: string;
  direction: string;
  source: string;
  normalization: string;
  weight: number;
}

export const priceCriterion = (weight = 50): CriterionBody => ({
  name: 'Total cost',
  kind: 'price',
  direction: 'lower_is_better',
  source: 'offer.price',
  normalization: 'ratio',
  weight,
});
export const qualityCriterion = (weight = 30): CriterionBody => ({
  name: 'Technical quality',
  kind: 'quality',
  direction: 'higher_is_better',
  source: 'evaluator',
  normalization: 'scale',
  weight,
});
export const leadTimeCriterion = (weight = 20): CriterionBody => ({
  name: 'Lead time',
  kind: 'delivery',
  direction: 'lower_is_better',
  source: 'offer.leadTimeDays',
  normalization: 'minmax',
  weight,
});
export const warrantyCriterion = (weight = 10): CriterionBody => ({
  name: 'Warranty',
  kind: 'service',
  direction: 'higher_is_better',
  source: 'offer.warrantyMonths',
  normalization: 'ratio',
  weight,
});

/** A specification with one requirement of each type and three criteria weighted 50/30/20. */
export function specBody(overrides: Record<string, unknown> = {}) {
  return {
    description: 'Two oil-free screw compressors, 55 kW, installed and commissioned',
    deliverables: 'Installation, commissioning, operator training',
    quantity: 2,
    requirements: [
      { text: 'ISO 9001 certified', type: 'certification', value: 'ISO 9001' },
      { text: 'Delivery within 60 days', type: 'max_lead_time_days', value: 60 },
      { text: 'Warranty of at least 24 months', type: 'min_warranty_months', value: 24 },
      { text: 'Spare parts available for 10 years', type: 'yes_no', value: true },
      { text: 'Noise level acceptable for the plant floor', type: 'text' },
    ],
    criteria: [priceCriterion(), qualityCriterion(), leadTimeCriterion()],
    ...overrides,
  };
}

export async function transition(t: TestApp, caseId: string, actor: TestUser, to: string, status = 200) {
  const res = await t.http.post(`/api/v1/cases/${caseId}/transitions`).set(actor.auth).send({ to }).expect(status);
  return res.body;
}

/** A case with a full buying center, moved to SPECIFICATION. */
export async function caseInSpecification(t: TestApp, overrides: Record<string, unknown> = {}) {
  const bc = await caseWithBuyingCenter(t, overrides);
  await transition(t, bc.caseId, bc.people.initiator, 'SPECIFICATION');
  return bc;
}

export async function putSpecification(t: TestApp, caseId: string, prescriber: TestUser, body: object = specBody(), status = 200) {
  const res = await t.http.put(`/api/v1/cases/${caseId}/specification`).set(prescriber.auth).send(body).expect(status);
  return res.body;
}

/** A new case created by the same initiator with the same people in the same roles (a rebuy of an earlier case). */
export async function caseWithSameBuyingCenter(t: TestApp, people: BuyingCenter, overrides: Record<string, unknown>) {
  const c = await createCase(t, people.initiator, overrides);
  const roles: Array<[keyof BuyingCenter, string[]]> = [
    ['prescriber', ['prescriber']],
    ['buyer', ['buyer']],
    ['evaluator', ['evaluator']],
    ['gatekeeper', ['gatekeeper']],
    ['decider', ['decider']],
    ['approver', ['approver']],
  ];
  for (const [who, r] of roles) await addMember(t, c.id, people.initiator, people[who], r);
  return c;
}

export async function auditActions(t: TestApp, caseId: string): Promise<string[]> {
  const rows: Array<{ action: string }> = await t.db.query('SELECT action FROM audit_events WHERE case_id = $1 ORDER BY seq', [caseId]);
  return rows.map((r) => r.action);
}
