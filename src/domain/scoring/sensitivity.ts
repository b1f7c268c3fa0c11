import { DomainError, type FieldProblem } from '../errors';
import { decisionMatrix, rawValue, TIE_TOLERANCE } from './matrix';
import { normalizeCriterion } from './normalize';
import {
  type CloseCall,
  type CriterionSensitivity,
  type MatrixCriterion,
  type MatrixInput,
  type PriceCutToWin,
  type RankedSupplier,
  type ScoreChange,
  type SensitivityResult,
} from './types';

/**
 * A decision whose winner flips under a change of a shown weight below 10 percentage points is
 * "sensitive" (0–1 scale, as the policy stores it: 0.1 = 10 pp).
 */
export const DEFAULT_SENSITIVE_THRESHOLD = 0.1;
/** A runner-up that would win with a price cut below 5 % makes the decision a "close call". */
export const DEFAULT_CLOSE_CALL_PERCENT = 5;
const PRICE_TOLERANCE = 1e-6;
/** Evaluator scores run from 0 to 10; ratio normalization refuses 0, so its lowest score is 0.01. */
const SCORE_MAX = 10;
const RATIO_SCORE_MIN = 0.01;
const SCORE_TOLERANCE = 1e-9;

export interface SensitivityOptions {
  /** Change of a shown weight (0–1 scale, 0.1 = 10 percentage points) below which the decision is sensitive. */
  sensitiveThreshold?: number;
  /** Runner-up price cut to win (percent) below which the decision is a close call. */
  closeCallPercent?: number;
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
 * makes j equal W. It is feasible when the new weight stays at or above 0. Renormalizing the
 * weights afterwards divides every S by the same 1 + δ, so it moves nobody past anybody: the
 * crossover point is the same with or without renormalization. Per criterion the smallest feasible
 * |δ| is reported, and as a percentage of w_k; the most critical criterion is the one with the
 * smallest |percent| (the "percent-top" critical criterion).
 *
 * The same crossover in the weights people see (normalized to sum 1): w_k becomes
 * (w_k + δ)/(1 + δ), a change of
 *   shownChange = δ(1 − w_k)/(1 + δ)                      (×100: percentage points)
 * (with Σw = W ≠ 1 in general: δ(W − w_k)/(W(W + δ))). Per criterion the smallest |shownChange| over
 * the feasible crossovers is reported with the supplier it lets tie. It comes from the same
 * crossover as `delta` except when a raise and a cut of the weight compete: |δ|/(1 − |δ|) for a cut
 * grows faster than δ/(1 + δ) for a raise, so a slightly larger raise can be the smaller shown
 * change. `sensitive`: some |shownChange| below the threshold. `gap`: S_W − S_runner-up in points.
 */
export function sensitivityFromNormalized(
  problem: NormalizedProblem,
  opts: SensitivityOptions = {},
): Omit<SensitivityResult, 'priceCutToWin' | 'closeCall' | 'scoreChanges'> {
  assertProblem(problem);
  const threshold = opts.sensitiveThreshold ?? DEFAULT_SENSITIVE_THRESHOLD;
  const { criteria, weights, alternatives } = problem;
  const totals = alternatives.map((a) => a.normalized.reduce((s, n, k) => s + weights[k] * n, 0));
  const weightSum = weights.reduce((s, w) => s + w, 0);

  const top = leader(totals, () => true);
  const second = top < 0 ? -1 : leader(totals, (j) => j !== top);

  const perCriterion: CriterionSensitivity[] = criteria.map((criterionId, k) => {
    let best: { delta: number; j: number } | null = null;
    let bestShown: { shown: number; j: number } | null = null;
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
      // the shown weight goes from w_k/W to (w_k + δ)/(W + δ)
      const shown = (100 * delta * (weightSum - weights[k])) / (weightSum * (weightSum + delta));
      if (bestShown === null || Math.abs(shown) < Math.abs(bestShown.shown)) bestShown = { shown, j };
    }
    if (best === null || bestShown === null) {
      return {
        criterionId,
        delta: null,
        percent: null,
        feasible: false,
        overtakenBy: null,
        shownChange: null,
        shownOvertakenBy: null,
      };
    }
    return {
      criterionId,
      delta: best.delta,
      percent: weights[k] > 0 ? (100 * best.delta) / weights[k] : null,
      feasible: true,
      overtakenBy: alternatives[best.j].id,
      shownChange: bestShown.shown,
      shownOvertakenBy: alternatives[bestShown.j].id,
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
    sensitive: perCriterion.some((c) => c.shownChange !== null && Math.abs(c.shownChange) < 100 * threshold),
    gap: second < 0 ? null : 100 * (totals[top] - totals[second]),
  };
}

/** The runner-up's price cut to win is a close call below the policy's percentage (a tie, 0 %, is one). */
export function closeCall(priceCutPercent: number | null, threshold: number = DEFAULT_CLOSE_CALL_PERCENT): CloseCall {
  return { priceCutPercent, threshold, close: priceCutPercent !== null && priceCutPercent < threshold };
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
  const cut = priceCutToWin(input, result.runnerUp);
  return {
    ...result,
    priceCutToWin: cut,
    closeCall: closeCall(cut?.percent ?? null, opts.closeCallPercent ?? DEFAULT_CLOSE_CALL_PERCENT),
    scoreChanges: scoreChanges(input.criteria, ranking),
  };
}

/**
 * Per evaluator-scored criterion, the smallest change of one ranked supplier's mean score that
 * changes the winner: the winner's mean made worse, or another's made better, until some other
 * supplier's total reaches the winner's (the tie point; a hair further, the winner changes), within
 * 0–10. Other criteria and the other scores stay as they are; the criterion is re-normalized at
 * each trial value, since ratio and min–max normalization move every supplier's score.
 *   scale:  only the moved supplier's total changes, by w·|Δ|/10, so
 *           |Δ| = 10·(S_W − S_j)/w for a challenger j and 10·(S_W − S_best other)/w for the winner
 *   ratio, min–max: between the other suppliers' values each total is monotone in the moved value,
 *           so the first interval where the winner changes is found stepping from value to value,
 *           and the point inside it by bisection (to 1e-9)
 * The smallest |Δ| wins; among equal ones the first in ranking order (the winner before the others).
 */
function scoreChanges(criteria: MatrixCriterion[], ranking: RankedSupplier[]): ScoreChange[] {
  const totals = ranking.map((r) => r.cells.reduce((s, c) => s + c.contribution, 0));
  const bestOther = Math.max(...totals.slice(1));
  return criteria.flatMap((criterion, k): ScoreChange[] => {
    if (criterion.source !== 'evaluator') return [];
    const none = { criterionId: criterion.id, supplierId: null, change: null };
    if (ranking.length < 2 || !(criterion.weight > 0)) return [none];
    const w = criterion.weight;
    const raw = ranking.map((r) => r.cells[k].raw);
    // everyone's total without this criterion
    const rest = ranking.map((r, i) => totals[i] - r.cells[k].contribution);
    const higher = criterion.direction === 'higher_is_better';
    const lowest = criterion.normalization === 'ratio' ? RATIO_SCORE_MIN : 0;

    // some other supplier reaches the winner (index 0) when supplier j's mean is `value`
    const winnerChanges = (j: number, value: number): boolean => {
      const values = raw.map((x, i) => (i === j ? value : x));
      const normalized = normalizeCriterion(values, criterion);
      const winner = rest[0] + w * normalized[0];
      for (let i = 1; i < ranking.length; i++) if (rest[i] + w * normalized[i] >= winner) return true;
      return false;
    };

    let best: { j: number; change: number } | null = null;
    for (let j = 0; j < ranking.length; j++) {
      const x = raw[j];
      if (x === null) continue; // nobody scored it: there is no mean to move
      // the winner is made worse, any other supplier better
      const up = (j === 0) !== higher;
      const room = up ? SCORE_MAX - x : x - lowest;
      const limit: number = best === null ? room : Math.min(room, Math.abs(best.change));
      if (!(limit > 0)) continue;
      let distance: number | null;
      if (criterion.normalization === 'scale') {
        const need = j === 0 ? totals[0] - bestOther : totals[0] - totals[j];
        const d = (SCORE_MAX * Math.max(0, need)) / w;
        distance = d <= limit ? d : null;
      } else {
        distance = firstChange((d) => winnerChanges(j, x + (up ? d : -d)), breakpoints(raw, j, x, up, limit), limit);
      }
      if (distance !== null && (best === null || distance < Math.abs(best.change))) {
        best = { j, change: up ? distance : -distance };
      }
    }
    return [best === null ? none : { criterionId: criterion.id, supplierId: ranking[best.j].supplierId, change: best.change }];
  });
}

/** Distances from x to the other suppliers' values that lie ahead (where min or max can change hands). */
function breakpoints(raw: Array<number | null>, j: number, x: number, up: boolean, limit: number): number[] {
  const ahead = new Set<number>();
  raw.forEach((v, i) => {
    if (i === j || v === null) return;
    const d = up ? v - x : x - v;
    if (d > 0 && d < limit) ahead.add(d);
  });
  return [...ahead].sort((a, b) => a - b);
}

/**
 * The least distance d ∈ [0, limit] with `changes(d)`, given that `changes` is monotone between
 * consecutive breakpoints; null when even `limit` does not do it.
 */
function firstChange(changes: (d: number) => boolean, stops: number[], limit: number): number | null {
  if (changes(0)) return 0;
  let low = 0;
  for (const stop of [...stops, limit]) {
    if (!changes(stop)) {
      low = stop;
      continue;
    }
    let high = stop;
    // invariant: the winner holds at `low`, not at `high`
    while (high - low > SCORE_TOLERANCE) {
      const middle = (low + high) / 2;
      if (changes(middle)) high = middle;
      else low = middle;
    }
    return high;
  }
  return null;
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
  const lead = priceLead(input, price, runnerUp);

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

/**
 * The runner-up's lead (its total minus the best other total, 0–1 scale) as a function of its price
 * on `price`: what `decisionMatrix` of the input with that one price changed gives, bit for bit,
 * with only what the price moves recomputed. The other columns' contributions are taken once; per
 * price only the price column is normalized again and each total is summed in the matrix's own
 * order (criteria order from 0), so the floating-point sums are the same ones.
 */
export function priceLead(input: MatrixInput, price: MatrixCriterion, runnerUp: string): (p: number) => number {
  const ranked = input.suppliers.filter((s) => s.failedRequirements.length === 0);
  const kp = input.criteria.indexOf(price);
  const own = ranked.findIndex((s) => s.supplierId === runnerUp);
  const contributions = input.criteria.map((c, k) => {
    if (k === kp) return [];
    const normalized = normalizeCriterion(
      ranked.map((s) => rawValue(s, c)),
      c,
    );
    return normalized.map((n) => c.weight * n);
  });
  // Σ of the contributions before the price criterion, per supplier (the matrix's sum starts with them)
  const before = ranked.map((_, j) => {
    let sum = 0;
    for (let k = 0; k < kp; k++) sum += contributions[k][j];
    return sum;
  });
  const prices = ranked.map((s) => rawValue(s, price));
  return (p: number): number => {
    const raw = prices.slice();
    raw[own] = p;
    const normalized = normalizeCriterion(raw, price);
    let ownTotal = 0;
    let best = -Infinity;
    for (let j = 0; j < ranked.length; j++) {
      let sum = before[j] + price.weight * normalized[j];
      for (let k = kp + 1; k < contributions.length; k++) sum += contributions[k][j];
      const total = 100 * sum;
      if (j === own) ownTotal = total;
      else best = Math.max(best, total);
    }
    return (ownTotal - best) / 100;
  };
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
