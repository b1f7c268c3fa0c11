import { type MatrixInput, type MatrixResult } from '../scoring/types';

/** One supplier's own standing in the decision matrix: what its regret letter tells it, and nothing of the others. */
export interface Debrief {
  rank: number;
  /** how many suppliers were ranked */
  of: number;
  /** 0–100 */
  total: number;
  criteria: Array<{ name: string; weightPercent: number; points: number }>;
}

/**
 * The debrief of `supplierId` from the matrix: its rank among the ranked, its total and its points
 * per criterion next to the criterion's weight (the most points it could give). Only that
 * supplier's own row is read, so no other supplier's figure can reach it. Null: it was not ranked
 * (excluded by a mandatory requirement, or not in the decision round).
 */
export function debriefOf(result: MatrixResult, input: MatrixInput, names: ReadonlyMap<string, string>, supplierId: string): Debrief | null {
  const own = result.ranking.find((r) => r.supplierId === supplierId);
  if (!own) return null;
  const weights = new Map(input.criteria.map((k) => [k.id, k.weight]));
  return {
    rank: own.rank,
    of: result.ranking.length,
    total: round1(own.total),
    criteria: own.cells.map((cell) => ({ name: names.get(cell.criterionId) ?? cell.criterionId, weightPercent: round1(100 * (weights.get(cell.criterionId) ?? 0)), points: round1(cell.points) })),
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
