/**
 * The decision report as data.
 *
 * `ReportSource` is plain data the reports service fills from the database; `ReportView` is what the
 * PDF shows, already translated and formatted (every number, amount and date is a string here).
 * `buildReportView` is pure: no database, no PDF, no clock — the same source and language always give
 * the same view, which is what makes the PDF bytes reproducible. The renderer only lays the view out.
 */
import Decimal from 'decimal.js';

import type { CaseRole as BuyingCenterRole, KraljicCategory, PurchaseType, Stage } from '../../domain/lifecycle/stages';
import type { CriterionKind, Direction, Normalization } from '../../domain/scoring';
import { enumLabel, fill, LABELS, NUMBER_CONVENTIONS, type Labels, type ReportLang } from './i18n';

// ---------------------------------------------------------------------------------------------
// Source: what the service hands over
// ---------------------------------------------------------------------------------------------

/** An exact decimal amount as a string ("12500.00"); never a binary float. */
export type DecimalString = string;
/** A point in time: a Date or an ISO 8601 string. Plain dates ("2026-05-31") are accepted too. */
export type Instant = Date | string;

// the vocabulary of the case and the scoring core, re-exported for the layout code
export type { CaseRole as BuyingCenterRole, KraljicCategory, PurchaseType, Stage } from '../../domain/lifecycle/stages';
export type { CriterionKind, Direction, Normalization } from '../../domain/scoring';

export interface SupplierRef {
  supplierId: string;
  supplierName: string;
}

export interface ReportSource {
  /** SHA-256 the service computed for this report; printed on the cover. */
  reportHash: string;
  /** The case's last audit event time: the report's "as of" and the PDF's creation date. */
  generatedFor: Instant;
  case: {
    reference: string;
    title: string;
    businessNeed: string;
    purchaseType: PurchaseType;
    kraljicCategory: KraljicCategory;
    stage: Stage;
    /** Base currency (ISO 4217). */
    currency: string;
    quantity: DecimalString | number;
    unit: string;
    estimatedBudget: DecimalString;
    neededBy: Instant | null;
    category: string;
  };
  members: { name: string; email: string; roles: BuyingCenterRole[] }[];
  specification: {
    version: number;
    frozenAt: Instant | null;
    description: string;
    /** `type` is the requirement's check (e.g. boolean, min, max, certification); shown translated when known. */
    requirements: { id: string; text: string; type: string; value: string | null }[];
    /**
     * `source` is where the value comes from, as the scoring domain names it (offer.price,
     * offer.leadTimeDays, offer.warrantyMonths, offer.paymentDays, offer.value, evaluator,
     * reliability); `weight` is the positive number as entered.
     */
    criteria: {
      id: string;
      name: string;
      kind: CriterionKind;
      direction: Direction;
      source: string;
      normalization: Normalization;
      weight: number;
    }[];
  } | null;
  shortlist: { supplierId: string; name: string; status: 'shortlisted' | 'excluded'; reason: string | null }[];
  soleSourceJustification: string | null;
  rounds: {
    number: number;
    deadline: Instant;
    bestAndFinal: boolean;
    status: 'open' | 'closed';
    offers: {
      supplierId: string;
      supplierName: string;
      totalPrice: DecimalString;
      currency: string;
      /** The total in the case's base currency, at the rate recorded on the case. */
      convertedTotal: DecimalString;
      /** Previous round's converted total minus this one: positive when the supplier lowered its price. */
      concession: DecimalString | null;
    }[];
  }[];
  weights: {
    strategic: boolean;
    /** The domain's own (English) explanation of the rule; shown only when `policy` is not given. */
    rule: string | null;
    /**
     * The strategic-rule policy in force (multiplier m, floor f, cap), so the rule can be stated in
     * either language with the numbers that applied.
     */
    policy?: { multiplier: number; floor: number; cap?: number };
    /** True when the built-in "Supplier reliability" criterion was added because the case had none. */
    addedBuiltin?: boolean;
    /** `base` and `effective` are normalized weights (each set sums to 1). */
    items: { criterionId: string; name: string; kind: CriterionKind; base: number; effective: number }[];
  } | null;
  matrix: {
    /**
     * Sorted by rank. `total` is on the 0-100 scale; `normalized` in [0, 1]; `contribution` is
     * w' · n on the 0-1 scale.
     */
    ranking: (SupplierRef & {
      rank: number;
      total: number;
      tie: boolean;
      cells: { criterionId: string; raw: number | null; normalized: number; contribution: number }[];
    })[];
    excluded: (SupplierRef & { requirementId: string; requirementText: string; reason: string })[];
  } | null;
  /**
   * The scoring domain's sensitivity result as it is: suppliers by id (their names are looked up in
   * the matrix, the shortlist and the offers).
   */
  sensitivity: {
    winner: string | null;
    runnerUp: string | null;
    /**
     * Per criterion, the smallest feasible weight change (0-1 scale) that makes another supplier equal
     * the winner; `percent` is 100 · delta / effective weight (e.g. -32.5).
     */
    criteria: {
      criterionId: string;
      delta: number | null;
      percent: number | null;
      feasible: boolean;
      overtakenBy: string | null;
    }[];
    mostCritical: string | null;
    /** Prices in the base currency; `percent` is derived from `cut / fromPrice` when absent. */
    priceCutToWin: {
      supplierId: string;
      fromPrice: DecimalString | number;
      toPrice: DecimalString | number;
      cut: DecimalString | number;
      percent?: number;
    } | null;
    sensitive: boolean;
  } | null;
  decision: (SupplierRef & {
    justification: string;
    override: boolean;
    proposedBy: string;
    proposedAt: Instant;
    snapshotHash: string;
    stale: boolean;
  }) | null;
  approvals: {
    required: number;
    executiveRequired: boolean;
    complete: boolean;
    items: {
      approverName: string;
      /** The domain says approve/reject; the past forms are accepted too. */
      verdict: 'approve' | 'reject' | 'approved' | 'rejected';
      comment: string | null;
      at: Instant;
      snapshotHash: string;
      lapsed: boolean;
    }[];
  };
  audit: {
    events: number;
    headHash: string | null;
    valid: boolean;
    recent: { seq: number; at: Instant; actor: string; action: string }[];
  };
}

