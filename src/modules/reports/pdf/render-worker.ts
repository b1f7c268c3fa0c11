/**
 * A report-rendering worker thread: takes a plain `ReportView`, answers with the PDF bytes. The
 * view is built on the main thread from the database; only the layout runs here, so a large report
 * no longer holds the event loop that serves every other request.
 */
import { parentPort } from 'node:worker_threads';

import type { ReportView } from '../view/report-view';
import { renderReport } from './render-report';

export interface RenderJob {
  id: number;
  view: ReportView;
}

export type RenderAnswer = { id: number; pdf: Uint8Array } | { id: number; error: string };

parentPort?.on('message', (job: RenderJob) => {
  renderReport(job.view).then(
    (pdf) => {
      const answer: RenderAnswer = { id: job.id, pdf };
      // a PDF has its own ArrayBuffer (Buffer.concat of more than the pool size): hand it over, no copy
      const own = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength;
      parentPort?.postMessage(answer, own ? [pdf.buffer as ArrayBuffer] : []);
    },
    (err: unknown) => parentPort?.postMessage({ id: job.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies RenderAnswer),
  );
});
