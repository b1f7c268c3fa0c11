/**
 * Page 1: the decision on one page (DESIGN §5). Who wins and for how much against the budget, the
 * savings, why it wins, how sure the ranking is, the override, the sign-off state and the controls
 * that held. Every figure comes from the source; nothing here decides anything the domain did not.
 */
import Decimal from 'decimal.js';

import { enumLabel } from '../../labels/enum-labels';
import { fill, type Labels } from '../../labels/labels';
import { criterionName, signerName, supplierNameById, type ViewContext } from '../context';
import type { DeclarationControl } from '../../../../domain/approval/declarations';
import type { ReportRankedSupplier, ReportRound } from '../report-source';
import type { BlockView, FieldView } from '../report-view';

/**
 * When page 1 calls a figure close. The sensitivity and price-cut thresholds are the policy's (the
 * source carries them); these two have no policy of their own: a lead under 2 points on the 0-100
 * scale, and a first-rank acceptability under 80 % (the winner loses more than one weighting in five).
 */
export const CLOSE_GAP_POINTS = 2;
export const CLOSE_FIRST_RANK = 0.8;

export function decisionBlocks(ctx: ViewContext): BlockView[] {
  const { t, source } = ctx;
  const blocks: BlockView[] = [];
  if (source.case.stage !== 'AWARDED') {
    blocks.push({ kind: 'callout', tone: 'warning', text: fill(t.draftNote, { stage: enumLabel('stage', source.case.stage, ctx.lang) }) });
  }
  const ranking = source.matrix?.ranking ?? [];
  const chosenId = source.decision?.supplierId ?? ranking[0]?.supplierId ?? null;
  if (chosenId === null) {
    blocks.push({ kind: 'callout', tone: 'warning', text: t.noRecommendation });
  } else {
    const heading = source.case.stage === 'AWARDED' ? t.awardedTo : source.decision ? t.proposedSupplier : t.recommended;
    blocks.push({ kind: 'heading', text: `${heading}: ${supplierNameById(ctx, chosenId)}` });
    blocks.push({ kind: 'fields', fields: winnerFields(ctx, chosenId, ranking) });
  }
  blocks.push({ kind: 'heading', text: t.howSure }, { kind: 'fields', fields: sureFields(ctx, chosenId) });
  blocks.push({ kind: 'heading', text: t.signOff }, { kind: 'fields', fields: signOffFields(ctx) });
  blocks.push({ kind: 'heading', text: t.controls }, { kind: 'fields', fields: controlFields(ctx) });
  return blocks;
}

function winnerFields(ctx: ViewContext, chosenId: string, ranking: ReportRankedSupplier[]): FieldView[] {
  const { t, f, source, currency } = ctx;
  const rounds = [...source.rounds].sort((a, b) => a.number - b.number);
  const fields: FieldView[] = [];
  const final = lastOffer(rounds, chosenId);
  const budget = new Decimal(source.case.estimatedBudget);
  if (final?.convertedTotal != null) {
    const amount = new Decimal(final.convertedTotal);
    const over = amount.greaterThan(budget);
    let value = fill(over ? t.amountOver : t.amountWithin, {
      amount: f.money(amount, currency),
      budget: f.money(budget, currency),
      diff: f.money(amount.minus(budget).abs(), currency),
    });
    if (final.currency !== currency) value += ` (${fill(t.amountOffered, { offered: f.money(final.totalPrice, final.currency) })})`;
    fields.push({ label: t.amount, value, flag: over });

    const savings: string[] = [];
    const first = firstOffer(rounds, chosenId);
    if (first?.convertedTotal != null) {
      savings.push(fill(t.savingsFirstOffer, { ...saving(ctx, first.convertedTotal, amount), first: f.money(first.convertedTotal, currency) }));
    }
    const median = medianFirstRound(rounds);
    if (median !== null) savings.push(fill(t.savingsMedian, { ...saving(ctx, median, amount), median: f.money(median, currency) }));
    savings.push(fill(t.savingsBudget, { ...saving(ctx, budget, amount), budget: f.money(budget, currency) }));
    fields.push({ label: t.savings, value: savings.join('\n') });
  }
  const why = whySentence(ctx, chosenId, ranking);
  if (why !== null) fields.push({ label: t.whyWins, value: why });
  const d = source.decision;
  fields.push({
    label: t.override,
    value:
      d === null
        ? t.overrideNone
        : d.override
          ? fill(t.overrideYes, { supplier: d.supplierName, top: ranking[0]?.supplierName ?? '-', justification: d.justification })
          : t.overrideNo,
    flag: d?.override === true,
  });
  return fields;
}

