import {
  type CriterionPlan,
  leadTimeCriterion,
  priceCriterion,
  qualityCriterion,
  specBody as builderSpecBody,
  type SpecificationPlan,
  warrantyCriterion,
} from '../../src/tools/case-builder';
import { type TestApp, type TestUser } from '../setup/test-app';
import { addMember, type BuyingCenter, buyingCenter, createCase } from './index';

export type CriterionBody = CriterionPlan;
export { leadTimeCriterion, priceCriterion, qualityCriterion, warrantyCriterion };

/**
 * The builder's default specification — one requirement of each type, three criteria weighted
 * 50/30/20 — with any field replaced, also by shapes the API must refuse.
 */
export function specBody(overrides: Record<string, unknown> = {}) {
  return { ...builderSpecBody(), ...overrides };
}

export async function transition(t: TestApp, caseId: string, actor: TestUser, to: string, status = 200) {
  const res = await t.http.post(`/api/v1/cases/${caseId}/transitions`).set(actor.auth).send({ to }).expect(status);
  return res.body;
}

/** A case with a full buying center, moved to SPECIFICATION (nothing written yet). */
export async function caseInSpecification(t: TestApp, overrides: Record<string, unknown> = {}) {
  const built = await t.builder().withCase(overrides).build('SPECIFICATION');
  return { caseId: built.caseId, case: built.case, people: buyingCenter(built) };
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

export type { SpecificationPlan };
