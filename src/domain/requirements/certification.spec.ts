import { certificationStanding, failedRequirements, type Requirement, registryFailures } from '.';

const held = [
  { name: 'ISO 9001', issuedOn: '2020-01-01', expiresOn: '2023-01-01' },
  { name: 'ISO 9001', issuedOn: '2023-01-02', expiresOn: '2025-12-31' },
  { name: 'ISO 14001', issuedOn: '2027-01-01', expiresOn: '2030-01-01' },
];

describe('certificationStanding: the one certification rule', () => {
  it('is valid when one certificate of the name is valid on the day (2024-06-01 lies in 2023-01-02..2025-12-31)', () => {
    expect(certificationStanding('ISO 9001', held, '2024-06-01')).toEqual({ status: 'valid' });
  });

  it('is valid on the expiry date itself and on the issue date itself', () => {
    expect(certificationStanding('ISO 9001', held, '2025-12-31')).toEqual({ status: 'valid' });
    expect(certificationStanding('ISO 9001', held, '2023-01-02')).toEqual({ status: 'valid' });
  });

  it('is expired on the latest expiry of the expired ones (2023-01-01 and 2025-12-31 → 2025-12-31)', () => {
    expect(certificationStanding('ISO 9001', held, '2026-03-01')).toEqual({ status: 'expired', expiredOn: '2025-12-31' });
  });

  it('is not yet valid before the earliest issue date when none has expired', () => {
    expect(certificationStanding('ISO 14001', held, '2026-03-01')).toEqual({ status: 'not_yet_valid', validFrom: '2027-01-01' });
  });

  it('is missing when no certificate has the name', () => {
    expect(certificationStanding('ISO 45001', held, '2026-03-01')).toEqual({ status: 'missing' });
  });

  it('matches the name ignoring case and runs of white space', () => {
    expect(certificationStanding('  iso   9001 ', held, '2024-06-01')).toEqual({ status: 'valid' });
  });

  it('reads jsonb dates given as full timestamps by their calendar date', () => {
    expect(certificationStanding('X', [{ name: 'X', issuedOn: '2024-01-01T00:00:00.000Z', expiresOn: '2024-12-31T00:00:00.000Z' }], '2024-12-31')).toEqual({
      status: 'valid',
    });
  });
});

describe('a requirement value written "ISO  9001" (two spaces)', () => {
  const twoSpaces: Requirement = { id: 'r-iso', text: 'ISO 9001 certified', type: 'certification', value: 'ISO  9001' };
  const registry = [{ name: 'ISO 9001', issuedOn: '2024-01-01', expiresOn: '2027-12-31' }];
  const offer = { leadTimeDays: 10, warrantyMonths: 24, compliance: [{ requirementId: 'r-iso', met: true }] };

  it('passes the registry check (shortlist) and the offer check (matrix) alike when the certificate is valid', () => {
    expect(registryFailures([twoSpaces], registry, '2026-05-01')).toEqual([]);
    expect(failedRequirements([twoSpaces], offer, registry, '2026-05-01')).toEqual([]);
  });

  it('fails both alike once the certificate has expired (2027-12-31 < 2028-01-01)', () => {
    expect(registryFailures([twoSpaces], registry, '2028-01-01')).toHaveLength(1);
    expect(failedRequirements([twoSpaces], offer, registry, '2028-01-01')).toHaveLength(1);
  });
});

describe('a certification requirement that names no certification', () => {
  const unnamed: Requirement = { id: 'r-x', text: 'certified', type: 'certification', value: '  ' };

  it('fails the registry check and the offer check with the same reason', () => {
    const reason = 'the requirement names no certification';
    expect(registryFailures([unnamed], [], '2026-05-01')).toEqual([{ requirementId: 'r-x', reason }]);
    expect(failedRequirements([unnamed], { leadTimeDays: 1, warrantyMonths: 1, compliance: [] }, [], '2026-05-01')).toEqual([{ requirementId: 'r-x', reason }]);
  });
});
