import type { StackedBarChartView } from '../view/report-view';
import { toDrawable } from './fonts';
import { COLOR, CONTENT, CONTENT_WIDTH, lineHeight, STYLE, type TextStyle } from './theme';
import { type CellBox, flowRows, type RowBox, type Writer } from './writer';

/** Segment colours, cycled; the legend says which criterion each is. */
export const SEGMENT_COLORS = ['#1f4e79', '#8fb0cf', '#e08e0b', '#2e7d32', '#a23b72', '#5f6b7a', '#c0392b', '#7fb77e', '#f2c14e', '#3c8dbc'];
/** Light segments take dark figures, dark ones white. */
const DARK = new Set(['#1f4e79', '#2e7d32', '#a23b72', '#5f6b7a', '#c0392b', '#3c8dbc']);

/** One row per supplier, so the chart paginates like a table with its axis repeated on every page. */
export function renderStackedBarChart(w: Writer, chart: StackedBarChartView): void {
  const label: TextStyle = { ...STYLE.chartLabel, color: COLOR.text };
  const strong: TextStyle = { ...label, font: 'Sans-Bold' };
  const segmentStyle: TextStyle = { font: 'Sans', size: 6, color: COLOR.text };
  const labelWidth = 150;
  const totalWidth = 34;
  const gapWidth = 34;
  const barLeft = CONTENT.left + labelWidth + 6;
  // room for half a tick label past the last tick before the total column
  const barRight = CONTENT.right - totalWidth - gapWidth - 16;
  const xOf = (v: number): number => barLeft + (Math.max(0, Math.min(v, chart.max)) / chart.max) * (barRight - barLeft);

  const titleLines = w.wrap(chart.title, CONTENT_WIDTH, STYLE.heading);
  w.ensure(titleLines.length * lineHeight(STYLE.heading) + 80);
  w.y += w.drawLines(titleLines, CONTENT.left, w.y, CONTENT_WIDTH, STYLE.heading);
  w.gap(4);
  renderLegend(w, chart);
  w.gap(4);

  const tickWidth = 24;
  const axis: RowBox = {
    x: CONTENT.left,
    width: CONTENT_WIDTH,
    cells: [
      ...chart.ticks.map((tick) => w.cell(tick.label, xOf(tick.value) - tickWidth / 2, tickWidth, STYLE.chartLabel, 'center')),
      w.cell(chart.totalHeader, CONTENT.right - totalWidth - gapWidth, totalWidth, STYLE.chartLabel, 'right'),
      w.cell(chart.gapHeader, CONTENT.right - gapWidth, gapWidth, STYLE.chartLabel, 'right'),
    ],
  };
  const rows = chart.bars.map((bar): RowBox => {
    const style = bar.highlight ? strong : label;
    const cells: CellBox[] = [
      w.cell(bar.label, CONTENT.left, labelWidth, style),
      w.cell(bar.total, CONTENT.right - totalWidth - gapWidth, totalWidth, style, 'right'),
      w.cell(bar.gap, CONTENT.right - gapWidth, gapWidth, style, 'right'),
    ];
    // each segment's points inside it, when they fit on one line with a little air
    let start = 0;
    const segments = bar.values.map((value, i) => {
      const x0 = xOf(start);
      start += value;
      const x1 = xOf(start);
      const color = SEGMENT_COLORS[i % SEGMENT_COLORS.length];
      const text = toDrawable(bar.valueLabels[i], segmentStyle.font);
      if (x1 - x0 >= w.width(text, segmentStyle) + 3) {
        cells.push(w.cell(text, x0, x1 - x0, { ...segmentStyle, color: DARK.has(color) ? '#ffffff' : COLOR.text }, 'center'));
      }
      return { x0, x1, color };
    });
    return {
      x: CONTENT.left,
      width: CONTENT_WIDTH,
      cells,
      decorate: (top, height) => {
        for (const tick of chart.ticks) w.line(xOf(tick.value), top, xOf(tick.value), top + height, 0.4, COLOR.faint);
        // at the top of the row, level with the first line of a wrapped name and with its figures
        const barTop = top + 1.5;
        const barHeight = Math.min(10, height - 3);
        for (const s of segments) if (s.x1 - s.x0 > 0.05) w.fillRect(s.x0, barTop, s.x1 - s.x0, barHeight, s.color);
        // the leader's total: every other bar's shortfall is the white space before this rule
        w.line(xOf(chart.reference), top, xOf(chart.reference), top + height, 0.8, COLOR.danger.bar);
      },
    };
  });
  // the row must be tall enough for the bar even when only 7 pt labels sit in it
  flowRows(w, rows, { padY: 2.5, header: [axis] });
}

/** Swatch and name per criterion, as many to a line as fit. */
function renderLegend(w: Writer, chart: StackedBarChartView): void {
  const style = STYLE.chartLabel;
  const swatch = 7;
  const rows: RowBox[] = [];
  let cells: CellBox[] = [];
  let colors: Array<{ x: number; color: string }> = [];
  let x = CONTENT.left;
  const flush = (): void => {
    if (cells.length === 0) return;
    const marks = colors;
    rows.push({
      x: CONTENT.left,
      width: CONTENT_WIDTH,
      cells,
      decorate: (top) => marks.forEach((m) => w.fillRect(m.x, top + 1.5, swatch, swatch, m.color)),
    });
    cells = [];
    colors = [];
    x = CONTENT.left;
  };
  chart.segments.forEach((segment, i) => {
    const name = toDrawable(segment.name, style.font);
    const width = Math.min(w.width(name, style), CONTENT_WIDTH - swatch - 4);
    if (x + swatch + 3 + width > CONTENT.right + 0.01) flush();
    colors.push({ x, color: SEGMENT_COLORS[i % SEGMENT_COLORS.length] });
    cells.push(w.cell(name, x + swatch + 3, width, style));
    x += swatch + 3 + width + 10;
  });
  flush();
  flowRows(w, rows, { padY: 1.5 });
}