/** `reference − amount` in money and as a percentage of the reference (negative: it cost more). */
function saving(ctx: ViewContext, reference: Decimal.Value, amount: Decimal): { saving: string; percent: string } {
  const ref = new Decimal(reference);
  const diff = ref.minus(amount);
  return {
    saving: ctx.f.money(diff, ctx.currency),
    percent: ref.isZero() ? '-' : ctx.f.percentValue(diff.div(ref).times(100).toNumber()),
  };
}

function firstOffer(rounds: ReportRound[], supplierId: string) {
  for (const round of rounds) {
    const offer = round.offers.find((o) => o.supplierId === supplierId);
    if (offer) return offer;
  }
  return undefined;
}

function lastOffer(rounds: ReportRound[], supplierId: string) {
  for (const round of [...rounds].reverse()) {
    const offer = round.offers.find((o) => o.supplierId === supplierId);
    if (offer) return offer;
  }
  return undefined;
}

/** The median of the first round's converted offers (the mean of the middle two for an even count). */
export function medianFirstRound(rounds: ReportRound[]): Decimal | null {
  const values = (rounds[0]?.offers ?? [])
    .map((o) => o.convertedTotal)
    .filter((v): v is string => v !== null)
    .map((v) => new Decimal(v))
    .sort((a, b) => a.comparedTo(b));
  if (values.length === 0) return null;
  const mid = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[mid] : values[mid - 1].plus(values[mid]).div(2);
}

export function ordinal(t: Labels, n: number): string {
  const words = [t.ordinal1, t.ordinal2, t.ordinal3, t.ordinal4, t.ordinal5];
  return words[n - 1] ?? fill(t.ordinalN, { n });
}

/**
 * One sentence from the largest contribution differences between the chosen supplier and its
 * rival (the runner-up, or the top-ranked one when the choice overrides the ranking): the two
 * criteria it gains most on and the one it gives up most on, each with its place on that criterion.
 */
function whySentence(ctx: ViewContext, chosenId: string, ranking: ReportRankedSupplier[]): string | null {
  const { t, f } = ctx;
  const chosen = ranking.find((r) => r.supplierId === chosenId);
  if (chosen === undefined) return null;
  const rival = chosen.rank === 1 ? ranking.find((r) => r.supplierId !== chosenId) : ranking[0];
  if (rival === undefined) return fill(t.whyAlone, { supplier: chosen.supplierName });
  const diffs = chosen.cells.map((cell) => {
    const other = rival.cells.find((c) => c.criterionId === cell.criterionId)?.contribution ?? 0;
    return { criterionId: cell.criterionId, diff: 100 * (cell.contribution - other) };
  });
  const gains = diffs.filter((d) => d.diff > 0.005).sort((a, b) => b.diff - a.diff).slice(0, 2);
  const losses = diffs.filter((d) => d.diff < -0.005).sort((a, b) => a.diff - b.diff).slice(0, 1);
  const place = (criterionId: string): number => {
    const mine = chosen.cells.find((c) => c.criterionId === criterionId)?.contribution ?? 0;
    return 1 + ranking.filter((r) => (r.cells.find((c) => c.criterionId === criterionId)?.contribution ?? 0) > mine + 1e-12).length;
  };
  // gains and losses are never merged into one group, even at the same place
  const groups: { place: number; gain: boolean; items: string[] }[] = [];
  for (const d of [...gains, ...losses]) {
    const p = place(d.criterionId);
    const gain = d.diff > 0;
    const item = `${criterionName(ctx, d.criterionId)} (${gain ? '+' : ''}${f.decimal(d.diff, 2)})`;
    const last = groups[groups.length - 1];
    if (last !== undefined && last.place === p && last.gain === gain) last.items.push(item);
    else groups.push({ place: p, gain, items: [item] });
  }
  const parts = groups
    .map((g) => fill(t.placeOn, { place: ordinal(t, g.place), criteria: g.items.join(` ${t.and} `) }))
    .join(', ');
  const gap = f.decimal(Math.abs(chosen.total - rival.total), 2);
  return chosen.rank === 1
    ? fill(t.whySentence, { supplier: chosen.supplierName, runnerUp: rival.supplierName, gap, parts })
    : fill(t.whyOverride, { supplier: chosen.supplierName, place: ordinal(t, chosen.rank), top: rival.supplierName, gap, parts });
}

