import { DomainError, type FieldProblem } from '../errors';
import { decisionMatrix, TIE_TOLERANCE } from './matrix';
import {
  type CriterionSensitivity,
  type MatrixInput,
  type PriceCutToWin,
  type SensitivityResult,
} from './types';

/** A decision whose winner flips under a weight change below 10 percentage points is "sensitive". */
export const DEFAULT_SENSITIVE_THRESHOLD = 0.1;
const PRICE_TOLERANCE = 1e-6;

export interface SensitivityOptions {
  /** Absolute weight change (0–1 scale) below which the decision is flagged sensitive. */
  sensitiveThreshold?: number;
}

/** Already-normalized performance values, as in the MCDM literature. */
export interface NormalizedProblem {
  criteria: string[];
  /** By criterion index. */
  weights: number[];
  /** In display order: among equal totals the earlier one is taken as ahead. */
  alternatives: Array<{ id: string; normalized: number[] }>;
}

/**
 * Weight sensitivity of a weighted sum (Triantaphyllou & Sánchez 1997, Decision Sciences 28(1)).
 * With S_i = Σ_k w_k·n_ik and W the top alternative, changing w_k alone by
 *   δ = (S_W − S_j) / (n_jk − n_Wk)
 * makes j equal W. It is feasible when the new weight stays in [0, 1]. Renormalizing the weights
 * afterwards divides every S by the same 1 + δ, so it moves nobody past anybody: the crossover
 * point is the same with or without renormalization. Per criterion the smallest feasible |δ| is
 * reported, and as a percentage of w_k; the most critical criterion is the one with the smallest
 * |percent| (the "percent-top" critical criterion).
 */
export function sensitivityFromNormalized(
  problem: NormalizedProblem,
  opts: SensitivityOptions = {},
): Omit<SensitivityResult, 'priceCutToWin'> {
  assertProblem(problem);
  const threshold = opts.sensitiveThreshold ?? DEFAULT_SENSITIVE_THRESHOLD;
  const { criteria, weights, alternatives } = problem;
  const totals = alternatives.map((a) => a.normalized.reduce((s, n, k) => s + weights[k] * n, 0));

  const top = leader(totals, () => true);
  const second = top < 0 ? -1 : leader(totals, (j) => j !== top);

  const perCriterion: CriterionSensitivity[] = criteria.map((criterionId, k) => {
    let best: { delta: number; j: number } | null = null;
    for (let j = 0; j < alternatives.length && top >= 0; j++) {
      if (j === top) continue;
      const difference = alternatives[j].normalized[k] - alternatives[top].normalized[k];
      if (difference === 0) continue; // this criterion cannot separate them
      const delta = (totals[top] - totals[j]) / difference;
      const changed = weights[k] + delta;
      // DESIGN §4.6: feasible when w_k + δ ≥ 0. The weights are renormalized afterwards, so a raw
      // w_k + δ above 1 is still a valid weighting ((w_k + δ)/(1 + δ) < 1).
      if (changed < -1e-12) continue;
      if (best === null || Math.abs(delta) < Math.abs(best.delta)) best = { delta, j };
    }
    if (best === null) {
      return { criterionId, delta: null, percent: null, feasible: false, overtakenBy: null };
    }
    return {
      criterionId,
      delta: best.delta,
      percent: weights[k] > 0 ? (100 * best.delta) / weights[k] : null,
      feasible: true,
      overtakenBy: alternatives[best.j].id,
    };
  });

  let mostCritical: string | null = null;
  let smallest = Infinity;
  for (const c of perCriterion) {
    if (c.percent !== null && Math.abs(c.percent) < smallest) {
      smallest = Math.abs(c.percent);
      mostCritical = c.criterionId;
    }
  }

  return {
    winner: top < 0 ? null : alternatives[top].id,
    runnerUp: second < 0 ? null : alternatives[second].id,
    criteria: perCriterion,
    mostCritical,
    sensitive: perCriterion.some((c) => c.delta !== null && Math.abs(c.delta) < threshold),
  };
}

