/** Tables: column widths, horizontal slicing of wide tables, header repetition. */
import type { ColumnView, TableView } from '../view/report-view';
import { toDrawable } from './fonts';
import { COLOR, CONTENT, CONTENT_WIDTH, TABLE_TYPE, type TextStyle } from './theme';
import { type Align, type CellBox, flowRows, type RowBox, type Writer, yieldToEventLoop } from './writer';

interface TableType {
  size: number;
  padX: number;
  padY: number;
  textMin: number;
}

interface ColumnMeasure {
  /** Width that shows every cell on one line. */
  natural: number;
  /** Narrowest acceptable: numbers never wrap; text may wrap down to a readable width. */
  minimum: number;
}

/** Rows measured and drawn in one go before the renderer lets other work run. */
const ROWS_PER_TURN = 25;

export async function renderTable(w: Writer, table: TableView): Promise<void> {
  const type = table.dense ? TABLE_TYPE.dense : TABLE_TYPE.normal;
  const measures = table.columns.map((_, i) => measureColumn(w, table, i, type));
  const slices = sliceColumns(table, measures, CONTENT_WIDTH);
  for (const [s, columns] of slices.entries()) {
    if (s > 0) {
      await yieldToEventLoop();
      w.gap(10);
    }
    const widths = fitWidths(columns.map((i) => table.columns[i]), columns.map((i) => measures[i]), CONTENT_WIDTH);
    await renderTableSlice(w, table, columns, widths, type);
  }
}

interface CellStyles {
  body: TextStyle;
  strong: TextStyle;
  muted: TextStyle;
  mono: TextStyle;
  monoMuted: TextStyle;
  header: TextStyle;
}

/** The styles of a table type, made once (a table asks for them for every cell). */
const stylesOfType = new Map<TableType, CellStyles>();

function cellStyles(type: TableType): CellStyles {
  let styles = stylesOfType.get(type);
  if (styles === undefined) {
    styles = {
      body: { font: 'Sans', size: type.size, color: COLOR.text },
      strong: { font: 'Sans-Bold', size: type.size, color: COLOR.text },
      muted: { font: 'Sans', size: type.size, color: COLOR.muted },
      mono: { font: 'Mono', size: type.size, color: COLOR.text },
      monoMuted: { font: 'Mono', size: type.size, color: COLOR.muted },
      header: { font: 'Sans-Bold', size: type.size, color: COLOR.text },
    };
    stylesOfType.set(type, styles);
  }
  return styles;
}

function styleFor(type: TableType, column: ColumnView, emphasis: 'strong' | 'muted' | undefined): TextStyle {
  const styles = cellStyles(type);
  if (column.mono) return emphasis === 'muted' ? styles.monoMuted : styles.mono;
  return emphasis === 'strong' ? styles.strong : emphasis === 'muted' ? styles.muted : styles.body;
}

function measureColumn(w: Writer, table: TableView, index: number, type: TableType): ColumnMeasure {
  const column = table.columns[index];
  const headerStyle = cellStyles(type).header;
  const headerText = toDrawable(column.header, headerStyle.font);
  const headerWidth = w.width(headerText, headerStyle);
  const headerWord = longestWordWidth(w, headerText, headerStyle);
  let cellsWidest = 0;
  let cellsWord = 0;
  for (const row of table.rows) {
    const style = styleFor(type, column, row.emphasis);
    const [widest, word] = w.extent(row.cells[index] ?? '', style, (text) => {
      const drawable = toDrawable(text, style.font);
      return [Math.max(0, ...drawable.split('\n').map((line) => w.width(line, style))), longestWordWidth(w, drawable, style)];
    });
    cellsWidest = Math.max(cellsWidest, widest);
    cellsWord = Math.max(cellsWord, word);
  }
  const pad = 2 * type.padX;
  const natural = Math.max(headerWidth, cellsWidest) + pad;
  // numbers are never wrapped (a split amount is misread); their header may wrap at spaces
  if (column.align === 'right' && !column.mono) return { natural, minimum: Math.max(headerWord, cellsWidest) + pad };
  const readable = Math.min(cellsWidest, Math.max(type.textMin, Math.min(cellsWord, type.textMin * 1.4)));
  return { natural, minimum: Math.max(headerWord, readable) + pad };
}

function longestWordWidth(w: Writer, text: string, style: TextStyle): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => w.width(word, style)));
}

/**
 * Splits a table too wide for the page into vertical slices, each repeating the frozen leading
 * columns (rank, supplier). Column groups (one criterion's raw/normalized/points) stay together.
 */
function sliceColumns(table: TableView, measures: ColumnMeasure[], available: number): number[][] {
  const frozen = Math.min(table.frozenColumns ?? 0, table.columns.length);
  const all = table.columns.map((_, i) => i);
  const minimum = (cols: number[]): number => cols.reduce((sum, i) => sum + measures[i].minimum, 0);
  if (minimum(all) <= available || frozen === 0) return [all];

  const frozenCols = all.slice(0, frozen);
  const units: number[][] = [];
  for (let i = frozen; i < table.columns.length; i++) {
    const group = table.columns[i].group;
    const last = units[units.length - 1];
    if (group !== undefined && last !== undefined && table.columns[last[0]].group === group) last.push(i);
    else units.push([i]);
  }
  const greedy = packUnits(units, frozenCols, minimum, available, Infinity);
  // same number of slices, but with the criteria spread evenly instead of a short last slice
  const balanced = packUnits(units, frozenCols, minimum, available, Math.ceil(units.length / greedy.length));
  return balanced.length <= greedy.length ? balanced : greedy;
}

