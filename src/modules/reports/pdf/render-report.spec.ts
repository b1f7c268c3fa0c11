import { createHash } from 'node:crypto';

import PDFDocument from 'pdfkit';
import { PDFParse } from 'pdf-parse';

import { sampleReportSource } from '../../../../test/fixtures/report-source';
import { ENUM_LABELS, type Label } from '../labels/enum-labels';
import { buildReportView } from '../view/build-report-view';
import { ReportFormatter } from '../view/format';
import type { ReportSource } from '../view/report-source';
import { registerReportFonts } from './fonts';
import { renderReport } from './render-report';
import { CONTENT, PRINTABLE } from './theme';
import type { LayoutBox } from './writer';

/** Rendering and parsing PDFs is slow on a busy CI machine; the default 5 s is for pure specs. */
const TIMEOUT = 30_000;

interface Rendered {
  bytes: Buffer;
  log: LayoutBox[];
  pages: string[];
}

async function render(source: ReportSource, lang: 'en' | 'es'): Promise<Rendered> {
  const log: LayoutBox[] = [];
  const bytes = await renderReport(buildReportView(source, lang), { layoutLog: log });
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const text = await parser.getText();
    return { bytes, log, pages: text.pages.map((p) => p.text) };
  } finally {
    await parser.destroy();
  }
}

const squash = (text: string): string => text.replace(/\s+/g, ' ');

/**
 * A name is "in the report" when some text box draws it whole (perhaps wrapped over several lines)
 * and each of those lines can be extracted from that page of the PDF. Verbatim unless `drawnAs` says
 * what the font can draw of it.
 */
function expectDrawnAndExtractable(r: Rendered, name: string, drawnAs = name): void {
  const wanted = squash(drawnAs);
  const box = r.log.find((b) => squash(b.text) === wanted);
  expect({ name, drawn: box !== undefined }).toEqual({ name, drawn: true });
  const pageText = squash(r.pages[box!.page - 1]);
  for (const line of box!.text.split('\n')) expect(pageText).toContain(line);
}

/** Enumerated values no reader should ever see raw: the composite ones (yes_no, new_task, offer.price…) and the stage codes. */
const RAW_VALUES = [
  ...new Set([
    // named here too, so that the check does not rest on the table it checks
    ...['yes_no', 'max_lead_time_days', 'min_warranty_months', 'new_task'],
    ...Object.values(ENUM_LABELS)
      .flatMap((table: Record<string, Label>) => Object.keys(table))
      .filter((value) => /[_.]|^[A-Z]+$/.test(value)),
  ]),
];
const standingAlone = (value: string): RegExp => new RegExp(`(?<![\\w.])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.])`);

