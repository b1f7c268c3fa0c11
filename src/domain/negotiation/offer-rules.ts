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
  requirements: Array<{ id: string; text: string }>;
  criteria: Array<{ id: string; name: string; source: string; normalization: string }>;
}

/** Calendar date (UTC) of the round's deadline: an offer must stay valid at least until then. */
export function deadlineDate(deadline: Date): string {
  return deadline.toISOString().slice(0, 10);
}

/** How a problem names a requirement or a criterion: by what people wrote, with the id a client matches on. */
export const requirementLabel = (r: { id: string; text: string }) => `requirement "${r.text}" (id ${r.id})`;
export const criterionLabel = (c: { id: string; name: string }) => `criterion "${c.name}" (id ${c.id})`;

/**
 * `refused`: the field paths the edge already refused (`currency`, `compliance.2.requirementId`).
 * A rule reading a refused field is skipped — its problem is already listed — so the edge's and
 * these problems go out together in one answer; every other rule still runs.
 */
export function offerProblems(offer: OfferContent, spec: SpecificationForOffers, deadline: Date, refused: ReadonlySet<string> = new Set()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const isRefused = (field: string) => [...refused].some((r) => r === field || r.startsWith(`${field}.`));

  if (Array.isArray(offer.lineItems) && offer.lineItems.length > 0 && !isRefused('lineItems') && !isRefused('totalPrice')) {
    const sum = lineItemsTotal(offer.lineItems);
    if (!sameAmount(sum, offer.totalPrice)) {
      add('lineItems', `the line items add up to ${sum} (Σ quantity × unitPrice), not to totalPrice ${offer.totalPrice}`);
    }
  }

  const lastDay = deadlineDate(deadline);
  if (!isRefused('validUntil') && typeof offer.validUntil === 'string' && offer.validUntil < lastDay) {
    add('validUntil', `the offer must be valid at least until the round deadline (${lastDay})`);
  }

  const requirements = new Map(spec.requirements.map((r) => [r.id, r]));
  if (Array.isArray(offer.compliance) && !refused.has('compliance')) {
    const answered = new Set<string>();
    offer.compliance.forEach((answer, i) => {
      const field = `compliance.${i}.requirementId`;
      if (typeof answer?.requirementId !== 'string' || refused.has(`compliance.${i}`) || refused.has(field)) return;
      const requirement = requirements.get(answer.requirementId);
      if (!requirement) {
        add(field, `no requirement ${answer.requirementId} in the current specification`);
      } else if (answered.has(answer.requirementId)) {
        add(field, `${requirementLabel(requirement)} is answered twice`);
      }
      answered.add(answer.requirementId);
    });
    for (const r of spec.requirements) {
      if (!answered.has(r.id)) add('compliance', `no answer for the mandatory ${requirementLabel(r)}`);
    }
  }

  const offerCriteria = new Map(spec.criteria.filter((c) => c.source === 'offer.value').map((c) => [c.id, c]));
  const known = new Map(spec.criteria.map((c) => [c.id, c]));
  if (Array.isArray(offer.values) && !refused.has('values')) {
    const valued = new Set<string>();
    offer.values.forEach((entry, i) => {
      const field = `values.${i}.criterionId`;
      if (typeof entry?.criterionId !== 'string' || refused.has(`values.${i}`) || refused.has(field)) return;
      const criterion = offerCriteria.get(entry.criterionId);
      const other = known.get(entry.criterionId);
      if (!criterion) {
        add(
          field,
          other
            ? `${criterionLabel(other)} is not sourced from offers (its source is ${other.source}, not offer.value)`
            : `no criterion ${entry.criterionId} in the current specification`,
        );
      } else if (valued.has(entry.criterionId)) {
        add(field, `${criterionLabel(criterion)} has two values`);
      } else if (criterion.normalization === 'ratio' && !refused.has(`values.${i}.value`) && !(entry.value > 0)) {
        // ratio normalization divides by the value: zero or negative is refused when entered
        add(`values.${i}.value`, `${criterionLabel(criterion)} is normalized by ratio: its value must be positive`);
      }
      valued.add(entry.criterionId);
    });
    for (const c of offerCriteria.values()) {
      if (!valued.has(c.id)) add('values', `no value for the ${criterionLabel(c)}, which is sourced from offers`);
    }
  }

  // the same rule for the offer's own fields when a ratio criterion reads them
  const fields = { 'offer.leadTimeDays': 'leadTimeDays', 'offer.warrantyMonths': 'warrantyMonths', 'offer.paymentDays': 'paymentDays' } as const;
  for (const c of spec.criteria) {
    const field = fields[c.source as keyof typeof fields];
    if (field && c.normalization === 'ratio' && !refused.has(field) && !(offer[field] > 0) && !problems.some((p) => p.field === field)) {
      add(field, `${field} must be positive: the ${criterionLabel(c)} compares it by ratio`);
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

/**
 * An offer re-confirmed unchanged against a new specification version: the answers to requirements
 * and criteria the version dropped are left out, and what it newly asks and the offer does not
 * answer is a problem (revise instead). The validity date was accepted against the round's
 * deadline when the offer was made, so it is not checked again.
 */
export function reconfirmation<O extends OfferContent>(
  offer: O,
  spec: SpecificationForOffers,
  deadline: Date,
): { compliance: O['compliance']; values: O['values']; problems: FieldProblem[] } {
  const requirementIds = new Set(spec.requirements.map((r) => r.id));
  const offerCriteria = new Set(spec.criteria.filter((k) => k.source === 'offer.value').map((k) => k.id));
  const compliance = offer.compliance.filter((a) => requirementIds.has(a.requirementId));
  const values = offer.values.filter((v) => offerCriteria.has(v.criterionId));
  const problems = offerProblems({ ...offer, compliance, values }, spec, deadline).filter((p) => p.field !== 'validUntil');
  return { compliance, values, problems };
}
