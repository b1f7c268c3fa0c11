import { DomainError, type FieldProblem } from '../errors';
import { normalizeCriterion } from './normalize';
import {
  type MatrixCell,
  type MatrixInput,
  type MatrixResult,
  type MatrixSupplier,
  type RankedSupplier,
} from './types';

/** Totals closer than this (on the 0–1 scale) are a tie. */
export const TIE_TOLERANCE = 1e-9;
const WEIGHT_SUM_TOLERANCE = 1e-9;

/**
 * The weighted-sum decision matrix: S_j = Σ_k w_k · n_jk, reported as 100·S_j with the
 * contributions w_k · n_jk. Suppliers that fail a mandatory requirement are listed apart (one row
 * per failed requirement) and take no part in normalization. Ranking is by S descending; suppliers
 * are tied only when every pair of them is closer than 1e-9: going down the totals, a tie group
 * takes every supplier within 1e-9 of the group's highest total, so no chain of small steps ties
 * two suppliers further apart. A group is shown by reliability descending, then total cost
 * ascending, then supplier id; ranks are display positions. Each cell also carries its `points`
 * (100 · contribution), so a row's cells add up to its total.
 */
export function decisionMatrix(input: MatrixInput): MatrixResult {
  assertInput(input);
  const { criteria } = input;

  const excluded = input.suppliers.flatMap((s) =>
    s.failedRequirements.map((f) => ({
      supplierId: s.supplierId,
      requirementId: f.requirementId,
      reason: f.reason,
    })),
  );
  const ranked = input.suppliers.filter((s) => s.failedRequirements.length === 0);

  const rawColumns = criteria.map((c) => ranked.map((s) => rawValue(s, c)));
  const normalizedColumns = criteria.map((c, k) => normalizeCriterion(rawColumns[k], c));

  const scored = ranked.map((supplier, j) => {
    const cells: MatrixCell[] = criteria.map((c, k) => {
      const normalized = normalizedColumns[k][j];
      const contribution = c.weight * normalized;
      return { criterionId: c.id, raw: rawColumns[k][j], normalized, contribution, points: 100 * contribution };
    });
    const score = cells.reduce((s, cell) => s + cell.contribution, 0);
    return { supplier, cells, score };
  });

  scored.sort((a, b) => b.score - a.score);
  const groups: Array<typeof scored> = [];
  for (const entry of scored) {
    const group = groups[groups.length - 1];
    // against the group's first (highest) total, not its last: ties do not chain
    if (group && group[0].score - entry.score < TIE_TOLERANCE) group.push(entry);
    else groups.push([entry]);
  }

  const ranking: RankedSupplier[] = [];
  for (const group of groups) {
    group.sort(
      (a, b) =>
        b.supplier.reliability - a.supplier.reliability ||
        a.supplier.totalCost - b.supplier.totalCost ||
        (a.supplier.supplierId < b.supplier.supplierId ? -1 : 1),
    );
    for (const { supplier, cells, score } of group) {
      ranking.push({
        supplierId: supplier.supplierId,
        rank: ranking.length + 1,
        total: 100 * score,
        tie: group.length > 1,
        cells,
      });
    }
  }
  return { ranking, excluded };
}

/** A reliability-sourced criterion reads the supplier's reliability score unless a raw value is given. */
export function rawValue(s: MatrixSupplier, c: MatrixInput['criteria'][number]): number | null {
  const raw = s.raw[c.id];
  if (raw !== undefined && raw !== null) return raw;
  return c.source === 'reliability' && raw === undefined ? s.reliability : null;
}

function assertInput(input: MatrixInput): void {
  const structural: FieldProblem[] = [];
  if (input.criteria.length === 0) structural.push({ field: 'criteria', message: 'at least one criterion' });
  const criterionIds = new Set<string>();
  input.criteria.forEach((c, k) => {
    if (criterionIds.has(c.id)) structural.push({ field: `criteria[${k}].id`, message: 'duplicate id' });
    criterionIds.add(c.id);
  });
  const supplierIds = new Set<string>();
  input.suppliers.forEach((s, j) => {
    if (supplierIds.has(s.supplierId)) {
      structural.push({ field: `suppliers[${j}].supplierId`, message: 'duplicate id' });
    }
    supplierIds.add(s.supplierId);
  });
  if (structural.length > 0) {
    throw new DomainError('MATRIX_INVALID', 'The decision matrix input is not valid', { errors: structural });
  }

  const weights = input.criteria.flatMap((c, k) =>
    Number.isFinite(c.weight) && c.weight >= 0
      ? []
      : [{ field: `criteria[${k}].weight`, message: 'must be a finite number ≥ 0' }],
  );
  const sum = input.criteria.reduce((s, c) => s + c.weight, 0);
  if (weights.length === 0 && Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    weights.push({ field: 'criteria', message: `effective weights must sum to 1, got ${sum}` });
  }
  if (weights.length > 0) {
    throw new DomainError('WEIGHTS_INVALID', 'The effective weights are not valid', { errors: weights });
  }
}