function packUnits(
  units: number[][],
  frozen: number[],
  minimum: (cols: number[]) => number,
  available: number,
  maxUnits: number,
): number[][] {
  const slices: number[][] = [];
  let current: number[] = [];
  let count = 0;
  for (const unit of units) {
    if (count > 0 && (count >= maxUnits || minimum([...frozen, ...current, ...unit]) > available)) {
      slices.push([...frozen, ...current]);
      current = [];
      count = 0;
    }
    current.push(...unit);
    count += 1;
  }
  if (current.length > 0) slices.push([...frozen, ...current]);
  return slices;
}

/**
 * Column widths that fill `available`. Spare room goes to text columns. When room is short, every
 * column starts at its minimum and the columns needing the least extra width to sit on one line are
 * satisfied first: that removes the most wrapped lines for the room there is (a short supplier name
 * or a two-word header gets its line before a very long name gets a slightly shorter wrap).
 */
function fitWidths(columns: ColumnView[], measures: ColumnMeasure[], available: number): number[] {
  const sum = (values: number[]): number => values.reduce((s, v) => s + v, 0);
  const natural = sum(measures.map((m) => m.natural));
  if (natural <= available) {
    const isText = columns.map((c) => c.align === 'left');
    const anyText = isText.some(Boolean);
    const share = measures.map((m, i) => (!anyText || isText[i] ? m.natural : 0));
    return measures.map((m, i) => m.natural + ((available - natural) * share[i]) / (sum(share) || 1));
  }
  const minimum = sum(measures.map((m) => m.minimum));
  if (minimum > available) {
    // even the minimums do not fit (one enormous column group): scale down; text still wraps
    return measures.map((m) => (m.minimum * available) / minimum);
  }
  const widths = measures.map((m) => m.minimum);
  let room = available - minimum;
  const bySlack = measures
    .map((m, i) => ({ i, slack: m.natural - m.minimum }))
    .sort((a, b) => a.slack - b.slack || a.i - b.i);
  for (const { i, slack } of bySlack) {
    const grant = Math.min(slack, room);
    widths[i] += grant;
    room -= grant;
  }
  return widths;
}

async function renderTableSlice(w: Writer, table: TableView, columns: number[], widths: number[], type: TableType): Promise<void> {
  const styles = cellStyles(type);
  const xs = widths.map((_, i) => CONTENT.left + widths.slice(0, i).reduce((s, v) => s + v, 0));
  const totalWidth = widths.reduce((s, v) => s + v, 0);
  const cell = (k: number, text: string, style: TextStyle, align: Align): CellBox =>
    w.cell(text, xs[k] + type.padX, widths[k] - 2 * type.padX, style, align);

  // a faint vertical rule where a column group starts keeps one criterion's numbers apart from the next
  const groupOf = (k: number): string | undefined => table.columns[columns[k]].group;
  const groupStarts = columns
    .map((_, k) => k)
    .filter((k) => k > 0 && groupOf(k) !== undefined && groupOf(k) !== groupOf(k - 1))
    .map((k) => xs[k]);
  const separators = (top: number, height: number): void => {
    for (const x of groupStarts) w.line(x, top, x, top + height, 0.4, COLOR.rule);
  };

  const header: RowBox[] = [];
  const groupRow = groupHeaderRow(w, table, columns, xs, widths, type);
  if (groupRow !== null) header.push(groupRow);
  header.push({
    x: CONTENT.left,
    width: totalWidth,
    fill: COLOR.headerFill,
    cells: columns.map((c, k) => cell(k, table.columns[c].header, styles.header, table.columns[c].align)),
    decorate: separators,
  });
  const rowBox = (row: TableView['rows'][number]): RowBox => ({
    x: CONTENT.left,
    width: totalWidth,
    fill: row.emphasis === 'strong' ? COLOR.strongFill : undefined,
    cells: columns.map((c, k) => cell(k, row.cells[c] ?? '', styleFor(type, table.columns[c], row.emphasis), table.columns[c].align)),
    decorate: separators,
  });
  for (let start = 0; start < table.rows.length; start += ROWS_PER_TURN) {
    if (start > 0) await yieldToEventLoop();
    const rows = table.rows.slice(start, start + ROWS_PER_TURN).map(rowBox);
    flowRows(w, rows, { padY: type.padY, header, rules: true, continued: start > 0 });
  }
}

/** One spanning cell per run of columns sharing a group label (e.g. a criterion's name). */
function groupHeaderRow(
  w: Writer,
  table: TableView,
  columns: number[],
  xs: number[],
  widths: number[],
  type: TableType,
): RowBox | null {
  if (!columns.some((c) => table.columns[c].group !== undefined)) return null;
  const style = cellStyles(type).header;
  const cells: CellBox[] = [];
  const spans: { x: number; width: number }[] = [];
  let k = 0;
  while (k < columns.length) {
    const group = table.columns[columns[k]].group;
    let end = k;
    while (end + 1 < columns.length && group !== undefined && table.columns[columns[end + 1]].group === group) end += 1;
    const x = xs[k] + type.padX;
    const width = xs[end] + widths[end] - xs[k] - 2 * type.padX;
    if (group !== undefined) {
      cells.push(w.cell(group, x, width, style, 'center'));
      spans.push({ x, width });
    }
    k = end + 1;
  }
  return {
    x: CONTENT.left,
    width: xs[xs.length - 1] + widths[widths.length - 1] - CONTENT.left,
    cells,
    // a short rule under each group label shows which columns it spans
    decorate: (top, height) => {
      const y = top + height - 0.5;
      for (const span of spans) w.line(span.x, y, span.x + span.width, y, 0.8, COLOR.accent);
    },
  };
}
