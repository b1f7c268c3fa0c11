/** Page geometry, colours and type of the report. */
import type { FontName } from './fonts';

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN_X = 50;

/** Where anything may be drawn (the header and footer bands sit inside it, above/below the content). */
export const PRINTABLE = { left: MARGIN_X, right: A4.width - MARGIN_X, top: 20, bottom: A4.height - 20 };
/** Where the flowing content goes. */
export const CONTENT = { left: MARGIN_X, right: A4.width - MARGIN_X, top: 66, bottom: A4.height - 62 };
export const CONTENT_WIDTH = CONTENT.right - CONTENT.left;

export const HEADER_TEXT_Y = 30;
export const FOOTER_TEXT_Y = A4.height - 46;

export interface TextStyle {
  font: FontName;
  size: number;
  color: string;
}

export const COLOR = {
  text: '#1f2328',
  muted: '#5f6b7a',
  accent: '#1f4e79',
  rule: '#c9d1db',
  faint: '#e6eaef',
  headerFill: '#eef2f7',
  strongFill: '#f1f7ea',
  bar: '#8fb0cf',
  danger: { fill: '#fdecea', bar: '#c0392b', text: '#7d1a10' },
  warning: { fill: '#fff4e0', bar: '#e08e0b', text: '#6b4300' },
  ok: { fill: '#e9f6ec', bar: '#2e7d32', text: '#1b4d1f' },
};

export const STYLE = {
  body: { font: 'Sans', size: 9, color: COLOR.text },
  muted: { font: 'Sans-Oblique', size: 8.5, color: COLOR.muted },
  label: { font: 'Sans-Bold', size: 9, color: COLOR.muted },
  // a SHA-256 in hex (64 characters) fits one line beside a field label at this size
  mono: { font: 'Mono', size: 8, color: COLOR.text },
  sectionTitle: { font: 'Sans-Bold', size: 14, color: COLOR.accent },
  heading: { font: 'Sans-Bold', size: 10.5, color: COLOR.text },
  furniture: { font: 'Sans', size: 7.5, color: COLOR.muted },
  draftMark: { font: 'Sans-Bold', size: 7.5, color: COLOR.danger.bar },
  chartLabel: { font: 'Sans', size: 7, color: COLOR.muted },
  coverKicker: { font: 'Sans', size: 11, color: COLOR.muted },
  coverReference: { font: 'Sans-Bold', size: 13, color: COLOR.accent },
  coverTitle: { font: 'Sans-Bold', size: 22, color: COLOR.text },
  coverLabel: { font: 'Sans-Bold', size: 9.5, color: COLOR.muted },
  coverValue: { font: 'Sans', size: 10, color: COLOR.text },
  coverMono: { font: 'Mono', size: 8.5, color: COLOR.text },
} satisfies Record<string, TextStyle>;

/** Table type: normal, and a smaller "dense" set for the wide matrix. */
export const TABLE_TYPE = {
  normal: { size: 8, padX: 3, padY: 2.5, textMin: 90 },
  dense: { size: 7, padX: 2.5, padY: 2, textMin: 100 },
};

export const lineHeight = (style: TextStyle): number => style.size * 1.22;
