/**
 * Lays a `ReportView` out as an A4 PDF with pdfkit.
 *
 * Text is wrapped here, not by pdfkit: every string is broken into lines we measured ourselves and
 * drawn one line at a time with `lineBreak: false`. That keeps pdfkit from ever starting a page on
 * its own, so pagination (repeated table headers, keep-with-next headings, rows split only when they
 * cannot fit a whole page) is decided in one place and every text box we draw is known exactly —
 * which is what `layoutLog` reports and the layout specs check.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import PDFDocument from 'pdfkit';

import { fill } from './i18n';
import type {
  BarChartView,
  BlockView,
  ColumnView,
  FieldView,
  LineChartView,
  ReportView,
  SectionView,
  TableView,
} from './report-view';

export interface LayoutBox {
  /** 1-based page number. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The drawn lines, joined with "\n" (after `toDrawable`: what the embedded font cannot draw is gone). */
  text: string;
  font: string;
  size: number;
}

export interface RenderOptions {
  /** When given, every text box drawn is appended here (page furniture included). */
  layoutLog?: LayoutBox[];
}

// ---------------------------------------------------------------------------------------------
// Page geometry and type
// ---------------------------------------------------------------------------------------------

const A4 = { width: 595.28, height: 841.89 };
const MARGIN_X = 50;

/** Where anything may be drawn (the header and footer bands sit inside it, above/below the content). */
export const PRINTABLE = { left: MARGIN_X, right: A4.width - MARGIN_X, top: 20, bottom: A4.height - 20 };
/** Where the flowing content goes. */
export const CONTENT = { left: MARGIN_X, right: A4.width - MARGIN_X, top: 66, bottom: A4.height - 62 };
const CONTENT_WIDTH = CONTENT.right - CONTENT.left;

const HEADER_TEXT_Y = 30;
const FOOTER_TEXT_Y = A4.height - 46;

// ---------------------------------------------------------------------------------------------
// Fonts: DejaVu (Bitstream Vera licence, npm package dejavu-fonts-ttf), embedded and subset
// ---------------------------------------------------------------------------------------------

/**
 * The report's faces, by the name they are registered under in every document. The standard PDF
 * fonts (Helvetica, Courier) only encode WinAnsi; DejaVu draws Latin with every European accent,
 * Greek, Cyrillic and the usual symbols, so supplier names come out as written. The condensed cut
 * is about as wide as Helvetica, so tables keep the column widths and page counts they had.
 */
const FONT_FILES = {
  Sans: 'DejaVuSansCondensed.ttf',
  'Sans-Bold': 'DejaVuSansCondensed-Bold.ttf',
  'Sans-Oblique': 'DejaVuSansCondensed-Oblique.ttf',
  Mono: 'DejaVuSansMono.ttf',
} as const;

export type FontName = keyof typeof FONT_FILES;

let fontData: Map<FontName, Buffer> | undefined;

/**
 * The font files, read once per process, found by package resolution. This module is CommonJS when
 * compiled (dist/) and ESM under Jest, where `__filename` does not exist and `import.meta` cannot be
 * written (the CommonJS build rejects it); so resolution starts from this file when it is known, then
 * from the working directory (the service and the tests start in the project), then from the entry
 * script's folder.
 */
function fontFiles(): Map<FontName, Buffer> {
  if (fontData !== undefined) return fontData;
  const here = typeof __filename === 'string' ? __filename : undefined;
  const anchors = [here, join(process.cwd(), 'package.json'), process.argv[1]].filter((a): a is string => !!a);
  let directory: string | undefined;
  for (const anchor of anchors) {
    try {
      directory = join(dirname(createRequire(anchor).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
      break;
    } catch {
      // not resolvable from here: try the next anchor
    }
  }
  if (directory === undefined) {
    throw new Error(`The report fonts (npm package dejavu-fonts-ttf) cannot be found from ${anchors.join(' or ')}`);
  }
  const dir = directory;
  fontData = new Map(
    (Object.entries(FONT_FILES) as [FontName, string][]).map(([name, file]) => [name, readFileSync(join(dir, file))]),
  );
  return fontData;
}

/** Registers the report's faces on a document (the layout specs measure with them too). */
export function registerReportFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, data] of fontFiles()) doc.registerFont(name, data);
}

/** What pdfkit keeps of an embedded font: the fontkit font (pdfkit 0.20 internals, pinned exactly). */
interface LoadedFont {
  _font?: { font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean } };
}

let coverage: Map<FontName, (codePoint: number) => boolean> | undefined;

