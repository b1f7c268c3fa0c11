/** Running header and footer, written once the page count is known. */
import { fill } from '../labels/labels';
import type { ReportView } from '../view/report-view';
import { toDrawable } from './fonts';
import { COLOR, CONTENT, CONTENT_WIDTH, FOOTER_TEXT_Y, HEADER_TEXT_Y, STYLE, type TextStyle } from './theme';
import type { Writer } from './writer';

export function writePageFurniture(w: Writer, view: ReportView): void {
  const range = w.doc.bufferedPageRange();
  const style = STYLE.furniture;
  for (let i = 0; i < range.count; i++) {
    w.doc.switchToPage(range.start + i);
    w.setPageForLog(range.start + i);
    const pageLabel = fill(view.meta.pageLabel, { page: i + 1, pages: range.count });
    writeBand(w, view.meta.headerLeft, view.meta.headerRight, HEADER_TEXT_Y, style, 'below');
    writeBand(w, view.meta.footerLeft, pageLabel, FOOTER_TEXT_Y, style, 'above');
  }
}

/** A left and a right text on one band, with a rule separating the band from the content. */
function writeBand(
  w: Writer,
  leftText: string,
  rightText: string,
  y: number,
  style: TextStyle,
  rule: 'above' | 'below',
): void {
  const right = toDrawable(rightText, style.font);
  const rightWidth = w.width(right, style);
  const leftWidth = CONTENT_WIDTH - rightWidth - 16;
  const leftLines = w.wrap(leftText, leftWidth, style);
  const height = w.drawLines(leftLines, CONTENT.left, y, leftWidth, style);
  w.drawLines([right], CONTENT.right - rightWidth, y, rightWidth, style, 'right');
  const ruleY = rule === 'below' ? y + height + 3 : y - 4;
  w.line(CONTENT.left, ruleY, CONTENT.right, ruleY, 0.5, COLOR.rule);
}
