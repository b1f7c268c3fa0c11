/**
 * A report-rendering worker thread: takes a plain `ReportView`, or the plain `ReportSource` and a
 * language (the view is then built here too), and answers with the PDF bytes. The source is read
 * from the database on the main thread; building the view and the layout run here, so a large
 * report no longer holds the event loop that serves every other request.
 */
import { parentPort } from 'node:worker_threads';

import Decimal from 'decimal.js';

import type { ReportLang } from '../labels/labels';
import type { DecimalSettings } from './decimal-settings';
import { buildReportView } from '../view/build-report-view';
import type { ReportSource } from '../view/report-source';
import type { ReportView } from '../view/report-view';
import { renderReport } from './render-report';

export type RenderJob = { id: number; view: ReportView } | { id: number; source: ReportSource; lang: ReportLang; decimal: DecimalSettings };

export type RenderAnswer = { id: number; pdf: Uint8Array; contentSha256: string } | { id: number; error: string };

parentPort?.on('message', (job: RenderJob) => {
  const render = async (): Promise<{ pdf: Buffer; contentSha256: string }> => {
    if ('source' in job) Decimal.set(job.decimal);
    const view = 'view' in job ? job.view : buildReportView(job.source, job.lang);
    return { pdf: await renderReport(view), contentSha256: view.contentSha256 };
  };
  render().then(
    ({ pdf, contentSha256 }) => {
      const answer: RenderAnswer = { id: job.id, pdf, contentSha256 };
      // a PDF has its own ArrayBuffer (Buffer.concat of more than the pool size): hand it over, no copy
      const own = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength;
      parentPort?.postMessage(answer, own ? [pdf.buffer as ArrayBuffer] : []);
    },
    (err: unknown) => parentPort?.postMessage({ id: job.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies RenderAnswer),
  );
});
