/**
 * Shared vocabulary of the scoring core: criteria, weights, the decision matrix and its
 * sensitivity. Pure TypeScript; scores and weights are doubles (money is handled upstream and
 * arrives here already converted to the case's base currency).
 */

export type CriterionKind =
  | 'price'
  | 'quality'
  | 'delivery'
  | 'reliability'
  | 'technical'
  | 'service'
  | 'sustainability'
  | 'other';

export type Direction = 'higher_is_better' | 'lower_is_better';

export type CriterionSource =
  | 'offer.price'
  | 'offer.leadTimeDays'
  | 'offer.warrantyMonths'
  | 'offer.paymentDays'
  | 'offer.value'
  | 'evaluator'
  | 'reliability';

export type Normalization = 'ratio' | 'minmax' | 'scale';

/** Policy of the strategic reliability rule: R' = min(cap, max(multiplier·R, floor, preponderance)). */
export interface StrategicPolicy {
  multiplier: number;
  floor: number;
  cap: number;
}

export const DEFAULT_STRATEGIC_POLICY: StrategicPolicy = Object.freeze({
  multiplier: 2,
  floor: 0.3,
  cap: 0.9,
});

/** The "Supplier reliability" criterion added to a strategic case that has no reliability criterion. */
export const BUILTIN_RELIABILITY_CRITERION_ID = '00000000-0000-4000-8000-000000000001';

export interface WeightCriterion {
  id: string;
  name: string;
  kind: CriterionKind;
  source: CriterionSource;
  direction: Direction;
  normalization: Normalization;
  /** Positive, not yet normalized. */
  weight: number;
}

export interface EffectiveWeightItem {
  criterionId: string;
  name: string;
  kind: CriterionKind;
  /** Normalized base weight (0 for the built-in reliability criterion). */
  base: number;
  effective: number;
}

export interface EffectiveWeights {
  strategic: boolean;
  /** English sentence: which term of the strategic rule decided, with the numbers, or why nothing changed. */
  rule: string;
  addedBuiltin: boolean;
  items: EffectiveWeightItem[];
  /** The criteria to score with, including the built-in one when added; weight = effective. */
  criteria: WeightCriterion[];
}

export interface AhpResult {
  /** Principal eigenvector, normalized to sum 1. */
  weights: number[];
  lambdaMax: number;
  ci: number;
  cr: number;
  consistent: boolean;
  /** The judgement a_ij (i < j) furthest from the ratio w_i/w_j its own weights imply; null when none deviates. */
  mostInconsistentPair: { i: number; j: number; judgement: number; implied: number } | null;
}

export interface MatrixCriterion {
  id: string;
  direction: Direction;
  normalization: Normalization;
  source: CriterionSource;
  /** Effective weight; the weights of one matrix sum to 1. */
  weight: number;
}

export interface MatrixSupplier {
  supplierId: string;
  /** By criterion id; null (or absent) is a missing value. Reliability criteria fall back to `reliability`. */
  raw: Record<string, number | null>;
  /** 0–100; breaks ties for display. */
  reliability: number;
  /** Base currency; breaks ties for display after reliability. */
  totalCost: number;
  failedRequirements: Array<{ requirementId: string; reason: string }>;
}

export interface MatrixInput {
  criteria: MatrixCriterion[];
  suppliers: MatrixSupplier[];
}

export interface MatrixCell {
  criterionId: string;
  raw: number | null;
  /** 0–1. */
  normalized: number;
  /** weight · normalized, on the 0–1 scale. */
  contribution: number;
  /** 100 · contribution: the cell's share of the 0–100 total (a row's points add up to its total). */
  points: number;
}

export interface RankedSupplier {
  supplierId: string;
  rank: number;
  /** 0–100. */
  total: number;
  tie: boolean;
  cells: MatrixCell[];
}

export interface MatrixResult {
  ranking: RankedSupplier[];
  excluded: Array<{ supplierId: string; requirementId: string; reason: string }>;
}

export interface CriterionSensitivity {
  criterionId: string;
  /** Smallest feasible change of the weight that lets another supplier equal the winner. */
  delta: number | null;
  /** 100 · delta / weight. */
  percent: number | null;
  feasible: boolean;
  overtakenBy: string | null;
  /**
   * The smallest change of the shown (normalized) weight, in percentage points and signed, that lets
   * another supplier equal the winner: δ(1 − w_k)/(1 + δ) for the crossover δ; null when none is feasible.
   */
  shownChange: number | null;
  /** The supplier that ties the winner at `shownChange` (almost always `overtakenBy`). */
  shownOvertakenBy: string | null;
}

/** Per qualitative criterion, the smallest change of one supplier's mean score (0–10) that changes the winner. */
export interface ScoreChange {
  criterionId: string;
  /** null when no change of any one supplier's mean within 0–10 changes the winner */
  supplierId: string | null;
  /** new mean − current mean, signed; at it the supplier ties the winner (or the winner ties the best other) */
  change: number | null;
}

export interface CloseCall {
  /** The runner-up's price cut to win, in percent of its price; null when no cut can do it. */
  priceCutPercent: number | null;
  /** Policy: a cut below this percentage is a close call. */
  threshold: number;
  close: boolean;
}

export interface PriceCutToWin {
  supplierId: string;
  criterionId: string;
  fromPrice: number;
  toPrice: number;
  cut: number;
  percent: number;
}

export interface SensitivityResult {
  winner: string | null;
  runnerUp: string | null;
  criteria: CriterionSensitivity[];
  mostCritical: string | null;
  priceCutToWin: PriceCutToWin | null;
  /** Some criterion's |shownChange| is below the threshold (percentage points). */
  sensitive: boolean;
  /** Winner's total minus the runner-up's, in points (0–100 scale); null with fewer than two ranked. */
  gap: number | null;
  closeCall: CloseCall;
  scoreChanges: ScoreChange[];
}

/** A reliability criterion is one of kind `reliability` or sourced from the reliability score. */
export function isReliabilityCriterion(c: { kind?: CriterionKind; source: CriterionSource }): boolean {
  return c.kind === 'reliability' || c.source === 'reliability';
}
