import { type Stage } from '../../domain/lifecycle/stages';
import { type BuiltSupplier, type Person, type Proposal } from './steps';

/**
 * The points a case can be built up to, in the order the lifecycle reaches them. Stage names mean
 * "moved into that stage"; the others are the work done inside a stage.
 */
export const MILESTONES = [
  'people',
  'suppliers',
  'NEED',
  'SPECIFICATION',
  'specified',
  'SHORTLISTING',
  'shortlisted',
  'shortlist-approved',
  'NEGOTIATION',
  'negotiated',
  'DECISION',
  'scored',
  'proposed',
  'APPROVAL',
  'AWARDED',
] as const;
export type Milestone = (typeof MILESTONES)[number];

export interface ShortlistPlan {
  /** supplier keys to shortlist (default: every supplier of the plan) */
  suppliers?: string[];
  /** a sole-source justification; one is written by default when the shortlist is below the purchase type's minimum */
  justification?: string;
  /** the gatekeeper approves (default true) */
  approve?: boolean;
}

export interface OfferPlan {
  supplier: string;
  /** `buyer` records it on the supplier's behalf; `portal` submits it with the supplier's invitation token */
  via?: 'buyer' | 'portal';
  totalPrice?: string;
  currency?: string;
  leadTimeDays?: number;
  warrantyMonths?: number;
  paymentDays?: number;
  validUntil?: string;
  /** values of the `offer.value` criteria by criterion name (default 10) */
  values?: Record<string, number>;
  /** compliance answers by requirement text (default: every requirement met) */
  compliance?: Record<string, boolean>;
  lineItems?: Array<{ description: string; quantity: string; unitPrice: string }>;
  notes?: string;
}

export interface RoundPlan {
  bestAndFinal?: boolean;
  deadline?: string;
  /** default: one offer per participant, 10,000 + 500 per position in the case's currency */
  offers?: OfferPlan[];
  /** closed by the buyer after the offers (default true) */
  close?: boolean;
  /** after the close */
  eliminate?: Array<{ supplier: string; reason: string }>;
}

export interface ScoreContext {
  evaluator: string;
  evaluatorIndex: number;
  supplier: string;
  supplierIndex: number;
  criterion: string;
  criterionIndex: number;
}
/** An evaluator's score of a supplier on an evaluator-scored criterion, perhaps with a comment; null leaves it unscored. */
export type ScorePlan = (at: ScoreContext) => number | { score: number; comment: string } | null;

export interface ProposalPlan {
  /** supplier key (default: the top of the matrix) */
  supplier?: string;
  justification?: string;
}

export interface ApprovalPlan {
  /** who signs, in order (default: every approver of the buying center until the case is AWARDED) */
  by?: string[];
  comment?: string;
}

export interface BuiltRequirement {
  id: string;
  text: string;
  type: string;
  value: unknown;
}

export interface BuiltCriterion {
  id: string;
  name: string;
  kind: string;
  source: string;
  direction: string;
  normalization: string;
  weight: number;
}

export interface BuiltSpecification {
  id: string;
  version: number;
  requirements: BuiltRequirement[];
  criteria: BuiltCriterion[];
  [field: string]: unknown;
}

export interface BuiltRound {
  number: number;
  /** supplier ids */
  participants: string[];
  /** supplier ids with an offer, in the order they were made */
  offered: string[];
  eliminated: string[];
  /** invitation tokens by supplier id, when the round had portal offers */
  tokens: Record<string, string>;
  closed: boolean;
}

/** What the builder made so far, with the ids the API gave it. */
export class BuiltCase {
  reached: Milestone | null = null;
  stage: Stage | null = null;
  caseId = '';
  reference = '';
  case: Record<string, unknown> = {};
  people: Record<string, Person> = {};
  suppliers: BuiltSupplier[] = [];
  specification: BuiltSpecification | null = null;
  rounds: BuiltRound[] = [];
  proposal: Proposal | null = null;

  person(key: string): Person {
    const found = this.people[key];
    if (!found) throw new Error(`no person "${key}" in the plan`);
    return found;
  }

  supplier(key: string): BuiltSupplier {
    const found = this.suppliers.find((s) => s.key === key);
    if (!found) throw new Error(`no supplier "${key}" in the plan`);
    return found;
  }

  requirementId(text: string): string {
    const found = this.specification?.requirements.find((r) => r.text === text);
    if (!found) throw new Error(`no requirement "${text}" in the specification`);
    return found.id;
  }

  criterionId(name: string): string {
    const found = this.specification?.criteria.find((k) => k.name === name);
    if (!found) throw new Error(`no criterion "${name}" in the specification`);
    return found.id;
  }

  /** The suppliers of the last round with an offer, less those eliminated after it: who the matrix ranks. */
  decisionSuppliers(): BuiltSupplier[] {
    const last = this.rounds.at(-1);
    if (!last) return [];
    return last.offered.filter((id) => !last.eliminated.includes(id)).map((id) => this.suppliers.find((s) => s.id === id)!);
  }
}

