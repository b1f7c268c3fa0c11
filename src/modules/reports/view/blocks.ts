import type { BlockView, ColumnView, TableView } from './report-view';

export const DASH = '-';

// small constructors that keep the section builders readable
export function left(header: string): ColumnView {
  return { header, align: 'left' };
}
export function right(header: string): ColumnView {
  return { header, align: 'right' };
}
export function table(columns: ColumnView[], rows: TableView['rows']): TableView {
  return { kind: 'table', columns, rows };
}
export function paragraph(text: string): BlockView {
  return { kind: 'paragraph', text };
}
export function muted(text: string): BlockView {
  return { kind: 'paragraph', text, tone: 'muted' };
}
