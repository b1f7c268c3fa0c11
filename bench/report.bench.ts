import { sampleReportSource } from '../test/fixtures/report-source';
import { renderReport } from '../src/modules/reports/pdf/render-report';
import { buildReportView } from '../src/modules/reports/view/build-report-view';
import { medianMs, peakRssMiB } from './util';

/**
 * Report rendering (pdfkit, from a view built once), typical and large case: median wall time and
 * renders per second, CPU per render (less sensitive to a busy machine than wall time), pages, size,
 * and peak memory. The longest synchronous stretch is how long a render holds the event loop at once.
 */
export async function run(): Promise<void> {
  const cases = [
    { name: 'typical (5 suppliers × 6 criteria × 3 rounds)', size: { suppliers: 5, criteria: 6, rounds: 3 }, runs: 15 },
    { name: 'large (60 suppliers × 25 criteria × 4 rounds)', size: { suppliers: 60, criteria: 25, rounds: 4 }, runs: 5 },
  ];
  for (const { name, size, runs } of cases) {
    const view = buildReportView(sampleReportSource(size), 'en');
    const render = () => renderReport(view);
    const { result: pdf, peakMiB, baseMiB } = await peakRssMiB(render);
    const ms = await medianMs(render, runs, 1);
    const cpuStart = process.cpuUsage();
    for (let i = 0; i < runs; i++) await render();
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
    const longest = await longestStretchMs(render);
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    console.log(
      `report ${name}: median ${ms.toFixed(1)} ms (${(1000 / ms).toFixed(1)} renders/s), CPU ${cpuMs.toFixed(1)} ms per render, ` +
        `longest synchronous stretch ${longest.toFixed(1)} ms, ${pages} pages, ${(pdf.length / 1024).toFixed(0)} KiB, ` +
        `peak RSS ${peakMiB.toFixed(0)} MiB (+${(peakMiB - baseMiB).toFixed(0)} MiB during the first render)`,
    );
  }
}

/** The longest gap between two turns of the event loop while `fn` runs. */
async function longestStretchMs(fn: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await fn();
  running = false;
  return Math.max(longest, performance.now() - last);
}
