import { decodeCsv } from './csv-body';
import { DomainError } from '../domain/errors';

describe('decoding a CSV body', () => {
  it('reads UTF-8 by default and the declared charset otherwise', () => {
    expect(decodeCsv(Buffer.from('Müller GmbH', 'utf8'), 'text/csv')).toBe('Müller GmbH');
    expect(decodeCsv(Buffer.from([0x4d, 0xfc, 0x6c]), 'text/csv; charset=iso-8859-1')).toBe('Mül');
  });

  it('refuses bytes that are not valid in the charset, naming the line, instead of storing a replacement character', () => {
    const bytes = Buffer.concat([Buffer.from('legalName\nok\nM'), Buffer.from([0xfc]), Buffer.from('ller\n')]);
    try {
      decodeCsv(bytes, 'text/csv');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details.errors).toEqual([expect.objectContaining({ field: 'body', line: 3 })]);
    }
  });

  it('refuses an unknown charset as an unsupported media type', () => {
    expect(() => decodeCsv(Buffer.from('a'), 'text/csv; charset=x-unknown')).toThrow(/not supported/);
  });
});
