import Decimal from 'decimal.js';
import { amountIn } from '../domain/money';

// amounts are exact decimals everywhere: 40 significant digits is far more than numeric(20,4) holds
Decimal.set({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/**
 * An amount in JSON, by the one rule of src/domain/money.ts: exact, with its currency's minor
 * units ("990.20" EUR, "990" JPY) and any further digit it holds. Every answer's amounts go here.
 */
export function money(value: string | Decimal, currency: string): string;
export function money(value: string | Decimal | null | undefined, currency: string): string | null;
export function money(value: string | Decimal | null | undefined, currency: string): string | null {
  if (value === null || value === undefined) return null;
  return amountIn(value, currency);
}

/** A decimal that is not money (a quantity) in JSON: exact, without exponent or trailing zeros ("1200.5"). */
export function exactDecimal(value: string | Decimal): string;
export function exactDecimal(value: string | Decimal | null | undefined): string | null;
export function exactDecimal(value: string | Decimal | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return new Decimal(value).toFixed();
}

/** Up to 16 integer digits and 4 decimals, positive or zero: what numeric(20,4) can hold exactly. */
export const DECIMAL_STRING = /^(0|[1-9]\d{0,15})(\.\d{1,4})?$/;
export const DECIMAL_MESSAGE = 'must be a decimal string with at most 16 integer digits and 4 decimals, e.g. "1250.50"';

export { Decimal };
