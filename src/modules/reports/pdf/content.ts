/**
 * The page content stream written with less per-operation work than pdfkit spends, to the same
 * bytes (pdfkit 0.20.2 internals, pinned exactly; the report hash specs hold it to that).
 *
 * - pdfkit turns every operator it adds to a page (`q`, `cm`, `BT`, a colour, one text line…) into a
 *   small byte array of its own, and a 248-page report holds some two million of them until the end.
 *   Here the operators of a page are gathered as text and handed to the page as one chunk when the
 *   document moves to another page or ends: the page's stream is the same bytes, deflated alike.
 * - A line drawn with `text(line, x, y, { lineBreak: false })` is written as the operators pdfkit's
 *   `_fragment` writes for it. A text's glyphs and kerning depend only on the face: they are shaped
 *   once per process. Its glyph string (`[<…> …] TJ`) also depends on the document's subset, which
 *   numbers glyphs in order of first use, so it is written once per document. A text whose glyphs
 *   carry an offset (a mark placed on a letter) is left to pdfkit itself.
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

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface EmbeddedFont {
  id: string;
  ascender: number;
  ref(): unknown;
  /** The parsed fontkit font: one object per face for the whole process (fonts.ts parses each once). */
  font: object;
  scale: number;
  subset: { includeGlyph(glyphId: number): number };
  widths: number[];
  unicode: number[][];
  layout(text: string): { glyphs: FontkitGlyph[]; positions: GlyphPosition[] };
}

interface PdfkitInternals {
  page: PdfkitPage;
  _font: EmbeddedFont;
  _fontSize: number;
  _fillColor: unknown;
  x: number;
  y: number;
  addContent(data: string): unknown;
  options: { bufferPages?: boolean };
}

