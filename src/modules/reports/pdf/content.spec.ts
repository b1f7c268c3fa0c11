import PDFDocument from 'pdfkit';

import { ContentStream } from './content';
import { type FontName, registerReportFonts } from './fonts';

type Line = [text: string, font: FontName, size: number, x: number, y: number];

/** Texts with kerning pairs (AV, To, Wa), accents, digits, a lone space, and a mark the face places on its letter. */
const LINES: Line[] = [
  ['AVAT Wa To Ty', 'Sans', 8, 50, 60],
  ['Zürich Łódź Ærø 12 345,67 €', 'Sans-Bold', 7, 53.25, 60],
  ['1,234.50', 'Mono', 8, 300.125, 71.3],
  ['Straße café 0.000001', 'Sans-Oblique', 10.5, 50, 90],
  ['AVAT Wa To Ty', 'Sans', 7, 61.7, 104.05],
  [' ', 'Sans', 8, 70, 120],
  ['e\u0301 n\u0303', 'Sans', 9, 50, 130],
  ['Ivo Andrić d.o.o.', 'Sans-Bold', 14, 80.5, 150],
];

/** The bytes of a one-page document with `lines` drawn by pdfkit's `text` or by `ContentStream.textLine`. */
async function pdfOf(lines: Line[], draw: 'pdfkit' | 'content'): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0), ModDate: new Date(0) } });
  registerReportFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const content = draw === 'content' ? new ContentStream(doc) : null;
  for (const [text, font, size, x, y] of lines) {
    doc.font(font).fontSize(size);
    if (content === null) doc.text(text, x, y, { lineBreak: false });
    else content.textLine(text, x, y);
  }
  content?.flush();
  doc.end();
  return done;
}

describe('ContentStream.textLine', () => {
  it("writes the bytes pdfkit's own text() writes (kerning, accents, several faces and sizes, a placed mark)", async () => {
    expect((await pdfOf(LINES, 'content')).equals(await pdfOf(LINES, 'pdfkit'))).toBe(true);
  });

  it('gives each document its own subset, in its own order, however the texts were shaped before', async () => {
    // shaped once per process: a document drawing the same texts in another order, or only some of
    // them, still numbers its glyphs in the order it uses them
    await pdfOf(LINES, 'content');
    const reordered = [...LINES].reverse().map(([text, font, size], i): Line => [text, font, size, 50 + i, 60 + 20 * i]);
    const some = reordered.filter((_, i) => i % 3 !== 1);
    for (const lines of [reordered, some]) {
      expect((await pdfOf(lines, 'content')).equals(await pdfOf(lines, 'pdfkit'))).toBe(true);
    }
  });
});
