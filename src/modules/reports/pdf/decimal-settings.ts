import Decimal from 'decimal.js';

/**
 * decimal.js's settings, which the view's number formatting reads: the service sets its own (40
 * digits, half to even) on its main thread, and a view built in a render worker must round as one
 * built there: the pool sends them with every source.
 */
export type DecimalSettings = Pick<Decimal.Config, 'precision' | 'rounding' | 'toExpNeg' | 'toExpPos' | 'minE' | 'maxE' | 'modulo'>;

export function decimalSettings(): DecimalSettings {
  const { precision, rounding, toExpNeg, toExpPos, minE, maxE, modulo } = Decimal;
  return { precision, rounding, toExpNeg, toExpPos, minE, maxE, modulo };
}
