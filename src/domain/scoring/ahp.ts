import { DomainError, type FieldProblem } from '../errors';
import { type AhpResult } from './types';

/** Saaty's random consistency index RI(n), indexed by n (n = 1..10). */
export const RANDOM_INDEX: readonly number[] = Object.freeze([
  0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49,
]);

export const MAX_AHP_CRITERIA = RANDOM_INDEX.length - 1;
/** The diagonal and the upper triangle's Saaty bounds hold within this relative error. */
const RELATIVE_TOLERANCE = 1e-3;
/**
 * a_ji is the reciprocal of a_ij when |a_ij·a_ji − 1| ≤ 0.01: the three-decimal reciprocals a person
 * writes (0.333, 0.167, 0.143, 0.125, 0.111 for 1/3 … 1/9; 6 · 0.167 = 1.002) pass, 0.2 for 1/3
 * (3 · 0.2 = 0.6) does not. The extra 1e-12 absorbs the product's own rounding (9 · 0.11 = 0.99
 * comes out 0.010000000000000009 away from 1).
 */
export const RECIPROCAL_TOLERANCE = 0.01;
const ROUNDING = 1e-12;
const SCALE_MIN = 1 / 9;
const SCALE_MAX = 9;
/** A CR above this is refused unless accepted explicitly (Saaty's 10 % rule). */
export const CONSISTENCY_LIMIT = 0.1;

/**
 * Every problem with a pairwise matrix: n×n, positive, diagonal 1 and the upper triangle's
 * judgements on Saaty's 1/9..9 scale (within a relative 1e-3), and a_ji the reciprocal of a_ij
 * (|a_ij·a_ji − 1| ≤ 0.01, so the lower triangle holds the scale within 1 %). Fields are 0-based:
 * 'matrix[1][2]'.
 */
export function validatePairwiseMatrix(matrix: number[][], n: number): FieldProblem[] {
  if (!Number.isInteger(n) || n < 1 || n > MAX_AHP_CRITERIA) {
    return [{ field: 'matrix', message: `AHP needs 1 to ${MAX_AHP_CRITERIA} criteria, got ${n}` }];
  }
  if (!Array.isArray(matrix) || matrix.length !== n) {
    const rows = Array.isArray(matrix) ? matrix.length : 0;
    return [{ field: 'matrix', message: `must have ${n} rows, has ${rows}` }];
  }
  const errors: FieldProblem[] = [];
  const usable: boolean[][] = [];
  for (let i = 0; i < n; i++) {
    const row = matrix[i];
    usable.push(Array<boolean>(n).fill(false));
    if (!Array.isArray(row) || row.length !== n) {
      errors.push({ field: `matrix[${i}]`, message: `must have ${n} values` });
      continue;
    }
    for (let j = 0; j < n; j++) {
      const a = row[j];
      const field = `matrix[${i}][${j}]`;
      if (typeof a !== 'number' || !Number.isFinite(a) || a <= 0) {
        errors.push({ field, message: 'must be a positive number' });
      } else if (i === j && Math.abs(a - 1) > RELATIVE_TOLERANCE) {
        errors.push({ field, message: 'a criterion compared with itself must be 1' });
      } else if (i !== j && outsideScale(a, i < j ? RELATIVE_TOLERANCE : RECIPROCAL_TOLERANCE)) {
        errors.push({ field, message: `must be on Saaty's scale, between 1/9 and 9, got ${a}` });
      } else {
        usable[i][j] = true;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (!usable[i][j] || !usable[j][i]) continue;
      if (Math.abs(matrix[i][j] * matrix[j][i] - 1) > RECIPROCAL_TOLERANCE + ROUNDING) {
        errors.push({
          field: `matrix[${j}][${i}]`,
          message: `must be the reciprocal of matrix[${i}][${j}] (1/${matrix[i][j]}), got ${matrix[j][i]}`,
        });
      }
    }
  }
  return errors;
}

const outsideScale = (a: number, tolerance: number): boolean =>
  a < SCALE_MIN * (1 - tolerance) - ROUNDING || a > SCALE_MAX * (1 + tolerance) + ROUNDING;

/**
 * Saaty's eigenvector method. The upper triangle is taken as the judgements and the lower one as
 * their exact reciprocals, so 0.333 or 0.167 typed for 1/3 or 1/6 changes nothing. Then:
 *   w      = principal eigenvector of A (power iteration until no component moves by 1e-12), Σw = 1
 *   λmax   = mean over i of (A·w)_i / w_i
 *   CI     = (λmax − n) / (n − 1)
 *   CR     = CI / RI(n), 0 for n ≤ 2 (a 2×2 reciprocal matrix is always consistent)
 * The most inconsistent pair is the i < j maximizing max(a_ij / (w_i/w_j), (w_i/w_j) / a_ij).
 */
export function ahp(matrix: number[][]): AhpResult {
  const n = Array.isArray(matrix) ? matrix.length : 0;
  const errors = validatePairwiseMatrix(matrix, n);
  if (errors.length > 0) {
    throw new DomainError('AHP_MATRIX_INVALID', 'The pairwise comparison matrix is not valid', {
      errors,
    });
  }
  const a = matrix.map((row, i) => row.map((x, j) => (i === j ? 1 : i < j ? x : 1 / matrix[j][i])));

  const w = principalEigenvector(a);
  const aw = multiply(a, w);
  const lambdaMax = aw.reduce((s, x, i) => s + x / w[i], 0) / n;
  // λmax ≥ n for every positive reciprocal matrix; anything below is rounding.
  const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const cr = n <= 2 ? 0 : ci / RANDOM_INDEX[n];

  let mostInconsistentPair: AhpResult['mostInconsistentPair'] = null;
  let worst = 1 + 1e-9; // a consistent matrix names no pair
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const implied = w[i] / w[j];
      const deviation = Math.max(a[i][j] / implied, implied / a[i][j]);
      if (deviation > worst) {
        worst = deviation;
        mostInconsistentPair = { i, j, judgement: a[i][j], implied };
      }
    }
  }

  return { weights: w, lambdaMax, ci, cr, consistent: cr <= CONSISTENCY_LIMIT, mostInconsistentPair };
}

function principalEigenvector(a: number[][]): number[] {
  const n = a.length;
  let w = Array<number>(n).fill(1 / n);
  // A positive matrix has a simple dominant eigenvalue (Perron), so this converges geometrically;
  // the bound only guards against a pathological non-termination.
  for (let iteration = 0; iteration < 100_000; iteration++) {
    const next = multiply(a, w);
    const sum = next.reduce((s, x) => s + x, 0);
    let moved = 0;
    for (let i = 0; i < n; i++) {
      next[i] /= sum;
      moved = Math.max(moved, Math.abs(next[i] - w[i]));
    }
    w = next;
    if (moved < 1e-12) return w;
  }
  return w;
}

function multiply(a: number[][], w: number[]): number[] {
  return a.map((row) => row.reduce((s, x, j) => s + x * w[j], 0));
}
