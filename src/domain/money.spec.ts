import { amountIn, minorUnits } from './money';

describe('amounts in their currency (ISO 4217 minor units)', () => {
  it('keeps the minor units of the currency: "990.20" EUR, "990" JPY, "990.200" BHD', () => {
    expect(amountIn('990.2', 'EUR')).toBe('990.20');
    expect(amountIn('990.2000', 'EUR')).toBe('990.20');
    expect(amountIn('990', 'JPY')).toBe('990');
    expect(amountIn('990.0000', 'JPY')).toBe('990');
    expect(amountIn('990.2', 'BHD')).toBe('990.200');
    expect(amountIn('1', 'CLF')).toBe('1.0000');
  });

  it('never rounds: digits beyond the minor unit that the amount holds stay', () => {
    expect(amountIn('1234.5678', 'EUR')).toBe('1234.5678');
    expect(amountIn('990.5', 'JPY')).toBe('990.5');
    expect(amountIn('0.0001', 'USD')).toBe('0.0001');
  });

  it('writes no exponent for large or tiny amounts, and keeps the sign', () => {
    expect(amountIn('1e21', 'EUR')).toBe('1000000000000000000000.00');
    expect(amountIn('-12.5', 'EUR')).toBe('-12.50');
  });

  it('knows the exponents that are not 2, and treats codes without a minor unit as 0', () => {
    expect([minorUnits('JPY'), minorUnits('KRW'), minorUnits('BHD'), minorUnits('KWD'), minorUnits('EUR'), minorUnits('USD'), minorUnits('XAU')]).toEqual([0, 0, 3, 3, 2, 2, 0]);
  });
});
