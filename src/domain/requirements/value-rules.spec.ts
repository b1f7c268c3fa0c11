import { isRequirementType, requirementValueProblem } from '.';

describe('requirementValueProblem: the value must fit the type', () => {
  it.each([
    ['certification', 'ISO 9001', true],
    ['certification', '  ', false],
    ['certification', 9001, false],
    ['max_lead_time_days', 30, true],
    ['max_lead_time_days', 0, false],
    ['max_lead_time_days', 2.5, false],
    ['min_warranty_months', '24', false],
    ['yes_no', true, true],
    ['yes_no', 'yes', false],
    ['text', undefined, true],
    ['text', null, true],
    ['text', 'anything', false],
  ] as const)('%s with %p → valid %p', (type, value, valid) => {
    expect(requirementValueProblem(type, value) === null).toBe(valid);
  });
});

describe('isRequirementType', () => {
  it('knows the five types and nothing else', () => {
    expect(['certification', 'max_lead_time_days', 'min_warranty_months', 'yes_no', 'text'].every(isRequirementType)).toBe(true);
    expect(isRequirementType('max_lead_time')).toBe(false);
  });
});
