import { type Requirement, registryFailures } from '.';

const iso: Requirement = { id: 'r-iso', text: 'ISO 9001 certified', type: 'certification', value: 'ISO 9001' };
const env: Requirement = { id: 'r-env', text: 'ISO 14001 certified', type: 'certification', value: 'ISO 14001' };
const lead: Requirement = { id: 'r-lead', text: 'delivery within 30 days', type: 'max_lead_time_days', value: 30 };

describe('certification requirements checked against the registry', () => {
  it('passes a certification valid on the day, through its expiry date, matching the name loosely', () => {
    const held = [{ name: 'iso  9001', issuedOn: '2024-01-01', expiresOn: '2026-06-30' }];
    expect(registryFailures([iso, lead], held, '2026-06-30')).toEqual([]);
    expect(registryFailures([iso], held, '2024-01-01')).toEqual([]);
  });

  it('names a missing certification, an expired one (the latest expiry) and one not yet issued', () => {
    const held = [
      { name: 'ISO 9001', issuedOn: '2020-01-01', expiresOn: '2023-01-01' },
      { name: 'ISO 9001', issuedOn: '2023-01-02', expiresOn: '2025-12-31' },
      { name: 'ISO 14001', issuedOn: '2027-01-01', expiresOn: '2030-01-01' },
    ];
    expect(registryFailures([iso, env, lead], held, '2026-03-01')).toEqual([
      { requirementId: 'r-iso', reason: '"ISO 9001" certification expired on 2025-12-31' },
      { requirementId: 'r-env', reason: '"ISO 14001" certification is not valid before 2027-01-01' },
    ]);
    expect(registryFailures([iso], [], '2026-03-01')).toEqual([{ requirementId: 'r-iso', reason: 'no "ISO 9001" certification on record' }]);
  });

  it('is met when any one of several certificates of that name is valid', () => {
    const held = [
      { name: 'ISO 9001', issuedOn: '2020-01-01', expiresOn: '2023-01-01' },
      { name: 'ISO 9001', issuedOn: '2023-01-02', expiresOn: '2027-12-31' },
    ];
    expect(registryFailures([iso], held, '2026-03-01')).toEqual([]);
  });
});
