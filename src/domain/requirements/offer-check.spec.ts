import { certificationValidOn, failedRequirements, type OfferToCheck, type RequirementToCheck } from '.';

const iso: RequirementToCheck = { id: 'r-iso', text: 'ISO 9001 certified', type: 'certification', value: 'ISO 9001' };
const lead: RequirementToCheck = { id: 'r-lead', text: 'delivery within 30 days', type: 'max_lead_time_days', value: 30 };
const warranty: RequirementToCheck = { id: 'r-warranty', text: 'at least 24 months warranty', type: 'min_warranty_months', value: 24 };
const ce: RequirementToCheck = { id: 'r-ce', text: 'CE marking', type: 'yes_no', value: true };
const manual: RequirementToCheck = { id: 'r-manual', text: 'operating manual in Spanish', type: 'text', value: null };
const all = [iso, lead, warranty, ce, manual];

const compliant: OfferToCheck = {
  leadTimeDays: 30,
  warrantyMonths: 24,
  compliance: [
    { requirementId: 'r-ce', met: true },
    { requirementId: 'r-manual', met: true, note: 'attached' },
  ],
};
const validIso = [{ name: 'iso 9001', issuedOn: '2024-01-01', expiresOn: '2027-01-01' }];

describe('mandatory requirements against an offer', () => {
  it('passes an offer exactly at both limits (30 days ≤ 30, 24 months ≥ 24) with a valid certification, matched case-insensitively', () => {
    expect(failedRequirements(all, compliant, validIso, '2026-05-01')).toEqual([]);
  });

  it('fails one day over the lead time and one month under the warranty, with the numbers in the reason', () => {
    const failed = failedRequirements(all, { ...compliant, leadTimeDays: 31, warrantyMonths: 23 }, validIso, '2026-05-01');
    expect(failed).toEqual([
      { requirementId: 'r-lead', reason: 'lead time of 31 days exceeds the maximum of 30 days' },
      { requirementId: 'r-warranty', reason: 'warranty of 23 months is below the minimum of 24 months' },
    ]);
  });

  it('fails a certification missing from the registry, expired on asOf, or not yet issued', () => {
    expect(failedRequirements([iso], compliant, [], '2026-05-01')).toEqual([
      { requirementId: 'r-iso', reason: 'no "ISO 9001" certification in the supplier registry' },
    ]);
    expect(failedRequirements([iso], compliant, [{ name: 'ISO 9001', issuedOn: '2020-01-01', expiresOn: '2026-04-30' }], '2026-05-01')).toEqual([
      { requirementId: 'r-iso', reason: 'the "ISO 9001" certification expired on 2026-04-30 (checked on 2026-05-01)' },
    ]);
    expect(failedRequirements([iso], compliant, [{ name: 'ISO 9001', issuedOn: '2026-06-01', expiresOn: null }], '2026-05-01')).toEqual([
      { requirementId: 'r-iso', reason: 'the "ISO 9001" certification is not yet valid on 2026-05-01' },
    ]);
  });

  it('counts a certification valid through its expiry date, and one of several held is enough', () => {
    const held = [
      { name: 'ISO 9001', issuedOn: '2019-01-01', expiresOn: '2022-01-01' },
      { name: 'ISO 9001', issuedOn: '2022-01-01', expiresOn: '2026-05-01' },
    ];
    expect(failedRequirements([iso], compliant, held, '2026-05-01')).toEqual([]);
    expect(certificationValidOn(held[1], '2026-05-02')).toBe(false);
    expect(certificationValidOn({ name: 'x', issuedOn: null, expiresOn: null }, '2026-05-02')).toBe(true);
  });

  it('fails yes/no and text requirements without an answer or with met: false', () => {
    const failed = failedRequirements(
      [ce, manual],
      { ...compliant, compliance: [{ requirementId: 'r-manual', met: false, note: 'English only' }] },
      [],
      '2026-05-01',
    );
    expect(failed).toEqual([
      { requirementId: 'r-ce', reason: 'the offer gives no compliance answer to "CE marking"' },
      { requirementId: 'r-manual', reason: 'the offer declares it does not meet "operating manual in Spanish": English only' },
    ]);
  });

  it('fails any requirement the offer itself declares unmet, even when the objective check passes', () => {
    const offer = { ...compliant, compliance: [...compliant.compliance, { requirementId: 'r-lead', met: false }] };
    expect(failedRequirements(all, offer, validIso, '2026-05-01')).toEqual([
      { requirementId: 'r-lead', reason: 'the offer declares it does not meet "delivery within 30 days"' },
    ]);
  });

  it('ignores answers to requirements that are no longer in the specification', () => {
    const offer = { ...compliant, compliance: [...compliant.compliance, { requirementId: 'r-removed', met: false }] };
    expect(failedRequirements(all, offer, validIso, '2026-05-01')).toEqual([]);
  });

  it('reads numeric limits given as strings and refuses a limit that is not a number', () => {
    expect(failedRequirements([{ ...lead, value: '30' }], { ...compliant, leadTimeDays: 31 }, [], '2026-05-01')).toHaveLength(1);
    expect(failedRequirements([{ ...lead, value: 'soon' }], compliant, [], '2026-05-01')).toEqual([
      { requirementId: 'r-lead', reason: "the requirement's limit is not a number" },
    ]);
  });
});
