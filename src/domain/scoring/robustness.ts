import { decisionMatrix, TIE_TOLERANCE } from './matrix';
import { normalizeCriterion } from './normalize';
import { seededRandom } from './random';
import { DomainError } from '../errors';
import { type MatrixCriterion, type MatrixInput } from './types';

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
  const scores = new ScoreDraws(input, ranking, K);
  const random = seededRandom(seed);
  const values = Float64Array.from(base);
  // one draw's uniforms: K weight factors, then the bootstrap cells' (see ScoreDraws.uniformCount)
  const uniforms = new Float64Array(K + scores.uniformCount);

  // 1. rank acceptability and central weights
  const tally = new Tally(m, K);
  const weights = new Float64Array(K);
  const totals = new Float64Array(m);
  const effective = Float64Array.from(criteria, (c) => c.weight);
  for (let t = 0; t < samples; t++) {
    random.fill(uniforms);
    drawWeights(effective, spread, uniforms, weights);
    scores.draw(uniforms, K, values);
    weightedTotals(weights, values, m, K, totals);
    tally.add(totals, weights);
  }

  // 2. confidence factors: the central weights fixed, only the scores drawn
  const candidates: number[] = [];
  for (let j = 0; j < m; j++) if (tally.first[j] > 0) candidates.push(j);
  const confidence = new Float64Array(m);
  if (candidates.length > 0) {
    const fixed = candidates.map((j) => tally.centralWeights(j));
    const drawn = scores.columns;
    // the part of each total that no score draw moves, per candidate's central weights
    const steady = fixed.map((w) => {
      const part = new Float64Array(m);
      for (let j = 0; j < m; j++) {
        for (let k = 0; k < K; k++) if (!scores.drawsColumn[k]) part[j] += w[k] * base[j * K + k];
      }
      return part;
    });
    const draws = scores.cellCount === 0 ? 1 : samples; // nothing uncertain: one evaluation is exact
    values.set(base);
    for (let t = 0; t < draws; t++) {
      if (scores.cellCount > 0) {
        random.fill(uniforms); // the first K go unused: the weights are fixed here
        scores.draw(uniforms, K, values);
      }
      for (let c = 0; c < candidates.length; c++) {
        confidence[candidates[c]] += firstShare(candidates[c], fixed[c], steady[c], drawn, values, m, K, totals);
      }
    }
    for (const j of candidates) confidence[j] /= draws;
  }

  return {
    samples,
    spread,
    seed,
    suppliers: ranking.map((r, j) => {
      const acceptability = Array.from({ length: m }, (_, rank) => tally.counts[j * m + rank] / samples);
      const central = tally.first[j] > 0 ? Array.from(tally.centralWeights(j)) : [];
      return {
        supplierId: r.supplierId,
        acceptability,
        firstRank: acceptability[0],
        centralWeights: central.map((weight, k) => ({ criterionId: criteria[k].id, weight })),
        confidence: confidence[j],
      };
    }),
  };
}

/** w_k · (1 − u + 2u·U_k), renormalized to sum 1. */
function drawWeights(effective: Float64Array, spread: number, uniforms: Float64Array, weights: Float64Array): void {
  const K = effective.length;
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const w = effective[k] * (1 - spread + 2 * spread * uniforms[k]);
    weights[k] = w;
    sum += w;
  }
  for (let k = 0; k < K; k++) weights[k] /= sum;
}

function weightedTotals(weights: Float64Array, values: Float64Array, m: number, K: number, totals: Float64Array): void {
  for (let j = 0; j < m; j++) {
    let s = 0;
    const row = j * K;
    for (let k = 0; k < K; k++) s += weights[k] * values[row + k];
    totals[j] = s;
  }
}

/**
 * The share of first place `candidate` takes in one draw of the scores with its central weights:
 * 1, 1/g in a tie of g (within 1e-9 of the highest total), or 0. Suppliers are visited in the
 * matrix's order, strongest first, so a candidate that someone beats usually stops early.
 */
