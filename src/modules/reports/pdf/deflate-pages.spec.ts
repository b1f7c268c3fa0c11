import PDFDocument from 'pdfkit';

import { deflateBufferedPages, POOL_MIN_BYTES } from './deflate-pages';

/**
 * A document of buffered pages, its bytes, and whether its pages were deflated before it ended (with
 * no lower bound: these documents are small); `deflated` gets how many pages were.
 */
async function pdfOf(
  pages: number,
  deflateFirst: boolean,
  options: PDFKit.PDFDocumentOptions = {},
  deflated: number[] = [],
  noise = 0,
): Promise<Buffer> {
  const doc = new PDFDocument({ bufferPages: true, info: { CreationDate: new Date(0), ModDate: new Date(0) }, ...options });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (let p = 0; p < pages; p++) {
    if (p > 0) doc.addPage();
    for (let line = 0; line < 40; line++) doc.text(`page ${p + 1}, line ${line}: ${'x'.repeat((p * 7 + line) % 50)}`, 50, 50 + line * 15, { lineBreak: false });
    doc.rect(40, 40, 100 + p, 20).fill('#c9d1db');
    // digits that barely compress, so that a page's deflated stream comes out in several pieces
    let seed = p + 1;
    for (let line = 0; line < noise; line++) {
      let digits = '';
      for (let d = 0; d < 120; d++) digits += (seed = (seed * 48271) % 2147483647) % 10;
      doc.text(digits, 50, 60 + (line % 40) * 15, { lineBreak: false });
    }
  }
  // the furniture is written last, as the report does, once the page count is known
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.text(`Page ${i + 1} of ${range.count}`, 50, 800, { lineBreak: false });
  }
  if (deflateFirst) deflated.push(await deflateBufferedPages(doc, 0));
  doc.end();
  return done;
}

describe('deflateBufferedPages', () => {
  it.each([1, 3, 12])('gives the bytes pdfkit gives by deflating the pages itself (%i pages)', async (pages) => {
    const deflated: number[] = [];
    const own = await pdfOf(pages, false);
    const ahead = await pdfOf(pages, true, {}, deflated);
    expect(deflated).toEqual([pages]);
    expect(ahead.equals(own)).toBe(true);
    expect(own.toString('latin1')).toContain('/Filter /FlateDecode');
  });

  it('gives the same bytes for pages whose deflated streams are larger than one zlib output chunk', async () => {
    const deflated: number[] = [];
    const own = await pdfOf(6, false, {}, [], 500);
    const ahead = await pdfOf(6, true, {}, deflated, 500);
    expect(deflated).toEqual([6]);
    expect(ahead.equals(own)).toBe(true);
    // each page holds 60,000 random digits: well past the 16 KiB a zlib stream hands out at a time
    expect(own.length).toBeGreaterThan(6 * 24 * 1024);
  });

  it('leaves pages holding less than the lower bound in all to pdfkit', async () => {
    const doc = new PDFDocument({ bufferPages: true });
    doc.text('a small page', 50, 50, { lineBreak: false });
    expect(POOL_MIN_BYTES).toBeGreaterThan(1024);
    expect(await deflateBufferedPages(doc)).toBe(0);
    expect(await deflateBufferedPages(doc, 1)).toBe(1);
    doc.end();
  });

  it('leaves an uncompressed document uncompressed', async () => {
    const own = await pdfOf(2, false, { compress: false });
    const deflated: number[] = [];
    const ahead = await pdfOf(2, true, { compress: false }, deflated);
    expect(deflated).toEqual([0]);
    expect(ahead.equals(own)).toBe(true);
    expect(own.toString('latin1')).not.toContain('/FlateDecode');
  });

  it('leaves a page with open marked content to pdfkit, which closes it when the page ends', async () => {
    const marked = async (deflateFirst: boolean): Promise<Buffer> => {
      const doc = new PDFDocument({ bufferPages: true, tagged: true, info: { CreationDate: new Date(0), ModDate: new Date(0) } });
      const chunks: Buffer[] = [];
      const done = new Promise<Buffer>((resolve) => {
        doc.on('data', (chunk: Buffer) => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
      });
      doc.markContent('Span');
      doc.text('still open when the document ends', 50, 50, { lineBreak: false });
      if (deflateFirst) expect(await deflateBufferedPages(doc, 0)).toBe(0);
      doc.end();
      return done;
    };
    expect((await marked(true)).equals(await marked(false))).toBe(true);
  });
});
