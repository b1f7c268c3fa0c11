import { type OrgRole } from '../../domain/lifecycle/permissions';
import { type CaseRole } from '../../domain/lifecycle/stages';
import { type Person } from './steps';

/**
 * Someone to create through `POST /users` — or, with `existing`, someone another case already made
 * — and their case roles (`initiator`: the one who opens the case).
 */
export interface PersonPlan {
  key: string;
  name: string;
  roles: CaseRole[];
  executive?: boolean;
  admin?: boolean;
  /** the organization roles an admin grants them; default: those their case roles need */
  orgRoles?: OrgRole[];
  /** false: as an evaluator, decider or approver, they make no conflict-of-interest declaration */
  declare?: boolean;
  existing?: Person;
}

export interface CriterionPlan {
  id?: string;
  name: string;
  kind: string;
  direction: string;
  source: string;
  normalization: string;
  weight: number;
}

export interface RequirementPlan {
  id?: string;
  text: string;
  type: string;
  value?: unknown;
}

/** The body of `PUT /cases/:id/specification`. */
export interface SpecificationPlan {
  description: string;
  deliverables?: string;
  quantity?: number;
  requirements: RequirementPlan[];
  criteria: CriterionPlan[];
  [field: string]: unknown;
}

/** One person per role, a second evaluator, two approvers and an executive one, and an outsider with no role. */
export const DEFAULT_PEOPLE: PersonPlan[] = [
  { key: 'initiator', name: 'Iris Initiator', roles: ['initiator'] },
  { key: 'prescriber', name: 'Pablo Prescriber', roles: ['prescriber'] },
  { key: 'buyer', name: 'Bea Buyer', roles: ['buyer'] },
  { key: 'evaluator', name: 'Eva Evaluator', roles: ['evaluator'] },
  { key: 'evaluator2', name: 'Ezra Evaluator', roles: ['evaluator'] },
  { key: 'gatekeeper', name: 'Gus Gatekeeper', roles: ['gatekeeper'] },
  { key: 'decider', name: 'Dora Decider', roles: ['decider'] },
  { key: 'approver', name: 'Alma Approver', roles: ['approver'] },
  { key: 'approver2', name: 'Abel Approver', roles: ['approver'] },
  { key: 'executive', name: 'Xavi Executive', roles: ['approver'], executive: true },
  { key: 'outsider', name: 'Otto Outsider', roles: [] },
];

/** A strategic new-task purchase in EUR (profit impact and supply risk 4). */
export function caseBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Industrial compressors for plant 2',
    businessNeed: 'Replace two end-of-life compressors before the winter shutdown',
    quantity: 2,
    unit: 'pcs',
    estimatedBudget: '85000.00',
    currency: 'EUR',
    neededBy: '2027-03-31',
    category: 'compressors',
    purchaseType: 'new_task',
    profitImpact: 4,
    supplyRisk: 4,
    ...overrides,
  };
}

export const priceCriterion = (weight = 50): CriterionPlan => ({
  name: 'Total cost',
  kind: 'price',
  direction: 'lower_is_better',
  source: 'offer.price',
  normalization: 'ratio',
  weight,
});
export const qualityCriterion = (weight = 30): CriterionPlan => ({
  name: 'Technical quality',
  kind: 'quality',
  direction: 'higher_is_better',
  source: 'evaluator',
  normalization: 'scale',
  weight,
});
export const leadTimeCriterion = (weight = 20): CriterionPlan => ({
  name: 'Lead time',
  kind: 'delivery',
  direction: 'lower_is_better',
  source: 'offer.leadTimeDays',
  normalization: 'minmax',
  weight,
});
export const warrantyCriterion = (weight = 10): CriterionPlan => ({
  name: 'Warranty',
  kind: 'service',
  direction: 'higher_is_better',
  source: 'offer.warrantyMonths',
  normalization: 'ratio',
  weight,
});

/** A specification with one requirement of each type and three criteria weighted 50/30/20. */
export function specBody(overrides: Partial<SpecificationPlan> = {}): SpecificationPlan {
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

/** An ISO date `days` from today (negative: in the past), UTC. */
export const dateIn = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** An ISO date-time `minutes` from now. */
export const inMinutes = (minutes: number): string => new Date(Date.now() + minutes * 60_000).toISOString();
