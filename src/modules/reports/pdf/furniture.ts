/** Running header and footer, written once the page count is known. */
import { fill } from '../labels/labels';
import type { ReportView } from '../view/report-view';
import { toDrawable } from './fonts';
import { COLOR, CONTENT, CONTENT_WIDTH, FOOTER_TEXT_Y, HEADER_TEXT_Y, STYLE, type TextStyle } from './theme';
import { type Writer, yieldToEventLoop } from './writer';

export async function writePageFurniture(w: Writer, view: ReportView): Promise<void> {
  const range = w.doc.bufferedPageRange();
  const style = STYLE.furniture;
  for (let i = 0; i < range.count; i++) {
    if (i > 0 && i % 10 === 0) await yieldToEventLoop();
    w.doc.switchToPage(range.start + i);
    w.setPageForLog(range.start + i);
    const pageLabel = fill(view.meta.pageLabel, { page: i + 1, pages: range.count });
    writeBand(w, view.meta.headerLeft, view.meta.headerRight, HEADER_TEXT_Y, style, 'below');
    // before the award every page says so, with the stage, in the middle of the header band
    if (view.meta.draft !== null) writeDraftMark(w, view.meta.draft, view.meta.headerLeft);
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
  // the left box is as wide as its text, so a mark between the two texts has room of its own
  const leftBox = Math.min(leftWidth, Math.max(0, ...leftLines.map((line) => w.width(line, style))));
  const height = w.drawLines(leftLines, CONTENT.left, y, leftBox, style);
  w.drawLines([right], CONTENT.right - rightWidth, y, rightWidth, style, 'right');
  const ruleY = rule === 'below' ? y + height + 3 : y - 4;
  w.line(CONTENT.left, ruleY, CONTENT.right, ruleY, 0.5, COLOR.rule);
}

/** The DRAFT mark, centred in the band between the header's texts (the title and reference are short). */
function writeDraftMark(w: Writer, text: string, leftText: string): void {
  const style = STYLE.draftMark;
  const mark = toDrawable(text, style.font);
  const width = w.width(mark, style);
  const afterLeft = CONTENT.left + w.width(toDrawable(leftText, STYLE.furniture.font), STYLE.furniture) + 12;
  w.drawLines([mark], Math.max(CONTENT.left + (CONTENT_WIDTH - width) / 2, afterLeft), HEADER_TEXT_Y, width, style, 'center');
}
