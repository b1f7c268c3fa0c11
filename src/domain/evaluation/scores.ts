/**
 * Evaluator scores (0–10, two decimals) of one criterion for one supplier, summarized the way the
 * matrix and the consensus discussion read them. Pure. Scores are counted in exact hundredths
 * (integers), so the sum never depends on order and the mean is one correctly rounded division.
 */

/** Scores for one supplier on one criterion further apart than this (max − min) call for a consensus discussion. */
export const CONSENSUS_SPREAD = 3;

export interface ScoreSummary {
  /** null when nobody has scored */
  mean: number | null;
  count: number;
  /** max − min; null when nobody has scored */
  spread: number | null;
  consensusNeeded: boolean;
}

/** A score as PostgreSQL gives it ("7.50") or as validated input (7.5), in hundredths; scores have at most 2 decimals. */
const hundredths = (score: string | number): number => Math.round(Number(score) * 100);

export function summarizeScores(scores: ReadonlyArray<string | number>): ScoreSummary {
  if (scores.length === 0) return summaryOfHundredths({ sum: 0, count: 0, min: 0, max: 0 });
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const score of scores) {
    const h = hundredths(score);
    sum += h;
    if (h < min) min = h;
    if (h > max) max = h;
  }
  return summaryOfHundredths({ sum, count: scores.length, min, max });
}

/**
 * The summary from the totals of one cell's scores in exact hundredths (integers: their sum, count,
 * smallest and largest), as the database aggregates them: the same one division as `summarizeScores`,
 * so the mean is bit for bit the same wherever the sum was taken.
 */
export function summaryOfHundredths(t: { sum: number; count: number; min: number; max: number }): ScoreSummary {
  if (t.count === 0) return { mean: null, count: 0, spread: null, consensusNeeded: false };
  return {
    mean: t.sum / (100 * t.count),
    count: t.count,
    spread: (t.max - t.min) / 100,
    consensusNeeded: t.max - t.min > CONSENSUS_SPREAD * 100,
  };
}

export interface ScoreRecord {
  evaluatorId: string;
  supplierId: string;
  criterionId: string;
  score: string | number;
}

export const scoreKey = (criterionId: string, supplierId: string) => `${criterionId}|${supplierId}`;

/** Summaries by (criterion, supplier): one pass over the stored scores. */
export function summarizeAll(scores: readonly ScoreRecord[]): Map<string, ScoreSummary> {
  const grouped = new Map<string, Array<string | number>>();
  for (const s of scores) {
    const key = scoreKey(s.criterionId, s.supplierId);
    const list = grouped.get(key);
    if (list) list.push(s.score);
    else grouped.set(key, [s.score]);
  }
  return new Map([...grouped].map(([key, values]) => [key, summarizeScores(values)]));
}

/**
 * Independent scoring: the criteria for which this evaluator has scored every ranked supplier.
 * Only for those may the evaluator see what the others gave (with no ranked supplier, nothing is
 * left to bias, so every criterion counts as done).
 */
export function criteriaCompletedBy(
  evaluatorId: string,
  scores: readonly ScoreRecord[],
  criterionIds: readonly string[],
  rankedSupplierIds: readonly string[],
): Set<string> {
  const own = new Set(scores.filter((s) => s.evaluatorId === evaluatorId).map((s) => scoreKey(s.criterionId, s.supplierId)));
  return new Set(criterionIds.filter((c) => rankedSupplierIds.every((s) => own.has(scoreKey(c, s)))));
}

/** One evaluator-scored criterion with no score at all for one ranked supplier. */
export interface ScoreGap {
  criterionId: string;
  criterionName: string;
  supplierId: string;
  supplierName: string;
}

/**
 * The gaps the DECISION exit precondition and the matrix's warnings both read: every
 * evaluator-scored criterion × ranked supplier with no score, in criterion then supplier order.
 * Until they are filled the matrix counts such a cell as 0 and its ranking is provisional.
 */
export function scoreGaps(
  criteria: ReadonlyArray<{ id: string; name: string }>,
  rankedSuppliers: ReadonlyArray<{ id: string; name: string }>,
  summaries: ReadonlyMap<string, ScoreSummary>,
): ScoreGap[] {
  const gaps: ScoreGap[] = [];
  for (const c of criteria) {
    for (const s of rankedSuppliers) {
      if ((summaries.get(scoreKey(c.id, s.id))?.count ?? 0) === 0) {
        gaps.push({ criterionId: c.id, criterionName: c.name, supplierId: s.id, supplierName: s.name });
      }
    }
  }
  return gaps;
}

/** How a score gap is written wherever it is listed: "<criterion> for <supplier>". */
export const scoreGapLine = (g: ScoreGap): string => `${g.criterionName} for ${g.supplierName}`;

/** The DECISION exit precondition: one line per score gap. */
export function missingScores(
  criteria: ReadonlyArray<{ id: string; name: string }>,
  rankedSuppliers: ReadonlyArray<{ id: string; name: string }>,
  summaries: ReadonlyMap<string, ScoreSummary>,
): string[] {
  return scoreGaps(criteria, rankedSuppliers, summaries).map(scoreGapLine);
}

/**
 * The matrix's warning per criterion with gaps: which ranked suppliers it has no score for, that
 * they count as 0, and so that the ranking is provisional.
 */
export function scoreGapWarnings(gaps: readonly ScoreGap[]): string[] {
  const byCriterion = new Map<string, { name: string; suppliers: string[] }>();
  for (const g of gaps) {
    const entry = byCriterion.get(g.criterionId) ?? { name: g.criterionName, suppliers: [] };
    entry.suppliers.push(g.supplierName);
    byCriterion.set(g.criterionId, entry);
  }
  return [...byCriterion.values()].map(
    ({ name, suppliers }) => `"${name}" has no evaluator score for ${suppliers.join(', ')}: counted as 0, so the ranking is provisional`,
  );
}

/**
 * The evaluators' own scores as numbers, by criterion id and then supplier id, each list in
 * ascending order (so the database's row order changes nothing): what the rank acceptability
 * analysis resamples where evaluators disagree.
 */
export function scoresByCell(scores: readonly ScoreRecord[]): Record<string, Record<string, number[]>> {
  const out: Record<string, Record<string, number[]>> = {};
  for (const s of scores) ((out[s.criterionId] ??= {})[s.supplierId] ??= []).push(hundredths(s.score) / 100);
  for (const bySupplier of Object.values(out)) for (const list of Object.values(bySupplier)) list.sort((a, b) => a - b);
  return out;
}
