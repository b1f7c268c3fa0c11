export {
  BUILTIN_RELIABILITY_CRITERION_ID,
  DEFAULT_STRATEGIC_POLICY,
  isReliabilityCriterion,
  type AhpResult,
  type CloseCall,
  type CriterionKind,
  type CriterionSensitivity,
  type CriterionSource,
  type Direction,
  type EffectiveWeightItem,
  type EffectiveWeights,
  type MatrixCell,
  type MatrixCriterion,
  type MatrixInput,
  type MatrixResult,
  type MatrixSupplier,
  type Normalization,
  type PriceCutToWin,
  type RankedSupplier,
  type ScoreChange,
  type SensitivityResult,
  type StrategicPolicy,
  type WeightCriterion,
} from './types';
export { effectiveWeights, normalizeWeights } from './weights';
export { ahp, CONSISTENCY_LIMIT, MAX_AHP_CRITERIA, RANDOM_INDEX, validatePairwiseMatrix } from './ahp';
export { normalizeCriterion, type NormalizableCriterion } from './normalize';
export { decisionMatrix, TIE_TOLERANCE } from './matrix';
export {
  closeCall,
  DEFAULT_CLOSE_CALL_PERCENT,
  DEFAULT_SENSITIVE_THRESHOLD,
  sensitivity,
  sensitivityFromNormalized,
  type NormalizedProblem,
  type SensitivityOptions,
} from './sensitivity';
export { seededRandom, type SeededRandom } from './random';
export {
  DEFAULT_ROBUSTNESS_POLICY,
  MAX_ROBUSTNESS_SAMPLES,
  MIN_ROBUSTNESS_SAMPLES,
  rankAcceptability,
  type RankAcceptability,
  type RobustnessInput,
  type RobustnessOptions,
  type RobustnessPolicy,
  type RobustnessResult,
} from './robustness';
