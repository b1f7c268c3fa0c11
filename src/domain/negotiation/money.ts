import Decimal from 'decimal.js';

/**
 * Exact money arithmetic of the negotiation: conversion to the case's base currency, concessions
 * and line-item totals. Pure; decimal.js with its own configuration so no caller can change it.
 */
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -100, toExpPos: 100 });

/** Converted amounts keep the 4 decimals that numeric(20,4) stores. */
export const CONVERTED_DECIMALS = 4;

/**
 * totalPrice in the base currency. Rule: `convertedTotal = totalPrice × rate`, rounded to 4
 * decimals half-to-even (banker's rounding); the same currency is returned unchanged; with no
 * rate for a foreign currency the result is null (the offer is kept, the round cannot close).
 */
export function convertToBase(totalPrice: string, currency: string, baseCurrency: string, rate: string | null | undefined): string | null {
  if (currency === baseCurrency) return new D(totalPrice).toFixed();
  if (rate === null || rate === undefined) return null;
  return new D(totalPrice).times(rate).toDecimalPlaces(CONVERTED_DECIMALS, D.ROUND_HALF_EVEN).toFixed();
}

/**
 * The concession of a supplier between two rounds: what it came down, in the base currency
 * (`previous − current`; positive means cheaper now). Null when either side is unknown.
 */
export function concession(previousConverted: string | null | undefined, currentConverted: string | null | undefined): string | null {
  if (previousConverted === null || previousConverted === undefined) return null;
  if (currentConverted === null || currentConverted === undefined) return null;
  return new D(previousConverted).minus(currentConverted).toFixed();
}

export interface LineItem {
  description: string;
  quantity: string;
  unitPrice: string;
}

/** Σ quantity × unitPrice, exact. */
export function lineItemsTotal(items: readonly LineItem[]): string {
  return items.reduce((sum, item) => sum.plus(new D(item.quantity).times(item.unitPrice)), new D(0)).toFixed();
}

/** The shortest exact decimal string: "1200.5000" → "1200.5". */
export function normalizeAmount(value: string): string {
  return new D(value).toFixed();
}

/** Whether two decimal strings denote the same number ("10.50" equals "10.5"). */
export function sameAmount(a: string, b: string): boolean {
  return new D(a).equals(b);
}

/** Ascending by amount; null (no rate yet) sorts last. */
export function compareAmounts(a: string | null, b: string | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return new D(a).comparedTo(b);
}
