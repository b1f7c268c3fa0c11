import type { BarChartView } from '../view/report-view';
import { COLOR, CONTENT, CONTENT_WIDTH, lineHeight, STYLE, type TextStyle } from './theme';
import { flowRows, type RowBox, type Writer } from './writer';

/** One row per bar so the chart paginates like a table, with the axis labels repeated on each page. */
export function renderBarChart(w: Writer, chart: BarChartView): void {
  const label = { ...STYLE.chartLabel, color: COLOR.text };
  const strong: TextStyle = { ...label, font: 'Sans-Bold' };
  const labelWidth = 170;
  const valueWidth = 40;
  const barLeft = CONTENT.left + labelWidth + 8;
  const barRight = CONTENT.right - valueWidth - 6;
  const xOf = (v: number): number => barLeft + (Math.max(0, Math.min(v, chart.max)) / chart.max) * (barRight - barLeft);
  const gridLines = (top: number, height: number): void => {
    for (const tick of chart.ticks) {
      w.line(xOf(tick.value), top, xOf(tick.value), top + height, 0.4, COLOR.faint);
    }
  };

  const titleLines = w.wrap(chart.title, CONTENT_WIDTH, STYLE.heading);
  w.ensure(titleLines.length * lineHeight(STYLE.heading) + 60);
  w.y += w.drawLines(titleLines, CONTENT.left, w.y, CONTENT_WIDTH, STYLE.heading);
  w.gap(4);

  const tickWidth = 28;
  const axis: RowBox = {
    x: CONTENT.left,
    width: CONTENT_WIDTH,
    cells: chart.ticks.map((tick) =>
      w.cell(tick.label, xOf(tick.value) - tickWidth / 2, tickWidth, STYLE.chartLabel, 'center'),
    ),
  };
  const rows = chart.bars.map((bar): RowBox => {
    const style = bar.highlight ? strong : label;
    return {
      x: CONTENT.left,
      width: CONTENT_WIDTH,
      cells: [
        w.cell(bar.label, CONTENT.left, labelWidth, style),
        w.cell(bar.valueLabel, CONTENT.right - valueWidth, valueWidth, style, 'right'),
      ],
      decorate: (top, height) => {
        gridLines(top, height);
        const barHeight = Math.min(8, height - 3);
        const barTop = top + (height - barHeight) / 2;
        const barWidth = Math.max(xOf(bar.value) - barLeft, 0.5);
        w.fillRect(barLeft, barTop, barWidth, barHeight, bar.highlight ? COLOR.accent : COLOR.bar);
      },
    };
  });
  flowRows(w, rows, { padY: 2, header: [axis] });
}
