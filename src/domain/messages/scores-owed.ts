import { type ScoreRecord, scoreKey } from '../evaluation/scores';

/**
 * What one evaluator still owes (the "scores needed" message): per evaluator-scored criterion, the
 * ranked suppliers it has no score of theirs for, in criterion then supplier order. Another
 * evaluator's score fills nothing here: scoring is independent, each evaluator scores every cell.
 */
export function scoresOwed(
  evaluatorId: string,
  criteria: ReadonlyArray<{ id: string; name: string }>,
  rankedSuppliers: ReadonlyArray<{ id: string; name: string }>,
  records: readonly ScoreRecord[],
): Array<{ criterion: string; suppliers: string[] }> {
  const own = new Set(records.filter((r) => r.evaluatorId === evaluatorId).map((r) => scoreKey(r.criterionId, r.supplierId)));
  return criteria
    .map((c) => ({ criterion: c.name, suppliers: rankedSuppliers.filter((s) => !own.has(scoreKey(c.id, s.id))).map((s) => s.name) }))
    .filter((owed) => owed.suppliers.length > 0);
}
