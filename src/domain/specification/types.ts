/**
 * The vocabulary of a case's specification: weighted criteria and the AHP record; the requirements
 * have their own module (src/domain/requirements).
 */
import type { CriterionKind, CriterionSource, Direction, Normalization } from '../scoring';

/** A weighted evaluation criterion, stored in `specification_versions.criteria` (jsonb); ids stable across versions. */
export interface Criterion {
  id: string;
  name: string;
  kind: CriterionKind;
  direction: Direction;
  source: CriterionSource;
  normalization: Normalization;
  /** positive base weight as entered (or derived by AHP); normalized to sum 1 where used */
  weight: number;
}

export const CRITERION_KINDS = ['price', 'quality', 'delivery', 'reliability', 'technical', 'service', 'sustainability', 'other'] as const satisfies readonly CriterionKind[];
export const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const satisfies readonly Direction[];
export const CRITERION_SOURCES = [
  'offer.price',
  'offer.leadTimeDays',
  'offer.warrantyMonths',
  'offer.paymentDays',
  'offer.value',
  'evaluator',
  'reliability',
] as const satisfies readonly CriterionSource[];
export const NORMALIZATIONS = ['ratio', 'minmax', 'scale'] as const satisfies readonly Normalization[];
/** `scale` normalizes against full marks, which only evaluator scores (10) and the reliability score (100) have. */
export const SCALE_SOURCES: readonly CriterionSource[] = ['evaluator', 'reliability'];

export const MAX_CRITERIA = 40;

/**
 * How the draft's weights were derived by AHP, stored in `specification_versions.ahp` (jsonb);
 * kept on a later save only while the criteria and their weights are still the ones it set.
 */
export interface AhpRecord {
  criteria: string[];
  matrix: number[][];
  weights: number[];
  lambdaMax: number;
  ci: number;
  cr: number;
  consistent: boolean;
  /** CR > 0.10 applied anyway: the prescriber's reason */
  acceptedInconsistency: boolean;
  reason: string | null;
  appliedBy: string;
  appliedAt: string;
}
