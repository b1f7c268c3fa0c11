import { traversable } from './embedded-postgres';

describe('the embedded server\'s data folder parent', () => {
  it('gains read and search for everyone and keeps every bit it had (/tmp stays 1777)', () => {
    expect(traversable(0o41777).toString(8)).toBe('1777');
    expect(traversable(0o40700).toString(8)).toBe('755');
    expect(traversable(0o40775).toString(8)).toBe('775');
    expect(traversable(0o42750).toString(8)).toBe('2755');
  });
});