/** pdfkit's number formatting for content operators (`PDFObject.number`, which refuses what PDF cannot write). */
const num = (n: number): number => {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
};

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
  /** Per document and face id: text → its glyph operators, or null where pdfkit must draw it. */
  private readonly operators = new Map<string, Map<string, string | null>>();
  private readonly colors = new Map<string, string | null>();
  /**
   * A text line's operators are the same but for its face, size and place: the parts that do not
   * move are kept as text (the last page height, face and size seen; every x drawn at, since a table
   * column's left-aligned cells share one; the last y, shared by a row's cells) instead of formatting
   * four numbers a line.
   */
  private pageHeight = NaN;
  private opening = '';
  private face = '';
  private faceSize = NaN;
  private selectFace = '';
  private ascent = 0;
  private readonly xs = new Map<number, string>();
  private lastY = NaN;
  private yText = '';

  constructor(readonly pdf: PDFKit.PDFDocument) {
    this.doc = pdf as unknown as PdfkitInternals;
    if (typeof this.doc.addContent !== 'function' || this.doc.page === undefined) {
      throw new Error('pdfkit no longer writes content through addContent: check ContentStream');
    }
    if (typeof this.scratch.latin1Write !== 'function') {
      throw new Error('Buffer no longer has latin1Write: check ContentStream');
    }
    // a page's operators reach it when the document has moved on to another page: by then an
    // unbuffered page would have been ended and written out without them
    if (this.doc.options?.bufferPages !== true) {
      throw new Error('ContentStream needs a document that buffers its pages (bufferPages: true)');
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
    let known = this.operators.get(font.id);
    if (known === undefined) {
      known = new Map();
      this.operators.set(font.id, known);
    }
    let glyphs = known.get(text);
    if (glyphs === undefined) {
      glyphs = this.glyphOperators(font, text);
      known.set(text, glyphs);
    }
    if (glyphs === null) {
      this.pdf.text(text, x, y, { lineBreak: false });
      return;
    }
    const page = doc.page;
    const size = doc._fontSize;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    if (page.height !== this.pageHeight) {
      this.pageHeight = page.height;
      this.opening = `q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 `;
      this.lastY = NaN;
    }
    if (font.id !== this.face || size !== this.faceSize) {
      this.face = font.id;
      this.faceSize = size;
      this.selectFace = ` Tm\n/${font.id} ${num(size)} Tf\n`;
      this.ascent = (font.ascender / 1000) * size;
      this.lastY = NaN;
    }
    let xText = this.xs.get(x);
    if (xText === undefined) this.xs.set(x, (xText = `${num(x)} `));
    if (y !== this.lastY) {
      this.lastY = y;
      this.yText = `${num(page.height - y - this.ascent)}`;
    }
    this.add(`${this.opening}${xText}${this.yText}${this.selectFace}${glyphs}ET\nQ\n`);
  }

  /**
   * The `TJ` operators of pdfkit's `_fragment` for a text without word or character spacing, each
   * followed by a newline. What pdfkit's `encode` does for the document is done here too: each glyph
   * joins the document's subset in order of first use, with its width and code points, so the
   * subset and the font's tables come out the same. Null, so that pdfkit draws the text itself, for
   * what `_fragment` treats otherwise (an empty text draws nothing, a line break starts a fragment),
   * a face that is not embedded as this module expects (a standard PDF font), and offset glyphs.
   */
  private glyphOperators(font: EmbeddedFont, text: string): string | null {
    if (text === '' || text.includes('\n') || !isEmbedded(font)) return null;
    const shape = shapeOf(font, text);
    if (shape === null) return null;
    const commands: string[] = [];
    let hex = '';
    let segment = 0;
    for (let i = 0; i < shape.glyphs.length; i++) {
      const glyph = shape.glyphs[i];
      const gid = font.subset.includeGlyph(glyph.id);
      let digits = HEX[gid];
      if (digits === undefined) HEX[gid] = digits = `0000${gid.toString(16)}`.slice(-4);
      if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
      if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
      hex += digits;
      if (i + 1 === shape.ends[segment]) {
        commands.push(`<${hex}> ${shape.adjustments[segment]}`);
        hex = '';
        segment += 1;
      }
    }
    return commands.length > 0 ? `[${commands.join(' ')}] TJ\n` : '';
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
 * A text's glyphs and how `_fragment` splits them into `TJ` segments: where a glyph's advance
 * differs from its width (kerning), a segment ends with that difference. This depends only on the
 * face and the text, so it is worked out once per process; the glyph numbers written depend on the
 * document's subset and are filled in per document (`glyphOperators`).
 */
interface Shape {
  glyphs: FontkitGlyph[];
  /** Index after the last glyph of each segment. */
  ends: number[];
  /** Each segment's adjustment, as pdfkit writes it. */
  adjustments: string[];
}

/** A glyph number in a subset → the four hex digits pdfkit writes for it. */
const HEX: string[] = [];

/** Per parsed face: text → its shape, or null when a glyph is offset (pdfkit then writes `Tm` operators in between). */
const shapes = new WeakMap<object, Map<string, Shape | null>>();
/**
 * Texts kept per face (a 200 × 40 report draws ~6,400 distinct texts in all; an entry is a few
 * hundred bytes). Past it the face starts again: a shape is only a quicker way to what pdfkit's
 * layout gives, and every document's glyph strings are its own, so nothing drawn depends on it.
 */
const SHAPES_LIMIT = 20_000;

/** Whether pdfkit embeds the face as this module reads it (fontkit layout, a subset, widths and code points). */
function isEmbedded(font: EmbeddedFont): boolean {
  return (
    typeof font.layout === 'function' &&
    typeof font.font === 'object' &&
    typeof font.subset?.includeGlyph === 'function' &&
    Array.isArray(font.widths) &&
    Array.isArray(font.unicode)
  );
}

function shapeOf(font: EmbeddedFont, text: string): Shape | null {
  let known = shapes.get(font.font);
  if (known === undefined) shapes.set(font.font, (known = new Map()));
  let shape = known.get(text);
  if (shape === undefined) {
    const { glyphs, positions } = font.layout(text);
    shape = null;
    if (!positions.some((pos) => pos.xOffset || pos.yOffset)) {
      const ends: number[] = [];
      const adjustments: string[] = [];
      let last = 0;
      const addSegment = (cur: number): void => {
        if (last < cur) {
          ends.push(cur);
          adjustments.push(`${num(-(positions[cur - 1].xAdvance - positions[cur - 1].advanceWidth))}`);
        }
        last = cur;
      };
      for (let i = 0; i < positions.length; i++) {
        if (positions[i].xAdvance - positions[i].advanceWidth !== 0) addSegment(i + 1);
      }
      addSegment(positions.length);
      shape = { glyphs, ends, adjustments };
    }
    if (known.size >= SHAPES_LIMIT) known.clear();
    known.set(text, shape);
  }
  return shape;
}
