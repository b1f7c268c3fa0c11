import { withoutLinkToken } from './logging';

describe('request logs', () => {
  it('never hold an e-mailed sign-in link’s token', () => {
    expect(withoutLinkToken('/approve/link/apl_abcDEF123-_x?lang=es')).toBe('/approve/link/[redacted]?lang=es');
    expect(withoutLinkToken('/approve/cases/1')).toBe('/approve/cases/1');
  });
});
