/**
 * The writer: cursor, measuring, wrapping, drawing, logging, and the one pagination routine.
 *
 * Text is wrapped here, not by pdfkit: every string is broken into lines we measured ourselves and
 * drawn one line at a time with `lineBreak: false`. That keeps pdfkit from ever starting a page on
 * its own, so pagination (repeated table headers, keep-with-next headings, rows split only when they
 * cannot fit a whole page) is decided in one place and every text box we draw is known exactly —
 * which is what `layoutLog` reports and the layout specs check.
 */
import { ContentStream } from './content';
import { type FontName, toDrawable } from './fonts';
import { COLOR, CONTENT, CONTENT_WIDTH, lineHeight, type TextStyle } from './theme';

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

export type Align = 'left' | 'right' | 'center';

/**
 * Advance widths of text runs per face, in thousandths of the size, shared by every document of the
 * process. pdfkit measures a string as the sum, from the left, of its runs (split after every space
 * or tab), each laid out by fontkit, then scales the sum to the size; a width here is that same
 * sum of the same numbers, so it is the same float, while a run is laid out once however many
 * strings contain it. Bounded: past the limit a face starts again.
 */
interface Advances {
  /** a word (no space or tab in it) → its advance */
  bare: Map<string, number>;
  /** a word → the advance of the word followed by one space (the run it is inside a line) */
  spaced: Map<string, number>;
}
const advances = new Map<FontName, Advances>();
const ADVANCES_LIMIT = 100_000;

/** One face and size's map among a document's measures (face → size → map), made on first use. */
function ofStyle<K, V>(maps: Map<FontName, Map<number, Map<K, V>>>, style: TextStyle): Map<K, V> {
  let bySize = maps.get(style.font);
  if (bySize === undefined) maps.set(style.font, (bySize = new Map()));
  let map = bySize.get(style.size);
  if (map === undefined) bySize.set(style.size, (map = new Map()));
  return map;
}

/** pdfkit's `widthOfString` from a run sum: scaled to the size, then its (unset) spacing and scaling. */
const scaled = (sum: number, size: number): number => ((sum * (size / 1000) + 0) * 100) / 100;

