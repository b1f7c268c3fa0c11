import { decisionMatrix, TIE_TOLERANCE } from './matrix';
import { normalizeCriterion } from './normalize';
import { seededRandom, type SeededRandom } from './random';
import { type MatrixCriterion, type MatrixInput, ScoringError } from './types';

/** Policy of the rank acceptability analysis: how many draws, how far each weight may move. */
export interface RobustnessPolicy {
  /** Number of draws N. */
  samples: number;
  /** Each effective weight is multiplied by a factor uniform in [1 − spread, 1 + spread]. */
  spread: number;
}

export const DEFAULT_ROBUSTNESS_POLICY: RobustnessPolicy = Object.freeze({ samples: 10_000, spread: 0.25 });
export const MIN_ROBUSTNESS_SAMPLES = 100;
export const MAX_ROBUSTNESS_SAMPLES = 100_000;

export interface RobustnessOptions extends RobustnessPolicy {
  /** Hexadecimal, at least 32 digits: the decision snapshot's hash. */
  seed: string;
}

export interface RobustnessInput extends MatrixInput {
  /**
   * The evaluators' own scores (0–10), by criterion id and then supplier id; the matrix's raw value
   * of an evaluator criterion is their mean. Where they disagree, each draw resamples them.
   */
  evaluatorScores?: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>>;
}

export interface RankAcceptability {
  supplierId: string;
  /** Share of the draws that put the supplier at rank 1, 2, … (one entry per ranked supplier). */
  acceptability: number[];
  /** acceptability[0]. */
  firstRank: number;
  /** Mean weight vector of the draws it wins (criteria order); empty when it never ranks first. */
  centralWeights: Array<{ criterionId: string; weight: number }>;
  /** Share of score draws it wins with its central weights fixed; 0 when it never ranks first. */
  confidence: number;
}

export interface RobustnessResult {
  samples: number;
  spread: number;
  seed: string;
  /** The ranked suppliers, in the matrix's display order. */
  suppliers: RankAcceptability[];
}

/** A cell whose evaluators disagree: each draw takes the mean of as many scores drawn with replacement. */
interface UncertainCell {
  supplier: number;
  scores: Float64Array;
}

/**
 * Rank acceptability analysis (SMAA-2, Lahdelma & Salminen 2001, Operations Research 49(3)), over
 * the ranked suppliers of the decision matrix:
 *   - N draws t; in each, every effective weight w_k is multiplied by a factor uniform in
 *     [1 − u, 1 + u] and the vector renormalized to sum 1;
 *   - where the evaluators of a criterion disagree about a supplier (two or more different scores),
 *     the mean is redrawn as the mean of n scores drawn with replacement from its n scores
 *     (bootstrap), and that criterion is re-normalized over the ranked suppliers;
 *   - the draw's totals S_j = Σ_k w_k·n_jk are ranked; suppliers tied within 1e-9 of the highest
 *     total of their group (no chains, as in the matrix) share the ranks they span equally.
 * Per supplier i: b_i^r = share of draws at rank r (rank acceptability; Σ_r = 1 and Σ_i = 1);
 * the central weight vector w_i^c = mean of the weight vectors of the draws it ranks first; the
 * confidence factor p_i^c = share of N fresh score draws in which it ranks first with w_i^c fixed.
 * The generator is seeded from `seed`, so the same case gives the same figures.
 */
export function rankAcceptability(input: RobustnessInput, options: RobustnessOptions): RobustnessResult {
  assertOptions(options);
  const { samples, spread, seed } = options;
  const { ranking } = decisionMatrix(input);
  const criteria = input.criteria;
  const m = ranking.length;
  const K = criteria.length;
  if (m === 0) return { samples, spread, seed, suppliers: [] };

  // normalized values, supplier-major: base[j·K + k]
  const base = new Float64Array(m * K);
  ranking.forEach((r, j) => r.cells.forEach((c, k) => (base[j * K + k] = c.normalized)));

  const uncertain = uncertainColumns(input, ranking);
  const random = seededRandom(seed);
  const values = new Float64Array(m * K);
  values.set(base);
  const redraw = () => {
    for (const column of uncertain) drawColumn(column, random, values, K);
  };

  // 1. rank acceptability and central weights
  const counts = new Float64Array(m * m); // counts[j·m + r]
  const central = new Float64Array(m * K);
  const firstCount = new Float64Array(m);
  const weights = new Float64Array(K);
  const totals = new Float64Array(m);
  const order = Int32Array.from({ length: m }, (_, j) => j);
  for (let t = 0; t < samples; t++) {
    let sum = 0;
    for (let k = 0; k < K; k++) {
      weights[k] = criteria[k].weight * (1 - spread + 2 * spread * random.next());
      sum += weights[k];
    }
    for (let k = 0; k < K; k++) weights[k] /= sum;
    redraw();
    for (let j = 0; j < m; j++) {
      let s = 0;
      const row = j * K;
      for (let k = 0; k < K; k++) s += weights[k] * values[row + k];
      totals[j] = s;
    }
    sortDescending(order, totals);
    let start = 0;
    while (start < m) {
      const end = tieGroupEnd(order, totals, start);
      const share = 1 / (end - start);
      for (let p = start; p < end; p++) {
        const j = order[p];
        for (let r = start; r < end; r++) counts[j * m + r] += share;
        if (start === 0) {
          firstCount[j] += share;
          for (let k = 0; k < K; k++) central[j * K + k] += share * weights[k];
        }
      }
      start = end;
    }
  }

  // 2. confidence factors: the central weights fixed, only the scores drawn
  const candidates = [...Array(m).keys()].filter((j) => firstCount[j] > 0);
  const centralOf = (j: number) => Float64Array.from({ length: K }, (_, k) => central[j * K + k] / firstCount[j]);
  const confidence = new Float64Array(m);
  if (candidates.length > 0) {
    const fixed = candidates.map(centralOf);
    const drawn = uncertain.map((column) => column.k);
    const certain = [...Array(K).keys()].filter((k) => !drawn.includes(k));
    // the part of each total that no score draw moves, per candidate's central weights
    const steady = fixed.map((w) =>
      Float64Array.from({ length: m }, (_, j) => certain.reduce((s, k) => s + w[k] * base[j * K + k], 0)),
    );
    const draws = uncertain.length === 0 ? 1 : samples; // nothing uncertain: one evaluation is exact
    values.set(base);
    for (let t = 0; t < draws; t++) {
      if (uncertain.length > 0) redraw();
      candidates.forEach((candidate, c) => {
        const w = fixed[c];
        const part = steady[c];
        let best = -Infinity;
        for (let j = 0; j < m; j++) {
          let s = part[j];
          const row = j * K;
          for (const k of drawn) s += w[k] * values[row + k];
          totals[j] = s;
          if (s > best) best = s;
        }
        if (best - totals[candidate] >= TIE_TOLERANCE) return;
        let tied = 0;
        for (let j = 0; j < m; j++) if (best - totals[j] < TIE_TOLERANCE) tied++;
        confidence[candidate] += 1 / tied;
      });
    }
    for (const j of candidates) confidence[j] /= draws;
  }

  return {
    samples,
    spread,
    seed,
    suppliers: ranking.map((r, j) => {
      const acceptability = Array.from({ length: m }, (_, rank) => counts[j * m + rank] / samples);
      const weightsOfWins = firstCount[j] > 0 ? Array.from(centralOf(j)) : [];
      return {
        supplierId: r.supplierId,
        acceptability,
        firstRank: acceptability[0],
        centralWeights: weightsOfWins.map((weight, k) => ({ criterionId: criteria[k].id, weight })),
        confidence: confidence[j],
      };
    }),
  };
}