// ---------------------------------------------------------------------------------------------
// View: what the PDF shows (JSON-serializable; strings wherever text is printed)
// ---------------------------------------------------------------------------------------------

export interface ReportView {
  lang: ReportLang;
  meta: {
    /** PDF Title and the running header's left side. */
    title: string;
    subject: string;
    reference: string;
    /** ISO 8601 instant used as the PDF CreationDate/ModDate. */
    generatedFor: string;
    headerLeft: string;
    headerRight: string;
    footerLeft: string;
    /** Template with `{page}` and `{pages}`, filled in once the page count is known. */
    pageLabel: string;
  };
  cover: {
    kicker: string;
    reference: string;
    title: string;
    fields: FieldView[];
  };
  sections: SectionView[];
}

export interface FieldView {
  label: string;
  value: string;
  /** Hashes and identifiers: set in a monospaced font so characters can be compared. */
  mono?: boolean;
}

export interface SectionView {
  title: string;
  blocks: BlockView[];
}

export type BlockView =
  | { kind: 'heading'; text: string }
  | { kind: 'fields'; fields: FieldView[] }
  | { kind: 'paragraph'; text: string; tone?: 'normal' | 'muted' }
  | { kind: 'callout'; tone: 'danger' | 'warning' | 'ok'; text: string }
  | TableView
  | LineChartView
  | BarChartView;

export interface ColumnView {
  header: string;
  align: 'left' | 'right';
  /** Columns sharing a group label get one spanning header above theirs (e.g. one criterion). */
  group?: string;
  mono?: boolean;
}

