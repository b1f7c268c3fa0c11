import { meetsRequirements } from '../requirements';
import { missingRateCurrencies, type OfferContent, offerProblems, type SpecificationForOffers } from './offer-rules';

const spec: SpecificationForOffers = {
  requirements: [
    { id: 'r-iso', text: 'ISO 9001 certified' },
    { id: 'r-lead', text: 'Delivery within 30 days' },
  ],
  criteria: [
    { id: 'k-price', name: 'Total cost', source: 'offer.price', normalization: 'ratio' },
    { id: 'k-energy', name: 'Energy use', source: 'offer.value', normalization: 'ratio' },
    { id: 'k-noise', name: 'Noise', source: 'offer.value', normalization: 'minmax' },
  ],
};
const deadline = new Date('2027-01-15T17:00:00Z');
const offer = (overrides: Partial<OfferContent> = {}): OfferContent => ({
  totalPrice: '0.3',
  currency: 'EUR',
  lineItems: [
    { description: 'a', quantity: '1', unitPrice: '0.1' },
    { description: 'b', quantity: '1', unitPrice: '0.2' },
  ],
  leadTimeDays: 10,
  warrantyMonths: 12,
  paymentDays: 30,
  validUntil: '2027-01-15',
  compliance: [
    { requirementId: 'r-iso', met: true },
    { requirementId: 'r-lead', met: false, note: 'in 35 days' },
  ],
  values: [
    { criterionId: 'k-energy', value: 4.2 },
    { criterionId: 'k-noise', value: 0 },
  ],
  ...overrides,
});
const fields = (o: OfferContent) => offerProblems(o, spec, deadline).map((p) => p.field);

describe('offer rules against the specification', () => {
  it('accepts a complete offer valid until the deadline date (a minmax value may be 0)', () => {
    expect(offerProblems(offer(), spec, deadline)).toEqual([]);
  });

  it('refuses line items that do not add up exactly', () => {
    expect(fields(offer({ totalPrice: '0.30000001' }))).toEqual(['lineItems']);
    expect(fields(offer({ totalPrice: '0.31' }))).toEqual(['lineItems']);
  });

  it('refuses a validity ending before the deadline date', () => {
    expect(fields(offer({ validUntil: '2027-01-14' }))).toEqual(['validUntil']);
  });

  it('needs one answer per mandatory requirement and no unknown or repeated ones', () => {
    expect(fields(offer({ compliance: [{ requirementId: 'r-iso', met: true }] }))).toEqual(['compliance']);
    expect(
      fields(
        offer({
          compliance: [
            { requirementId: 'r-iso', met: true },
            { requirementId: 'r-iso', met: true },
            { requirementId: 'r-lead', met: true },
            { requirementId: 'nope', met: true },
          ],
        }),
      ),
    ).toEqual(['compliance.1.requirementId', 'compliance.3.requirementId']);
  });

  it('names a requirement or criterion by its text, with its id', () => {
    const problems = offerProblems(offer({ compliance: [{ requirementId: 'r-iso', met: true }], values: [{ criterionId: 'k-noise', value: 1 }] }), spec, deadline);
    expect(problems.map((p) => p.message)).toEqual([
      'no answer for the mandatory requirement "Delivery within 30 days" (id r-lead)',
      'no value for the criterion "Energy use" (id k-energy), which is sourced from offers',
    ]);
  });

  it('skips only the rules that read a field the edge refused, and runs every other rule', () => {
    const bad = offer({ totalPrice: 'x', validUntil: '2020-01-01', compliance: [{ requirementId: 'r-iso', met: true }] });
    // totalPrice refused at the edge: no line-item sum against it; the validity and the compliance gap are still named
    expect(offerProblems(bad, spec, deadline, new Set(['totalPrice'])).map((p) => p.field)).toEqual(['validUntil', 'compliance']);
    expect(offerProblems(bad, spec, deadline, new Set(['totalPrice', 'validUntil', 'compliance'])).map((p) => p.field)).toEqual([]);
    // an answer whose requirementId was refused is not read; the others are
    const answers = offer({ compliance: [{ requirementId: 7 as unknown as string, met: true }, { requirementId: 'r-lead', met: true }] });
    expect(offerProblems(answers, spec, deadline, new Set(['compliance.0.requirementId'])).map((p) => p.message)).toEqual([
      'no answer for the mandatory requirement "ISO 9001 certified" (id r-iso)',
    ]);
    // a field that is not even a list is not walked
    expect(offerProblems(offer({ values: 'none' as unknown as OfferContent['values'] }), spec, deadline, new Set(['values']))).toEqual([]);
  });

  it('needs a value per offer-sourced criterion; unknown, non-offer and non-positive ratio values are refused', () => {
    expect(fields(offer({ values: [{ criterionId: 'k-energy', value: 1 }] }))).toEqual(['values']);
    expect(
      fields(
        offer({
          values: [
            { criterionId: 'k-energy', value: 0 },
            { criterionId: 'k-noise', value: 3 },
            { criterionId: 'k-price', value: 3 },
            { criterionId: 'ghost', value: 3 },
          ],
        }),
      ),
    ).toEqual(['values.0.value', 'values.2.criterionId', 'values.3.criterionId']);
    expect(fields(offer({ values: [{ criterionId: 'k-energy', value: -2 }, { criterionId: 'k-noise', value: 1 }] }))).toEqual([
      'values.0.value',
    ]);
  });

  it('refuses a zero offer field that a ratio criterion divides by, and allows it under minmax', () => {
    const withFields: SpecificationForOffers = {
      ...spec,
      criteria: [
        ...spec.criteria,
        { id: 'k-warranty', name: 'Warranty', source: 'offer.warrantyMonths', normalization: 'ratio' },
        { id: 'k-lead', name: 'Lead time', source: 'offer.leadTimeDays', normalization: 'minmax' },
      ],
    };
    const problems = (o: OfferContent) => offerProblems(o, withFields, deadline).map((p) => p.field);
    expect(problems(offer({ warrantyMonths: 0 }))).toEqual(['warrantyMonths']);
    expect(problems(offer({ leadTimeDays: 0 }))).toEqual([]);
  });

  it('names the currencies with no rate, and judges compliance by the one requirement check (all answers met, none declared unmet)', () => {
    expect(missingRateCurrencies(['USD', 'EUR', 'GBP', 'USD', 'CHF'], 'EUR', new Set(['CHF']))).toEqual(['GBP', 'USD']);
    // leaving NEGOTIATION asks the matrix's question (README "Rounds"): two yes/no requirements, answered
    const asked = [
      { id: 'r1', text: 'CE marking', type: 'yes_no' as const, value: true },
      { id: 'r2', text: 'Spare parts for 10 years', type: 'yes_no' as const, value: true },
    ];
    const answered = (met: [boolean, boolean]) => ({
      leadTimeDays: 30,
      warrantyMonths: 24,
      compliance: [
        { requirementId: 'r1', met: met[0] },
        { requirementId: 'r2', met: met[1] },
      ],
    });
    expect(meetsRequirements(asked, answered([true, true]), [], '2026-06-30')).toBe(true);
    expect(meetsRequirements(asked, answered([true, false]), [], '2026-06-30')).toBe(false);
  });
});
