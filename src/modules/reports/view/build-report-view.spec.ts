import { canonicalJson, sha256 } from '../../../domain/audit/canonical-json';
import { sampleReportSource } from '../../../../test/fixtures/report-source';
import { buildReportView } from './build-report-view';
import type { ReportSource } from './report-source';
import type { BlockView, TableView } from './report-view';

const tablesOf = (blocks: BlockView[]): TableView[] => blocks.filter((b): b is TableView => b.kind === 'table');
const allText = (value: unknown): string => JSON.stringify(value);
describe('buildReportView', () => {
  const source = sampleReportSource();

  it('lays out the sections of the design in order', () => {
    expect(buildReportView(source, 'en').sections.map((s) => s.title)).toEqual([
      '1. Case details',
      '2. Buying center',
      '3. Specification',
      '4. Shortlist and exclusions',
      '5. Negotiation history',
      '6. Base and effective weights',
      '7. Evaluator scores',
      '8. Supplier reliability',
      '9. Decision matrix',
      '10. Sensitivity of the decision',
      '11. Proposal',
      '12. Approvals',
      '13. Audit trail digest',
    ]);
    expect(buildReportView(source, 'es').sections.map((s) => s.title)).toEqual([
      '1. Datos del expediente',
      '2. Centro de compras',
      '3. Especificación',
      '4. Preselección y exclusiones',
      '5. Historial de negociación',
      '6. Pesos base y efectivos',
      '7. Puntuaciones de los evaluadores',
      '8. Fiabilidad de los proveedores',
      '9. Matriz de decisión',
      '10. Sensibilidad de la decisión',
      '11. Propuesta',
      '12. Aprobaciones',
      '13. Resumen del registro de auditoría',
    ]);
  });

  it('is plain data: it survives a JSON round trip unchanged (so it can be hashed canonically)', () => {
    const view = buildReportView(source, 'es');
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('is pure: the same source gives the same view, and the source is not modified', () => {
    const before = JSON.stringify(source);
    expect(buildReportView(source, 'en')).toEqual(buildReportView(source, 'en'));
    expect(JSON.stringify(source)).toBe(before);
  });

  it('page 1 lists the conflict-of-interest declarations among the controls: all made, missing, conflicts and whom they bar', () => {
    const field = (s: ReportSource, lang: 'en' | 'es' = 'en') =>
      buildReportView(s, lang).decision.blocks.flatMap((b) => (b.kind === 'fields' ? b.fields : [])).find((f) => f.label === (lang === 'en' ? 'Conflicts of interest' : 'Conflictos de interés'));
    expect(field(source)).toEqual({ label: 'Conflicts of interest', value: 'All 6 evaluators, deciders and approvers declared: no conflict', flag: false });
    const withGaps: ReportSource = {
      ...source,
      controls: {
        ...source.controls!,
        declarations: { required: true, expected: 6, missing: ['Ezra Evaluator'], conflicts: [{ name: 'Dora Decider', supplierName: 'Boreal Air SA', barred: true }, { name: 'Alma Approver', supplierName: 'Cirrus', barred: false }] },
      },
    };
    expect(field(withGaps)).toEqual({
      label: 'Conflicts of interest',
      value:
        '1 of 6 evaluators, deciders and approvers have not declared: Ezra Evaluator; Dora Decider declared a conflict with Boreal Air SA and may not score, propose or sign; ' +
        'Alma Approver declared a conflict with Cirrus, no longer shortlisted',
      flag: true,
    });
    expect(field(withGaps, 'es')?.value).toMatch(/^1 de 6 evaluadores, decisores y aprobadores no han declarado: Ezra Evaluator; Dora Decider declaró un conflicto con Boreal Air SA/);
    const off: ReportSource = { ...source, controls: { ...source.controls!, declarations: { required: false, expected: 6, missing: ['x'], conflicts: [] } } };
    expect(field(off)).toMatchObject({ value: 'The policy does not require conflict-of-interest declarations', flag: false });
  });

  it('puts the case and its classification in the case details', () => {
    const view = buildReportView(source, 'es');
    const details = view.sections[0];
    expect(details.title).toBe('1. Datos del expediente');
    const fields = details.blocks.flatMap((b) => (b.kind === 'fields' ? b.fields : []));
    const field = (label: string): string | undefined => fields.find((f) => f.label === label)?.value;
    expect(view.decision.reference).toBe('PC-2026-0001');
    expect(field('Tipo de compra')).toBe('Compra nueva');
    expect(field('Clasificación estratégica (Kraljic)')).toBe('Estratégico');
    expect(field('Estado')).toBe('Aprobación');
    expect(field('Presupuesto estimado')).toBe('250.000,00 EUR');
  });

  it('carries the SHA-256 of the canonical JSON of the rest of the view as its content hash', () => {
    const { contentSha256, ...content } = buildReportView(source, 'en');
    expect(contentSha256).toBe(sha256(canonicalJson(content)));
    // the languages are two contents: two hashes
    expect(buildReportView(source, 'es').contentSha256).not.toBe(contentSha256);
  });

  it('names every requirement type, and a yes/no answer, in the report language', () => {
    const requirements = (lang: 'en' | 'es') =>
      tablesOf(buildReportView(source, lang).sections[2].blocks)[0].rows.map((r) => r.cells.slice(2));
    expect(requirements('en')).toEqual([
      ['Certification', 'ISO 9001:2015'],
      ['Maximum lead time (days)', '90'],
      ['Minimum warranty (months)', '24'],
      ['Yes/no', 'yes'],
      ['Statement', '-'],
    ]);
    expect(requirements('es')).toEqual([
      ['Certificación', 'ISO 9001:2015'],
      ['Plazo de entrega máximo (días)', '90'],
      ['Garantía mínima (meses)', '24'],
      ['Sí/no', 'sí'],
      ['Declaración', '-'],
    ]);
  });

  it('shows base and effective weights side by side with the strategic rule spelled out', () => {
    const section = buildReportView(source, 'en').sections[5];
    const [table] = tablesOf(section.blocks);
    const reliability = table.rows.find((r) => r.cells[0] === 'Supplier reliability');
    // fixture: base 10 / 100 = 10%; R' = max(2 × 0.10, 0.30, 0.40 / (0.90 + 0.40)) = 0.3077
    expect(reliability?.cells.slice(2)).toEqual(['10.00%', '30.77%', '+20.77 pp']);
    expect(reliability?.emphasis).toBe('strong');
    expect(allText(section)).toContain('raised from 10.00% to 30.77%');
    expect(allText(section)).toContain('m = 2 and f = 0.30');
  });

  it('states a non-strategic case keeps its weights', () => {
    const plain: ReportSource = { ...source, weights: { ...source.weights!, strategic: false } };
    expect(allText(buildReportView(plain, 'es').sections[5])).toContain('los pesos efectivos son los pesos base');
  });

  it('splits the decision matrix into a ranking and a per-criterion table with one column group per criterion', () => {
    const large = sampleReportSource({ suppliers: 12, criteria: 9, rounds: 2 });
    const matrix = buildReportView(large, 'en').sections[8];
    const [ranking, detail] = tablesOf(matrix.blocks);
    expect(ranking.rows.map((r) => r.cells[0])).toEqual(large.matrix!.ranking.map((r) => String(r.rank)));
    expect(detail.frozenColumns).toBe(2);
    expect(detail.columns).toHaveLength(2 + 9 * 3);
    expect(new Set(detail.columns.slice(2).map((c) => c.group)).size).toBe(9);
    expect(detail.columns[2].group).toBe('Total cost of ownership (EUR)');
    // contributions are shown as points, so a row's points add up to its total
    const winner = detail.rows[0].cells;
    const points = winner.slice(2).filter((_, i) => i % 3 === 2).map((p) => Number(p.replace(/,/g, '')));
    expect(points.reduce((a, b) => a + b, 0)).toBeCloseTo(large.matrix!.ranking[0].total, 1);
    expect(matrix.blocks.some((b) => b.kind === 'stackedBarChart')).toBe(true);
  });

  it('stacks each criterion\'s points per supplier, prints them, and ends its axis just past the leader', () => {
    const chart = buildReportView(source, 'en').sections[8].blocks.find((b) => b.kind === 'stackedBarChart');
    if (chart?.kind !== 'stackedBarChart') throw new Error('no contribution chart');
    const ranking = source.matrix!.ranking;
    expect(chart.segments.map((x) => x.name)).toEqual(source.weights!.items.map((i) => i.name));
    chart.bars.forEach((bar, i) => {
      // the segments are the contributions ×100, they add up to the total, and each is printed
      expect(bar.values.reduce((a, b) => a + b, 0)).toBeCloseTo(ranking[i].total, 9);
      expect(bar.valueLabels).toEqual(bar.values.map((v) => v.toFixed(1)));
      expect(bar.total).toBe(ranking[i].total.toFixed(2));
      expect(bar.gap).toBe(i === 0 ? '' : (ranking[i].total - ranking[0].total).toFixed(2));
    });
    // a 0-100 axis would spend the width on points nobody has: it ends at the first tick past the leader
    expect(chart.reference).toBe(ranking[0].total);
    expect(chart.max).toBeGreaterThanOrEqual(ranking[0].total);
    expect(chart.max - ranking[0].total).toBeLessThan(10);
  });

  it('says a ranking with unscored evaluator criteria is provisional, in both languages, and nothing when all are scored', () => {
    const provisional: ReportSource = { ...source, matrix: { ...source.matrix!, unscored: ['Build quality for Atlas', 'Build quality for Boreal'] } };
    expect(allText(buildReportView(provisional, 'en').sections[8])).toContain(
      'Provisional ranking: no evaluator score yet for Build quality for Atlas; Build quality for Boreal.',
    );
    expect(allText(buildReportView(provisional, 'es').sections[8])).toContain('Clasificación provisional');
    expect(allText(buildReportView(source, 'en').sections[8])).not.toContain('Provisional');
  });

  it('flags an override in visible text, in both languages', () => {
    const overridden = sampleReportSource({ override: true });
    const en = allText(buildReportView(overridden, 'en').sections[10]);
    const es = allText(buildReportView(overridden, 'es').sections[10]);
    const top = overridden.matrix!.ranking[0].supplierName;
    expect(en).toContain(`OVERRIDE: the proposed supplier is not the top-ranked supplier (${top})`);
    expect(es).toContain('ANULACIÓN');
    expect(allText(buildReportView(source, 'en').sections[10])).not.toContain('OVERRIDE');
  });

  it('charts each supplier\'s converted price per round, with a gap where it made no offer', () => {
    const s = sampleReportSource({ suppliers: 10, criteria: 3, rounds: 4 });
    const chart = buildReportView(s, 'en').sections[4].blocks[0];
    if (chart.kind !== 'lineChart') throw new Error('expected the price chart first');
    expect(chart.xLabels).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(chart.series.map((x) => x.name)).toEqual(s.rounds[0].offers.map((o) => o.supplierName));
    const dropped = chart.series.find((x) => x.values.includes(null));
    expect(dropped?.values.slice(2)).toEqual([null, null]);
  });

  it('renders every section from an early case where most parts are missing', () => {
    const early: ReportSource = {
      ...source,
      specification: null,
      shortlist: [],
      rounds: [],
      weights: null,
      matrix: null,
      sensitivity: null,
      decision: null,
      approvals: { required: 1, executiveRequired: false, complete: false, items: [] },
      audit: { events: 3, headHash: null, valid: true, recent: [] },
      scores: [],
      reliability: [],
      robustness: null,
      exchangeRates: [],
    };
    const view = buildReportView(early, 'en');
    expect(view.sections).toHaveLength(13);
    expect(allText(view)).toContain('No supplier can be recommended yet');
    expect(allText(view)).toContain('No supplier has been proposed yet.');
  });
});
