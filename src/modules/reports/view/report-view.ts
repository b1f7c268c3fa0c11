/**
 * `ReportView`: what the PDF shows, already translated and formatted (every number, amount and date
 * is a string here). JSON-serializable; the renderer only lays it out.
 */
import type { ReportLang } from '../labels/labels';

export interface ReportViewContent {
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
    /** Before AWARDED: the mark every page carries ("DRAFT · stage: Approval"); null for an awarded case. */
    draft: string | null;
  };
  /** Page 1: the decision on one page. */
  decision: {
    kicker: string;
    reference: string;
    title: string;
    blocks: BlockView[];
    /** Label and explanation printed with `contentSha256` at the foot of page 1. */
    contentHashLabel: string;
    contentHashNote: string;
  };
  sections: SectionView[];
}

/**
 * The view with its content hash: SHA-256 of the canonical JSON of the `ReportViewContent` (the
 * view without this field). The renderer prints it on page 1; the API lists it beside the file's hash.
 */
export type ReportView = ReportViewContent & { contentSha256: string };

export interface FieldView {
  label: string;
  value: string;
  /** Hashes and identifiers: set in a monospaced font so characters can be compared. */
  mono?: boolean;
  /** A figure close to changing the decision: set so it is noticed. */
  flag?: boolean;
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
  | BarChartView
  | StackedBarChartView;

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

/**
 * Contributions per criterion stacked per supplier, on an axis from 0 to just above the leader's
 * total, with a rule at the leader's total so every shortfall shows; the total and the gap to the
 * leader are printed beside each bar, and each segment's points inside it where they fit.
 */
export interface StackedBarChartView {
  kind: 'stackedBarChart';
  title: string;
  max: number;
  ticks: AxisTick[];
  /** One per criterion, in stacking order (the legend). */
  segments: { name: string }[];
  /** The leader's total: a rule is drawn there. */
  reference: number;
  totalHeader: string;
  gapHeader: string;
  bars: { label: string; values: number[]; valueLabels: string[]; total: string; gap: string; highlight?: boolean }[];
}