export class Writer {
  y = CONTENT.top;
  private pageIndex = 0;
  private readonly content: ContentStream;
  /** Wrapped cell texts of this document: face → size → width → text → lines (read, never changed). */
  private readonly cellLines = new Map<FontName, Map<number, Map<number, Map<string, string[]>>>>();
  private readonly extents = new Map<FontName, Map<number, Map<string, [number, number]>>>();
  /** Widths of the right-aligned and centred lines drawn in this document: face → size → line → width. */
  private readonly lineWidths = new Map<FontName, Map<number, Map<string, number>>>();

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly log: LayoutBox[] | undefined,
  ) {
    this.content = new ContentStream(doc);
  }

  /** The gathered operators go to their page (the document may then take the pages' content as final). */
  flush(): void {
    this.content.flush();
  }

  /** Ends the document: the last gathered operators go to their page first. */
  end(): void {
    this.content.flush();
    this.doc.end();
  }

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
    this.content.rule(x1, y1, x2, y2, width, color);
  }

  /** A table cell's measures (widest line, longest word), worked out once per document for face, size and text. */
  extent(text: string, style: TextStyle, measure: (text: string) => [number, number]): [number, number] {
    const byText = ofStyle(this.extents, style);
    let known = byText.get(text);
    if (known === undefined) byText.set(text, (known = measure(text)));
    return known;
  }

  /** A filled rectangle (graphics only). */
  fillRect(x: number, y: number, width: number, height: number, color: string): void {
    this.content.fillRect(x, y, width, height, color);
  }

  /**
   * A cell whose text is wrapped to the cell's width. A table repeats texts (names, numbers, labels)
   * in columns of one width, so the lines are kept per document for face, size, width and text.
   */
  cell(text: string, x: number, width: number, style: TextStyle, align: Align = 'left'): CellBox {
    const byWidth = ofStyle(this.cellLines, style);
    let byText = byWidth.get(width);
    if (byText === undefined) byWidth.set(width, (byText = new Map()));
    let lines = byText.get(text);
    if (lines === undefined) byText.set(text, (lines = this.wrap(text, width, style)));
    return { x, width, lines, style, align };
  }

  useStyle(style: TextStyle): void {
    this.doc.font(style.font).fontSize(style.size);
    this.content.fillColor(style.color);
  }

  /** The width of one line of text in a style, as pdfkit's `widthOfString` gives it. */
  width(text: string, style: TextStyle): number {
    let sum = 0;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x20) {
        sum += this.advance(style.font, text.slice(start, i), true);
        start = i + 1;
      } else if (code === 0x09) {
        sum += this.advance(style.font, text.slice(start, i + 1), false);
        start = i + 1;
      }
    }
    if (start < text.length) sum += this.advance(style.font, start === 0 ? text : text.slice(start), false);
    return scaled(sum, style.size);
  }

  /** One run's advance width in thousandths of the size (what pdfkit's layout sums for it). */
  private advance(font: FontName, word: string, spaced: boolean): number {
    let known = advances.get(font);
    if (known === undefined) {
      known = { bare: new Map(), spaced: new Map() };
      advances.set(font, known);
    }
    const table = spaced ? known.spaced : known.bare;
    let advance = table.get(word);
    if (advance === undefined) {
      const faces = (this.doc as unknown as { _fontFamilies: Record<string, { widthOfString(text: string, size: number): number }> })._fontFamilies;
      advance = faces[font].widthOfString(spaced ? `${word} ` : word, 1000);
      if (table.size >= ADVANCES_LIMIT) table.clear();
      table.set(word, advance);
    }
    return advance;
  }

  /**
   * Greedy word wrap; a word wider than the line is broken between characters (wrapped, never cut).
   * A candidate line's width is the line's runs so far plus the last word's run with its space and
   * the new word: the same sum, in the same order, as measuring the whole candidate.
   */
  wrap(text: string, boxWidth: number, style: TextStyle): string[] {
    // column widths are sums and differences of floats: a word measured to exactly fit must still fit
    const maxWidth = boxWidth + 0.01;
    const lines: string[] = [];
    for (const paragraph of toDrawable(text, style.font).split('\n')) {
      const words = paragraph.split(/\s+/).filter((word) => word.length > 0);
      let line = '';
      // the runs of `line` before its last word, summed, and that last word
      let before = 0;
      let lastWord = '';
      for (const word of words) {
        if (line !== '') {
          const withSpace = before + this.advance(style.font, lastWord, true);
          if (scaled(withSpace + this.advance(style.font, word, false), style.size) <= maxWidth) {
            line = `${line} ${word}`;
            before = withSpace;
            lastWord = word;
            continue;
          }
          lines.push(line);
        } else if (scaled(0 + this.advance(style.font, word, false), style.size) <= maxWidth) {
          line = word;
          before = 0;
          lastWord = word;
          continue;
        }
        line = word;
        while (this.width(line, style) > maxWidth && line.length > 1) {
          const cut = this.fittingPrefix(line, maxWidth, style);
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
        before = 0;
        lastWord = line;
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
    let drawn = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line === '') continue;
      drawn = true;
      const dx = align === 'right' ? width - this.lineWidth(line, style) : align === 'center' ? (width - this.lineWidth(line, style)) / 2 : 0;
      this.content.textLine(line, x + Math.max(0, dx), y + i * lh);
    }
    const height = lines.length * lh;
    if (this.log && drawn) {
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

  /** `width`, kept per document: a table draws the same numbers and labels right-aligned or centred row after row. */
  private lineWidth(line: string, style: TextStyle): number {
    const byLine = ofStyle(this.lineWidths, style);
    let width = byLine.get(line);
    if (width === undefined) byLine.set(line, (width = this.width(line, style)));
    return width;
  }

  /** Wraps and draws a text at the cursor across the full content width (or a given width). */
  flowText(text: string, style: TextStyle, x = CONTENT.left, width = CONTENT_WIDTH): void {
    const lines = this.wrap(text, width, style);
    flowRows(this, [{ x, width, cells: [{ x, width, lines, style, align: 'left' }] }], { padY: 0 });
  }
}

/**
 * Lets other work run: a report renders in small synchronous pieces (a block, or a few dozen rows of
 * a long table), so a large one never holds the event loop for long at a time.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface CellBox {
  /** The text box (padding already applied). */
  x: number;
  width: number;
  lines: string[];
  style: TextStyle;
  align: Align;
}

export interface RowBox {
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
  /** These rows continue rows just drawn: no header before them unless they start a page. */
  continued?: boolean;
}

function rowHeight(row: RowBox, padY: number): number {
  let tallest = 0;
  for (const cell of row.cells) tallest = Math.max(tallest, cell.lines.length * lineHeight(cell.style));
  return tallest + 2 * padY;
}

export function flowRows(w: Writer, rows: RowBox[], opts: FlowOptions): void {
  if (rows.length === 0) return;
  const header = opts.header ?? [];
  const headerHeight = header.reduce((sum, r) => sum + rowHeight(r, opts.padY), 0);
  const pageCapacity = CONTENT.bottom - CONTENT.top - headerHeight;
  const drawHeader = (): void => header.forEach((r) => drawRow(w, r, opts));

  // keep the header with the first row (or with a first slice of it, if the row is huge)
  if (!opts.continued) {
    w.ensure(headerHeight + Math.min(rowHeight(rows[0], opts.padY), pageCapacity / 3));
    drawHeader();
  }
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
  let maxLh = -Infinity;
  for (const cell of row.cells) maxLh = Math.max(maxLh, lineHeight(cell.style));
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
  if (row.fill) w.fillRect(row.x, top, row.width, height, row.fill);
  row.decorate?.(top, height);
  for (const cell of row.cells) w.drawLines(cell.lines, cell.x, top + opts.padY, cell.width, cell.style, cell.align);
  if (opts.rules) w.line(row.x, top + height, row.x + row.width, top + height, 0.4, COLOR.rule);
  w.y = top + height;
}
