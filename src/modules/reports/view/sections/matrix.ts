import { fill } from '../../labels/labels';
import { DASH, left, muted, right, table } from '../blocks';
import { isMoney, type ViewContext } from '../context';
import type { ReportRankedSupplier } from '../report-source';
import { niceTicks } from '../format';
import type { BlockView, ColumnView, SectionView, StackedBarChartView, TableView } from '../report-view';

export function matrixSection(ctx: ViewContext): SectionView {
  const { t, f } = ctx;
  const matrix = ctx.source.matrix;
  if (matrix === null) return { title: t.matrix, blocks: [muted(t.noMatrix)] };
  const blocks: BlockView[] = [];
  // the same gaps as the matrix's warnings and the DECISION precondition: the draft says the order may change
  if ((matrix.unscored ?? []).length > 0) blocks.push(muted(fill(t.provisionalRanking, { gaps: matrix.unscored!.join('; ') })));
  if (matrix.ranking.length > 0) {
    blocks.push(
      { kind: 'heading', text: t.ranking },
      table(
        [right(t.rank), left(t.supplier), right(t.total), left(t.tie)],
        matrix.ranking.map((r) => ({
          cells: [String(r.rank), r.supplierName, f.decimal(r.total, 2), r.tie ? t.tied : ''],
          emphasis: r.rank === 1 ? 'strong' : undefined,
        })),
      ),
      contributionChart(ctx, matrix.ranking),
      { kind: 'heading', text: t.matrixDetail },
      muted(t.matrixDetailNote),
      matrixDetailTable(ctx, matrix.ranking),
    );
  }
  if (matrix.excluded.length > 0) {
    blocks.push(
      { kind: 'heading', text: t.excludedFromRanking },
      table(
        [left(t.supplier), left(t.failedRequirement), left(t.reason)],
        matrix.excluded.map((e) => ({ cells: [e.supplierName, e.requirementText, e.reason], emphasis: 'muted' })),
      ),
    );
  }
  return { title: t.matrix, blocks };
}

function contributionChart(ctx: ViewContext, ranking: ReportRankedSupplier[]): StackedBarChartView {
  const { t, f } = ctx;
  const shown = ctx.criteria.filter((c) => ranking.some((r) => r.cells.some((cell) => cell.criterionId === c.id)));
  const leader = Math.max(...ranking.map((r) => r.total));
  // the axis ends at the first round number past the leader, not at 100: small gaps take more room
  const ticks = niceTicks(0, leader, 9);
  const max = ticks[ticks.length - 1] >= leader ? ticks[ticks.length - 1] : leader;
  return {
    kind: 'stackedBarChart',
    title: t.contributionChart,
    max,
    ticks: ticks.filter((v) => v <= max).map((value) => ({ value, label: f.decimal(value, 0) })),
    segments: shown.map((c) => ({ name: c.name })),
    reference: leader,
    totalHeader: t.total,
    gapHeader: t.gapToLeader,
    bars: ranking.map((r) => {
      const values = shown.map((c) => 100 * (r.cells.find((cell) => cell.criterionId === c.id)?.contribution ?? 0));
      return {
        label: `${r.rank}. ${r.supplierName}`,
        values,
        valueLabels: values.map((v) => f.decimal(v, 1)),
        total: f.decimal(r.total, 2),
        gap: r.total === leader ? '' : f.decimal(r.total - leader, 2),
        highlight: r.rank === 1,
      };
    }),
  };
}

/** One column group per criterion (raw, normalized, points); the renderer slices it to the page width. */
function matrixDetailTable(ctx: ViewContext, ranking: ReportRankedSupplier[]): TableView {
  const { t, f } = ctx;
  const shown = ctx.criteria.filter((c) => ranking.some((r) => r.cells.some((cell) => cell.criterionId === c.id)));
  const columns: ColumnView[] = [right(t.rank), left(t.supplier)];
  for (const c of shown) {
    const group = isMoney(c) ? `${c.name} (${ctx.currency})` : c.name;
    columns.push(
      { header: t.raw, align: 'right', group },
      { header: t.normalized, align: 'right', group },
      { header: t.contribution, align: 'right', group },
    );
  }
  const rows = ranking.map((r) => {
    const cells = [String(r.rank), r.supplierName];
    for (const c of shown) {
      const cell = r.cells.find((x) => x.criterionId === c.id);
      if (cell === undefined) cells.push(DASH, DASH, DASH);
      else {
        cells.push(
          cell.raw === null ? DASH : isMoney(c) ? f.decimal(cell.raw, 2) : f.number(cell.raw),
          f.decimal(cell.normalized, 4),
          f.decimal(cell.contribution * 100, 2),
        );
      }
    }
    return { cells, emphasis: r.rank === 1 ? ('strong' as const) : undefined };
  });
  return { kind: 'table', columns, rows, frozenColumns: 2, dense: true };
}