export interface TableView {
  kind: 'table';
  columns: ColumnView[];
  rows: { cells: string[]; emphasis?: 'strong' | 'muted' }[];
  /** Leading columns repeated on every horizontal slice when the table is wider than the page. */
  frozenColumns?: number;
  /** Smaller type for wide numeric tables. */
  dense?: boolean;
}

export interface AxisTick {
  value: number;
  label: string;
}

export interface LineChartView {
  kind: 'lineChart';
  title: string;
  xLabels: string[];
  /** One series per supplier; `null` where the supplier made no offer in that round. */
  series: { name: string; values: (number | null)[] }[];
  yTicks: AxisTick[];
}

export interface BarChartView {
  kind: 'barChart';
  title: string;
  max: number;
  ticks: AxisTick[];
  bars: { label: string; value: number; valueLabel: string; highlight?: boolean }[];
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

const DASH = '-';

/** Locale-aware formatting of exact decimals, percentages and instants (all UTC, ISO order). */
export class ReportFormatter {
  private readonly convention;

  constructor(readonly lang: ReportLang) {
    this.convention = NUMBER_CONVENTIONS[lang];
  }

  /** Fixed decimals with grouping; goes through decimal.js so money never touches binary floats. */
  decimal(value: Decimal.Value, decimals: number): string {
    const fixed = new Decimal(value).toFixed(decimals);
    const negative = fixed.startsWith('-') && /[1-9]/.test(fixed);
    const [intPart, fraction] = fixed.replace('-', '').split('.');
    const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, this.convention.group);
    const body = fraction === undefined ? grouped : `${grouped}${this.convention.decimal}${fraction}`;
    return negative ? `-${body}` : body;
  }

  amount(value: Decimal.Value): string {
    return this.decimal(value, 2);
  }

  money(value: Decimal.Value, currency: string): string {
    return `${this.amount(value)} ${currency}`;
  }

  /** A 0-1 fraction as a percentage ("25.00%" / "25,00 %"). */
  percentOfOne(fraction: number, decimals = 2): string {
    return this.percentValue(fraction * 100, decimals);
  }

  /** A value already on the 0-100 scale. */
  percentValue(value: number, decimals = 1): string {
    return `${this.decimal(value, decimals)}${this.convention.percentSuffix}`;
  }

  /** A change of a 0-1 weight, shown in signed percentage points. */
  percentagePoints(delta: number, decimals = 2): string {
    const text = this.decimal(delta * 100, decimals);
    const sign = /^-/.test(text) || /^0([.,]0*)?$/.test(text) ? '' : '+';
    return `${sign}${text}${this.convention.pointsSuffix}`;
  }

  /** Whole numbers without decimals, others with up to `decimals` (trailing zeros kept for alignment). */
  number(value: number, decimals = 2): string {
    return this.decimal(value, Number.isInteger(value) ? 0 : decimals);
  }

  /** Trims trailing zeros: for user-entered quantities and weights ("2.5", not "2.5000"). */
  plain(value: DecimalString | number): string {
    const d = new Decimal(value);
    return this.decimal(d, d.decimalPlaces());
  }

  date(value: Instant): string {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    return toDate(value).toISOString().slice(0, 10);
  }

  instant(value: Instant): string {
    const iso = toDate(value).toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  }

  yesNo(value: boolean, labels: Labels): string {
    return value ? labels.yes : labels.no;
  }
}

