import Decimal from 'decimal.js';

/**
 * How an amount leaves the service (README "Money"): an exact decimal string that keeps its
 * currency's minor units (ISO 4217: "990.20" EUR, "990" JPY, "990.200" BHD) and every further
 * digit it holds (a converted total "1234.5678" EUR stays so), never rounded, never in exponent
 * form. Every amount in an answer is written by this one rule.
 */
const D = Decimal.clone({ precision: 60, toExpNeg: -100, toExpPos: 100 });

/**
 * ISO 4217 minor units of the codes whose exponent is not 2. Codes without a minor unit in the
 * standard (gold, SDR, testing codes: "N.A.") show no forced decimals.
 */
const MINOR_UNITS: Readonly<Record<string, number>> = Object.freeze({
  // 0
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  // 3
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  // 4
  CLF: 4, UYW: 4,
  // N.A.
  XAG: 0, XAU: 0, XBA: 0, XBB: 0, XBC: 0, XBD: 0, XDR: 0, XPD: 0, XPT: 0, XSU: 0, XTS: 0, XUA: 0, XXX: 0,
});

/** The number of decimals of the currency's minor unit (2 unless ISO 4217 says otherwise). */
export function minorUnits(currency: string): number {
  return MINOR_UNITS[currency.toUpperCase()] ?? 2;
}

/** The amount as a decimal string with at least the currency's minor units and no trailing zero beyond them. */
export function amountIn(value: string | Decimal, currency: string): string {
  const d = new D(value);
  return d.toFixed(Math.max(minorUnits(currency), d.decimalPlaces()));
}
