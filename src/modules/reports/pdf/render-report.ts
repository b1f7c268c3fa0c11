/**
 * Lays a `ReportView` out as an A4 PDF with pdfkit; the same view always gives the same bytes. It
 * yields to the event loop between blocks, so other requests are served while a large report renders.
 */
import PDFDocument from 'pdfkit';

import type { ReportView } from '../view/report-view';
import { renderDecisionPage, renderSection } from './blocks';
import { deflateBufferedPages } from './deflate-pages';
import { registerReportFonts } from './fonts';
import { writePageFurniture } from './furniture';
import { MARGIN_X, PRINTABLE } from './theme';
import { type LayoutBox, Writer, yieldToEventLoop } from './writer';

export interface RenderOptions {
  /** When given, every text box drawn is appended here (page furniture included). */
  layoutLog?: LayoutBox[];
  /** Page content from which the pages are deflated on the thread pool (`deflateBufferedPages`); the specs vary it. */
  poolDeflateMinBytes?: number;
}

export async function renderReport(view: ReportView, opts: RenderOptions = {}): Promise<Buffer> {
  const doc = createDocument(view);
  const bytes = collectBytes(doc);
  const w = new Writer(doc, opts.layoutLog);
  await renderDecisionPage(w, view);
  for (const section of view.sections) {
    await yieldToEventLoop();
    await renderSection(w, section);
  }
  await writePageFurniture(w, view);
  w.flush();
  await deflateBufferedPages(doc, opts.poolDeflateMinBytes);
  w.end();
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
