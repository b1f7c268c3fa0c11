/**
 * Worker threads that render reports (`render-worker`), so rendering never blocks the requests the
 * main thread serves. The same view gives the same bytes as `renderReport` inline (a spec compares
 * them). Size 0 renders inline, on the main thread (for debugging). Workers start on first use and
 * hold the process open only while they have work.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

import type { ReportLang } from '../labels/labels';
import { buildReportView } from '../view/build-report-view';
import type { ReportSource } from '../view/report-source';
import type { ReportView } from '../view/report-view';
import { renderReport } from './render-report';
import { decimalSettings } from './decimal-settings';
import type { RenderAnswer, RenderJob } from './render-worker';

/** One core is left to the event loop that serves requests; at least one worker. */
export function defaultReportWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export interface PooledReport {
  pdf: Buffer;
  /** The view's content hash (`ReportView.contentSha256`), from wherever the view was built. */
  contentSha256: string;
}

interface Pending {
  job: RenderJob;
  resolve: (report: PooledReport) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
}

export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number) {}

  render(view: ReportView): Promise<Buffer> {
    if (this.size === 0) return renderReport(view);
    return this.submit({ id: this.nextId++, view }).then((report) => report.pdf);
  }

  /**
   * Builds the view from the source and renders it, both in a worker: the main thread only hands
   * the source over (building a 200 × 40 view holds a thread for a couple of hundred milliseconds).
   * The same bytes as `renderReport(buildReportView(source, lang))`.
   */
  async renderSource(source: ReportSource, lang: ReportLang): Promise<PooledReport> {
    if (this.size === 0) {
      const view = buildReportView(source, lang);
      return { pdf: await renderReport(view), contentSha256: view.contentSha256 };
    }
    return this.submit({ id: this.nextId++, source, lang, decimal: decimalSettings() });
  }

  private submit(job: RenderJob): Promise<PooledReport> {
    if (this.closed) return Promise.reject(new Error('the report render pool is closed'));
    return new Promise<PooledReport>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /** Nest calls this when the application closes. */
  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const pending of [...this.queue.splice(0), ...slots.flatMap((s) => (s.busy ? [s.busy] : []))]) {
      pending.reject(new Error('the report render pool closed before the report was rendered'));
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.busy === null) ?? (this.slots.length < this.size ? this.start() : undefined);
      if (slot === undefined) return;
      const pending = this.queue.shift() as Pending;
      slot.busy = pending;
      slot.worker.ref();
      slot.worker.postMessage(pending.job);
    }
  }

  private start(): Slot {
    const slot: Slot = { worker: spawnRenderWorker(), busy: null };
    slot.worker.on('message', (answer: RenderAnswer) => {
      const pending = slot.busy;
      if (pending === null || pending.job.id !== answer.id) return;
      slot.busy = null;
      slot.worker.unref();
      if ('error' in answer) pending.reject(new Error(`report rendering failed: ${answer.error}`));
      else pending.resolve({ pdf: Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength), contentSha256: answer.contentSha256 });
      this.dispatch();
    });
    // a worker that dies takes only its own report with it; the next report starts a fresh one
    const lost = (err: Error): void => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      slot.busy?.reject(err);
      slot.busy = null;
      if (!this.closed) this.dispatch();
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', (code) => lost(new Error(`the report worker stopped (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }
}

/**
 * The compiled worker next to this file (dist/); from the sources (the specs, where this module is
 * ESM and `__filename` does not exist) the TypeScript worker through ts-node's SWC transpiler.
 */
function spawnRenderWorker(): Worker {
  const here = typeof __dirname === 'string' ? __dirname : undefined;
  const compiled = here === undefined ? undefined : join(here, 'render-worker.js');
  if (compiled !== undefined && existsSync(compiled)) return new Worker(compiled);
  const source = join(here ?? join(process.cwd(), 'src/modules/reports/pdf'), 'render-worker.ts');
  const boot = `require('ts-node').register({ transpileOnly: true, swc: true, compilerOptions: { module: 'commonjs', target: 'es2022' } }); require(${JSON.stringify(source)});`;
  return new Worker(boot, { eval: true });
}
