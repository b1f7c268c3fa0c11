import { DEFAULT_RELIABILITY_POLICY, reliabilityScore, type ReliabilityInput, type ReliabilityPolicy } from './index';

// Defaults: halfLife 365 days, k = 5, p0 = 0.5 (so k·p0 = 2.5), severity 0.5/1/2,
// weights otif 0.5, quality 0.3, certifications 0.1, financial 0.1.
const AS_OF = '2025-06-30';
const ONE_YEAR_AGO = '2024-06-30'; // 365 days: Feb 2025 has no leap day
const TWO_YEARS_AGO = '2023-07-01'; // 730 days: 366 + 364, across 29 Feb 2024
const DIGITS = 12;

function record(overrides: Partial<ReliabilityInput> = {}): ReliabilityInput {
  return {
    asOf: AS_OF,
    deliveries: [],
    incidents: [],
    certifications: [],
    financialRisk: 0,
    ...overrides,
  };
}

function deliveries(count: number, date: string, onTimeInFull: number) {
  return Array.from({ length: count }, (_, i) => ({
    date,
    onTime: i < onTimeInFull,
    inFull: true,
  }));
}

describe('reliabilityScore', () => {
  it('no history: otif and quality are the prior p0 = 0.5', () => {
    const result = reliabilityScore(record({ financialRisk: 0.2 }));

    // otif    = (0 + 2.5) / (0 + 5) = 0.5
    // quality = (max(0, 0 − 0) + 2.5) / (0 + 5) = 0.5
    // certs   = 0 (none listed), fin = 1 − 0.2 = 0.8
    // score   = 100 · (0.5·0.5 + 0.3·0.5 + 0.1·0 + 0.1·0.8) = 100 · 0.48 = 48
    expect(result.parts.otif).toBeCloseTo(0.5, DIGITS);
    expect(result.parts.quality).toBeCloseTo(0.5, DIGITS);
    expect(result.parts.certifications).toBe(0);
    expect(result.parts.financial).toBeCloseTo(0.8, DIGITS);
    expect(result.score).toBeCloseTo(48, DIGITS);
    expect(result.observations).toEqual({
      deliveries: 0,
      incidents: 0,
      weightedDeliveries: 0,
      weightedOnTimeInFull: 0,
      weightedIncidentSeverity: 0,
      certificationsValid: 0,
      certificationsListed: 0,
    });
    expect(result.asOf).toBe(AS_OF);
  });

  it('recency: a delivery dated asOf weighs exactly 1', () => {
    const result = reliabilityScore(record({ deliveries: deliveries(1, AS_OF, 1) }));

    // a = 0 → r = 2^0 = 1; otif = (1 + 2.5) / (1 + 5) = 3.5 / 6 = 0.583333333333…
    expect(result.observations.weightedDeliveries).toBe(1);
    expect(result.parts.otif).toBeCloseTo(0.583333333333, DIGITS);
  });

  it('recency: a delivery 365 days old weighs exactly 0.5', () => {
    const result = reliabilityScore(record({ deliveries: deliveries(1, ONE_YEAR_AGO, 1) }));

    // a = 365 → r = 2^(−365/365) = 0.5
    // otif = (0.5 + 2.5) / (0.5 + 5) = 3 / 5.5 = 0.545454545454…
    expect(result.observations.weightedDeliveries).toBe(0.5);
    expect(result.observations.weightedOnTimeInFull).toBe(0.5);
    expect(result.parts.otif).toBeCloseTo(0.545454545455, DIGITS);
  });

  it('recency: a delivery 730 days old, across a leap day, weighs exactly 0.25', () => {
    const result = reliabilityScore(record({ deliveries: deliveries(1, TWO_YEARS_AGO, 1) }));

    // 2023-07-01 → 2025-06-30 = 366 + 364 = 730 days → r = 2^(−2) = 0.25
    // otif = (0.25 + 2.5) / (0.25 + 5) = 2.75 / 5.25 = 0.523809523809…
    expect(result.observations.weightedDeliveries).toBe(0.25);
    expect(result.parts.otif).toBeCloseTo(0.52380952381, DIGITS);
  });

  it('recency: a delivery 73 days old weighs 2^(−0.2)', () => {
    const result = reliabilityScore(record({ deliveries: deliveries(1, '2025-04-18', 1) }));

    // 2025-04-18 → 2025-06-30 = 12 + 31 + 30 = 73 days → r = 2^(−73/365) = 2^(−0.2)
    //   = 0.870550563296124
    expect(result.observations.weightedDeliveries).toBeCloseTo(0.870550563296124, DIGITS);
  });

  it('shrinkage: one perfect delivery scores below fifty deliveries at 96% on time', () => {
    const onePerfect = reliabilityScore(record({ deliveries: deliveries(1, AS_OF, 1) }));
    const fiftyAt96 = reliabilityScore(record({ deliveries: deliveries(50, AS_OF, 48) }));

    // one perfect (raw rate 100%), all r = 1, no certs, fin = 1:
    //   otif    = (1 + 2.5) / (1 + 5) = 3.5 / 6 = 0.583333333333…
    //   quality = (1 + 2.5) / (1 + 5) = 0.583333333333…
    //   score   = 100 · (0.5·0.58333… + 0.3·0.58333… + 0.1) = 100 · (0.8 · 3.5/6 + 0.1)
    //           = 56.666666666667
    expect(onePerfect.parts.otif).toBeCloseTo(0.583333333333, DIGITS);
    expect(onePerfect.parts.quality).toBeCloseTo(0.583333333333, DIGITS);
    expect(onePerfect.score).toBeCloseTo(56.666666666667, 9);

    // fifty, 48 on time and in full (raw rate 96%):
    //   otif    = (48 + 2.5) / (50 + 5) = 50.5 / 55 = 0.918181818181…
    //   quality = (50 + 2.5) / (50 + 5) = 52.5 / 55 = 0.954545454545…
    //   score   = 100 · ((0.5·50.5 + 0.3·52.5) / 55 + 0.1) = 100 · (41 / 55 + 0.1)
    //           = 84.545454545455
    expect(fiftyAt96.parts.otif).toBeCloseTo(0.918181818182, DIGITS);
    expect(fiftyAt96.parts.quality).toBeCloseTo(0.954545454545, DIGITS);
    expect(fiftyAt96.score).toBeCloseTo(84.545454545455, 9);

    expect(onePerfect.score).toBeLessThan(fiftyAt96.score);
  });

  it('incidents: a minor incident costs half a delivery of quality', () => {
    const result = reliabilityScore(
      record({
        deliveries: deliveries(10, AS_OF, 10),
        incidents: [{ date: AS_OF, severity: 'minor' }],
      }),
    );

    // Σ r·s = 1 · 0.5 = 0.5; quality = (10 − 0.5 + 2.5) / (10 + 5) = 12 / 15 = 0.8
    // otif is untouched by incidents: (10 + 2.5) / 15 = 0.833333333333…
    expect(result.observations.weightedIncidentSeverity).toBe(0.5);
    expect(result.parts.quality).toBeCloseTo(0.8, DIGITS);
    expect(result.parts.otif).toBeCloseTo(0.833333333333, DIGITS);
  });

  it('incidents: a major incident costs one delivery of quality', () => {
    const result = reliabilityScore(
      record({
        deliveries: deliveries(10, AS_OF, 10),
        incidents: [{ date: AS_OF, severity: 'major' }],
      }),
    );

    // Σ r·s = 1 · 1 = 1; quality = (10 − 1 + 2.5) / 15 = 11.5 / 15 = 0.766666666666…
    expect(result.observations.weightedIncidentSeverity).toBe(1);
    expect(result.parts.quality).toBeCloseTo(0.766666666667, DIGITS);
  });

  it('incidents: a critical incident costs two deliveries of quality', () => {
    const result = reliabilityScore(
      record({
        deliveries: deliveries(10, AS_OF, 10),
        incidents: [{ date: AS_OF, severity: 'critical' }],
      }),
    );

    // Σ r·s = 1 · 2 = 2; quality = (10 − 2 + 2.5) / 15 = 10.5 / 15 = 0.7
    expect(result.observations.weightedIncidentSeverity).toBe(2);
    expect(result.parts.quality).toBeCloseTo(0.7, DIGITS);
  });

  it('incidents: a critical incident a year old costs as much as a major one today', () => {
    const result = reliabilityScore(
      record({
        deliveries: deliveries(10, AS_OF, 10),
        incidents: [{ date: ONE_YEAR_AGO, severity: 'critical' }],
      }),
    );

    // Σ r·s = 0.5 · 2 = 1; quality = (10 − 1 + 2.5) / 15 = 11.5 / 15 = 0.766666666666…
    expect(result.observations.weightedIncidentSeverity).toBe(1);
    expect(result.parts.quality).toBeCloseTo(0.766666666667, DIGITS);
  });

  it('incidents: quality is clamped at max(0, …) when incidents outweigh deliveries', () => {
    const result = reliabilityScore(
      record({
        deliveries: deliveries(2, AS_OF, 2),
        incidents: [
          { date: AS_OF, severity: 'critical' },
          { date: AS_OF, severity: 'critical' },
        ],
      }),
    );

    // Σ r = 2, Σ r·s = 2 + 2 = 4 → max(0, 2 − 4) = 0
    // quality = (0 + 2.5) / (2 + 5) = 2.5 / 7 = 0.357142857142…
    //   (unclamped it would be (−2 + 2.5) / 7 = 0.0714…)
    expect(result.observations.weightedIncidentSeverity).toBe(4);
    expect(result.parts.quality).toBeCloseTo(0.357142857143, DIGITS);
  });

  it('certifications: one expiring on asOf is valid, one expired the day before is not', () => {
    const result = reliabilityScore(
      record({
        certifications: [
          { name: 'ISO 9001', issuedOn: '2022-07-01', expiresOn: AS_OF },
          { name: 'ISO 14001', issuedOn: '2022-06-30', expiresOn: '2025-06-29' },
        ],
      }),
    );

    // valid: ISO 9001 (expiry inclusive); expired: ISO 14001 → 1 / 2 = 0.5
    expect(result.observations.certificationsValid).toBe(1);
    expect(result.observations.certificationsListed).toBe(2);
    expect(result.parts.certifications).toBeCloseTo(0.5, DIGITS);
  });

  it('certifications: one issued after asOf is not yet valid, one issued on asOf is', () => {
    const result = reliabilityScore(
      record({
        certifications: [
          { name: 'ISO 45001', issuedOn: AS_OF, expiresOn: '2028-06-29' },
          { name: 'IATF 16949', issuedOn: '2025-07-01', expiresOn: '2028-06-30' },
        ],
      }),
    );

    // valid: ISO 45001 (issue date inclusive); not yet issued: IATF 16949 → 1 / 2 = 0.5
    expect(result.observations.certificationsValid).toBe(1);
    expect(result.parts.certifications).toBeCloseTo(0.5, DIGITS);
  });

  it('certifications: a null issue date counts as issued, a null expiry as never expiring', () => {
    const result = reliabilityScore(
      record({
        certifications: [
          { name: 'SA8000', issuedOn: null, expiresOn: null },
          { name: 'ISO 27001', issuedOn: null, expiresOn: '2024-12-31' },
          { name: 'EMAS', issuedOn: '2026-01-01', expiresOn: null },
          { name: 'ISO 50001', issuedOn: '2020-01-01', expiresOn: null },
        ],
      }),
    );

    // valid: SA8000, ISO 50001; expired: ISO 27001; not yet issued: EMAS → 2 / 4 = 0.5
    expect(result.observations.certificationsValid).toBe(2);
    expect(result.observations.certificationsListed).toBe(4);
    expect(result.parts.certifications).toBeCloseTo(0.5, DIGITS);
  });

  it('asOf in the past: deliveries, incidents and certifications dated later are ignored', () => {
    const past = record({
      deliveries: [
        { date: '2025-01-01', onTime: true, inFull: true },
        { date: '2025-07-01', onTime: false, inFull: false },
      ],
      incidents: [{ date: '2025-07-01', severity: 'critical' }],
      certifications: [{ name: 'ISO 9001', issuedOn: '2025-07-01', expiresOn: null }],
    });
    const result = reliabilityScore(past);

    // counted: the 2025-01-01 delivery only, a = 31 + 28 + 31 + 30 + 31 + 29 = 180 days,
    //   r = 2^(−180/365) = 0.710471811183…; no incident counted;
    //   the certification is not yet issued → certs 0
    // otif = quality = (r + 2.5) / (r + 5) = 3.210471811183 / 5.710471811183 = 0.562207803022…
    expect(result.observations.deliveries).toBe(1);
    expect(result.observations.incidents).toBe(0);
    expect(result.observations.weightedIncidentSeverity).toBe(0);
    expect(result.observations.certificationsValid).toBe(0);
    expect(result.observations.weightedDeliveries).toBeCloseTo(0.710471811183, DIGITS);
    expect(result.parts.otif).toBeCloseTo(0.562207803022, DIGITS);
    expect(result.parts.quality).toBeCloseTo(0.562207803022, DIGITS);
    // the same as a record that never had the later events
    expect(result).toEqual(
      reliabilityScore(
        record({
          deliveries: [{ date: '2025-01-01', onTime: true, inFull: true }],
          certifications: [{ name: 'ISO 9001', issuedOn: '2025-07-01', expiresOn: null }],
        }),
      ),
    );
  });

  it('financial: fin = 1 − financial risk, weighted 0.1', () => {
    const result = reliabilityScore(record({ financialRisk: 0.25 }));

    // fin = 1 − 0.25 = 0.75; no history, no certs:
    // score = 100 · (0.5·0.5 + 0.3·0.5 + 0.1·0 + 0.1·0.75) = 100 · (0.4 + 0.075) = 47.5
    expect(result.parts.financial).toBeCloseTo(0.75, DIGITS);
    expect(result.score).toBeCloseTo(47.5, DIGITS);
  });

  it('worked example: recency, incidents, certifications, financial risk, future events', () => {
    const result = reliabilityScore({
      asOf: AS_OF,
      deliveries: [
        { date: AS_OF, onTime: true, inFull: true }, //          r = 1,    hit
        { date: ONE_YEAR_AGO, onTime: true, inFull: true }, //   r = 0.5,  hit
        { date: ONE_YEAR_AGO, onTime: true, inFull: false }, // r = 0.5,  miss (short)
        { date: TWO_YEARS_AGO, onTime: false, inFull: true }, // r = 0.25, miss (late)
        { date: '2025-07-15', onTime: true, inFull: true }, //   after asOf: ignored
      ],
      incidents: [
        { date: AS_OF, severity: 'minor' }, //          1 · 0.5 = 0.5
        { date: ONE_YEAR_AGO, severity: 'critical' }, // 0.5 · 2 = 1
        { date: '2025-08-01', severity: 'major' }, //     after asOf: ignored
      ],
      certifications: [
        { name: 'ISO 9001', issuedOn: '2022-07-01', expiresOn: AS_OF }, //    valid
        { name: 'ISO 14001', issuedOn: '2022-06-29', expiresOn: '2025-06-29' }, // expired
        { name: 'IATF 16949', issuedOn: '2025-07-01', expiresOn: null }, //  not yet issued
        { name: 'SA8000', issuedOn: null, expiresOn: null }, //              valid
      ],
      financialRisk: 0.3,
    });

    // Σ r        = 1 + 0.5 + 0.5 + 0.25 = 2.25
    // Σ r·[OTIF] = 1 + 0.5             = 1.5
    // Σ r·s      = 0.5 + 1             = 1.5
    // otif    = (1.5 + 2.5) / (2.25 + 5)              = 4 / 7.25    = 16/29 = 0.551724137931…
    // quality = (max(0, 2.25 − 1.5) + 2.5) / 7.25     = 3.25 / 7.25 = 13/29 = 0.448275862068…
    // certs   = 2 / 4 = 0.5;  fin = 1 − 0.3 = 0.7
    // score   = 100 · (0.5·16/29 + 0.3·13/29 + 0.1·0.5 + 0.1·0.7)
    //         = 100 · (11.9/29 + 0.12) = 100 · (0.410344827586… + 0.12) = 53.034482758621
    expect(result.observations).toEqual({
      deliveries: 4,
      incidents: 2,
      weightedDeliveries: 2.25,
      weightedOnTimeInFull: 1.5,
      weightedIncidentSeverity: 1.5,
      certificationsValid: 2,
      certificationsListed: 4,
    });
    expect(result.parts.otif).toBeCloseTo(0.551724137931, DIGITS);
    expect(result.parts.quality).toBeCloseTo(0.448275862069, DIGITS);
    expect(result.parts.certifications).toBeCloseTo(0.5, DIGITS);
    expect(result.parts.financial).toBeCloseTo(0.7, DIGITS);
    expect(result.score).toBeCloseTo(53.034482758621, 9);
  });

  it('policy: every constant comes from the policy', () => {
    const policy: ReliabilityPolicy = {
      halfLifeDays: 30,
      priorStrength: 1,
      priorMean: 0,
      severity: { minor: 1, major: 2, critical: 4 },
      weights: { otif: 0.25, quality: 0.25, certifications: 0.25, financial: 0.25 },
    };
    const result = reliabilityScore(
      record({
        deliveries: [
          { date: '2025-05-31', onTime: true, inFull: true }, // 30 days: r = 0.5, hit
          { date: AS_OF, onTime: false, inFull: true }, //        r = 1, miss
        ],
        incidents: [{ date: AS_OF, severity: 'minor' }], //     1 · 1 = 1
        certifications: [{ name: 'ISO 9001', issuedOn: null, expiresOn: null }],
        financialRisk: 0.5,
      }),
      policy,
    );

    // k·p0 = 0; Σ r = 1.5; otif = 0.5 / (1.5 + 1) = 0.2; quality = (1.5 − 1) / 2.5 = 0.2
    // score = 100 · 0.25 · (0.2 + 0.2 + 1 + 0.5) = 25 · 1.9 = 47.5
    expect(result.parts.otif).toBeCloseTo(0.2, DIGITS);
    expect(result.parts.quality).toBeCloseTo(0.2, DIGITS);
    expect(result.score).toBeCloseTo(47.5, DIGITS);
  });

  it('default policy: the published constants', () => {
    expect(DEFAULT_RELIABILITY_POLICY).toEqual({
      halfLifeDays: 365,
      priorStrength: 5,
      priorMean: 0.5,
      severity: { minor: 0.5, major: 1, critical: 2 },
      weights: { otif: 0.5, quality: 0.3, certifications: 0.1, financial: 0.1 },
    });
  });

  it('a long record: 5,000 daily deliveries sum as a geometric series', () => {
    const asOfMs = Date.UTC(2025, 5, 30);
    const daily = Array.from({ length: 5000 }, (_, a) => ({
      date: new Date(asOfMs - a * 86_400_000).toISOString().slice(0, 10),
      onTime: true,
      inFull: true,
    }));
    const result = reliabilityScore(record({ deliveries: daily }));

    // Σ_{a=0}^{4999} q^a with q = 2^(−1/365): (1 − q^5000) / (1 − q) = 527.044203842250
    // otif = (527.044203842250 + 2.5) / (527.044203842250 + 5) = 0.995301142307…
    expect(result.observations.deliveries).toBe(5000);
    expect(result.observations.weightedDeliveries).toBeCloseTo(527.04420384225, 9);
    expect(result.parts.otif).toBeCloseTo(0.9953011423075, DIGITS);
  });

  it.each([
    ['asOf', record({ asOf: '2025-02-29' }), 'asOf'],
    [
      'a one-digit month',
      record({ deliveries: deliveries(1, '2025-6-30', 1) }),
      'deliveries[0].date',
    ],
    [
      'the 31st of June',
      record({ deliveries: deliveries(1, '2025-06-31', 1) }),
      'deliveries[0].date',
    ],
    [
      'a date-time',
      record({ incidents: [{ date: '2025-06-30T00:00:00Z', severity: 'minor' }] }),
      'incidents[0].date',
    ],
    [
      'month 13',
      record({ certifications: [{ name: 'ISO 9001', issuedOn: '2025-13-01', expiresOn: null }] }),
      'certifications[0].issuedOn',
    ],
    [
      'an empty expiry',
      record({ certifications: [{ name: 'ISO 9001', issuedOn: null, expiresOn: '' }] }),
      'certifications[0].expiresOn',
    ],
  ])('invalid date: %s is refused with an Error naming the field', (_, input, field) => {
    expect(() => reliabilityScore(input)).toThrow(`${field}: invalid date`);
  });

  it('29 February is a date in a leap year', () => {
    const result = reliabilityScore(
      record({ asOf: '2024-03-01', deliveries: deliveries(1, '2024-02-29', 1) }),
    );

    // a = 1 → r = 2^(−1/365) = 0.998102768652…
    expect(result.observations.weightedDeliveries).toBeCloseTo(0.998102768652, DIGITS);
  });

  it('an unknown severity is refused', () => {
    const input = record({
      incidents: [{ date: AS_OF, severity: 'catastrophic' as unknown as 'critical' }],
    });
    expect(() => reliabilityScore(input)).toThrow('incidents[0].severity: unknown severity');
  });

  it('a financial risk outside 0–1 is refused', () => {
    expect(() => reliabilityScore(record({ financialRisk: 1.5 }))).toThrow(
      'financialRisk must be between 0 and 1',
    );
  });
});