/** Whether a face has a glyph for a code point, answered by the font file itself. */
function hasGlyph(font: FontName, codePoint: number): boolean {
  if (coverage === undefined) {
    const probe = new PDFDocument({ autoFirstPage: false });
    registerReportFonts(probe);
    const entries = (Object.keys(FONT_FILES) as FontName[]).map((name): [FontName, (c: number) => boolean] => {
      const fontkitFont = (probe.font(name) as unknown as LoadedFont)._font?.font;
      const test = fontkitFont?.hasGlyphForCodePoint?.bind(fontkitFont);
      if (test === undefined) throw new Error('pdfkit no longer exposes the embedded font: check toDrawable');
      return [name, test];
    });
    coverage = new Map(entries);
  }
  return (coverage.get(font) as (c: number) => boolean)(codePoint);
}

interface TextStyle {
  font: FontName;
  size: number;
  color: string;
}

const COLOR = {
  text: '#1f2328',
  muted: '#5f6b7a',
  accent: '#1f4e79',
  rule: '#c9d1db',
  faint: '#e6eaef',
  headerFill: '#eef2f7',
  strongFill: '#f1f7ea',
  bar: '#8fb0cf',
  danger: { fill: '#fdecea', bar: '#c0392b', text: '#7d1a10' },
  warning: { fill: '#fff4e0', bar: '#e08e0b', text: '#6b4300' },
  ok: { fill: '#e9f6ec', bar: '#2e7d32', text: '#1b4d1f' },
};

const STYLE = {
  body: { font: 'Sans', size: 9, color: COLOR.text },
  muted: { font: 'Sans-Oblique', size: 8.5, color: COLOR.muted },
  label: { font: 'Sans-Bold', size: 9, color: COLOR.muted },
  // a SHA-256 in hex (64 characters) fits one line beside a field label at this size
  mono: { font: 'Mono', size: 8, color: COLOR.text },
  sectionTitle: { font: 'Sans-Bold', size: 14, color: COLOR.accent },
  heading: { font: 'Sans-Bold', size: 10.5, color: COLOR.text },
  furniture: { font: 'Sans', size: 7.5, color: COLOR.muted },
  chartLabel: { font: 'Sans', size: 7, color: COLOR.muted },
  coverKicker: { font: 'Sans', size: 11, color: COLOR.muted },
  coverReference: { font: 'Sans-Bold', size: 13, color: COLOR.accent },
  coverTitle: { font: 'Sans-Bold', size: 22, color: COLOR.text },
  coverLabel: { font: 'Sans-Bold', size: 9.5, color: COLOR.muted },
  coverValue: { font: 'Sans', size: 10, color: COLOR.text },
  coverMono: { font: 'Mono', size: 8.5, color: COLOR.text },
} satisfies Record<string, TextStyle>;

/** Table type: normal, and a smaller "dense" set for the wide matrix. */
const TABLE_TYPE = {
  normal: { size: 8, padX: 3, padY: 2.5, textMin: 90 },
  dense: { size: 7, padX: 2.5, padY: 2, textMin: 100 },
};

const lineHeight = (style: TextStyle): number => style.size * 1.22;

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

export async function renderReport(view: ReportView, opts: RenderOptions = {}): Promise<Buffer> {
  const doc = createDocument(view);
  const bytes = collectBytes(doc);
  const w = new Writer(doc, opts.layoutLog);
  renderCover(w, view);
  for (const section of view.sections) renderSection(w, section);
  writePageFurniture(w, view);
  doc.end();
  return bytes;
}

function createDocument(view: ReportView): PDFKit.PDFDocument {
  // Fixed dates make the bytes reproducible: pdfkit derives the trailer /ID from the info
  // dictionary (CreationDate included), so a fixed info gives a fixed ID as well.
  const date = new Date(view.meta.generatedFor);
  const doc = new PDFDocument({
    size: 'A4',
    // pdfkit's own margins only matter to its automatic text flow, which we never use; keeping
    // them at the printable area means furniture drawn near the edges never triggers a page.
    margins: { top: PRINTABLE.top, bottom: PRINTABLE.top, left: MARGIN_X, right: MARGIN_X },
    bufferPages: true,
    lang: view.lang === 'es' ? 'es-ES' : 'en-GB',
    info: {
      // info strings are written as UTF-16 by pdfkit: no font involved, so no substitution either
      Title: `${view.meta.title} - ${view.meta.reference}`,
      Subject: view.meta.subject,
      Keywords: view.meta.reference,
      Creator: 'Supplier evaluation service',
      Producer: 'PDFKit',
      CreationDate: date,
      ModDate: date,
    },
  });
  // Embedded fonts stay reproducible: the subset prefix of the font name comes from pdfkit's font
  // id (F1, F2, ... in order of first use), and the subset holds the glyphs drawn, nothing else.
  registerReportFonts(doc);
  return doc;
}

function collectBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------
// The writer: cursor, measuring, wrapping, drawing, logging
// ---------------------------------------------------------------------------------------------

type Align = 'left' | 'right' | 'center';

class Writer {
  y = CONTENT.top;
  private pageIndex = 0;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly log: LayoutBox[] | undefined,
  ) {}

  get atPageTop(): boolean {
    return this.y <= CONTENT.top + 0.01;
  }

  get room(): number {
    return CONTENT.bottom - this.y;
  }

  /** Used when going back over the buffered pages to write the header and footer. */
  setPageForLog(index: number): void {
    this.pageIndex = index;
  }

  newPage(): void {
    this.doc.addPage();
    this.pageIndex += 1;
    this.y = CONTENT.top;
  }

  /** Starts a new page unless `height` still fits below the cursor. */
  ensure(height: number): void {
    if (this.y + height > CONTENT.bottom && !this.atPageTop) this.newPage();
  }

  gap(height: number): void {
    if (!this.atPageTop) this.y = Math.min(this.y + height, CONTENT.bottom);
  }

  /** A straight rule (graphics only: not a text box, so not logged). */
  line(x1: number, y1: number, x2: number, y2: number, width: number, color: string): void {
    this.doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke();
  }

  /** A cell whose text is wrapped to the cell's width. */
  cell(text: string, x: number, width: number, style: TextStyle, align: Align = 'left'): CellBox {
    return { x, width, lines: this.wrap(text, width, style), style, align };
  }

  useStyle(style: TextStyle): void {
    this.doc.font(style.font).fontSize(style.size).fillColor(style.color);
  }

  width(text: string, style: TextStyle): number {
    this.doc.font(style.font).fontSize(style.size);
    return this.doc.widthOfString(text);
  }

  /** Greedy word wrap; a word wider than the line is broken between characters (wrapped, never cut). */
  wrap(text: string, boxWidth: number, style: TextStyle): string[] {
    // column widths are sums and differences of floats: a word measured to exactly fit must still fit
    const maxWidth = boxWidth + 0.01;
    const lines: string[] = [];
    for (const paragraph of toDrawable(text, style.font).split('\n')) {
      const words = paragraph.split(/\s+/).filter((word) => word.length > 0);
      let line = '';
      for (const word of words) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (this.width(candidate, style) <= maxWidth) {
          line = candidate;
          continue;
        }
        if (line !== '') lines.push(line);
        line = word;
        while (this.width(line, style) > maxWidth && line.length > 1) {
          const cut = this.fittingPrefix(line, maxWidth, style);
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  private fittingPrefix(word: string, maxWidth: number, style: TextStyle): number {
    let n = 1;
    while (n < word.length && this.width(word.slice(0, n + 1), style) <= maxWidth) n += 1;
    return n;
  }

  /** Draws already-wrapped lines in a box starting at (x, y) and records the box. */
  drawLines(lines: string[], x: number, y: number, width: number, style: TextStyle, align: Align = 'left'): number {
    const lh = lineHeight(style);
    this.useStyle(style);
    lines.forEach((line, i) => {
      if (line === '') return;
      const lineWidth = this.doc.widthOfString(line);
      const dx = align === 'right' ? width - lineWidth : align === 'center' ? (width - lineWidth) / 2 : 0;
      this.doc.text(line, x + Math.max(0, dx), y + i * lh, { lineBreak: false });
    });
    const height = lines.length * lh;
    if (this.log && lines.some((l) => l !== '')) {
      this.log.push({
        page: this.pageIndex + 1,
        x,
        y,
        width,
        height,
        text: lines.join('\n'),
        font: style.font,
        size: style.size,
      });
    }
    return height;
  }

  /** Wraps and draws a text at the cursor across the full content width (or a given width). */
  flowText(text: string, style: TextStyle, x = CONTENT.left, width = CONTENT_WIDTH): void {
    const lines = this.wrap(text, width, style);
    flowRows(this, [{ x, width, cells: [{ x, width, lines, style, align: 'left' }] }], { padY: 0 });
  }
}

/** Marks that draw nothing on their own: combining accents, zero-width joiners, variation selectors. */
const INVISIBLE = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u200b-\u200f\u2060-\u2064\ufe00-\ufe0f\ufeff]|\udb40[\udd00-\uddef]/;
const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/**
 * The text as the report font can draw it. Composed first (NFC), so "o" + combining acute is the
 * one letter "ó"; invisible marks are dropped (combining marks left over after composing, zero-width
 * joiners, variation selectors); a letter the face lacks falls back to its base letter if the face
 * has that, else to "?". DejaVu covers Latin (every European accent), Greek, Cyrillic, Armenian,
 * Georgian, Hebrew, Arabic letters and most symbols, but no CJK: Chinese, Japanese and Korean names
 * come out as "?" (accepted: a CJK face would add megabytes to every report).
 */
export function toDrawable(text: string, font: FontName = 'Sans'): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) as number;
    if (code === 0x0a) out += '\n';
    else if (INVISIBLE.test(char)) continue;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' ';
    else if (hasGlyph(font, code)) out += char;
    else {
      const base = char.normalize('NFKD').replace(COMBINING, '');
      const drawable = base !== '' && [...base].every((c) => hasGlyph(font, c.codePointAt(0) as number));
      out += drawable ? base : '?';
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rows: the one pagination routine (tables, fields, paragraphs, callouts, legends, bars)
// ---------------------------------------------------------------------------------------------

interface CellBox {
  /** The text box (padding already applied). */
  x: number;
  width: number;
  lines: string[];
  style: TextStyle;
  align: Align;
}

interface RowBox {
  /** The row's full extent, for fills and rules. */
  x: number;
  width: number;
  cells: CellBox[];
  fill?: string;
  /** Draws graphics that belong to the row (bars, swatches) once its place is known. */
  decorate?: (top: number, height: number) => void;
}

interface FlowOptions {
  padY: number;
  /** Rows drawn again at the top of every page the rows continue on (table headers). */
  header?: RowBox[];
  /** A thin rule under every row. */
  rules?: boolean;
}

function rowHeight(row: RowBox, padY: number): number {
  return Math.max(...row.cells.map((c) => c.lines.length * lineHeight(c.style)), 0) + 2 * padY;
}

function flowRows(w: Writer, rows: RowBox[], opts: FlowOptions): void {
  if (rows.length === 0) return;
  const header = opts.header ?? [];
  const headerHeight = header.reduce((sum, r) => sum + rowHeight(r, opts.padY), 0);
  const pageCapacity = CONTENT.bottom - CONTENT.top - headerHeight;
  const drawHeader = (): void => header.forEach((r) => drawRow(w, r, opts));

  // keep the header with the first row (or with a first slice of it, if the row is huge)
  w.ensure(headerHeight + Math.min(rowHeight(rows[0], opts.padY), pageCapacity / 3));
  drawHeader();
  for (const row of rows) {
    let rest: RowBox | null = row;
    while (rest !== null) {
      const height = rowHeight(rest, opts.padY);
      if (height <= w.room) {
        drawRow(w, rest, opts);
        rest = null;
      } else if (height <= pageCapacity) {
        w.newPage();
        drawHeader();
      } else {
        // taller than a whole page: split it by lines rather than cut it
        const [head, tail] = splitRow(rest, w.room - 2 * opts.padY);
        if (head !== null) drawRow(w, head, opts);
        rest = tail;
        w.newPage();
        drawHeader();
      }
    }
  }
}

/** The part of a row that fits in `space` (whole lines), and the remainder. */
function splitRow(row: RowBox, space: number): [RowBox | null, RowBox] {
  const maxLh = Math.max(...row.cells.map((c) => lineHeight(c.style)));
  const fit = Math.floor(space / maxLh);
  if (fit < 2) return [null, row];
  const part = (pick: (lines: string[]) => string[]): RowBox => ({
    ...row,
    cells: row.cells.map((c) => ({ ...c, lines: pick(c.lines) })),
  });
  return [part((l) => l.slice(0, fit)), part((l) => l.slice(fit))];
}

function drawRow(w: Writer, row: RowBox, opts: FlowOptions): void {
  const height = rowHeight(row, opts.padY);
  const top = w.y;
  if (row.fill) w.doc.rect(row.x, top, row.width, height).fill(row.fill);
  row.decorate?.(top, height);
  for (const cell of row.cells) w.drawLines(cell.lines, cell.x, top + opts.padY, cell.width, cell.style, cell.align);
  if (opts.rules) w.line(row.x, top + height, row.x + row.width, top + height, 0.4, COLOR.rule);
  w.y = top + height;
}

// ---------------------------------------------------------------------------------------------
// Cover, sections and simple blocks
// ---------------------------------------------------------------------------------------------

function renderCover(w: Writer, view: ReportView): void {
  w.y = CONTENT.top + 60;
  w.flowText(view.cover.kicker, STYLE.coverKicker);
  w.gap(4);
  w.flowText(view.cover.reference, STYLE.coverReference);
  w.gap(8);
  w.flowText(view.cover.title, STYLE.coverTitle);
  w.gap(16);
  drawRule(w, COLOR.accent, 1.2);
  w.gap(14);
  renderFields(w, view.cover.fields, { label: STYLE.coverLabel, value: STYLE.coverValue, mono: STYLE.coverMono }, 5);
  w.newPage();
}

function renderSection(w: Writer, section: SectionView): void {
  const titleLines = w.wrap(section.title, CONTENT_WIDTH, STYLE.sectionTitle);
  // a section title with nothing under it at the foot of a page reads as a mistake
  w.gap(18);
  const first = section.blocks[0];
  w.ensure(titleLines.length * lineHeight(STYLE.sectionTitle) + 12 + (first ? leadHeight(w, first) : 0));
  w.y += w.drawLines(titleLines, CONTENT.left, w.y, CONTENT_WIDTH, STYLE.sectionTitle);
  w.gap(3);
  drawRule(w, COLOR.accent, 0.8);
  w.gap(8);
  section.blocks.forEach((block, i) => {
    if (i > 0) w.gap(block.kind === 'heading' ? 10 : 6);
    renderBlock(w, block);
  });
}

/** How much of a block must follow a title on the same page (a chart cannot be split at all). */
function leadHeight(w: Writer, block: BlockView): number {
  switch (block.kind) {
    case 'lineChart':
      return lineChartHeadHeight(w, block);
    case 'heading':
    case 'barChart':
      return 60;
    case 'table':
    case 'fields':
    case 'paragraph':
    case 'callout':
      return 45;
  }
}

function renderBlock(w: Writer, block: BlockView): void {
  switch (block.kind) {
    case 'heading': {
      const lines = w.wrap(block.text, CONTENT_WIDTH, STYLE.heading);
      w.ensure(lines.length * lineHeight(STYLE.heading) + 45);
      w.y += w.drawLines(lines, CONTENT.left, w.y, CONTENT_WIDTH, STYLE.heading);
      w.gap(3);
      return;
    }
    case 'paragraph':
      w.flowText(block.text, block.tone === 'muted' ? STYLE.muted : STYLE.body);
      return;
    case 'fields':
      renderFields(w, block.fields, { label: STYLE.label, value: STYLE.body, mono: STYLE.mono }, 3);
      return;
    case 'callout':
      renderCallout(w, block.tone, block.text);
      return;
    case 'table':
      renderTable(w, block);
      return;
    case 'lineChart':
      renderLineChart(w, block);
      return;
    case 'barChart':
      renderBarChart(w, block);
      return;
    default: {
      const unknown: never = block;
      throw new Error(`Unknown report block ${JSON.stringify(unknown)}`);
    }
  }
}

function drawRule(w: Writer, color: string, width: number): void {
  w.line(CONTENT.left, w.y, CONTENT.right, w.y, width, color);
  w.y += width;
}

function renderFields(
  w: Writer,
  fields: FieldView[],
  styles: { label: TextStyle; value: TextStyle; mono: TextStyle },
  padY: number,
): void {
  const widest = Math.max(...fields.map((f) => w.width(toDrawable(f.label, styles.label.font), styles.label)));
  // long labels wrap rather than squeeze the values (hashes must stay on one line)
  const labelWidth = Math.min(Math.max(widest + 4, 90), 150);
  const valueX = CONTENT.left + labelWidth + 12;
  const valueWidth = CONTENT.right - valueX;
  const rows = fields.map(
    (f): RowBox => ({
      x: CONTENT.left,
      width: CONTENT_WIDTH,
      cells: [
        w.cell(f.label, CONTENT.left, labelWidth, styles.label),
        w.cell(f.value, valueX, valueWidth, f.mono ? styles.mono : styles.value),
      ],
    }),
  );
  flowRows(w, rows, { padY, rules: true });
}

function renderCallout(w: Writer, tone: 'danger' | 'warning' | 'ok', text: string): void {
  const colors = COLOR[tone];
  const style: TextStyle = { font: 'Sans-Bold', size: 9, color: colors.text };
  const x = CONTENT.left + 10;
  const width = CONTENT_WIDTH - 18;
  const row: RowBox = {
    x: CONTENT.left,
    width: CONTENT_WIDTH,
    fill: colors.fill,
    cells: [w.cell(text, x, width, style)],
    decorate: (top, height) => {
      w.doc.rect(CONTENT.left, top, 3, height).fill(colors.bar);
    },
  };
  flowRows(w, [row], { padY: 6 });
}

// ---------------------------------------------------------------------------------------------
// Tables: column widths, horizontal slicing of wide tables, header repetition
// ---------------------------------------------------------------------------------------------

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

function renderTable(w: Writer, table: TableView): void {
  const type = table.dense ? TABLE_TYPE.dense : TABLE_TYPE.normal;
  const measures = table.columns.map((_, i) => measureColumn(w, table, i, type));
  const slices = sliceColumns(table, measures, CONTENT_WIDTH);
  slices.forEach((columns, s) => {
    if (s > 0) w.gap(10);
    const widths = fitWidths(columns.map((i) => table.columns[i]), columns.map((i) => measures[i]), CONTENT_WIDTH);
    renderTableSlice(w, table, columns, widths, type);
  });
}

function cellStyles(type: TableType) {
  return {
    body: { font: 'Sans', size: type.size, color: COLOR.text } as TextStyle,
    strong: { font: 'Sans-Bold', size: type.size, color: COLOR.text } as TextStyle,
    muted: { font: 'Sans', size: type.size, color: COLOR.muted } as TextStyle,
    mono: { font: 'Mono', size: type.size, color: COLOR.text } as TextStyle,
    header: { font: 'Sans-Bold', size: type.size, color: COLOR.text } as TextStyle,
  };
}

function styleFor(type: TableType, column: ColumnView, emphasis: 'strong' | 'muted' | undefined): TextStyle {
  const styles = cellStyles(type);
  const base = column.mono ? styles.mono : emphasis === 'strong' ? styles.strong : styles.body;
  return emphasis === 'muted' ? { ...base, color: COLOR.muted } : base;
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
    const text = toDrawable(row.cells[index] ?? '', style.font);
    for (const line of text.split('\n')) cellsWidest = Math.max(cellsWidest, w.width(line, style));
    cellsWord = Math.max(cellsWord, longestWordWidth(w, text, style));
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

function renderTableSlice(w: Writer, table: TableView, columns: number[], widths: number[], type: TableType): void {
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
  const rows = table.rows.map(
    (row): RowBox => ({
      x: CONTENT.left,
      width: totalWidth,
      fill: row.emphasis === 'strong' ? COLOR.strongFill : undefined,
      cells: columns.map((c, k) =>
        cell(k, row.cells[c] ?? '', styleFor(type, table.columns[c], row.emphasis), table.columns[c].align),
      ),
      decorate: separators,
    }),
  );
  flowRows(w, rows, { padY: type.padY, header, rules: true });
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

// ---------------------------------------------------------------------------------------------
// Charts (vector): price per round, totals per supplier
// ---------------------------------------------------------------------------------------------

/** 10 colours × 3 dash patterns × 2 marker shapes: 60 distinguishable series before any repeat. */
const SERIES_COLORS = [
  '#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22',
];
const SERIES_DASHES: ([number, number] | null)[] = [null, [4, 2], [1, 1.5]];

interface SeriesStyle {
  color: string;
  dash: [number, number] | null;
  marker: 'circle' | 'square';
}

function seriesStyle(index: number): SeriesStyle {
  return {
    color: SERIES_COLORS[index % SERIES_COLORS.length],
    dash: SERIES_DASHES[Math.floor(index / SERIES_COLORS.length) % SERIES_DASHES.length],
    marker: Math.floor(index / (SERIES_COLORS.length * SERIES_DASHES.length)) % 2 === 0 ? 'circle' : 'square',
  };
}

const PLOT_HEIGHT = 190;

/** Title, plot and x labels, plus the first legend row: the part that must stay on one page. */
function lineChartHeadHeight(w: Writer, chart: LineChartView): number {
  const titleHeight = w.wrap(chart.title, CONTENT_WIDTH, STYLE.heading).length * lineHeight(STYLE.heading);
  return titleHeight + PLOT_HEIGHT + 3 * lineHeight(STYLE.chartLabel) + 40;
}

function renderLineChart(w: Writer, chart: LineChartView): void {
  const titleLines = w.wrap(chart.title, CONTENT_WIDTH, STYLE.heading);
  const label = STYLE.chartLabel;
  const lh = lineHeight(label);
  w.ensure(lineChartHeadHeight(w, chart));
  w.y += w.drawLines(titleLines, CONTENT.left, w.y, CONTENT_WIDTH, STYLE.heading);
  w.y += lh; // room for the top tick label, which is centred on the plot's top edge

  const tickLabelWidth = Math.max(...chart.yTicks.map((t) => w.width(toDrawable(t.label, label.font), label))) + 2;
  const plot = {
    left: CONTENT.left + tickLabelWidth + 6,
    right: CONTENT.right - 8,
    top: w.y,
    bottom: w.y + PLOT_HEIGHT,
  };
  const yMin = chart.yTicks[0].value;
  const yMax = chart.yTicks[chart.yTicks.length - 1].value;
  const yOf = (v: number): number => plot.bottom - ((v - yMin) / (yMax - yMin || 1)) * PLOT_HEIGHT;
  const step = (plot.right - plot.left) / Math.max(chart.xLabels.length, 1);
  const xOf = (i: number): number => plot.left + step * (i + 0.5);

  drawYAxis(w, chart, plot, yOf, tickLabelWidth);
  const xLabelsHeight = drawXAxis(w, chart, plot, xOf, step);
  chart.series.forEach((series, i) => drawSeries(w, series.values, seriesStyle(i), xOf, yOf));
  w.y = plot.bottom + lh / 2 + 1 + xLabelsHeight + 8;
  renderLegend(w, chart.series.map((s) => s.name));
}

interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function drawYAxis(
  w: Writer,
  chart: LineChartView,
  plot: PlotArea,
  yOf: (v: number) => number,
  labelWidth: number,
): void {
  const label = STYLE.chartLabel;
  const lh = lineHeight(label);
  for (const tick of chart.yTicks) {
    const y = yOf(tick.value);
    w.line(plot.left, y, plot.right, y, 0.4, COLOR.faint);
    w.drawLines(w.wrap(tick.label, labelWidth, label), CONTENT.left, y - lh / 2, labelWidth, label, 'right');
  }
  w.doc
    .moveTo(plot.left, plot.top)
    .lineTo(plot.left, plot.bottom)
    .lineTo(plot.right, plot.bottom)
    .lineWidth(0.6)
    .strokeColor(COLOR.muted)
    .stroke();
}

/** Round labels under the plot; returns the height they took. */
function drawXAxis(w: Writer, chart: LineChartView, plot: PlotArea, xOf: (i: number) => number, step: number): number {
  const label = STYLE.chartLabel;
  // below the bottom y tick label, which is centred on the axis line
  const top = plot.bottom + lineHeight(label) / 2 + 1;
  let tallest = 0;
  chart.xLabels.forEach((text, i) => {
    const x = xOf(i);
    w.line(x, plot.bottom, x, plot.bottom + 3, 0.6, COLOR.muted);
    const width = Math.min(step - 2, 80);
    tallest = Math.max(tallest, w.drawLines(w.wrap(text, width, label), x - width / 2, top, width, label, 'center'));
  });
  return tallest;
}

function drawSeries(
  w: Writer,
  values: (number | null)[],
  style: SeriesStyle,
  xOf: (i: number) => number,
  yOf: (v: number) => number,
): void {
  const doc = w.doc;
  doc.save();
  doc.lineWidth(1).strokeColor(style.color);
  if (style.dash) doc.dash(style.dash[0], { space: style.dash[1] });
  // a missing offer breaks the line rather than bridging the gap
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (a !== null && b !== null) doc.moveTo(xOf(i - 1), yOf(a)).lineTo(xOf(i), yOf(b)).stroke();
  }
  doc.undash();
  values.forEach((v, i) => {
    if (v !== null) drawMarker(w, style, xOf(i), yOf(v));
  });
  doc.restore();
}

function drawMarker(w: Writer, style: SeriesStyle, x: number, y: number): void {
  if (style.marker === 'circle') w.doc.circle(x, y, 1.8).fill(style.color);
  else w.doc.rect(x - 1.7, y - 1.7, 3.4, 3.4).fill(style.color);
}

/** Legend entries flow in columns and rows; names wrap inside their column, so 60 suppliers fit. */
function renderLegend(w: Writer, names: string[]): void {
  const columns = names.length <= 4 ? names.length : names.length <= 12 ? 3 : 4;
  const columnWidth = CONTENT_WIDTH / Math.max(columns, 1);
  const swatch = 16;
  const label = { ...STYLE.chartLabel, color: COLOR.text };
  const rows: RowBox[] = [];
  for (let start = 0; start < names.length; start += columns) {
    const entries = names.slice(start, start + columns).map((name, k) => ({ index: start + k, name, k }));
    rows.push({
      x: CONTENT.left,
      width: CONTENT_WIDTH,
      cells: entries.map(({ name, k }) =>
        w.cell(name, CONTENT.left + k * columnWidth + swatch + 4, columnWidth - swatch - 10, label),
      ),
      decorate: (top) => {
        const y = top + 1.5 + lineHeight(label) / 2; // centred on the first line of the name
        for (const { index, k } of entries) {
          drawSwatch(w, seriesStyle(index), CONTENT.left + k * columnWidth, y, swatch);
        }
      },
    });
  }
  flowRows(w, rows, { padY: 1.5 });
}

function drawSwatch(w: Writer, style: SeriesStyle, x: number, y: number, length: number): void {
  const doc = w.doc;
  doc.save();
  doc.lineWidth(1.2).strokeColor(style.color);
  if (style.dash) doc.dash(style.dash[0], { space: style.dash[1] });
  doc.moveTo(x, y).lineTo(x + length, y).stroke();
  doc.undash();
  drawMarker(w, style, x + length / 2, y);
  doc.restore();
}

/** One row per bar so the chart paginates like a table, with the axis labels repeated on each page. */
function renderBarChart(w: Writer, chart: BarChartView): void {
  const label = { ...STYLE.chartLabel, color: COLOR.text };
  const strong: TextStyle = { ...label, font: 'Sans-Bold' };
  const labelWidth = 170;
  const valueWidth = 40;
  const barLeft = CONTENT.left + labelWidth + 8;
  const barRight = CONTENT.right - valueWidth - 6;
  const xOf = (v: number): number => barLeft + (Math.max(0, Math.min(v, chart.max)) / chart.max) * (barRight - barLeft);
  const gridLines = (top: number, height: number): void => {
    for (const tick of chart.ticks) {
      w.line(xOf(tick.value), top, xOf(tick.value), top + height, 0.4, COLOR.faint);
    }
  };

  const titleLines = w.wrap(chart.title, CONTENT_WIDTH, STYLE.heading);
  w.ensure(titleLines.length * lineHeight(STYLE.heading) + 60);
  w.y += w.drawLines(titleLines, CONTENT.left, w.y, CONTENT_WIDTH, STYLE.heading);
  w.gap(4);

  const tickWidth = 28;
  const axis: RowBox = {
    x: CONTENT.left,
    width: CONTENT_WIDTH,
    cells: chart.ticks.map((tick) =>
      w.cell(tick.label, xOf(tick.value) - tickWidth / 2, tickWidth, STYLE.chartLabel, 'center'),
    ),
  };
  const rows = chart.bars.map((bar): RowBox => {
    const style = bar.highlight ? strong : label;
    return {
      x: CONTENT.left,
      width: CONTENT_WIDTH,
      cells: [
        w.cell(bar.label, CONTENT.left, labelWidth, style),
        w.cell(bar.valueLabel, CONTENT.right - valueWidth, valueWidth, style, 'right'),
      ],
      decorate: (top, height) => {
        gridLines(top, height);
        const barHeight = Math.min(8, height - 3);
        const barTop = top + (height - barHeight) / 2;
        const barWidth = Math.max(xOf(bar.value) - barLeft, 0.5);
        w.doc.rect(barLeft, barTop, barWidth, barHeight).fill(bar.highlight ? COLOR.accent : COLOR.bar);
      },
    };
  });
  flowRows(w, rows, { padY: 2, header: [axis] });
}

// ---------------------------------------------------------------------------------------------
// Running header and footer, written once the page count is known
// ---------------------------------------------------------------------------------------------

function writePageFurniture(w: Writer, view: ReportView): void {
  const range = w.doc.bufferedPageRange();
  const style = STYLE.furniture;
  for (let i = 0; i < range.count; i++) {
    w.doc.switchToPage(range.start + i);
    w.setPageForLog(range.start + i);
    const pageLabel = fill(view.meta.pageLabel, { page: i + 1, pages: range.count });
    writeBand(w, view.meta.headerLeft, view.meta.headerRight, HEADER_TEXT_Y, style, 'below');
    writeBand(w, view.meta.footerLeft, pageLabel, FOOTER_TEXT_Y, style, 'above');
  }
}

/** A left and a right text on one band, with a rule separating the band from the content. */
function writeBand(
  w: Writer,
  leftText: string,
  rightText: string,
  y: number,
  style: TextStyle,
  rule: 'above' | 'below',
): void {
  const right = toDrawable(rightText, style.font);
  const rightWidth = w.width(right, style);
  const leftWidth = CONTENT_WIDTH - rightWidth - 16;
  const leftLines = w.wrap(leftText, leftWidth, style);
  const height = w.drawLines(leftLines, CONTENT.left, y, leftWidth, style);
  w.drawLines([right], CONTENT.right - rightWidth, y, rightWidth, style, 'right');
  const ruleY = rule === 'below' ? y + height + 3 : y - 4;
  w.line(CONTENT.left, ruleY, CONTENT.right, ruleY, 0.5, COLOR.rule);
}