/**
 * Sensitivity of the decision matrix: weight sensitivity over the normalized values of the ranked
 * suppliers, plus the price cut that would make the runner-up win. The cut is found by bisection
 * on the runner-up's price with everyone else unchanged, re-running the matrix each time, because
 * relative normalization (min/x, min–max) moves every supplier's price score, the winner's too.
 */
export function sensitivity(input: MatrixInput, opts: SensitivityOptions = {}): SensitivityResult {
  const { ranking } = decisionMatrix(input);
  const weights = input.criteria.map((c) => c.weight);
  const result = sensitivityFromNormalized(
    {
      criteria: input.criteria.map((c) => c.id),
      weights,
      alternatives: ranking.map((r) => ({ id: r.supplierId, normalized: r.cells.map((c) => c.normalized) })),
    },
    opts,
  );
  return { ...result, priceCutToWin: priceCutToWin(input, result.runnerUp) };
}

function priceCutToWin(input: MatrixInput, runnerUp: string | null): PriceCutToWin | null {
  const price = input.criteria.find((c) => c.source === 'offer.price');
  if (runnerUp === null || !price || price.direction !== 'lower_is_better' || price.weight <= 0) {
    return null;
  }
  const fromPrice = input.suppliers.find((s) => s.supplierId === runnerUp)?.raw[price.id];
  if (fromPrice === undefined || fromPrice === null || !(fromPrice > 0)) return null;

  // Runner-up's total minus the best other total, on the 0–1 scale, at a given price. It only
  // grows as the price falls: the runner-up's price score rises and nobody else's can.
  const lead = (p: number): number => {
    const suppliers = input.suppliers.map((s) =>
      s.supplierId === runnerUp ? { ...s, raw: { ...s.raw, [price.id]: p } } : s,
    );
    const { ranking } = decisionMatrix({ criteria: input.criteria, suppliers });
    let own = 0;
    let best = -Infinity;
    for (const r of ranking) {
      if (r.supplierId === runnerUp) own = r.total;
      else best = Math.max(best, r.total);
    }
    return (own - best) / 100;
  };

  const result = (toPrice: number): PriceCutToWin => ({
    supplierId: runnerUp,
    criterionId: price.id,
    fromPrice,
    toPrice,
    cut: fromPrice - toPrice,
    percent: (100 * (fromPrice - toPrice)) / fromPrice,
  });

  if (lead(fromPrice) > -TIE_TOLERANCE) return result(fromPrice); // already level with the winner
  let low = fromPrice * 1e-9; // "a price near 0"; ratio normalization needs it positive
  if (lead(low) < 0) return null;
  let high = fromPrice;
  // invariant: the runner-up reaches the top at `low`, not at `high`
  while (high - low > PRICE_TOLERANCE * low) {
    const middle = (low + high) / 2;
    if (lead(middle) >= 0) low = middle;
    else high = middle;
  }
  return result(low);
}

/** Index of the highest total among `eligible`; within the tie tolerance the earlier one leads. */
function leader(totals: number[], eligible: (j: number) => boolean): number {
  let best = -1;
  for (let j = 0; j < totals.length; j++) {
    if (eligible(j) && (best < 0 || totals[j] > totals[best] + TIE_TOLERANCE)) best = j;
  }
  return best;
}

function assertProblem(problem: NormalizedProblem): void {
  const n = problem.criteria.length;
  const errors: FieldProblem[] = [];
  if (problem.weights.length !== n) {
    errors.push({ field: 'weights', message: `needs ${n} weights, has ${problem.weights.length}` });
  }
  problem.weights.forEach((w, k) => {
    if (!(Number.isFinite(w) && w >= 0)) errors.push({ field: `weights[${k}]`, message: 'must be ≥ 0' });
  });
  problem.alternatives.forEach((a, j) => {
    if (a.normalized.length !== n || !a.normalized.every(Number.isFinite)) {
      errors.push({ field: `alternatives[${j}].normalized`, message: `needs ${n} finite values` });
    }
  });
  if (errors.length > 0) {
    throw new DomainError('MATRIX_INVALID', 'The sensitivity input is not valid', { errors });
  }
}
