import { enumLabel } from '../../labels/enum-labels';
import { fill } from '../../labels/labels';
import { DASH, left, muted, right, table } from '../blocks';
import type { ViewContext } from '../context';
import { niceTicks } from '../format';
import type { ReportRound, SupplierRef } from '../report-source';
import type { BlockView, LineChartView, SectionView } from '../report-view';

export function negotiationSection(ctx: ViewContext): SectionView {
  const { t, source } = ctx;
  if (source.rounds.length === 0) return { title: t.negotiation, blocks: [muted(t.noRounds)] };
  const rounds = [...source.rounds].sort((a, b) => a.number - b.number);
  const blocks: BlockView[] = [];
  const chart = priceChart(ctx, rounds);
  if (chart !== null) blocks.push(chart);
  for (const round of rounds) blocks.push(...roundBlocks(ctx, round));
  blocks.push(muted(t.concessionNote));
  return { title: t.negotiation, blocks };
}

function roundBlocks(ctx: ViewContext, round: ReportRound): BlockView[] {
  const { t, f, lang, currency } = ctx;
  const status = enumLabel('roundStatus', round.status, lang);
  const heading = [
    fill(t.round, { n: round.number }),
    `${t.deadline} ${f.instant(round.deadline)}`,
    round.bestAndFinal ? `${status}, ${t.bestAndFinal}` : status,
  ].join(' · ');
  if (round.offers.length === 0) return [{ kind: 'heading', text: heading }, muted(t.noOffers)];
  return [
    { kind: 'heading', text: heading },
    table(
      [
        left(t.supplier),
        right(t.offeredPrice),
        right(fill(t.convertedPrice, { currency })),
        right(fill(t.concession, { currency })),
      ],
      round.offers.map((o) => ({
        cells: [
          o.supplierName,
          f.money(o.totalPrice, o.currency),
          o.convertedTotal === null ? t.noRate : f.money(o.convertedTotal, currency),
          o.concession === null ? DASH : f.money(o.concession, currency),
        ],
      })),
    ),
  ];
}

function priceChart(ctx: ViewContext, rounds: ReportRound[]): LineChartView | null {
  const { t, f, currency } = ctx;
  const suppliers: SupplierRef[] = [];
  const seen = new Set<string>();
  for (const round of rounds) {
    for (const o of round.offers) {
      if (!seen.has(o.supplierId)) suppliers.push({ supplierId: o.supplierId, supplierName: o.supplierName });
      seen.add(o.supplierId);
    }
  }
  if (suppliers.length === 0) return null;
  // plotting only: converting to float here is harmless, the printed amounts stay exact
  const series = suppliers.map((s) => ({
    name: s.supplierName,
    values: rounds.map((r) => {
      const offer = r.offers.find((o) => o.supplierId === s.supplierId);
      return offer?.convertedTotal == null ? null : Number(offer.convertedTotal);
    }),
  }));
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  // a little headroom so the cheapest and dearest lines do not sit on the axes
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low) * 0.05;
  const ticks = niceTicks(low - pad, high + pad);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  const decimals = step >= 1 ? 0 : Math.min(4, Math.ceil(-Math.log10(step)));
  return {
    kind: 'lineChart',
    title: fill(t.priceChart, { currency }),
    xLabels: rounds.map((r) => fill(t.roundShort, { n: r.number })),
    series,
    yTicks: ticks.map((value) => ({ value, label: f.decimal(value, decimals) })),
  };
}