interface UncertainColumn {
  k: number;
  criterion: MatrixCriterion;
  /** the column's raw values over the ranked suppliers (null = missing); uncertain cells overwritten per draw */
  raw: Array<number | null>;
  cells: UncertainCell[];
}

function uncertainColumns(input: RobustnessInput, ranking: ReturnType<typeof decisionMatrix>['ranking']): UncertainColumn[] {
  const columns: UncertainColumn[] = [];
  input.criteria.forEach((criterion, k) => {
    if (criterion.source !== 'evaluator') return;
    const byCriterion = input.evaluatorScores?.[criterion.id];
    if (!byCriterion) return;
    const cells: UncertainCell[] = [];
    ranking.forEach((r, j) => {
      const scores = byCriterion[r.supplierId];
      if (scores && scores.length >= 2 && scores.some((x) => x !== scores[0])) {
        cells.push({ supplier: j, scores: Float64Array.from(scores) });
      }
    });
    if (cells.length > 0) columns.push({ k, criterion, raw: ranking.map((r) => r.cells[k].raw), cells });
  });
  return columns;
}

/** One bootstrap draw of a column's uncertain means, normalized over the ranked suppliers into `values`. */
function drawColumn(column: UncertainColumn, random: SeededRandom, values: Float64Array, K: number): void {
  const { k, criterion, raw, cells } = column;
  for (const cell of cells) {
    const n = cell.scores.length;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += cell.scores[random.index(n)];
    raw[cell.supplier] = sum / n;
  }
  if (criterion.normalization === 'scale') {
    // a scale criterion normalizes each value on its own (mean/10): only the drawn cells move
    const lower = criterion.direction === 'lower_is_better';
    for (const cell of cells) {
      const x = raw[cell.supplier]! / 10;
      values[cell.supplier * K + k] = lower ? 1 - x : x;
    }
    return;
  }
  const normalized = normalizeCriterion(raw, criterion);
  for (let j = 0; j < normalized.length; j++) values[j * K + k] = normalized[j];
}

/** Insertion sort of supplier indices by total, highest first; the previous draw's order is nearly sorted already. */
function sortDescending(order: Int32Array, totals: Float64Array): void {
  for (let i = 1; i < order.length; i++) {
    const j = order[i];
    const total = totals[j];
    let p = i - 1;
    while (p >= 0 && totals[order[p]] < total) {
      order[p + 1] = order[p];
      p--;
    }
    order[p + 1] = j;
  }
}

/** End (exclusive) of the tie group starting at `start`: every supplier within 1e-9 of the group's highest total. */
function tieGroupEnd(order: Int32Array, totals: Float64Array, start: number): number {
  const highest = totals[order[start]];
  let end = start + 1;
  while (end < order.length && highest - totals[order[end]] < TIE_TOLERANCE) end++;
  return end;
}

function assertOptions(options: RobustnessOptions): void {
  const errors: Array<{ field: string; message: string }> = [];
  const { samples, spread } = options;
  if (!Number.isInteger(samples) || samples < MIN_ROBUSTNESS_SAMPLES || samples > MAX_ROBUSTNESS_SAMPLES) {
    errors.push({ field: 'samples', message: `must be a whole number from ${MIN_ROBUSTNESS_SAMPLES} to ${MAX_ROBUSTNESS_SAMPLES}` });
  }
  if (!(Number.isFinite(spread) && spread >= 0 && spread < 1)) {
    errors.push({ field: 'spread', message: 'must be at least 0 and below 1 (every weight stays positive)' });
  }
  if (errors.length > 0) {
    throw new ScoringError('POLICY_INVALID', 'The rank acceptability options are not valid', { errors });
  }
}
