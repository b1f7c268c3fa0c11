import Decimal from 'decimal.js';

import { minorUnits } from '../../../domain/money';
import { NUMBER_CONVENTIONS, type Labels, type ReportLang } from '../labels/labels';
import type { DecimalString, Instant } from './report-source';

/** Locale-aware formatting of exact decimals, percentages and instants (all UTC, ISO order). */
export class ReportFormatter {
  private readonly convention;

  constructor(readonly lang: ReportLang) {
    this.convention = NUMBER_CONVENTIONS[lang];
  }

  /** Fixed decimals with grouping; goes through decimal.js so money never touches binary floats. */
  decimal(value: Decimal.Value, decimals: number): string {
    const fixed = new Decimal(value).toFixed(decimals);
    const negative = fixed.startsWith('-') && /[1-9]/.test(fixed);
    const [intPart, fraction] = fixed.replace('-', '').split('.');
    const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, this.convention.group);
    const body = fraction === undefined ? grouped : `${grouped}${this.convention.decimal}${fraction}`;
    return negative ? `-${body}` : body;
  }

  amount(value: Decimal.Value): string {
    return this.decimal(value, 2);
  }

  /** An amount in its currency's minor units (ISO 4217, the API's rule): "1,200.00 EUR", "1,200 JPY", "1,200.000 BHD". */
  money(value: Decimal.Value, currency: string): string {
    return `${this.decimal(value, minorUnits(currency))} ${currency}`;
  }

  /** A 0-1 fraction as a percentage ("25.00%" / "25,00 %"). */
  percentOfOne(fraction: number, decimals = 2): string {
    return this.percentValue(fraction * 100, decimals);
  }

  /** A value already on the 0-100 scale. */
  percentValue(value: number, decimals = 1): string {
    return `${this.decimal(value, decimals)}${this.convention.percentSuffix}`;
  }

  /** A change of a 0-1 weight, shown in signed percentage points. */
  percentagePoints(delta: number, decimals = 2): string {
    const text = this.decimal(delta * 100, decimals);
    const sign = /^-/.test(text) || /^0([.,]0*)?$/.test(text) ? '' : '+';
    return `${sign}${text}${this.convention.pointsSuffix}`;
  }

  /** Whole numbers without decimals, others with up to `decimals` (trailing zeros kept for alignment). */
  number(value: number, decimals = 2): string {
    return this.decimal(value, Number.isInteger(value) ? 0 : decimals);
  }

  /** Trims trailing zeros: for user-entered quantities and weights ("2.5", not "2.5000"). */
  plain(value: DecimalString | number): string {
    const d = new Decimal(value);
    return this.decimal(d, d.decimalPlaces());
  }

  date(value: Instant): string {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    return toDate(value).toISOString().slice(0, 10);
  }

  instant(value: Instant): string {
    const iso = toDate(value).toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  }

  yesNo(value: boolean, labels: Labels): string {
    return value ? labels.yes : labels.no;
  }
}

export function toDate(value: Instant): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Invalid date in report source: ${String(value)}`);
  return date;
}

/** Round-number axis ticks (steps of 1, 2 or 5 × 10^n) covering [min, max]. */
export function niceTicks(min: number, max: number, target = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    return niceTicks(min - pad, max + pad, target);
  }
  const rough = (max - min) / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; v < max + step - step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}