function flagged(text: string, close: boolean, note: string): FieldView['value'] {
  return close ? `${text} (${note})` : text;
}

function sureFields(ctx: ViewContext, chosenId: string | null): FieldView[] {
  const { t, f, source, currency } = ctx;
  const s = source.sensitivity;
  const thresholds = source.thresholds ?? { sensitivePoints: 10, closeCallPercent: 5 };
  const fields: FieldView[] = [];
  if (s === null || s.winner === null) return [{ label: t.howSure, value: t.noSensitivity }];
  if (s.runnerUp !== null && s.gap !== null) {
    const close = s.gap < CLOSE_GAP_POINTS;
    fields.push({
      label: labelOf(t, 'gap'),
      value: flagged(
        fill(t.gapLine, { runnerUp: supplierNameById(ctx, s.runnerUp), gap: f.decimal(s.gap, 2) }),
        close,
        fill(t.gapClose, { n: CLOSE_GAP_POINTS }),
      ),
      flag: close,
    });
  }
  const smallest = s.criteria
    .filter((c) => c.shownChange !== null)
    .sort((a, b) => Math.abs(a.shownChange as number) - Math.abs(b.shownChange as number))[0];
  if (smallest !== undefined) {
    const close = s.sensitive;
    fields.push({
      label: labelOf(t, 'weight'),
      value: flagged(
        fill(t.shownChangeLine, {
          change: f.percentagePoints((smallest.shownChange as number) / 100),
          criterion: criterionName(ctx, smallest.criterionId),
          supplier: supplierNameById(ctx, smallest.shownOvertakenBy ?? smallest.overtakenBy ?? ''),
        }),
        close,
        fill(t.shownChangeClose, { n: f.plain(thresholds.sensitivePoints) }),
      ),
      flag: close,
    });
  } else if (s.runnerUp !== null) {
    fields.push({ label: labelOf(t, 'weight'), value: t.shownChangeNone });
  }
  if (s.runnerUp !== null) {
    const cut = s.priceCutToWin;
    if (cut === null) fields.push({ label: labelOf(t, 'price'), value: t.priceCutNone });
    else {
      const from = new Decimal(cut.fromPrice);
      const percent = cut.percent ?? (from.isZero() ? 0 : new Decimal(cut.cut).div(from).times(100).toNumber());
      const close = s.closeCall.close;
      fields.push({
        label: labelOf(t, 'price'),
        value: flagged(
          fill(t.priceCutLine, { supplier: supplierNameById(ctx, cut.supplierId), percent: f.percentValue(percent), cut: f.money(cut.cut, currency) }),
          close,
          fill(t.priceCutClose, { n: f.percentValue(s.closeCall.threshold, 0) }),
        ),
        flag: close,
      });
    }
  }
  const robustness = source.robustness;
  const mine = robustness?.suppliers.find((x) => x.supplierId === (chosenId ?? s.winner));
  if (robustness && mine) {
    const close = mine.firstRank < CLOSE_FIRST_RANK;
    fields.push({
      label: labelOf(t, 'acceptability'),
      value: flagged(
        fill(t.acceptabilityLine, {
          percent: f.percentOfOne(mine.firstRank, 0),
          samples: f.decimal(robustness.samples, 0),
          spread: f.percentOfOne(robustness.spread, 0),
        }),
        close,
        fill(t.acceptabilityClose, { n: f.percentOfOne(CLOSE_FIRST_RANK, 0) }),
      ),
      flag: close,
    });
  }
  return fields;
}

/** The short labels of the "how sure" lines, in the report's language. */
function labelOf(t: Labels, which: 'gap' | 'weight' | 'price' | 'acceptability'): string {
  return { gap: t.sureGap, weight: t.sureWeight, price: t.surePrice, acceptability: t.sureAcceptability }[which];
}

