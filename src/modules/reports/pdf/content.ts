/**
 * The page content stream written with less per-operation work than pdfkit spends, to the same
 * bytes (pdfkit 0.20.2 internals, pinned exactly; the report hash specs hold it to that).
 *
 * - pdfkit turns every operator it adds to a page (`q`, `cm`, `BT`, a colour, one text line…) into a
 *   small byte array of its own, and a 248-page report holds some two million of them until the end.
 *   Here the operators of a page are gathered as text and handed to the page as one chunk when the
 *   document moves to another page or ends: the page's stream is the same bytes, deflated alike.
 * - A line drawn with `text(line, x, y, { lineBreak: false })` is written as the operators pdfkit's
 *   `_fragment` writes for it. The glyph string (`[<…> …] TJ`) of a text depends only on the face and
 *   the text once its glyphs are in the document's subset, so it is encoded once per document. A text
 *   whose glyphs carry an offset (a mark placed on a letter) is left to pdfkit itself.
 */

/** What this module reads of pdfkit's document, page and embedded font. */
interface PdfkitPage {
  height: number;
  fonts: Record<string, unknown>;
  write(chunk: Uint8Array | string): void;
}

interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

interface EmbeddedFont {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string): [string[], GlyphPosition[]];
}

interface PdfkitInternals {
  page: PdfkitPage;
  _font: EmbeddedFont;
  _fontSize: number;
  _fillColor: unknown;
  x: number;
  y: number;
  addContent(data: string): unknown;
}

/** pdfkit's number formatting for content operators (`PDFObject.number`). */
const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/** Bytes gathered before they go to the page as one chunk. */
const CHUNK = 256 * 1024;

/** Node's Buffer has `latin1Write` (what `write(text, offset, 'latin1')` calls, without the encoding lookup). */
interface LatinWritable {
  latin1Write(text: string, offset: number): number;
}

export class ContentStream {
  private readonly doc: PdfkitInternals;
  /** The current page's operators not yet handed to it, as bytes (one chunk per page, not one per operator). */
  private readonly scratch = Buffer.allocUnsafe(CHUNK) as Buffer & Partial<LatinWritable>;
  private length = 0;
  private pendingPage: PdfkitPage | null = null;
  /** Per document and face id: text → the glyph operators, or null where pdfkit must draw it. */
  private readonly glyphs = new Map<string, Map<string, string | null>>();
  private readonly colors = new Map<string, string | null>();

  constructor(readonly pdf: PDFKit.PDFDocument) {
    this.doc = pdf as unknown as PdfkitInternals;
    if (typeof this.doc.addContent !== 'function' || this.doc.page === undefined) {
      throw new Error('pdfkit no longer writes content through addContent: check ContentStream');
    }
    if (typeof this.scratch.latin1Write !== 'function') {
      throw new Error('Buffer no longer has latin1Write: check ContentStream');
    }
    // every operator pdfkit itself writes (charts, the page's first transform) joins the same bytes
    this.doc.addContent = (data: string) => {
      this.add(`${data}\n`);
      return this.pdf;
    };
  }

  /** Hands the gathered operators to their page; before the document ends. */
  flush(): void {
    if (this.pendingPage !== null && this.length > 0) this.pendingPage.write(Buffer.from(this.scratch.subarray(0, this.length)));
    this.length = 0;
  }

  /** `doc.fillColor(color)`. */
  fillColor(color: string): void {
    const ops = this.colorOperators(color, false);
    if (ops === null) {
      this.pdf.fillColor(color);
      return;
    }
    this.add(ops);
    this.doc._fillColor = [color, undefined];
  }

  /** `doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke()`. */
  rule(x1: number, y1: number, x2: number, y2: number, width: number, color: string): void {
    const ops = this.colorOperators(color, true);
    if (ops === null) {
      this.pdf.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke();
      return;
    }
    this.add(`${num(x1)} ${num(y1)} m\n${num(x2)} ${num(y2)} l\n${num(width)} w\n${ops}S\n`);
  }

