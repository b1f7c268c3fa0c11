/**
 * `ReportView`: what the PDF shows, already translated and formatted (every number, amount and date
 * is a string here). JSON-serializable; the renderer only lays it out.
 */
import type { ReportLang } from '../labels/labels';

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
