/**
 * The report's languages, their label tables and number conventions.
 * Every label must be drawable by the report's embedded fonts (the label spec checks it).
 */
import { en, type Labels } from './en';
import { es } from './es';

export type { LabelKey, Labels } from './en';

export const REPORT_LANGS = ['en', 'es'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

export const LABELS: Record<ReportLang, Labels> = { en, es };

/** Replaces `{name}` placeholders; a placeholder without a value is left visible so it gets noticed. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole,
  );
}

/**
 * Number conventions. Spanish uses a decimal comma and a point for thousands (RAE accepts both the
 * point and a space; the point is what Spanish procurement documents use), and a space before "%".
 */
export interface NumberConvention {
  decimal: string;
  group: string;
  percentSuffix: string;
  pointsSuffix: string;
}

export const NUMBER_CONVENTIONS: Record<ReportLang, NumberConvention> = {
  en: { decimal: '.', group: ',', percentSuffix: '%', pointsSuffix: ' pp' },
  es: { decimal: ',', group: '.', percentSuffix: ' %', pointsSuffix: ' p.p.' },
};
