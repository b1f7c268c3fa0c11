import { matchKey, sameName } from './names';

describe('matching names typed by people', () => {
  it('matches keys ignoring case and runs of white space', () => {
    expect(matchKey('  Total   COST ')).toBe('total cost');
  });

  it('takes tabs and line breaks for spaces', () => {
    expect(matchKey('ISO\t9001\n')).toBe('iso 9001');
  });

  it('counts "ISO  9001" (two spaces) and "iso 9001" as one name, "ISO 9001" and "ISO 14001" as two', () => {
    expect(sameName('ISO  9001', 'iso 9001')).toBe(true);
    expect(sameName('ISO 9001', 'ISO 14001')).toBe(false);
  });
});
