import Decimal from 'decimal.js';

import { fill } from '../../labels/labels';
import { DASH, left, muted, paragraph, right, table } from '../blocks';
import { criterionName, supplierNameById, type ViewContext } from '../context';
import type { ReportPriceCut } from '../report-source';
import type { BlockView, SectionView } from '../report-view';

export function sensitivitySection(ctx: ViewContext): SectionView {
  const { t, f } = ctx;
  const s = ctx.source.sensitivity;
  if (s === null) return { title: t.sensitivity, blocks: [muted(t.noSensitivity)] };
  const blocks: BlockView[] = [
    s.sensitive
      ? { kind: 'callout', tone: 'warning', text: t.sensitiveYes }
      : { kind: 'callout', tone: 'ok', text: t.sensitiveNo },
    {
      kind: 'fields',
      fields: [
        { label: t.winner, value: s.winner === null ? t.none : supplierNameById(ctx, s.winner) },
        { label: t.runnerUp, value: s.runnerUp === null ? t.none : supplierNameById(ctx, s.runnerUp) },
        { label: t.mostCritical, value: s.mostCritical === null ? t.none : criterionName(ctx, s.mostCritical) },
      ],
    },
  ];
  if (s.criteria.length > 0) {
    blocks.push(
      table(
        [left(t.criterionName), right(t.weightChangeToFlip), right(t.percentOfWeight), left(t.overtakenBy)],
        s.criteria.map((c) => {
          const feasible = c.feasible && c.delta !== null;
          return {
            cells: [
              criterionName(ctx, c.criterionId),
              feasible ? f.percentagePoints(c.delta as number) : t.notFeasible,
              feasible && c.percent !== null ? f.percentValue(c.percent) : DASH,
              feasible && c.overtakenBy !== null ? supplierNameById(ctx, c.overtakenBy) : DASH,
            ],
            emphasis: c.criterionId === s.mostCritical ? 'strong' : feasible ? undefined : 'muted',
          };
        }),
      ),
    );
  }
  if (s.priceCutToWin !== null) {
    blocks.push({ kind: 'heading', text: t.priceCutToWin }, paragraph(priceCutText(ctx, s.priceCutToWin)));
  }
  blocks.push(...acceptabilityBlocks(ctx));
  return { title: t.sensitivity, blocks };
}

/** Ranks shown one by one: the first few; the rest of a long ranking is summed in one column. */
const RANKS_SHOWN = 4;

function acceptabilityBlocks(ctx: ViewContext): BlockView[] {
  const { t, f } = ctx;
  const r = ctx.source.robustness;
  if (r === null || r === undefined || r.suppliers.length === 0) return [];
  const ranks = r.suppliers[0].acceptability.length;
  const shown = ranks <= RANKS_SHOWN + 1 ? ranks : RANKS_SHOWN;
  const columns = [left(t.supplier)];
  for (let k = 1; k <= shown; k++) columns.push(right(fill(t.rankN, { n: k })));
  if (shown < ranks) columns.push(right(fill(t.rankLower, { n: shown + 1 })));
  columns.push(right(t.confidence));
  return [
    { kind: 'heading', text: t.acceptability },
    muted(fill(t.acceptabilityNote, { samples: f.decimal(r.samples, 0), spread: f.decimal(r.spread, 2) })),
    table(
      columns,
      r.suppliers.map((x) => {
        const cells = [supplierNameById(ctx, x.supplierId)];
        for (let k = 0; k < shown; k++) cells.push(f.percentOfOne(x.acceptability[k] ?? 0, 1));
        if (shown < ranks) cells.push(f.percentOfOne(x.acceptability.slice(shown).reduce((a, b) => a + b, 0), 1));
        cells.push(f.percentOfOne(x.confidence, 1));
        return { cells, emphasis: x.supplierId === ctx.source.sensitivity?.winner ? ('strong' as const) : undefined };
      }),
    ),
  ];
}

function priceCutText(ctx: ViewContext, cut: ReportPriceCut): string {
  const { t, f, currency } = ctx;
  const from = new Decimal(cut.fromPrice);
  const percent = cut.percent ?? (from.isZero() ? 0 : new Decimal(cut.cut).div(from).times(100).toNumber());
  return fill(t.priceCutText, {
    supplier: supplierNameById(ctx, cut.supplierId),
    from: f.money(cut.fromPrice, currency),
    to: f.money(cut.toPrice, currency),
    cut: f.money(cut.cut, currency),
    percent: f.percentValue(percent),
  });
}
