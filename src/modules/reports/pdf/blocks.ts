/** The cover, section titles and the simple blocks (headings, paragraphs, fields, callouts). */
import type { BlockView, FieldView, ReportView, SectionView } from '../view/report-view';
import { renderBarChart } from './bar-chart';
import { renderStackedBarChart } from './stacked-bar-chart';
import { toDrawable } from './fonts';
import { lineChartHeadHeight, renderLineChart } from './line-chart';
import { renderTable } from './table';
import { COLOR, CONTENT, CONTENT_WIDTH, lineHeight, STYLE, type TextStyle } from './theme';
import { flowRows, type RowBox, type Writer, yieldToEventLoop } from './writer';

/** Page 1: the decision on one page, its content hash at the foot. */
export async function renderDecisionPage(w: Writer, view: ReportView): Promise<void> {
  const d = view.decision;
  w.flowText(d.kicker, STYLE.coverKicker);
  w.gap(2);
  w.flowText(d.reference, STYLE.coverReference);
  w.gap(4);
  w.flowText(d.title, STYLE.coverTitle);
  w.gap(8);
  drawRule(w, COLOR.accent, 1.2);
  w.gap(6);
  for (const [i, block] of d.blocks.entries()) {
    if (i > 0) w.gap(block.kind === 'heading' ? 8 : 4);
    await renderBlock(w, block);
  }
  w.gap(8);
  drawRule(w, COLOR.rule, 0.6);
  w.gap(4);
  renderFields(w, [{ label: d.contentHashLabel, value: view.contentSha256, mono: true }], { label: STYLE.label, value: STYLE.body, mono: STYLE.mono }, 2);
  w.flowText(d.contentHashNote, STYLE.muted);
  w.newPage();
}

export async function renderSection(w: Writer, section: SectionView): Promise<void> {
  const titleLines = w.wrap(section.title, CONTENT_WIDTH, STYLE.sectionTitle);
  // a section title with nothing under it at the foot of a page reads as a mistake
  w.gap(18);
  const first = section.blocks[0];
  w.ensure(titleLines.length * lineHeight(STYLE.sectionTitle) + 12 + (first ? leadHeight(w, first) : 0));
  w.y += w.drawLines(titleLines, CONTENT.left, w.y, CONTENT_WIDTH, STYLE.sectionTitle);
  w.gap(3);
  drawRule(w, COLOR.accent, 0.8);
  w.gap(8);
  for (const [i, block] of section.blocks.entries()) {
    if (i > 0) {
      await yieldToEventLoop();
      w.gap(block.kind === 'heading' ? 10 : 6);
    }
    await renderBlock(w, block);
  }
}

/** How much of a block must follow a title on the same page (a chart cannot be split at all). */
function leadHeight(w: Writer, block: BlockView): number {
  switch (block.kind) {
    case 'lineChart':
      return lineChartHeadHeight(w, block);
    case 'heading':
    case 'barChart':
    case 'stackedBarChart':
      return 60;
    case 'table':
    case 'fields':
    case 'paragraph':
    case 'callout':
      return 45;
  }
}

async function renderBlock(w: Writer, block: BlockView): Promise<void> {
  switch (block.kind) {
    case 'heading': {
      const lines = w.wrap(block.text, CONTENT_WIDTH, STYLE.heading);
      w.ensure(lines.length * lineHeight(STYLE.heading) + 45);
      w.y += w.drawLines(lines, CONTENT.left, w.y, CONTENT_WIDTH, STYLE.heading);
      w.gap(3);
      return;
    }
    case 'paragraph':
      w.flowText(block.text, block.tone === 'muted' ? STYLE.muted : STYLE.body);
      return;
    case 'fields':
      renderFields(w, block.fields, { label: STYLE.label, value: STYLE.body, mono: STYLE.mono }, 3);
      return;
    case 'callout':
      renderCallout(w, block.tone, block.text);
      return;
    case 'table':
      await renderTable(w, block);
      return;
    case 'lineChart':
      renderLineChart(w, block);
      return;
    case 'barChart':
      renderBarChart(w, block);
      return;
    case 'stackedBarChart':
      renderStackedBarChart(w, block);
      return;
    default: {
      const unknown: never = block;
      throw new Error(`Unknown report block ${JSON.stringify(unknown)}`);
    }
  }
}

function drawRule(w: Writer, color: string, width: number): void {
  w.line(CONTENT.left, w.y, CONTENT.right, w.y, width, color);
  w.y += width;
}

function renderFields(
  w: Writer,
  fields: FieldView[],
  styles: { label: TextStyle; value: TextStyle; mono: TextStyle },
  padY: number,
): void {
  const widest = Math.max(...fields.map((f) => w.width(toDrawable(f.label, styles.label.font), styles.label)));
  // long labels wrap rather than squeeze the values (hashes must stay on one line)
  const labelWidth = Math.min(Math.max(widest + 4, 90), 150);
  const valueX = CONTENT.left + labelWidth + 12;
  const valueWidth = CONTENT.right - valueX;
  const rows = fields.map(
    (f): RowBox => ({
      x: CONTENT.left,
      width: CONTENT_WIDTH,
      cells: [
        w.cell(f.label, CONTENT.left, labelWidth, styles.label),
        w.cell(f.value, valueX, valueWidth, f.mono ? styles.mono : f.flag ? { ...styles.value, font: 'Sans-Bold', color: COLOR.warning.text } : styles.value),
      ],
    }),
  );
  flowRows(w, rows, { padY, rules: true });
}

function renderCallout(w: Writer, tone: 'danger' | 'warning' | 'ok', text: string): void {
  const colors = COLOR[tone];
  const style: TextStyle = { font: 'Sans-Bold', size: 9, color: colors.text };
  const x = CONTENT.left + 10;
  const width = CONTENT_WIDTH - 18;
  const row: RowBox = {
    x: CONTENT.left,
    width: CONTENT_WIDTH,
    fill: colors.fill,
    cells: [w.cell(text, x, width, style)],
    decorate: (top, height) => {
      w.fillRect(CONTENT.left, top, 3, height, colors.bar);
    },
  };
  flowRows(w, [row], { padY: 6 });
}
