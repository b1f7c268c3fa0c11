import { sampleReportSource } from '../test/fixtures/report-source';
import { RenderPool } from '../src/modules/reports/pdf/render-pool';
import { renderReport } from '../src/modules/reports/pdf/render-report';
import { buildReportView } from '../src/modules/reports/view/build-report-view';
import type { ReportView } from '../src/modules/reports/view/report-view';
import { growthExponent, GROWTH_SIZES, medianMs, peakRssMiB, recordTarget } from './util';

/**
 * Report rendering (pdfkit, from a view built once), typical and large case: median wall time and
 * renders per second, CPU per render (less sensitive to a busy machine than wall time), pages, size,
 * and peak memory. The longest synchronous stretch is how long a render holds the event loop at once:
 * inline (REPORT_WORKERS=0) and through the worker pool, where only the hand-over runs on the main thread.
 */
export async function run(): Promise<void> {
  const cases = [
    { name: 'typical (5 suppliers × 6 criteria × 3 rounds)', size: { suppliers: 5, criteria: 6, rounds: 3 }, runs: 15 },
    { name: '8 × 8 (2 rounds)', size: { suppliers: 8, criteria: 8, rounds: 2 }, runs: 15 },
    { name: 'large (200 suppliers × 40 criteria × 4 rounds)', size: { suppliers: 200, criteria: 40, rounds: 4, samples: 1000 }, runs: 3 },
  ];
  const pool = new RenderPool(1);
  try {
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
      const pooledMs = await medianMs(() => pool.render(view), runs, 1);
      const pooledLongest = await longestStretchMs(() => pool.render(view));
      const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
      console.log(
        `report ${name}: median ${ms.toFixed(1)} ms (${(1000 / ms).toFixed(1)} renders/s), CPU ${cpuMs.toFixed(1)} ms per render, ` +
          `longest synchronous stretch ${longest.toFixed(1)} ms inline, ${pooledLongest.toFixed(1)} ms with the worker pool (${pooledMs.toFixed(1)} ms per render), ` +
          `${pages} pages, ${(pdf.length / 1024).toFixed(0)} KiB, peak RSS ${peakMiB.toFixed(0)} MiB (+${(peakMiB - baseMiB).toFixed(0)} MiB during the first render)`,
      );
      if (size.suppliers === 8) recordTarget({ target: '4 report render 8×8', figure: `${ms.toFixed(1)} ms`, ceiling: '40 ms', value: ms, goal: '≤ 40 ms', met: ms <= 40 });
      if (size.suppliers === 200) {
        recordTarget({ target: '4 report render 200×40', figure: `${ms.toFixed(1)} ms`, ceiling: '300 ms', value: ms, goal: '≤ 300 ms', met: ms <= 300 });
        await threeLargeRenders(pool, view);
      }
    }
    await growth();
  } finally {
    await pool.close();
  }
}

/** Target 4: peak RSS of the whole process (main thread and worker) over three 200 × 40 renders back to back. */
async function threeLargeRenders(pool: RenderPool, view: ReportView): Promise<void> {
  const { peakMiB, baseMiB } = await peakRssMiB(async () => {
    for (let i = 0; i < 3; i++) await pool.render(view);
  });
  console.log(`report three 200 × 40 renders back to back (worker pool): peak RSS ${peakMiB.toFixed(0)} MiB (${baseMiB.toFixed(0)} MiB before; target ≤ 350 MiB)`);
}

/** Target 6 for the report: render time (view built once, inline) at 5 × 10 … 200 × 40, fitted on log-log. */
async function growth(): Promise<void> {
  const points: Array<{ size: number; ms: number }> = [];
  for (const { suppliers, criteria } of GROWTH_SIZES) {
    const view = buildReportView(sampleReportSource({ suppliers, criteria, rounds: 2, samples: 1000 }), 'en');
    points.push({ size: suppliers * criteria, ms: await medianMs(() => renderReport(view), suppliers >= 100 ? 3 : 7, 1) });
  }
  const exponent = growthExponent(points);
  const shown = points.map((p, i) => `${GROWTH_SIZES[i].suppliers}×${GROWTH_SIZES[i].criteria} ${p.ms.toFixed(1)} ms`).join(', ');
  console.log(`report growth (render): ${shown}; exponent ${exponent.toFixed(3)} against suppliers × criteria (target ≤ 1.1)`);
  recordTarget({ target: '6 growth report render, 5×10 → 200×40', figure: `${points[points.length - 1].ms.toFixed(1)} ms at 200×40`, ceiling: `${points[0].ms.toFixed(1)} ms at 5×10`, value: exponent, goal: 'exponent ≤ 1.1', met: exponent <= 1.1 });
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
