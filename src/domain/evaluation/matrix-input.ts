import { type CriterionSource, type Direction, type MatrixInput, type MatrixSupplier, type Normalization } from '../scoring';
import { type CertificationHeld, failedRequirements, type OfferToCheck, type RequirementToCheck } from '../requirements';
import { scoreKey, type ScoreSummary } from './scores';

/**
 * Assembles the decision matrix's input from what the services loaded: the suppliers still in the
 * decision round with their current offers, the effective weights, reliability scores, evaluator
 * means and the mandatory requirements. Pure; the matrix itself is `decisionMatrix`.
 */

export interface OfferValues extends OfferToCheck {
  supplierId: string;
  /** exact decimal string, base currency; null when the offer's currency has no rate yet */
  convertedTotal: string | null;
  paymentDays: number;
  values: ReadonlyArray<{ criterionId: string; value: number }>;
}

export interface EffectiveCriterion {
  id: string;
  source: CriterionSource;
  direction: Direction;
  normalization: Normalization;
  /** effective weight */
  weight: number;
}

export interface MatrixSources {
  criteria: readonly EffectiveCriterion[];
  requirements: readonly RequirementToCheck[];
  offers: readonly OfferValues[];
  /** reliability score 0–100 by supplier id, as of `asOf` */
  reliability: ReadonlyMap<string, number>;
  /** evaluator score summaries by scoreKey(criterion, supplier) */
  scores: ReadonlyMap<string, ScoreSummary>;
  /** registry certifications by supplier id */
  certifications: ReadonlyMap<string, readonly CertificationHeld[]>;
  /** the calendar date requirements and certifications are checked on */
  asOf: string;
}

/**
 * A supplier whose offer has no converted price (no exchange rate yet) sorts last when totals tie;
 * a finite stand-in keeps the matrix input valid canonical JSON.
 */
export const UNKNOWN_COST = Number.MAX_SAFE_INTEGER;

/**
 * One supplier's raw value of one criterion:
 *   offer.price → converted total (base currency); offer.leadTimeDays|warrantyMonths|paymentDays →
 *   that field; offer.value → the offer's value for this criterion; evaluator → mean score;
 *   reliability → reliability score. Null is a missing value (normalized to 0).
 */
export function rawValue(criterion: EffectiveCriterion, offer: OfferValues, sources: Pick<MatrixSources, 'reliability' | 'scores'>): number | null {
  switch (criterion.source) {
    case 'offer.price':
      return offer.convertedTotal === null ? null : Number(offer.convertedTotal);
    case 'offer.leadTimeDays':
      return offer.leadTimeDays;
    case 'offer.warrantyMonths':
      return offer.warrantyMonths;
    case 'offer.paymentDays':
      return offer.paymentDays;
    case 'offer.value':
      return offer.values.find((v) => v.criterionId === criterion.id)?.value ?? null;
    case 'evaluator':
      return sources.scores.get(scoreKey(criterion.id, offer.supplierId))?.mean ?? null;
    case 'reliability':
      return sources.reliability.get(offer.supplierId) ?? null;
    default: {
      const exhaustive: never = criterion.source;
      return exhaustive;
    }
  }
}

/**
 * `rawValue` of every criterion for one offer, by criterion id in criterion order: the offer's own
 * values looked up once by criterion (the first of a criterion's values, as `rawValue`'s find
 * takes), not searched again per criterion, so a row costs linear time in the criteria.
 */
function rawValues(criteria: readonly EffectiveCriterion[], offer: OfferValues, sources: Pick<MatrixSources, 'reliability' | 'scores'>): Record<string, number | null> {
  let values: Map<string, number> | undefined;
  const raw: Record<string, number | null> = {};
  for (const c of criteria) {
    if (c.source === 'offer.value') {
      if (!values) {
        values = new Map();
        for (const v of offer.values) if (!values.has(v.criterionId)) values.set(v.criterionId, v.value);
      }
      raw[c.id] = values.get(c.id) ?? null;
    } else {
      raw[c.id] = rawValue(c, offer, sources);
    }
  }
  return raw;
}

/** Suppliers in supplier-id order, so that the input (and the decision snapshot) never depends on names or load order. */
export function assembleMatrixInput(sources: MatrixSources): MatrixInput {
  const suppliers: MatrixSupplier[] = [...sources.offers]
    .sort((a, b) => (a.supplierId < b.supplierId ? -1 : a.supplierId > b.supplierId ? 1 : 0))
    .map((offer) => ({
      supplierId: offer.supplierId,
      raw: rawValues(sources.criteria, offer, sources),
      reliability: sources.reliability.get(offer.supplierId) ?? 0,
      totalCost: offer.convertedTotal === null ? UNKNOWN_COST : Number(offer.convertedTotal),
      failedRequirements: failedRequirements(
        sources.requirements,
        offer,
        sources.certifications.get(offer.supplierId) ?? [],
        sources.asOf,
      ),
    }));
  return {
    criteria: sources.criteria.map((c) => ({
      id: c.id,
      direction: c.direction,
      normalization: c.normalization,
      source: c.source,
      weight: c.weight,
    })),
    suppliers,
  };
}
