import { DomainError } from '../errors';
import { type CriterionSource, type Direction, type Normalization } from './types';

export interface NormalizableCriterion {
  id: string;
  direction: Direction;
  normalization: Normalization;
  source: CriterionSource;
}

/** Full marks of a `scale` criterion: evaluator scores are 0–10, the reliability score 0–100. */
const SCALE_MAX: Partial<Record<CriterionSource, number>> = { evaluator: 10, reliability: 100 };

/**
 * One criterion's raw values (one per supplier still in the ranking, null = missing) to [0, 1]:
 *   ratio   lower: min / x        higher: x / max            (every value must be > 0)
 *   minmax  lower: (max − x)/(max − min)   higher: (x − min)/(max − min);  all equal → 1
 *   scale   evaluator: x / 10, reliability: x / 100;  lower_is_better → 1 − that
 * min and max are over the values present; a missing value normalizes to 0.
 */
export function normalizeCriterion(values: Array<number | null>, criterion: NormalizableCriterion): number[] {
  const present = values.filter((x): x is number => x !== null);
  for (const x of present) {
    if (!Number.isFinite(x)) {
      throw new DomainError('VALUE_OUT_OF_RANGE', `Criterion ${criterion.id} has a non-finite value`, {
        criterionId: criterion.id,
        value: x,
      });
    }
  }
  const lower = criterion.direction === 'lower_is_better';

  switch (criterion.normalization) {
    case 'ratio': {
      // ratio normalization is meaningless across zero; such values are refused at entry (400)
      const bad = present.find((x) => x <= 0);
      if (bad !== undefined) {
        throw new DomainError(
          'RATIO_NON_POSITIVE',
          `Criterion ${criterion.id} uses ratio normalization but has the value ${bad}`,
          { criterionId: criterion.id, value: bad },
        );
      }
      const min = Math.min(...present);
      const max = Math.max(...present);
      return values.map((x) => (x === null ? 0 : lower ? min / x : x / max));
    }
    case 'minmax': {
      const min = Math.min(...present);
      const max = Math.max(...present);
      const span = max - min;
      return values.map((x) => {
        if (x === null) return 0;
        if (span === 0) return 1; // nobody is worse than anybody
        return lower ? (max - x) / span : (x - min) / span;
      });
    }
    case 'scale': {
      const full = SCALE_MAX[criterion.source];
      if (full === undefined) {
        throw new DomainError(
          'NORMALIZATION_UNSUPPORTED',
          `Scale normalization applies to evaluator scores and the reliability score, not ${criterion.source}`,
          { criterionId: criterion.id, source: criterion.source },
        );
      }
      const outside = present.find((x) => x < 0 || x > full);
      if (outside !== undefined) {
        throw new DomainError(
          'VALUE_OUT_OF_RANGE',
          `Criterion ${criterion.id} expects values from 0 to ${full}, got ${outside}`,
          { criterionId: criterion.id, value: outside },
        );
      }
      return values.map((x) => (x === null ? 0 : lower ? 1 - x / full : x / full));
    }
  }
}