function firstShare(
  candidate: number,
  w: Float64Array,
  steady: Float64Array,
  drawn: Int32Array,
  values: Float64Array,
  m: number,
  K: number,
  totals: Float64Array,
): number {
  const total = (j: number): number => {
    let s = steady[j];
    const row = j * K;
    for (let c = 0; c < drawn.length; c++) s += w[drawn[c]] * values[row + drawn[c]];
    return s;
  };
  const own = total(candidate);
  let best = own;
  for (let j = 0; j < m; j++) {
    const s = j === candidate ? own : total(j);
    if (s - own >= TIE_TOLERANCE) return 0; // someone is ahead beyond a tie
    totals[j] = s;
    if (s > best) best = s;
  }
  let tied = 0;
  for (let j = 0; j < m; j++) if (best - totals[j] < TIE_TOLERANCE) tied++;
  return 1 / tied;
}

/** Counts of ranks per supplier and the weight sums of the draws each one wins. */
class Tally {
  /** counts[j·m + r]: draws (or shares of tied draws) that put supplier j at rank r */
  readonly counts: Float64Array;
  readonly first: Float64Array;
  private readonly central: Float64Array;
  private readonly order: Int32Array;

  constructor(
    private readonly m: number,
    private readonly K: number,
  ) {
    this.counts = new Float64Array(m * m);
    this.first = new Float64Array(m);
    this.central = new Float64Array(m * K);
    this.order = Int32Array.from({ length: m }, (_, j) => j);
  }

  add(totals: Float64Array, weights: Float64Array): void {
    const { m, K, order, counts, central, first } = this;
    sortDescending(order, totals);
    let start = 0;
    while (start < m) {
      const end = tieGroupEnd(order, totals, start);
      const share = 1 / (end - start);
      for (let p = start; p < end; p++) {
        const j = order[p];
        for (let r = start; r < end; r++) counts[j * m + r] += share;
        if (start === 0) {
          first[j] += share;
          for (let k = 0; k < K; k++) central[j * K + k] += share * weights[k];
        }
      }
      start = end;
    }
  }

  /** The mean weight vector of the draws supplier j won (it sums to 1, as each of them does). */
  centralWeights(j: number): Float64Array {
    const w = new Float64Array(this.K);
    for (let k = 0; k < this.K; k++) w[k] = this.central[j * this.K + k] / this.first[j];
    return w;
  }
}

/** The evaluator criteria × suppliers whose evaluators disagree, and how to redraw them. */
class ScoreDraws {
  /** uniforms one draw of every uncertain mean takes: one a cell of up to PACKED_BOOTSTRAP_MAX scores, else one a score */
  readonly uniformCount: number;
  readonly cellCount: number;
  /** the criterion indices with at least one uncertain cell */
  readonly columns: Int32Array;
  readonly drawsColumn: boolean[];
  private readonly parts: Array<{
    k: number;
    criterion: MatrixCriterion;
    scale: boolean;
    lower: boolean;
    /** the column's raw values over the ranked suppliers (null = missing); the uncertain ones are overwritten per draw */
    raw: Array<number | null>;
    suppliers: Int32Array;
    /** every uncertain cell's scores, sorted, one after the other: cell c's are scores[starts[c] …] */
    scores: Float64Array;
    starts: Int32Array;
    counts: Int32Array;
  }> = [];