describe('renderReport — content', () => {
  const source = sampleReportSource({ suppliers: 6, criteria: 6, rounds: 3 });
  let en: Rendered;
  let es: Rendered;

  beforeAll(async () => {
    [en, es] = await Promise.all([render(source, 'en'), render(source, 'es')]);
  }, TIMEOUT);

  it('writes a PDF', () => {
    expect(en.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it.each(['en', 'es'] as const)('contains the title, every supplier, the winner and the approvers (%s)', (lang) => {
    const r = lang === 'en' ? en : es;
    const all = squash(r.pages.join(' '));
    expect(all).toContain(source.case.reference);
    expectDrawnAndExtractable(r, source.case.title);
    for (const s of source.shortlist) expectDrawnAndExtractable(r, s.name);
    expectDrawnAndExtractable(r, source.matrix!.ranking[0].supplierName);
    expect(squash(r.pages.join(' '))).toContain(source.decision!.supplierName);
    for (const a of source.approvals.items) expect(all).toContain(a.approverName);
    expect(all).toContain(source.decision!.snapshotHash.slice(0, 20));
  });

  it.each(['en', 'es'] as const)('shows base and effective weights as formatted in the view (%s)', (lang) => {
    const r = lang === 'en' ? en : es;
    const f = new ReportFormatter(lang);
    const all = squash(r.pages.join(' '));
    for (const item of source.weights!.items) {
      expect(all).toContain(`${f.percentOfOne(item.base)} ${f.percentOfOne(item.effective)}`);
    }
  });

  it.each(['en', 'es'] as const)('prints every enumerated value translated, never raw (%s)', (lang) => {
    expect(RAW_VALUES).toEqual(expect.arrayContaining(['lower_is_better', 'offer.price', 'APPROVAL']));
    const all = squash((lang === 'en' ? en : es).pages.join(' '));
    expect(RAW_VALUES.filter((value) => standingAlone(value).test(all))).toEqual([]);
    // the requirement types the report printed raw before they were labelled by the domain's own names
    for (const type of ['max_lead_time_days', 'min_warranty_months', 'yes_no'] as const) {
      expect(all).toContain(ENUM_LABELS.requirementType[type][lang]);
    }
  });

  it('renders English labels and page numbers', () => {
    const all = squash(en.pages.join(' '));
    for (const label of ['Supplier decision report', 'Specification', 'Evaluation criteria', 'Decision matrix', 'Approvals']) {
      expect(all).toContain(label);
    }
    en.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${en.pages.length}`));
  });

  it('renders Spanish with its accents', () => {
    const all = squash(es.pages.join(' '));
    for (const label of [
      'Informe de decisión de proveedor',
      'Especificación',
      'Criterios de evaluación',
      'Matriz de decisión',
      'Sensibilidad de la decisión',
      'Aprobaciones',
      'Historial de negociación',
      'Suministros Técnicos Peñalara, S.L.',
      'Müller & Söhne Maschinenbau GmbH',
    ]) {
      expect(all).toContain(label);
    }
    es.pages.forEach((page, i) => expect(page).toContain(`Página ${i + 1} de ${es.pages.length}`));
  });

  it('flags an override in visible text', async () => {
    const overridden = await render(sampleReportSource({ override: true }), 'es');
    expect(squash(overridden.pages.join(' '))).toContain('ANULACIÓN: el proveedor propuesto no es el mejor clasificado');
  }, TIMEOUT);
});

describe('renderReport — names in any European script', () => {
  const names = {
    greek: 'Ελληνικές Βαλβίδες ΑΕ',
    cyrillic: 'ООО Клапан',
    latin: 'Łódź İstanbul Ştefan Čapek Armatury s.r.o.',
    cjk: '東京バルブ株式会社',
  };
  /** The sample case with four of its suppliers renamed everywhere they appear. */
  function renamed(): ReportSource {
    const source = sampleReportSource({ suppliers: 6, criteria: 6, rounds: 3 });
    const old = source.shortlist.filter((s) => s.status === 'shortlisted').map((s) => s.name);
    let json = JSON.stringify(source);
    Object.values(names).forEach((name, i) => (json = json.split(JSON.stringify(old[i]).slice(1, -1)).join(name)));
    return JSON.parse(json) as ReportSource;
  }
  let r: Rendered;

  beforeAll(async () => {
    r = await render(renamed(), 'en');
  }, TIMEOUT);

  it('draws Greek, Cyrillic and Central European / Turkish letters verbatim, and they extract as written', () => {
    for (const name of [names.greek, names.cyrillic, names.latin]) expectDrawnAndExtractable(r, name);
    const all = squash(r.pages.join(' '));
    for (const name of [names.greek, names.cyrillic, names.latin]) expect(all).toContain(name);
  });

  it('draws a CJK name as question marks, without failing', () => {
    expectDrawnAndExtractable(r, names.cjk, '?????????');
    expect(r.log.some((b) => b.text.includes('東'))).toBe(false);
    checkLayout(r);
  });
});

describe('renderReport — reproducible bytes', () => {
  it('gives identical bytes for the same view, with the case time as the PDF dates', async () => {
    const view = buildReportView(sampleReportSource(), 'en');
    const [a, b] = await Promise.all([renderReport(view), renderReport(view)]);
    expect(a.equals(b)).toBe(true);
    const raw = a.toString('latin1');
    expect(raw).toContain('(D:20260320164500Z)'); // generatedFor 2026-03-20T16:45:00Z
    expect(raw).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
  }, TIMEOUT);

  it('gives the same bytes however many other reports the process rendered before (the parsed fonts are shared)', async () => {
    const view = buildReportView(sampleReportSource(), 'en');
    const first = await renderReport(view);
    await renderReport(buildReportView(sampleReportSource({ suppliers: 7, criteria: 8, rounds: 3 }), 'es'));
    await renderReport(buildReportView(sampleReportSource({ override: true }), 'en'));
    expect((await renderReport(view)).equals(first)).toBe(true);
  }, TIMEOUT);

  it('yields to the event loop while it renders: other work runs between its blocks', async () => {
    const view = buildReportView(sampleReportSource(), 'en');
    let turns = 0;
    let rendering = true;
    const count = (): void => {
      turns += 1;
      if (rendering) setImmediate(count);
    };
    setImmediate(count);
    await renderReport(view);
    rendering = false;
    // one turn at least per section and per block after the first of its section
    const pieces = view.sections.reduce((n, s) => n + s.blocks.length, 0);
    expect(turns).toBeGreaterThanOrEqual(pieces);
  }, TIMEOUT);

  it('gives the same bytes whether its pages are deflated on the thread pool or by pdfkit', async () => {
    const view = buildReportView(sampleReportSource({ suppliers: 8, criteria: 8, rounds: 2 }), 'en');
    const pooled = await renderReport(view, { poolDeflateMinBytes: 0 });
    const own = await renderReport(view, { poolDeflateMinBytes: Infinity });
    expect(pooled.equals(own)).toBe(true);
    // the 8 × 8 report's pinned hash (render-pool.spec.ts)
    expect(createHash('sha256').update(pooled).digest('hex')).toBe('89fe436902fa54de82f42a6a7db24f918505d7abc40e1b6c7b445439accad0bb');
  }, TIMEOUT);

  it('changes when the case changes', async () => {
    const source = sampleReportSource();
    const later = { ...source, generatedFor: '2026-03-21T09:00:00.000Z' };
    const [a, b] = await Promise.all([renderReport(buildReportView(source, 'en')), renderReport(buildReportView(later, 'en'))]);
    expect(a.equals(b)).toBe(false);
  }, TIMEOUT);
});

/** Layout invariants: inside the printable area, nothing overlapping, nothing wider than its box. */
function checkLayout(r: Rendered): void {
  const measurer = new PDFDocument({ autoFirstPage: false });
  registerReportFonts(measurer);
  const eps = 0.01;
  const furniture = (b: LayoutBox): boolean => b.y < CONTENT.top || b.y >= CONTENT.bottom;
  const problems: string[] = [];
  for (const b of r.log) {
    const where = `p${b.page} "${b.text.slice(0, 40)}" at (${b.x.toFixed(1)}, ${b.y.toFixed(1)})`;
    if (b.x < PRINTABLE.left - eps || b.x + b.width > PRINTABLE.right + eps) problems.push(`outside horizontally: ${where}`);
    if (b.y < PRINTABLE.top - eps || b.y + b.height > PRINTABLE.bottom + eps) problems.push(`outside vertically: ${where}`);
    if (!furniture(b) && b.y + b.height > CONTENT.bottom + eps) problems.push(`below the content area: ${where}`);
    measurer.font(b.font).fontSize(b.size);
    for (const line of b.text.split('\n')) {
      if (measurer.widthOfString(line) > b.width + eps) problems.push(`line wider than its box: ${where}`);
    }
  }
  const byPage = new Map<number, LayoutBox[]>();
  for (const b of r.log) byPage.set(b.page, [...(byPage.get(b.page) ?? []), b]);
  for (const [page, boxes] of byPage) {
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const overlap =
          a.x < b.x + b.width - eps && b.x < a.x + a.width - eps && a.y < b.y + b.height - eps && b.y < a.y + a.height - eps;
        if (overlap) problems.push(`p${page}: "${a.text.slice(0, 30)}" overlaps "${b.text.slice(0, 30)}"`);
      }
    }
  }
  expect(problems.slice(0, 20)).toEqual([]);
}

describe('renderReport — layout', () => {
  it('keeps a typical case inside the page, without overlaps', async () => {
    const r = await render(sampleReportSource(), 'en');
    checkLayout(r);
    expect(r.pages.length).toBeGreaterThanOrEqual(4);
    expect(r.pages.length).toBeLessThanOrEqual(10);
  }, TIMEOUT);

  describe('a large case: 60 suppliers × 25 criteria × 4 rounds, 5 evaluators', () => {
    // 2,000 rank-acceptability draws instead of the policy's 10,000 keep the fixture quick; the layout is the same
    const source = sampleReportSource({ suppliers: 60, criteria: 25, rounds: 4, evaluators: 5, samples: 2000 });
    let r: Rendered;

    beforeAll(async () => {
      r = await render(source, 'es');
    }, 2 * TIMEOUT);

    it('keeps every text box inside the printable area, none overlapping another or cut', () => {
      checkLayout(r);
    });

    it('numbers every page "Página x de y" with the real page count', () => {
      const logged = Math.max(...r.log.map((b) => b.page));
      expect(r.pages).toHaveLength(logged);
      r.pages.forEach((page, i) => expect(page).toContain(`Página ${i + 1} de ${r.pages.length}`));
      for (let page = 1; page <= r.pages.length; page++) {
        const onPage = r.log.filter((b) => b.page === page).map((b) => b.text);
        expect(onPage).toContain('PC-2026-0001');
        expect(onPage).toContain('Informe de decisión de proveedor');
      }
    });

    it('keeps the decision on page 1: its content hash closes page 1, the case details open page 2', () => {
      const hash = r.log.find((b) => b.text === 'Hash del contenido (SHA-256)');
      expect(hash?.page).toBe(1);
      expect(r.log.find((b) => b.text === '1. Datos del expediente')?.page).toBe(2);
      // five evaluators' columns in the score tables
      for (const name of ['Zoë Ó Briain', 'Inés Castaño']) expect(r.log.some((b) => b.text === name)).toBe(true);
    });

    it('has a sane page count', () => {
      // every fact behind the decision: each round's terms and stated compliance for 59 suppliers, and
      // each evaluator's score of 19 evaluator criteria for 49 ranked suppliers, make it long
      expect(r.pages.length).toBeGreaterThanOrEqual(12);
      expect(r.pages.length).toBeLessThanOrEqual(90);
    });

    it('repeats table headers on continuation pages', () => {
      // the shortlist of 59 suppliers cannot fit one page: every page it touches starts with its header
      const headerPages = r.log.filter((b) => b.text === 'Motivo').map((b) => b.page);
      const rowPages = r.log.filter((b) => b.text === 'Preseleccionado').map((b) => b.page);
      expect(new Set(rowPages).size).toBeGreaterThan(1);
      for (const page of new Set(rowPages)) expect(headerPages).toContain(page);
    });

    it('shows every supplier and every criterion', () => {
      for (const s of source.shortlist) expectDrawnAndExtractable(r, s.name);
      const all = squash(r.pages.join(' '));
      for (const c of source.specification!.criteria) expect(all).toContain(c.name.split(' ')[0]);
    });
  });
});