function toDate(value: Instant): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Invalid date in report source: ${String(value)}`);
  return date;
}

/** Round-number axis ticks (steps of 1, 2 or 5 × 10^n) covering [min, max]. */
export function niceTicks(min: number, max: number, target = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    return niceTicks(min - pad, max + pad, target);
  }
  const rough = (max - min) / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; v < max + step - step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

// ---------------------------------------------------------------------------------------------
// Building the view
// ---------------------------------------------------------------------------------------------

interface Ctx {
  source: ReportSource;
  lang: ReportLang;
  t: Labels;
  f: ReportFormatter;
  currency: string;
  criteria: CriterionInfo[];
}

/** What the matrix, weights and sensitivity sections need to know about each criterion. */
interface CriterionInfo {
  id: string;
  name: string;
  kind: CriterionKind | null;
  source: string | null;
  effective: number | null;
}

export function buildReportView(source: ReportSource, lang: ReportLang): ReportView {
  const t = LABELS[lang];
  const ctx: Ctx = {
    source,
    lang,
    t,
    f: new ReportFormatter(lang),
    currency: source.case.currency,
    criteria: collectCriteria(source),
  };
  const sections = [
    buyingCenterSection(ctx),
    specificationSection(ctx),
    shortlistSection(ctx),
    negotiationSection(ctx),
    weightsSection(ctx),
    matrixSection(ctx),
    sensitivitySection(ctx),
    proposalSection(ctx),
    approvalsSection(ctx),
    auditSection(ctx),
  ].map((section, index) => ({ ...section, title: `${index + 1}. ${section.title}` }));

  return {
    lang,
    meta: {
      title: t.reportTitle,
      subject: `${source.case.reference} - ${source.case.title}`,
      reference: source.case.reference,
      generatedFor: toDate(source.generatedFor).toISOString(),
      headerLeft: t.reportTitle,
      headerRight: source.case.reference,
      footerLeft: `${source.case.reference} · ${fill(t.asOf, { date: ctx.f.instant(source.generatedFor) })}`,
      pageLabel: t.pageOf,
    },
    cover: coverView(ctx),
    sections,
  };
}

/** Criteria in display order: the weights list (it includes a built-in reliability criterion), then the spec. */
function collectCriteria(source: ReportSource): CriterionInfo[] {
  const specCriteria = source.specification?.criteria ?? [];
  const fromSpec = new Map(specCriteria.map((c) => [c.id, c]));
  const infos: CriterionInfo[] = (source.weights?.items ?? []).map((item) => ({
    id: item.criterionId,
    name: item.name,
    kind: item.kind,
    source: fromSpec.get(item.criterionId)?.source ?? (item.kind === 'reliability' ? 'reliability' : null),
    effective: item.effective,
  }));
  const known = new Set(infos.map((i) => i.id));
  for (const c of specCriteria) {
    if (!known.has(c.id)) infos.push({ id: c.id, name: c.name, kind: c.kind, source: c.source, effective: null });
    known.add(c.id);
  }
  for (const cell of source.matrix?.ranking[0]?.cells ?? []) {
    if (!known.has(cell.criterionId)) {
      infos.push({ id: cell.criterionId, name: cell.criterionId, kind: null, source: null, effective: null });
      known.add(cell.criterionId);
    }
  }
  return infos;
}

function criterionName(ctx: Ctx, id: string): string {
  return ctx.criteria.find((c) => c.id === id)?.name ?? id;
}

function coverView(ctx: Ctx): ReportView['cover'] {
  const { t, f, source, lang } = ctx;
  const c = source.case;
  return {
    kicker: t.coverKicker,
    reference: c.reference,
    title: c.title,
    fields: [
      { label: t.reference, value: c.reference },
      { label: t.businessNeed, value: c.businessNeed },
      { label: t.purchaseType, value: enumLabel('purchaseType', c.purchaseType, lang) },
      { label: t.strategicClass, value: enumLabel('kraljic', c.kraljicCategory, lang) },
      { label: t.status, value: enumLabel('stage', c.stage, lang) },
      { label: t.category, value: c.category },
      { label: t.baseCurrency, value: c.currency },
      { label: t.quantity, value: `${f.plain(c.quantity)} ${c.unit}`.trim() },
      { label: t.estimatedBudget, value: f.money(c.estimatedBudget, c.currency) },
      { label: t.neededBy, value: c.neededBy === null ? t.notSet : f.date(c.neededBy) },
      { label: t.generatedFor, value: f.instant(source.generatedFor) },
      { label: t.reportHash, value: source.reportHash, mono: true },
    ],
  };
}

function buyingCenterSection(ctx: Ctx): SectionView {
  const { t, source, lang } = ctx;
  if (source.members.length === 0) return { title: t.buyingCenter, blocks: [muted(t.noMembers)] };
  return {
    title: t.buyingCenter,
    blocks: [
      table(
        [left(t.memberName), left(t.memberEmail), left(t.memberRoles)],
        source.members.map((m) => ({
          cells: [m.name, m.email, m.roles.map((r) => enumLabel('role', r, lang)).join(', ')],
        })),
      ),
    ],
  };
}

function specificationSection(ctx: Ctx): SectionView {
  const { t, f, lang } = ctx;
  const spec = ctx.source.specification;
  if (spec === null) return { title: t.specification, blocks: [muted(t.noSpecification)] };

  const weightSum = spec.criteria.reduce((sum, c) => sum.plus(c.weight), new Decimal(0));
  const blocks: BlockView[] = [
    {
      kind: 'fields',
      fields: [
        { label: t.specVersion, value: String(spec.version) },
        { label: t.specFrozenAt, value: spec.frozenAt === null ? t.specNotFrozen : f.instant(spec.frozenAt) },
        { label: t.specDescription, value: spec.description },
      ],
    },
    { kind: 'heading', text: t.requirements },
  ];
  blocks.push(
    spec.requirements.length === 0
      ? muted(t.noRequirements)
      : table(
          [right('#'), left(t.requirementText), left(t.requirementType), left(t.requirementValue)],
          spec.requirements.map((r, i) => ({
            cells: [String(i + 1), r.text, enumLabel('requirementType', r.type, lang), r.value ?? DASH],
          })),
        ),
  );
  blocks.push({ kind: 'heading', text: t.criteria });
  blocks.push(
    table(
      [
        left(t.criterionName),
        left(t.criterionKind),
        left(t.criterionDirection),
        left(t.criterionSource),
        left(t.criterionNormalization),
        right(t.criterionWeight),
        right('%'),
      ],
      spec.criteria.map((c) => ({
        cells: [
          c.name,
          enumLabel('criterionKind', c.kind, lang),
          enumLabel('direction', c.direction, lang),
          enumLabel('criterionSource', c.source, lang),
          enumLabel('normalization', c.normalization, lang),
          f.plain(c.weight),
          weightSum.isZero() ? DASH : f.percentOfOne(new Decimal(c.weight).div(weightSum).toNumber()),
        ],
      })),
    ),
  );
  return { title: t.specification, blocks };
}

function shortlistSection(ctx: Ctx): SectionView {
  const { t, source, lang } = ctx;
  const blocks: BlockView[] = [];
  if (source.shortlist.length === 0) blocks.push(muted(t.noShortlist));
  else {
    // shortlisted first, then the exclusions, each in the order the service gave
    const ordered = [
      ...source.shortlist.filter((s) => s.status === 'shortlisted'),
      ...source.shortlist.filter((s) => s.status === 'excluded'),
    ];
    blocks.push(
      table(
        [left(t.supplier), left(t.shortlistStatus), left(t.reason)],
        ordered.map((s) => ({
          cells: [s.name, enumLabel('shortlistStatus', s.status, lang), s.reason ?? DASH],
          emphasis: s.status === 'excluded' ? 'muted' : undefined,
        })),
      ),
    );
  }
  if (source.soleSourceJustification !== null) {
    blocks.push({ kind: 'heading', text: t.soleSource }, paragraph(source.soleSourceJustification));
  }
  return { title: t.shortlist, blocks };
}

function negotiationSection(ctx: Ctx): SectionView {
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

type RoundSource = ReportSource['rounds'][number];

function roundBlocks(ctx: Ctx, round: RoundSource): BlockView[] {
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
          f.money(o.convertedTotal, currency),
          o.concession === null ? DASH : f.money(o.concession, currency),
        ],
      })),
    ),
  ];
}

function priceChart(ctx: Ctx, rounds: RoundSource[]): LineChartView | null {
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
      return offer ? Number(offer.convertedTotal) : null;
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

function weightsSection(ctx: Ctx): SectionView {
  const { t, f, lang } = ctx;
  const weights = ctx.source.weights;
  if (weights === null) return { title: t.weights, blocks: [muted(t.noWeights)] };
  const rows = weights.items.map((item) => ({
    cells: [
      item.name,
      enumLabel('criterionKind', item.kind, lang),
      f.percentOfOne(item.base),
      f.percentOfOne(item.effective),
      f.percentagePoints(item.effective - item.base),
    ],
    // the rows the strategic rule raised are the ones a reader must notice
    emphasis: item.effective - item.base > 1e-12 ? ('strong' as const) : undefined,
  }));
  return {
    title: t.weights,
    blocks: [
      table(
        [
          left(t.criterionName),
          left(t.criterionKind),
          right(t.baseWeight),
          right(t.effectiveWeight),
          right(t.weightChange),
        ],
        rows,
      ),
      { kind: 'heading', text: t.ruleApplied },
      paragraph(weightRuleText(ctx, weights)),
    ],
  };
}

function weightRuleText(ctx: Ctx, weights: NonNullable<ReportSource['weights']>): string {
  const { t, f } = ctx;
  if (!weights.strategic) return t.ruleNone;
  const reliability = weights.items.filter((i) => i.kind === 'reliability');
  if (reliability.length === weights.items.length) return t.ruleAllReliability;
  if (weights.policy === undefined) return weights.rule ?? t.ruleNone;
  const sum = (pick: (i: (typeof reliability)[number]) => number): number =>
    reliability.reduce((s, i) => s + pick(i), 0);
  const text = fill(t.ruleStrategic, {
    from: f.percentOfOne(sum((i) => i.base)),
    to: f.percentOfOne(sum((i) => i.effective)),
    m: f.plain(weights.policy.multiplier),
    f: f.decimal(weights.policy.floor, 2),
    cap: f.plain(weights.policy.cap ?? 0.9),
  });
  return weights.addedBuiltin ? `${text} ${t.ruleBuiltIn}` : text;
}

function matrixSection(ctx: Ctx): SectionView {
  const { t, f } = ctx;
  const matrix = ctx.source.matrix;
  if (matrix === null) return { title: t.matrix, blocks: [muted(t.noMatrix)] };
  const blocks: BlockView[] = [];
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
      totalsChart(ctx, matrix.ranking),
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

type RankedSource = NonNullable<ReportSource['matrix']>['ranking'][number];

function totalsChart(ctx: Ctx, ranking: RankedSource[]): BarChartView {
  const ticks = [0, 20, 40, 60, 80, 100];
  return {
    kind: 'barChart',
    title: ctx.t.totalsChart,
    max: 100,
    ticks: ticks.map((value) => ({ value, label: String(value) })),
    bars: ranking.map((r) => ({
      label: `${r.rank}. ${r.supplierName}`,
      value: r.total,
      valueLabel: ctx.f.decimal(r.total, 2),
      highlight: r.rank === 1,
    })),
  };
}

/** One column group per criterion (raw, normalized, points); the renderer slices it to the page width. */
function matrixDetailTable(ctx: Ctx, ranking: RankedSource[]): TableView {
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

function isMoney(c: CriterionInfo): boolean {
  return c.source === 'offer.price' || (c.source === null && c.kind === 'price');
}

function sensitivitySection(ctx: Ctx): SectionView {
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
  return { title: t.sensitivity, blocks };
}

function priceCutText(ctx: Ctx, cut: NonNullable<NonNullable<ReportSource['sensitivity']>['priceCutToWin']>): string {
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

function supplierNameById(ctx: Ctx, supplierId: string): string {
  const { matrix, shortlist, rounds } = ctx.source;
  return (
    matrix?.ranking.find((r) => r.supplierId === supplierId)?.supplierName ??
    shortlist.find((s) => s.supplierId === supplierId)?.name ??
    rounds.flatMap((r) => r.offers).find((o) => o.supplierId === supplierId)?.supplierName ??
    supplierId
  );
}

function proposalSection(ctx: Ctx): SectionView {
  const { t, f } = ctx;
  const d = ctx.source.decision;
  if (d === null) return { title: t.proposal, blocks: [muted(t.noDecision)] };
  const blocks: BlockView[] = [];
  if (d.override) {
    const top = ctx.source.matrix?.ranking.find((r) => r.rank === 1)?.supplierName ?? DASH;
    blocks.push({ kind: 'callout', tone: 'danger', text: fill(t.overrideFlag, { top }) });
  }
  if (d.stale) blocks.push({ kind: 'callout', tone: 'warning', text: t.staleFlag });
  blocks.push(
    {
      kind: 'fields',
      fields: [
        { label: t.proposedSupplier, value: d.supplierName },
        { label: t.proposedBy, value: d.proposedBy },
        { label: t.proposedAt, value: f.instant(d.proposedAt) },
        { label: t.snapshotHash, value: d.snapshotHash, mono: true },
      ],
    },
    { kind: 'heading', text: t.justification },
    paragraph(d.justification),
  );
  return { title: t.proposal, blocks };
}

function approvalsSection(ctx: Ctx): SectionView {
  const { t, f, lang } = ctx;
  const a = ctx.source.approvals;
  const blocks: BlockView[] = [
    {
      kind: 'fields',
      fields: [
        { label: t.approvalsRequired, value: String(a.required) },
        { label: t.executiveRequired, value: f.yesNo(a.executiveRequired, t) },
        { label: t.approvalsComplete, value: f.yesNo(a.complete, t) },
      ],
    },
  ];
  blocks.push(
    a.items.length === 0
      ? muted(t.noApprovals)
      : table(
          [
            left(t.approver),
            left(t.verdict),
            left(t.signedAt),
            left(t.comment),
            { header: t.signedHash, align: 'left', mono: true },
          ],
          a.items.map((item) => {
            const verdict = enumLabel('verdict', item.verdict, lang);
            return {
              cells: [
                item.approverName,
                item.lapsed ? `${verdict} (${t.lapsed})` : verdict,
                f.instant(item.at),
                item.comment ?? DASH,
                item.snapshotHash,
              ],
              emphasis: item.lapsed ? ('muted' as const) : undefined,
            };
          }),
        ),
  );
  return { title: t.approvals, blocks };
}

function auditSection(ctx: Ctx): SectionView {
  const { t, f } = ctx;
  const audit = ctx.source.audit;
  const blocks: BlockView[] = [];
  if (!audit.valid) blocks.push({ kind: 'callout', tone: 'danger', text: `${t.auditChain}: ${t.auditChainBroken}` });
  blocks.push({
    kind: 'fields',
    fields: [
      { label: t.auditEvents, value: f.decimal(audit.events, 0) },
      { label: t.auditHeadHash, value: audit.headHash ?? DASH, mono: true },
      { label: t.auditChain, value: audit.valid ? t.auditChainValid : t.auditChainBroken },
    ],
  });
  if (audit.recent.length > 0) {
    blocks.push(
      { kind: 'heading', text: t.auditRecent },
      table(
        [right(t.auditSeq), left(t.auditAt), left(t.auditActor), left(t.auditAction)],
        audit.recent.map((e) => ({ cells: [String(e.seq), f.instant(e.at), e.actor, e.action] })),
      ),
    );
  }
  return { title: t.audit, blocks };
}

// small constructors that keep the section builders readable
function left(header: string): ColumnView {
  return { header, align: 'left' };
}
function right(header: string): ColumnView {
  return { header, align: 'right' };
}
function table(columns: ColumnView[], rows: TableView['rows']): TableView {
  return { kind: 'table', columns, rows };
}
function paragraph(text: string): BlockView {
  return { kind: 'paragraph', text };
}
function muted(text: string): BlockView {
  return { kind: 'paragraph', text, tone: 'muted' };
}