function signOffFields(ctx: ViewContext): FieldView[] {
  const { t, f, source, currency } = ctx;
  const a = source.approvals;
  const fields: FieldView[] = [];
  const amount = source.decision
    ? lastOffer(source.rounds, source.decision.supplierId)?.convertedTotal
    : lastOffer(source.rounds, source.matrix?.ranking[0]?.supplierId ?? '')?.convertedTotal;
  fields.push({
    label: t.approvalsRequired,
    value: fill(t.signOffRequired, {
      n: a.required,
      executive: a.executiveRequired ? t.signOffExecutive : '',
      amount: amount == null ? '-' : f.money(amount, currency),
    }),
  });
  const signed = a.items.filter((i) => !i.lapsed && i.verdict === 'approve');
  fields.push({
    label: t.signedBy,
    value:
      signed.length === 0
        ? t.signedNobody
        : signed.map((i) => `${signerName(ctx, i)}${i.executive ? ` (${t.executiveMark})` : ''}, ${f.instant(i.at)}`).join('\n'),
  });
  if (a.complete) fields.push({ label: t.approvalsComplete, value: t.signOffComplete });
  else {
    const executiveSigned = signed.some((i) => i.executive);
    const missing = Math.max(0, a.required - signed.length, a.executiveRequired && !executiveSigned ? 1 : 0);
    const pending = a.pending ?? [];
    fields.push({
      label: t.toSign,
      value: fill(t.stillToSign, {
        n: missing,
        executive: a.executiveRequired && !executiveSigned ? t.stillToSignExecutive : '',
        names: pending.length === 0 ? t.stillToSignNobody : pending.map((p) => (p.executive ? `${p.name} (${t.executiveMark})` : p.name)).join(', '),
      }),
      flag: true,
    });
  }
  return fields;
}

function controlFields(ctx: ViewContext): FieldView[] {
  const { t, f, source } = ctx;
  const controls = source.controls;
  if (controls === undefined) return [];
  const fields: FieldView[] = [
    {
      label: t.shortlist,
      value:
        controls.shortlistApproval === null
          ? t.controlShortlistMissing
          : fill(t.controlShortlist, { name: controls.shortlistApproval.by, date: f.instant(controls.shortlistApproval.at) }),
      flag: controls.shortlistApproval === null,
    },
    {
      label: t.sureSegregation,
      value: controls.segregationHeld ? t.controlSegregation : t.controlSegregationFailed,
      flag: !controls.segregationHeld,
    },
  ];
  const rates = source.exchangeRates ?? [];
  fields.push({
    label: t.exchangeRates,
    value:
      controls.currenciesWithoutRate.length > 0
        ? fill(t.controlRatesMissing, { currencies: controls.currenciesWithoutRate.join(', ') })
        : rates.length === 0
          ? t.controlRatesBase
          : fill(t.controlRates, { rates: rates.map((r) => `1 ${r.currency} = ${f.plain(r.rate)} ${ctx.currency}`).join(', ') }),
    flag: controls.currenciesWithoutRate.length > 0,
  });
  if (controls.declarations !== undefined) fields.push(declarationField(ctx, controls.declarations));
  return fields;
}

/** Who declared conflicts of interest: all of them with none, those still to declare, the conflicts and whom they bar. */
function declarationField(ctx: ViewContext, d: DeclarationControl): FieldView {
  const { t } = ctx;
  if (!d.required) return { label: t.declarations, value: t.controlDeclarationsOff, flag: false };
  const parts: string[] = [];
  if (d.missing.length > 0) parts.push(fill(t.controlDeclarationsMissing, { missing: String(d.missing.length), count: String(d.expected), names: d.missing.join(', ') }));
  for (const c of d.conflicts) parts.push(fill(c.barred ? t.controlConflictBarred : t.controlConflictCleared, { name: c.name, supplier: c.supplierName }));
  if (parts.length === 0) parts.push(fill(t.controlDeclarations, { count: String(d.expected) }));
  return { label: t.declarations, value: parts.join('; '), flag: d.missing.length > 0 || d.conflicts.some((c) => c.barred) };
}
