import { CONSENSUS_SPREAD, summarizeScores } from '../../../../domain/evaluation/scores';
import { fill } from '../../labels/labels';
import { DASH, left, muted, right, table } from '../blocks';
import { criterionName, supplierNameById, type ViewContext } from '../context';
import type { BlockView, SectionView } from '../report-view';

/**
 * The evaluators' scores per criterion and supplier, each evaluator's own, with the mean, spread
 * and consensus flag the domain computes from them (the matrix reads the same means), then every
 * comment given.
 */
export function scoresSection(ctx: ViewContext): SectionView {
  const { t, f } = ctx;
  const scores = ctx.source.scores ?? [];
  if (scores.length === 0) return { title: t.scores, blocks: [muted(t.noScores)] };
  const evaluators = [...new Set(scores.map((s) => s.evaluatorName))];
  const suppliers = supplierOrder(ctx, [...new Set(scores.map((s) => s.supplierId))]);
  const scored = new Set(scores.map((s) => s.criterionId));
  const criteria = ctx.criteria.map((c) => c.id).filter((id) => scored.has(id));
  const blocks: BlockView[] = [muted(fill(t.scoresNote, { n: CONSENSUS_SPREAD }))];
  // each criterion and supplier's scores in the order given, found once (not by a scan per cell)
  const cells = new Map<string, typeof scores>();
  for (const score of scores) {
    const key = `${score.criterionId}\u0000${score.supplierId}`;
    const cell = cells.get(key);
    if (cell === undefined) cells.set(key, [score]);
    else cell.push(score);
  }
  const cellOf = (criterionId: string, supplierId: string): typeof scores => cells.get(`${criterionId}\u0000${supplierId}`) ?? [];
  for (const criterionId of criteria) {
    const rows = suppliers.flatMap((supplierId) => {
      const cell = cellOf(criterionId, supplierId);
      if (cell.length === 0) return [];
      const summary = summarizeScores(cell.map((s) => s.score));
      const byEvaluator = evaluators.map((name) => {
        const score = cell.find((s) => s.evaluatorName === name);
        return score === undefined ? DASH : f.decimal(score.score, 2);
      });
      return [
        {
          cells: [
            supplierNameById(ctx, supplierId),
            ...byEvaluator,
            summary.mean === null ? DASH : f.decimal(summary.mean, 2),
            summary.spread === null ? DASH : f.decimal(summary.spread, 2),
            summary.consensusNeeded ? t.consensusNeeded : t.consensusOk,
          ],
          emphasis: summary.consensusNeeded ? ('strong' as const) : undefined,
        },
      ];
    });
    blocks.push(
      { kind: 'heading', text: criterionName(ctx, criterionId) },
      { ...table([left(t.supplier), ...evaluators.map(right), right(t.mean), right(t.spread), left(t.consensus)], rows), frozenColumns: 1 },
    );
    // the comments on this criterion, by supplier in the same order
    const comments = suppliers.flatMap((supplierId) =>
      cellOf(criterionId, supplierId).filter((s) => s.comment !== null && s.comment.trim() !== ''),
    );
    blocks.push(
      comments.length === 0
        ? muted(t.noComments)
        : table(
            [left(t.supplier), left(t.evaluator), left(t.comment)],
            comments.map((s) => ({ cells: [supplierNameById(ctx, s.supplierId), s.evaluatorName, s.comment as string] })),
          ),
    );
  }
  return { title: t.scores, blocks };
}

/** Ranked suppliers in rank order, then the others as given. */
function supplierOrder(ctx: ViewContext, ids: string[]): string[] {
  const given = new Set(ids);
  const ranked = (ctx.source.matrix?.ranking ?? []).map((r) => r.supplierId).filter((id) => given.has(id));
  const rankedSet = new Set(ranked);
  return [...ranked, ...ids.filter((id) => !rankedSet.has(id))];
}
