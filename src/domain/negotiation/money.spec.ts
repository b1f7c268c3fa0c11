import { compareAmounts, concession, convertToBase, lineItemsTotal, normalizeAmount, sameAmount } from './money';

describe('negotiation money', () => {
  it('converts exactly where binary floats are wrong', () => {
    // 100 USD at 1.15 EUR/USD: floats give 114.99999999999999, the exact product is 115
    expect(100 * 1.15).not.toBe(115);
    expect(convertToBase('100', 'USD', 'EUR', '1.15')).toBe('115');
    // 1.1 × 1.1: floats give 1.2100000000000002
    expect(1.1 * 1.1).not.toBe(1.21);
    expect(convertToBase('1.1', 'USD', 'EUR', '1.1')).toBe('1.21');
    expect(convertToBase('3.3', 'USD', 'EUR', '1.1')).toBe('3.63');
  });

  it('keeps the base currency unchanged and gives null without a rate', () => {
    expect(convertToBase('1200.5000', 'EUR', 'EUR', undefined)).toBe('1200.5');
    expect(convertToBase('10', 'USD', 'EUR', null)).toBeNull();
  });

  it('rounds converted totals to 4 decimals half-to-even', () => {
    // 1.0001 × 0.5 = 0.50005: the digit before the half is 0 (even) → 0.5000; half-up would say 0.5001
    expect(convertToBase('1.0001', 'USD', 'EUR', '0.5')).toBe('0.5');
    // 1.0003 × 0.5 = 0.50015: the digit before the half is 1 (odd) → 0.5002
    expect(convertToBase('1.0003', 'USD', 'EUR', '0.5')).toBe('0.5002');
    // 1234567890123456.7891 × 0.9215634127 = 1137732598032011.46288398016157 exactly → 4 decimals (a double keeps ~16 digits)
    expect(convertToBase('1234567890123456.7891', 'USD', 'EUR', '0.9215634127')).toBe('1137732598032011.4629');
  });

  it('computes concessions as previous − current, null when either is unknown', () => {
    expect(concession('1000', '950.5')).toBe('49.5');
    expect(concession('950', '1000')).toBe('-50');
    expect(concession(null, '10')).toBeNull();
    expect(concession('10', null)).toBeNull();
    expect(concession(undefined, '10')).toBeNull();
  });

  it('adds line items exactly: 0.1 + 0.2 is 0.3', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    const total = lineItemsTotal([
      { description: 'a', quantity: '1', unitPrice: '0.1' },
      { description: 'b', quantity: '1', unitPrice: '0.2' },
    ]);
    expect(total).toBe('0.3');
    expect(sameAmount(total, '0.30')).toBe(true);
    expect(lineItemsTotal([{ description: 'c', quantity: '3', unitPrice: '33.3333' }])).toBe('99.9999');
  });

  it('normalizes and orders amounts, null last', () => {
    expect(normalizeAmount('0012.3400')).toBe('12.34');
    expect(['10', null, '9.5', '100'].sort(compareAmounts)).toEqual(['9.5', '10', '100', null]);
  });
});
