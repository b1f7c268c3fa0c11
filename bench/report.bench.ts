import { sampleReportSource } from '../test/fixtures/report-source';
import { renderReport } from '../src/modules/reports/pdf/render-report';
import { buildReportView } from '../src/modules/reports/view/build-report-view';
import { medianMs, peakRssMiB } from './util';

/** Report rendering (view model + pdfkit), typical and large case: median time, pages' size, peak memory. */
export async function run(): Promise<void> {
  const cases = [
    { name: 'typical (5 suppliers × 6 criteria × 2 rounds)', size: { suppliers: 5, criteria: 6, rounds: 2 } },
    { name: 'large (60 suppliers × 25 criteria × 4 rounds)', size: { suppliers: 60, criteria: 25, rounds: 4 } },
  ];
  for (const { name, size } of cases) {
    const source = sampleReportSource(size);
    const render = () => renderReport(buildReportView(source, 'en'));
    const { result: pdf, peakMiB, baseMiB } = await peakRssMiB(render);
    const ms = await medianMs(render, 7, 1);
    console.log(
      `report ${name}: median ${ms.toFixed(1)} ms over 7 renders, ${(pdf.length / 1024).toFixed(0)} KiB, ` +
        `peak RSS ${peakMiB.toFixed(0)} MiB (+${(peakMiB - baseMiB).toFixed(0)} MiB during the first render)`,
    );
  }
}
