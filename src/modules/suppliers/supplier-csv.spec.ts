import { CSV_COLUMNS, lineBreaksIn, readHeader, readRow, slices } from './supplier-csv';
import { normalizeTaxId } from './tax-id';

const { columns } = readHeader([...CSV_COLUMNS]);
const row = (cells: Partial<Record<(typeof CSV_COLUMNS)[number], string>>) => CSV_COLUMNS.map((c) => cells[c] ?? '');

describe('supplier CSV rows', () => {
  it('normalizes tax ids: upper case, no spaces, dots or dashes', () => {
    expect(normalizeTaxId(' de 123.456-789 ')).toBe('DE123456789');
  });

  it('reads a full row: categories and certifications split on |, names with colons kept, contact built', () => {
    const { row: read, problems } = readRow(
      row({
        legalName: 'ACME GmbH',
        taxId: 'de-1',
        country: 'de',
        categories: 'Compressors| pumps |',
        contactName: 'Jane',
        contactEmail: 'jane@acme.example',
        certifications: 'ISO 9001:2015:2025-01-01:2027-12-31 | TÜV:2024-01-01:2024-12-31',
        financialRisk: '0.25',
      }),
      columns,
      2,
    );
    expect(problems).toEqual([]);
    expect(read).toEqual({
      line: 2,
      legalName: 'ACME GmbH',
      taxId: 'de-1',
      country: 'DE',
      categories: ['compressors', 'pumps'],
      contacts: [{ name: 'Jane', email: 'jane@acme.example', roles: ['sales'], language: 'en' }],
      certifications: [
        { name: 'ISO 9001:2015', issuedOn: '2025-01-01', expiresOn: '2027-12-31' },
        { name: 'TÜV', issuedOn: '2024-01-01', expiresOn: '2024-12-31' },
      ],
      financialRisk: 0.25,
    });
  });

  it('reads the contact’s roles (split on |) and language, and names those columns when wrong', () => {
    const good = readRow(row({ legalName: 'A', taxId: 'X12345', country: 'ES', contactName: 'Eva', contactEmail: 'eva@a.example', contactRoles: 'Technical| quality', contactLanguage: 'ES', financialRisk: '0' }), columns, 2);
    expect(good.problems).toEqual([]);
    expect(good.row?.contacts).toEqual([{ name: 'Eva', email: 'eva@a.example', roles: ['technical', 'quality'], language: 'es' }]);
    const bad = readRow(row({ legalName: 'A', taxId: 'X12345', country: 'ES', contactName: 'Eva', contactEmail: 'eva@a.example', contactRoles: 'sales|marketing', contactLanguage: 'fr', financialRisk: '0' }), columns, 3);
    expect(bad.problems).toEqual([
      { line: 3, column: 'contactRoles', reason: 'contactRoles must each be one of sales, technical, quality, finance' },
      { line: 3, column: 'contactLanguage', reason: 'contactLanguage must be one of en, es' },
    ]);
    const lonely = readRow(row({ legalName: 'A', taxId: 'X12345', country: 'ES', contactRoles: 'sales', financialRisk: '0' }), columns, 4);
    expect(lonely.problems).toContainEqual({ line: 4, column: 'contactName', reason: 'contactName and contactEmail are required when contactRoles is given' });
  });

  it('names the column of each problem in a row, on the row’s line', () => {
    const { row: read, problems } = readRow(
      row({ legalName: '', taxId: 'X1', country: 'ZZ', contactName: 'Ann', contactEmail: 'nope', certifications: 'ISO 9001', financialRisk: 'high' }),
      columns,
      7,
    );
    expect(read).toBeNull();
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [7, 'certifications'],
      [7, 'legalName'],
      [7, 'country'],
      [7, 'contactEmail'],
      [7, 'financialRisk'],
    ]);
  });

  it('requires a financial risk when the column is there; without the column it defaults to 0', () => {
    expect(readRow(row({ legalName: 'A', taxId: 'X1', country: 'DE' }), columns, 3).problems).toEqual([
      { line: 3, column: 'financialRisk', reason: expect.stringContaining('required') },
    ]);
    const short = readHeader(['legalName', 'taxId', 'country']).columns;
    expect(readRow(['A', 'X1', 'DE'], short, 3).row?.financialRisk).toBe(0);
  });

  it('refuses unknown, repeated and missing header columns', () => {
    expect(readHeader(['legalName', 'legalName', 'colour']).problems.map((p) => p.column)).toEqual(['legalName', 'colour', 'taxId', 'country']);
  });

  it('counts the line breaks inside quoted fields, to find the line a record starts on', () => {
    expect(lineBreaksIn(['a\nb', 'c\r\nd\re', 'f'])).toBe(3);
  });

  it('slices a body without splitting a surrogate pair, and loses nothing', () => {
    const text = 'ab😀cd😀';
    const parts = [...slices(text, 3)];
    expect(parts.join('')).toBe(text);
    for (const part of parts) expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
  });
});
