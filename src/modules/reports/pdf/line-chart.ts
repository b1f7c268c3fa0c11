/** The price-per-round line chart (vector), with its legend. */
import type { LineChartView } from '../view/report-view';
import { toDrawable } from './fonts';
import { COLOR, CONTENT, CONTENT_WIDTH, lineHeight, STYLE } from './theme';
import { flowRows, type RowBox, type Writer } from './writer';

/** 10 colours × 3 dash patterns × 2 marker shapes: 60 distinguishable series before any repeat. */
const SERIES_COLORS = [
  '#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22',
];
const SERIES_DASHES: ([number, number] | null)[] = [null, [4, 2], [1, 1.5]];

interface SeriesStyle {
  color: string;
  dash: [number, number] | null;
  marker: 'circle' | 'square';
}

function seriesStyle(index: number): SeriesStyle {
  return {
    color: SERIES_COLORS[index % SERIES_COLORS.length],
    dash: SERIES_DASHES[Math.floor(index / SERIES_COLORS.length) % SERIES_DASHES.length],
    marker: Math.floor(index / (SERIES_COLORS.length * SERIES_DASHES.length)) % 2 === 0 ? 'circle' : 'square',
  };
}

const PLOT_HEIGHT = 190;

/** Title, plot and x labels, plus the first legend row: the part that must stay on one page. */
export function lineChartHeadHeight(w: Writer, chart: LineChartView): number {
  const titleHeight = w.wrap(chart.title, CONTENT_WIDTH, STYLE.heading).length * lineHeight(STYLE.heading);
  return titleHeight + PLOT_HEIGHT + 3 * lineHeight(STYLE.chartLabel) + 40;
}

export function renderLineChart(w: Writer, chart: LineChartView): void {
  const titleLines = w.wrap(chart.title, CONTENT_WIDTH, STYLE.heading);
  const label = STYLE.chartLabel;
  const lh = lineHeight(label);
  w.ensure(lineChartHeadHeight(w, chart));
  w.y += w.drawLines(titleLines, CONTENT.left, w.y, CONTENT_WIDTH, STYLE.heading);
  w.y += lh; // room for the top tick label, which is centred on the plot's top edge

  const tickLabelWidth = Math.max(...chart.yTicks.map((t) => w.width(toDrawable(t.label, label.font), label))) + 2;
  const plot = {
    left: CONTENT.left + tickLabelWidth + 6,
    right: CONTENT.right - 8,
    top: w.y,
    bottom: w.y + PLOT_HEIGHT,
  };
  const yMin = chart.yTicks[0].value;
  const yMax = chart.yTicks[chart.yTicks.length - 1].value;
  const yOf = (v: number): number => plot.bottom - ((v - yMin) / (yMax - yMin || 1)) * PLOT_HEIGHT;
  const step = (plot.right - plot.left) / Math.max(chart.xLabels.length, 1);
  const xOf = (i: number): number => plot.left + step * (i + 0.5);

  drawYAxis(w, chart, plot, yOf, tickLabelWidth);
  const xLabelsHeight = drawXAxis(w, chart, plot, xOf, step);
  chart.series.forEach((series, i) => drawSeries(w, series.values, seriesStyle(i), xOf, yOf));
  w.y = plot.bottom + lh / 2 + 1 + xLabelsHeight + 8;
  renderLegend(w, chart.series.map((s) => s.name));
}

interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function drawYAxis(
  w: Writer,
  chart: LineChartView,
  plot: PlotArea,
  yOf: (v: number) => number,
  labelWidth: number,
): void {
  const label = STYLE.chartLabel;
  const lh = lineHeight(label);
  for (const tick of chart.yTicks) {
    const y = yOf(tick.value);
    w.line(plot.left, y, plot.right, y, 0.4, COLOR.faint);
    w.drawLines(w.wrap(tick.label, labelWidth, label), CONTENT.left, y - lh / 2, labelWidth, label, 'right');
  }
  w.doc
    .moveTo(plot.left, plot.top)
    .lineTo(plot.left, plot.bottom)
    .lineTo(plot.right, plot.bottom)
    .lineWidth(0.6)
    .strokeColor(COLOR.muted)
    .stroke();
}

/** Round labels under the plot; returns the height they took. */
function drawXAxis(w: Writer, chart: LineChartView, plot: PlotArea, xOf: (i: number) => number, step: number): number {
  const label = STYLE.chartLabel;
  // below the bottom y tick label, which is centred on the axis line
  const top = plot.bottom + lineHeight(label) / 2 + 1;
  let tallest = 0;
  chart.xLabels.forEach((text, i) => {
    const x = xOf(i);
    w.line(x, plot.bottom, x, plot.bottom + 3, 0.6, COLOR.muted);
    const width = Math.min(step - 2, 80);
    tallest = Math.max(tallest, w.drawLines(w.wrap(text, width, label), x - width / 2, top, width, label, 'center'));
  });
  return tallest;
}

function drawSeries(
  w: Writer,
  values: (number | null)[],
  style: SeriesStyle,
  xOf: (i: number) => number,
  yOf: (v: number) => number,
): void {
  const doc = w.doc;
  doc.save();
  doc.lineWidth(1).strokeColor(style.color);
  if (style.dash) doc.dash(style.dash[0], { space: style.dash[1] });
  // a missing offer breaks the line rather than bridging the gap
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (a !== null && b !== null) doc.moveTo(xOf(i - 1), yOf(a)).lineTo(xOf(i), yOf(b)).stroke();
  }
  doc.undash();
  values.forEach((v, i) => {
    if (v !== null) drawMarker(w, style, xOf(i), yOf(v));
  });
  doc.restore();
}

function drawMarker(w: Writer, style: SeriesStyle, x: number, y: number): void {
  if (style.marker === 'circle') w.doc.circle(x, y, 1.8).fill(style.color);
  else w.fillRect(x - 1.7, y - 1.7, 3.4, 3.4, style.color);
}

/** Legend entries flow in columns and rows; names wrap inside their column, so 60 suppliers fit. */
function renderLegend(w: Writer, names: string[]): void {
  const columns = names.length <= 4 ? names.length : names.length <= 12 ? 3 : 4;
  const columnWidth = CONTENT_WIDTH / Math.max(columns, 1);
  const swatch = 16;
  const label = { ...STYLE.chartLabel, color: COLOR.text };
  const rows: RowBox[] = [];
  for (let start = 0; start < names.length; start += columns) {
    const entries = names.slice(start, start + columns).map((name, k) => ({ index: start + k, name, k }));
    rows.push({
      x: CONTENT.left,
      width: CONTENT_WIDTH,
      cells: entries.map(({ name, k }) =>
        w.cell(name, CONTENT.left + k * columnWidth + swatch + 4, columnWidth - swatch - 10, label),
      ),
      decorate: (top) => {
        const y = top + 1.5 + lineHeight(label) / 2; // centred on the first line of the name
        for (const { index, k } of entries) {
          drawSwatch(w, seriesStyle(index), CONTENT.left + k * columnWidth, y, swatch);
        }
      },
    });
  }
  flowRows(w, rows, { padY: 1.5 });
}

function drawSwatch(w: Writer, style: SeriesStyle, x: number, y: number, length: number): void {
  const doc = w.doc;
  doc.save();
  doc.lineWidth(1.2).strokeColor(style.color);
  if (style.dash) doc.dash(style.dash[0], { space: style.dash[1] });
  doc.moveTo(x, y).lineTo(x + length, y).stroke();
  doc.undash();
  drawMarker(w, style, x + length / 2, y);
  doc.restore();
}
