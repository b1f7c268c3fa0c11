import { randomUUID } from 'node:crypto';
import { propose } from '../../src/tools/case-builder';
import { type TestApp } from '../setup/test-app';
import { type BuyingCenter, buyingCenter } from './index';

export interface WholeCase {
  caseId: string;
  reference: string;
  people: BuyingCenter;
  suppliers: Array<{ id: string; name: string }>;
  criteria: Array<{ id: string; name: string; source: string }>;
}

export interface WholeCaseOptions {
  /** the suppliers' best-and-final prices in EUR; the first is the cheapest by default */
  prices?: string[];
  title?: string;
  /** the offers' currency (default EUR, the case's base) and, when it differs, its rate to EUR */
  offerCurrency?: string;
  rate?: string;
  profitImpact?: number;
  supplyRisk?: number;
}

const NAMES = ['Valvulas Norte', 'Ventil Werk', 'Soupapes du Sud', 'Valvole Adriatico'];

/**
 * The case builder's plan for a case driven from NEED to DECISION: specification, one supplier per
 * price with a delivery record, shortlist approved by the gatekeeper, one negotiation round
 * closed, both evaluators' scores (8, 7, 6… in price order). Nothing is written with SQL.
 */
function wholeCase(t: TestApp, options: WholeCaseOptions) {
  const prices = options.prices ?? ['9000.00', '9500.00', '9800.00'];
  const category = `valves-${randomUUID().slice(0, 8)}`;
  return t
    .builder()
    .withCase({
      title: options.title ?? 'Control valves for the cooling loop',
      category,
      profitImpact: options.profitImpact ?? 2,
      supplyRisk: options.supplyRisk ?? 2,
    })
    .withSpecification({
      description: 'Twelve DN80 control valves with positioners',
      requirements: [{ text: 'Delivery within 60 days', type: 'max_lead_time_days', value: 60 }],
      criteria: [
        { name: 'Total cost', kind: 'price', direction: 'lower_is_better', source: 'offer.price', normalization: 'ratio', weight: 60 },
        { name: 'Build quality', kind: 'quality', direction: 'higher_is_better', source: 'evaluator', normalization: 'scale', weight: 25 },
        { name: 'Warranty', kind: 'service', direction: 'higher_is_better', source: 'offer.warrantyMonths', normalization: 'ratio', weight: 15 },
      ],
    })
    .withSuppliers(
      prices.map((_, i) => ({
        key: `s${i}`,
        legalName: `${NAMES[i % 4]} ${randomUUID().slice(0, 4)}`,
        taxId: `ES${randomUUID().replace(/-/g, '').slice(0, 10)}`,
        country: 'ES',
        categories: [category],
        contacts: [{ name: 'Sales', email: `sales-${i}-${randomUUID().slice(0, 6)}@example.com` }],
        certifications: [],
        financialRisk: 0.2,
        performance: [{ type: 'delivery' as const, date: '2026-01-15', onTime: true, inFull: i !== 2 }],
      })),
    )
    .withExchangeRates(options.offerCurrency && options.rate ? { [options.offerCurrency]: options.rate } : {})
    .withRounds([
      {
        offers: prices.map((totalPrice, i) => ({ supplier: `s${i}`, totalPrice, currency: options.offerCurrency ?? 'EUR', leadTimeDays: 30 })),
      },
    ]);
}

function shape(built: Awaited<ReturnType<ReturnType<typeof wholeCase>['build']>>): WholeCase {
  return {
    caseId: built.caseId,
    reference: built.reference,
    people: buyingCenter(built),
    suppliers: built.suppliers.map(({ id, name }) => ({ id, name })),
    criteria: built.specification!.criteria.map(({ id, name, source }) => ({ id, name, source })),
  };
}

/** A case in DECISION with both evaluators' scores; the decider has not proposed yet. */
export async function caseInDecision(t: TestApp, options: WholeCaseOptions = {}): Promise<WholeCase> {
  return shape(await wholeCase(t, options).build('scored'));
}

/** The decider proposes the top-ranked supplier; returns its id. */
export async function proposeTopRanked(t: TestApp, w: WholeCase): Promise<string> {
  const proposal = await propose(t.api, w.caseId, w.people.decider.token, 'Best weighted total: cheapest compliant offer with good quality marks.');
  return proposal.supplierId;
}

/** The decider proposes the top-ranked supplier and moves the case to APPROVAL. */
export async function caseInApproval(t: TestApp, options: WholeCaseOptions = {}) {
  const built = await wholeCase(t, options).build('APPROVAL');
  return { ...shape(built), winner: built.proposal!.supplierId };
}
