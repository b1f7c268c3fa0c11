import { niceTicks, ReportFormatter } from './format';

describe('ReportFormatter', () => {
  const en = new ReportFormatter('en');
  const es = new ReportFormatter('es');

  it('formats exact decimal amounts with the locale separators, without going through floats', () => {
    // 0.1 + 0.2 style noise would show in the last digit of a 17-digit amount if floats were used
    expect(en.money('12345678901234.565', 'EUR')).toBe('12,345,678,901,234.57 EUR');
    expect(es.money('12345678901234.565', 'EUR')).toBe('12.345.678.901.234,57 EUR');
    expect(en.amount('-1200')).toBe('-1,200.00');
    // the currency's minor units, as in the API (ISO 4217): none for JPY, three for BHD
    expect(en.money('1200', 'JPY')).toBe('1,200 JPY');
    expect(es.money('1234.5', 'BHD')).toBe('1.234,500 BHD');
    expect(en.money('990.2', 'EUR')).toBe('990.20 EUR');
    expect(en.amount('-0.001')).toBe('0.00');
    expect(es.amount('999.5')).toBe('999,50');
  });

  it('formats weights as percentages and weight changes as signed percentage points', () => {
    expect(en.percentOfOne(0.3077)).toBe('30.77%');
    expect(es.percentOfOne(0.3077)).toBe('30,77 %');
    expect(en.percentagePoints(0.2077)).toBe('+20.77 pp');
    expect(en.percentagePoints(-0.0923)).toBe('-9.23 pp');
    expect(en.percentagePoints(0)).toBe('0.00 pp');
    expect(es.percentagePoints(-0.0923)).toBe('-9,23 p.p.');
  });

  it('prints dates and instants in ISO order, in UTC', () => {
    expect(en.date('2026-06-30')).toBe('2026-06-30');
    expect(en.date(new Date('2026-06-30T23:30:00-02:00'))).toBe('2026-07-01');
    expect(es.instant('2026-03-20T16:45:59.000Z')).toBe('2026-03-20 16:45 UTC');
    expect(() => en.instant('not a date')).toThrow(/Invalid date/);
  });

  it('keeps entered quantities and weights as given', () => {
    expect(en.plain('2')).toBe('2');
    expect(en.plain(2.5)).toBe('2.5');
    expect(es.plain('1234.50')).toBe('1.234,5');
  });
});

describe('niceTicks', () => {
  it('covers the range with 1-2-5 steps', () => {
    expect(niceTicks(80908, 138144)).toEqual([80000, 100000, 120000, 140000]);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('widens a degenerate range instead of dividing by zero', () => {
    const ticks = niceTicks(500, 500);
    expect(ticks[0]).toBeLessThan(500);
    expect(ticks[ticks.length - 1]).toBeGreaterThan(500);
  });
});