  constructor(
    input: RobustnessInput,
    ranking: ReturnType<typeof decisionMatrix>['ranking'],
    private readonly K: number,
  ) {
    input.criteria.forEach((criterion, k) => {
      if (criterion.source !== 'evaluator') return;
      const byCriterion = input.evaluatorScores?.[criterion.id];
      if (!byCriterion) return;
      const suppliers: number[] = [];
      const lists: number[][] = [];
      ranking.forEach((r, j) => {
        const scores = byCriterion[r.supplierId];
        if (scores && scores.length >= 2 && scores.some((x) => x !== scores[0])) {
          suppliers.push(j);
          // sorted, so the order the database returns them in changes nothing
          lists.push([...scores].sort((x, y) => x - y));
        }
      });
      if (suppliers.length === 0) return;
      const counts = Int32Array.from(lists, (l) => l.length);
      const starts = new Int32Array(lists.length);
      for (let c = 1; c < lists.length; c++) starts[c] = starts[c - 1] + counts[c - 1];
      this.parts.push({
        k,
        criterion,
        scale: criterion.normalization === 'scale',
        lower: criterion.direction === 'lower_is_better',
        raw: ranking.map((r) => r.cells[k].raw),
        suppliers: Int32Array.from(suppliers),
        scores: Float64Array.from(lists.flat()),
        starts,
        counts,
      });
    });
    this.cellCount = this.parts.reduce((n, p) => n + p.suppliers.length, 0);
    this.uniformCount = this.parts.reduce((sum, p) => sum + p.counts.reduce((cells, n) => cells + (n <= PACKED_BOOTSTRAP_MAX ? 1 : n), 0), 0);
    this.columns = Int32Array.from(this.parts, (p) => p.k);
    this.drawsColumn = input.criteria.map((_, k) => this.parts.some((p) => p.k === k));
  }

  /** One bootstrap draw of every uncertain mean (from uniforms[offset…]), normalized into `values`. */
  draw(uniforms: Float64Array, offset: number, values: Float64Array): void {
    const K = this.K;
    let next = offset;
    for (const part of this.parts) {
      const { k, suppliers, scores, starts, counts } = part;
      for (let c = 0; c < suppliers.length; c++) {
        const n = counts[c];
        let mean: number;
        if (n <= PACKED_BOOTSTRAP_MAX) {
          mean = packedBootstrapMean(scores, starts[c], n, uniforms[next]);
          next += 1;
        } else {
          mean = bootstrapMean(scores, starts[c], n, uniforms, next);
          next += n;
        }
        // a scale criterion normalizes each value on its own (mean/10): only the drawn cells move
        if (part.scale) values[suppliers[c] * K + k] = part.lower ? 1 - mean / 10 : mean / 10;
        else part.raw[suppliers[c]] = mean;
      }
      if (part.scale) continue;
      const normalized = normalizeCriterion(part.raw, part.criterion);
      for (let j = 0; j < normalized.length; j++) values[j * K + k] = normalized[j];
    }
  }
}

/**
 * One bootstrap mean: n scores drawn with replacement from scores[start … start + n − 1], the i-th
 * draw picking ⌊U_i·n⌋ with U_i = uniforms[at + i]. (A table of the mean's exact distribution, one
 * uniform a draw, was tried: for 200 suppliers × 12 criteria its lookups miss the cache and it ran
 * several times slower than these few sequential draws from a few bytes of scores.)
 */
export function bootstrapMean(scores: Float64Array, start: number, n: number, uniforms: Float64Array, at: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += scores[start + Math.floor(uniforms[at + i] * n)];
  return sum / n;
}

/**
 * Up to this many scores, one uniform serves a whole bootstrap mean (`packedBootstrapMean`): n^n ≤
 * 46,656 < 2^16, so each of the n^n index tuples gets its share of the 2^32 values of U to within
 * 2^-16 of it (relative), far below the 1 % standard error of 10,000 draws.
 */
export const PACKED_BOOTSTRAP_MAX = 6;

/**
 * One bootstrap mean from one uniform U: the n indices are the first n base-n digits of U
 * (f ← f·n, digit ⌊f⌋, f ← f − ⌊f⌋), i.e. the digits of ⌊U·n^n⌋, uniform and independent (up to
 * the 2^-16 above). U has 32 significant bits and n ≤ 6 adds at most 3 a step, so every step is
 * exact in a double. Four of five random numbers fewer for five evaluators than `bootstrapMean`.
 */
export function packedBootstrapMean(scores: Float64Array, start: number, n: number, u: number): number {
  let f = u;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    f *= n;
    const digit = Math.floor(f);
    f -= digit;
    sum += scores[start + digit];
  }
  return sum / n;
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
    throw new DomainError('POLICY_INVALID', 'The rank acceptability options are not valid', { errors });
  }
}
