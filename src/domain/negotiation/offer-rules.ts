import { type FieldProblem } from '../errors';
import { type LineItem, lineItemsTotal, sameAmount } from './money';

/**
 * The checks of an offer that need the case's state (its specification, the round's deadline):
 * the shape of each field is checked at the edge, this checks what the offer says against what
 * the case asks. Pure; every problem is returned, named by field, none thrown.
 */
export interface OfferContent {
  totalPrice: string;
  currency: string;
  lineItems?: LineItem[] | null;
  leadTimeDays: number;
  warrantyMonths: number;
  paymentDays: number;
  validUntil: string;
  compliance: Array<{ requirementId: string; met: boolean; note?: string | null }>;
  values: Array<{ criterionId: string; value: number }>;
}

export interface SpecificationForOffers {
  /** every requirement of a specification is mandatory (pass/fail) */
  requirements: Array<{ id: string }>;
  criteria: Array<{ id: string; source: string; normalization: string }>;
}

/** Calendar date (UTC) of the round's deadline: an offer must stay valid at least until then. */
export function deadlineDate(deadline: Date): string {
  return deadline.toISOString().slice(0, 10);
}

export function offerProblems(offer: OfferContent, spec: SpecificationForOffers, deadline: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  if (offer.lineItems && offer.lineItems.length > 0) {
    const sum = lineItemsTotal(offer.lineItems);
    if (!sameAmount(sum, offer.totalPrice)) {
      add('lineItems', `the line items add up to ${sum} (Σ quantity × unitPrice), not to totalPrice ${offer.totalPrice}`);
    }
  }

  const lastDay = deadlineDate(deadline);
  if (offer.validUntil < lastDay) add('validUntil', `the offer must be valid at least until the round deadline (${lastDay})`);

  const requirementIds = new Set(spec.requirements.map((r) => r.id));
  const answered = new Set<string>();
  offer.compliance.forEach((answer, i) => {
    if (!requirementIds.has(answer.requirementId)) {
      add(`compliance.${i}.requirementId`, `no requirement ${answer.requirementId} in the current specification`);
    } else if (answered.has(answer.requirementId)) {
      add(`compliance.${i}.requirementId`, `requirement ${answer.requirementId} is answered twice`);
    }
    answered.add(answer.requirementId);
  });
  for (const r of spec.requirements) {
    if (!answered.has(r.id)) add('compliance', `no answer for the mandatory requirement ${r.id}`);
  }

  const offerCriteria = new Map(spec.criteria.filter((c) => c.source === 'offer.value').map((c) => [c.id, c]));
  const known = new Set(spec.criteria.map((c) => c.id));
  const valued = new Set<string>();
  offer.values.forEach((entry, i) => {
    const criterion = offerCriteria.get(entry.criterionId);
    if (!criterion) {
      add(
        `values.${i}.criterionId`,
        known.has(entry.criterionId)
          ? `criterion ${entry.criterionId} is not sourced from offers (its source is not offer.value)`
          : `no criterion ${entry.criterionId} in the current specification`,
      );
    } else if (valued.has(entry.criterionId)) {
      add(`values.${i}.criterionId`, `criterion ${entry.criterionId} has two values`);
    } else if (criterion.normalization === 'ratio' && !(entry.value > 0)) {
      // ratio normalization divides by the value: zero or negative is refused when entered
      add(`values.${i}.value`, `criterion ${entry.criterionId} is normalized by ratio: its value must be positive`);
    }
    valued.add(entry.criterionId);
  });
  for (const id of offerCriteria.keys()) {
    if (!valued.has(id)) add('values', `no value for the criterion ${id}, which is sourced from offers`);
  }

  // the same rule for the offer's own fields when a ratio criterion reads them
  const fields = { 'offer.leadTimeDays': 'leadTimeDays', 'offer.warrantyMonths': 'warrantyMonths', 'offer.paymentDays': 'paymentDays' } as const;
  for (const c of spec.criteria) {
    const field = fields[c.source as keyof typeof fields];
    if (field && c.normalization === 'ratio' && !(offer[field] > 0) && !problems.some((p) => p.field === field)) {
      add(field, `${field} must be positive: the criterion ${c.id} compares it by ratio`);
    }
  }
  return problems;
}

/** Currencies of offers that cannot be converted: not the base currency and no rate on the case. */
export function missingRateCurrencies(currencies: Iterable<string>, baseCurrency: string, rated: ReadonlySet<string> | ReadonlyMap<string, unknown>): string[] {
  const missing = new Set<string>();
  for (const c of currencies) if (c !== baseCurrency && !rated.has(c)) missing.add(c);
  return [...missing].sort();
}