  /** `doc.rect(x, y, width, height).fill(color)`. */
  fillRect(x: number, y: number, width: number, height: number, color: string): void {
    this.add(`${num(x)} ${num(y)} ${num(width)} ${num(height)} re\n`);
    this.fillColor(color);
    this.add('f\n');
  }

  /**
   * `doc.text(text, x, y, { lineBreak: false })` in the current face, size and colour. pdfkit's text
   * cursor (`doc.x`, `doc.y`) is left where it was: the report places every text itself.
   */
  textLine(text: string, x: number, y: number): void {
    const doc = this.doc;
    const font = doc._font;
    let known = this.glyphs.get(font.id);
    if (known === undefined) {
      known = new Map();
      this.glyphs.set(font.id, known);
    }
    let glyphs = known.get(text);
    if (glyphs === undefined) {
      glyphs = glyphOperators(font, text);
      known.set(text, glyphs);
    }
    if (glyphs === null) {
      this.pdf.text(text, x, y, { lineBreak: false });
      return;
    }
    const page = doc.page;
    const size = doc._fontSize;
    const dy = (font.ascender / 1000) * size;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    this.add(`q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(page.height - y - dy)} Tm\n/${font.id} ${num(size)} Tf\n${glyphs}ET\nQ\n`);
  }

  /** A `#rrggbb` colour's operators, worked out once; null for any other colour (pdfkit sets those). */
  private colorOperators(color: string, stroke: boolean): string | null {
    const key = stroke ? `S${color}` : color;
    let ops = this.colors.get(key);
    if (ops === undefined) {
      ops = /^#[0-9a-f]{6}$/i.test(color) ? colorOperators(color, stroke) : null;
      this.colors.set(key, ops);
    }
    return ops;
  }

  private add(text: string): void {
    const page = this.doc.page;
    if (page !== this.pendingPage) {
      this.flush();
      this.pendingPage = page;
    }
    if (this.length + text.length > CHUNK) {
      this.flush();
      if (text.length > CHUNK) {
        page.write(Buffer.from(text, 'latin1'));
        return;
      }
    }
    // operators are ASCII (text is drawn as hex glyph ids): one byte per character, written while
    // the string is fresh (joining a page's worth of operators at the end took four times as long)
    this.length += (this.scratch.latin1Write as LatinWritable['latin1Write']).call(this.scratch, text, this.length);
  }
}

/** What pdfkit's `_setColorCore` writes for an RGB colour (its `_normalizeColor`, then `cs`/`CS` and `scn`/`SCN`). */
function colorOperators(color: string, stroke: boolean): string {
  const hex = parseInt(color.slice(1), 16);
  const rgb = [hex >> 16, (hex >> 8) & 0xff, hex & 0xff].map((part) => part / 255);
  return stroke ? `/DeviceRGB CS\n${rgb.join(' ')} SCN\n` : `/DeviceRGB cs\n${rgb.join(' ')} scn\n`;
}

/**
 * The `TJ` operators of pdfkit's `_fragment` for a text without word or character spacing, each
 * followed by a newline; null when a glyph is offset (pdfkit then writes `Tm` operators in between).
 * Encoding puts the text's glyphs into the document's subset, as drawing it would.
 */
function glyphOperators(font: EmbeddedFont, text: string): string | null {
  const [encoded, positions] = font.encode(text);
  if (positions.some((pos) => pos.xOffset || pos.yOffset)) return null;
  const commands: string[] = [];
  let last = 0;
  const addSegment = (cur: number): void => {
    if (last < cur) {
      const hex = encoded.slice(last, cur).join('');
      const advance = positions[cur - 1].xAdvance - positions[cur - 1].advanceWidth;
      commands.push(`<${hex}> ${num(-advance)}`);
    }
    last = cur;
  };
  for (let i = 0; i < positions.length; i++) {
    if (positions[i].xAdvance - positions[i].advanceWidth !== 0) addSegment(i + 1);
  }
  addSegment(positions.length);
  return commands.length > 0 ? `[${commands.join(' ')}] TJ\n` : '';
}
