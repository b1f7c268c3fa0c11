import PDFDocument from 'pdfkit';

import { ContentStream } from './content';
import { type FontName, registerReportFonts } from './fonts';

type Line = [text: string, font: FontName, size: number, x: number, y: number];
/** A line to draw, or a new page of that size. */
type Step = Line | { page: 'A4' | 'A5' };

/**
 * Texts with kerning pairs (AV, To, Wa), accents, digits, a lone space, a tab, a letter the faces lack
 * (drawn as glyph 0), one text in two faces, and texts pdfkit itself must draw: a mark the face places
 * on its letter, an empty text, a line break.
 */
const STEPS: Step[] = [
  ['AVAT Wa To Ty', 'Sans', 8, 50, 60],
  ['Zürich Łódź Ærø 12 345,67 €', 'Sans-Bold', 7, 53.25, 60],
  ['1,234.50', 'Mono', 8, 300.125, 71.3],
  ['Straße café 0.000001', 'Sans-Oblique', 10.5, 50, 90],
  ['AVAT Wa To Ty', 'Sans', 7, 61.7, 104.05],
  ['AVAT Wa To Ty', 'Sans-Bold', 7, 61.7, 104.05],
  [' ', 'Sans', 8, 70, 120],
  ['Total\t12.50', 'Sans', 8, 70, 125],
  ['東京 Trading', 'Sans', 8, 70, 128],
  ['e\u0301 n\u0303', 'Sans', 9, 50, 130],
  ['', 'Sans', 9, 50, 135],
  ['two\nlines', 'Sans', 9, 50, 140],
  { page: 'A4' },
  ['AVAT Wa To Ty', 'Sans', 8, 50, 60],
  ['Ivo Andrić d.o.o.', 'Sans-Bold', 14, 80.5, 150],
  { page: 'A5' },
  ['Ivo Andrić d.o.o.', 'Sans-Bold', 14, 80.5, 150],
  ['1,234.50', 'Mono', 8, 300.125, 150],
];
/** What ContentStream leaves to pdfkit's own `text` among STEPS. */
const LEFT_TO_PDFKIT = ['e\u0301 n\u0303', '', 'two\nlines'];

/** The bytes of a document with `steps` drawn by pdfkit's `text` or by `ContentStream.textLine`, and the texts `text` drew. */
async function pdfOf(steps: Step[], draw: 'pdfkit' | 'content'): Promise<{ bytes: Buffer; byPdfkit: string[] }> {
  // buffered pages, as the report's (ContentStream hands a page its operators once the document moves on)
  const doc = new PDFDocument({ size: 'A4', bufferPages: true, info: { CreationDate: new Date(0), ModDate: new Date(0) } });
  registerReportFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const byPdfkit: string[] = [];
  const text = doc.text.bind(doc);
  doc.text = ((value: string, ...rest: never[]) => {
    byPdfkit.push(value);
    return text(value, ...rest);
  }) as typeof doc.text;
  const content = draw === 'content' ? new ContentStream(doc) : null;
  for (const step of steps) {
    if (!Array.isArray(step)) {
      doc.addPage({ size: step.page });
      continue;
    }
    const [value, font, size, x, y] = step;
    doc.font(font).fontSize(size);
    if (content === null) doc.text(value, x, y, { lineBreak: false });
    else content.textLine(value, x, y);
  }
  content?.flush();
  doc.end();
  return { bytes: await done, byPdfkit };
}

describe('ContentStream', () => {
  it('refuses a document whose pages are not buffered', () => {
    expect(() => new ContentStream(new PDFDocument())).toThrow('bufferPages');
  });
});

describe('ContentStream.textLine', () => {
  it("writes the bytes pdfkit's own text() writes (kerning, accents, a tab, a missing letter, four faces, pages of two sizes)", async () => {
    const [content, pdfkit] = [await pdfOf(STEPS, 'content'), await pdfOf(STEPS, 'pdfkit')];
    expect(content.bytes.equals(pdfkit.bytes)).toBe(true);
    // the placed mark, the empty text and the line break went to pdfkit, each once (known per document)
    expect(content.byPdfkit).toEqual(LEFT_TO_PDFKIT);
  });

  it('gives each document its own subset, in its own order, however the texts were shaped before', async () => {
    // shaped once per process: a document drawing the same texts in another order, or only some of
    // them, still numbers its glyphs in the order it uses them
    await pdfOf(STEPS, 'content');
    const lines = STEPS.filter((step): step is Line => Array.isArray(step));
    const reordered = [...lines].reverse().map(([text, font, size], i): Line => [text, font, size, 50 + i, 60 + 20 * i]);
    const some = reordered.filter((_, i) => i % 3 !== 1);
    for (const steps of [reordered, some]) {
      expect((await pdfOf(steps, 'content')).bytes.equals((await pdfOf(steps, 'pdfkit')).bytes)).toBe(true);
    }
  });
});
