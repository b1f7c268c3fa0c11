import { createHash } from 'node:crypto';

import Decimal from 'decimal.js';

import { sampleReportSource, type SampleOptions } from '../../../../test/fixtures/report-source';
import { buildReportView } from '../view/build-report-view';
import { RenderPool } from './render-pool';
import { renderReport } from './render-report';

/** Rendering is slow on a busy CI machine, and a worker compiles its sources on first use. */
const TIMEOUT = 120_000;

const hash = (pdf: Buffer): string => createHash('sha256').update(pdf).digest('hex');

/**
 * The bytes these sample cases gave before the renderer moved into worker threads and began caching
 * text widths (rendered on main at 97e13af): rendering faster must not change one byte.
 */
const BEFORE: [string, SampleOptions, 'en' | 'es', string][] = [
  ['6 × 6, 3 rounds', { suppliers: 6, criteria: 6, rounds: 3 }, 'en', '008dfe2d9ee189704bb65d9336827760aec7ed15389a28f40a1620e417d64817'],
  ['6 × 6, 3 rounds', { suppliers: 6, criteria: 6, rounds: 3 }, 'es', 'cbe346b53a5135910a9e1beb04e0653f7e4d9123a76a41d48bb434a666e05035'],
  ['8 × 8', { suppliers: 8, criteria: 8, rounds: 2 }, 'en', '89fe436902fa54de82f42a6a7db24f918505d7abc40e1b6c7b445439accad0bb'],
  ['8 × 8, override, awarded', { suppliers: 8, criteria: 8, rounds: 2, override: true, awarded: true }, 'es', '7360ee22591970a48789772c0d5d04db775ca329f0a70f54bfd9f8055746f32e'],
];

describe('RenderPool', () => {
  const pool = new RenderPool(2);
  afterAll(() => pool.close());

  it.each(BEFORE)('renders %s (%s) to the bytes it gave before, inline and in a worker', async (_name, size, lang, before) => {
    const view = buildReportView(sampleReportSource(size), lang);
    const [inline, pooled] = await Promise.all([renderReport(view), pool.render(view)]);
    expect(hash(inline)).toBe(before);
    expect(hash(pooled)).toBe(before);
    expect(pooled.equals(inline)).toBe(true);
  }, TIMEOUT);

  it.each(BEFORE)('builds the view of %s (%s) in a worker from the source, to the same bytes and content hash', async (_name, size, lang, before) => {
    const source = sampleReportSource(size);
    const view = buildReportView(source, lang);
    const [fromSource, inline] = await Promise.all([pool.renderSource(source, lang), new RenderPool(0).renderSource(source, lang)]);
    expect(hash(fromSource.pdf)).toBe(before);
    expect(fromSource.contentSha256).toBe(view.contentSha256);
    expect(inline.pdf.equals(fromSource.pdf)).toBe(true);
    expect(inline.contentSha256).toBe(view.contentSha256);
  }, TIMEOUT);

  it("builds the view in a worker with this thread's decimal settings (the service sets half-to-even)", async () => {
    const source = sampleReportSource({ suppliers: 6, criteria: 6, rounds: 3 });
    const settings = { precision: Decimal.precision, rounding: Decimal.rounding };
    try {
      // rounding down changes figures of the sample case: a worker on decimal.js's defaults would differ
      Decimal.set({ precision: 40, rounding: Decimal.ROUND_DOWN });
      const [pooled, inline] = await Promise.all([pool.renderSource(source, 'en'), new RenderPool(0).renderSource(source, 'en')]);
      expect(pooled.contentSha256).toBe(inline.contentSha256);
      expect(pooled.pdf.equals(inline.pdf)).toBe(true);
      Decimal.set(settings);
      expect((await new RenderPool(0).renderSource(source, 'en')).contentSha256).not.toBe(inline.contentSha256);
    } finally {
      Decimal.set(settings);
    }
  }, TIMEOUT);

  it('renders concurrent reports, each to its own bytes', async () => {
    const views = [3, 4, 5].map((suppliers) => buildReportView(sampleReportSource({ suppliers, criteria: 4, rounds: 2 }), 'en'));
    const pooled = await Promise.all(views.map((v) => pool.render(v)));
    const inline = await Promise.all(views.map((v) => renderReport(v)));
    expect(pooled.map(hash)).toEqual(inline.map(hash));
  }, TIMEOUT);

  it('renders inline when its size is 0, and refuses work once closed', async () => {
    const view = buildReportView(sampleReportSource({ suppliers: 3, criteria: 3, rounds: 1 }), 'en');
    const inline = new RenderPool(0);
    expect(hash(await inline.render(view))).toBe(hash(await renderReport(view)));
    const closed = new RenderPool(1);
    await closed.close();
    await expect(closed.render(view)).rejects.toThrow('closed');
  }, TIMEOUT);
});
