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
  blocks.push(...ratesBlocks(ctx));
  return { title: t.negotiation, blocks };
}

function ratesBlocks(ctx: ViewContext): BlockView[] {
  const { t, f, currency } = ctx;
  const rates = ctx.source.exchangeRates;
  if (rates === undefined) return [];
  if (rates.length === 0) return [{ kind: 'heading', text: t.exchangeRatesUsed }, muted(t.noExchangeRates)];
  return [
    { kind: 'heading', text: t.exchangeRatesUsed },
    table(
      [left(t.currency), right(fill(t.rate, { base: currency })), left(t.setBy), left(t.setAt)],
      rates.map((r) => ({ cells: [r.currency, f.plain(r.rate), r.setBy, f.instant(r.setAt)] })),
    ),
  ];
}

/** The offers' terms (when the source has them): one row per offer, the compliance it states by requirement text. */
function termsBlocks(ctx: ViewContext, round: ReportRound): BlockView[] {
  const { t, f } = ctx;
  const withTerms = round.offers.filter((o) => o.terms !== undefined);
  if (withTerms.length === 0) return [];
  const requirements = new Map((ctx.source.specification?.requirements ?? []).map((r) => [r.id, r.text]));
  const blocks: BlockView[] = [
    table(
      [
        left(t.supplier),
        right(t.leadTime),
        right(t.warranty),
        right(t.paymentDays),
        left(t.validUntil),
        left(t.submittedVia),
        right(t.revisions),
      ],
      withTerms.map((o) => {
        const terms = o.terms!;
        return {
          cells: [
            o.supplierName,
            f.decimal(terms.leadTimeDays, 0),
            f.decimal(terms.warrantyMonths, 0),
            f.decimal(terms.paymentDays, 0),
            f.date(terms.validUntil),
            terms.submittedVia === 'supplier' ? t.viaPortal : t.viaBuyer,
            String(terms.revision),
          ],
        };
      }),
    ),
  ];
  // one column per requirement the offers answer, headed by its text
  const answered = [...new Set(withTerms.flatMap((o) => o.terms!.compliance.map((c) => c.requirementId)))];
  const ordered = [...requirements.keys()].filter((id) => answered.includes(id)).concat(answered.filter((id) => !requirements.has(id)));
  if (ordered.length > 0) {
    blocks.push(muted(t.compliance), {
      kind: 'table',
      columns: [left(t.supplier), ...ordered.map((id) => left(requirements.get(id) ?? id))],
      rows: withTerms.map((o) => {
        const stated = new Map(o.terms!.compliance.map((c) => [c.requirementId, c]));
        const cells = ordered.map((id) => {
          const c = stated.get(id);
          if (c === undefined) return DASH;
          const verdict = c.met ? t.complianceMet : t.complianceNotMet;
          return c.note ? `${verdict}; ${fill(t.complianceNote, { note: c.note })}` : verdict;
        });
        return { cells: [o.supplierName, ...cells], emphasis: o.terms!.compliance.some((c) => !c.met) ? ('strong' as const) : undefined };
      }),
      frozenColumns: 1,
    });
  }
  return blocks;
}

function eliminationBlocks(ctx: ViewContext, round: ReportRound): BlockView[] {
  const { t, f } = ctx;
  const eliminations = round.eliminations ?? [];
  if (eliminations.length === 0) return [];
  return [
    muted(fill(t.eliminated, { n: round.number })),
    table(
      [left(t.supplier), left(t.eliminatedAt), left(t.reason)],
      eliminations.map((e) => ({ cells: [e.supplierName, f.instant(e.at), e.reason ?? t.noReasonRecorded], emphasis: 'muted' as const })),
    ),
  ];
}

function roundBlocks(ctx: ViewContext, round: ReportRound): BlockView[] {
  const { t, f, lang, currency } = ctx;
  const status = enumLabel('roundStatus', round.status, lang);
  const heading = [
    fill(t.round, { n: round.number }),
    `${t.deadline} ${f.instant(round.deadline)}`,
    round.bestAndFinal ? `${status}, ${t.bestAndFinal}` : status,
  ].join(' · ');
  if (round.offers.length === 0) return [{ kind: 'heading', text: heading }, muted(t.noOffers), ...eliminationBlocks(ctx, round)];
  const blocks: BlockView[] = [
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
  return [...blocks, ...termsBlocks(ctx, round), ...eliminationBlocks(ctx, round)];
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
