import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { fieldProblems } from '../../common/validation';
import { CertificationDto, ContactDto, CreateSupplierDto } from './dto/supplier.dto';
import { CSV_COLUMNS, type CsvColumn, readHeader, readRow } from './supplier-csv';

/**
 * The import checks a row per column by hand; POST /suppliers checks the same fields with
 * CreateSupplierDto. On many rows mixing good and bad cells, the import names the same problems
 * (first message per column, same order) as running the DTO on the row, the way the import did
 * before: the hand-written rules cannot drift from the API's.
 */
const POOLS: Record<CsvColumn, string[]> = {
  legalName: ['ACME GmbH', '', 'x'.repeat(300), 'y'.repeat(301)],
  taxId: ['DE123', 'de 1.2-3', 'A', '!!', 'Z'.repeat(41), '1'.repeat(61)],
  country: ['DE', 'de', 'ZZ', '', 'DEU'],
  categories: ['', 'pumps', 'Pumps|pumps|', 'c'.repeat(101), Array.from({ length: 51 }, (_, i) => `c${i}`).join('|')],
  contactName: ['', 'Jane', 'n'.repeat(201)],
  contactEmail: ['', 'jane@acme.example', 'not-an-email', `${'e'.repeat(330)}@x.example`, 'j.doe+x@sub.acme.example', 'a..b@acme.example', 'jane@localhost', 'ján@acme.example'],
  contactPhone: ['', '+49 30 123', '!!'],
  contactRoles: ['', 'sales', 'sales|quality', 'sales|sales', 'boss', 'sales|'],
  contactLanguage: ['', 'en', 'ES', 'de'],
  certifications: [
    '',
    'ISO 9001:2015:2025-01-01:2027-12-31',
    'bad',
    'A:x:2024-02-30',
    'B:2024-03-01:2024-02-30',
    'C:2025-01-01:2024-01-01',
    'E:2024-02-29:2028-02-29|F:2023-02-29:2025-01-01',
    'G:0999-02-29:2025-01-01',
    `${'n'.repeat(201)}:2024-01-01:2025-01-01|D:2024-13-01:2025-01-01`,
    Array.from({ length: 51 }, (_, i) => `N${i}:2024-01-01:2025-01-01`).join('|'),
  ],
  financialRisk: ['', '0.2', '1.5', 'high', '0.123456', '-1', '1'],
};

/** What the import answered before: the DTO run on the row, its messages in the file's column names. */
function throughDto(cells: Record<CsvColumn, string>, line: number) {
  const problems: Array<{ line: number; column: string | null; reason: string }> = [];
  const { problems: own } = readRow(CSV_COLUMNS.map((c) => cells[c]), readHeader([...CSV_COLUMNS]).columns, line, false);
  problems.push(...own);
  const certifications = cells.certifications
    .split('|')
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .flatMap((item) => {
      const second = item.lastIndexOf(':');
      const first = second > 0 ? item.lastIndexOf(':', second - 1) : -1;
      if (first <= 0) return [];
      return [Object.assign(new CertificationDto(), { name: item.slice(0, first).trim(), issuedOn: item.slice(first + 1, second).trim(), expiresOn: item.slice(second + 1).trim() })];
    });
  const { contactName: name, contactEmail: email, contactPhone: phone, contactRoles: roles, contactLanguage: language } = cells;
  const contacts =
    name || email || phone || roles || language
      ? [
          Object.assign(new ContactDto(), {
            name,
            email,
            ...(phone ? { phone } : {}),
            ...(roles ? { roles: roles.split('|').map((r) => r.trim().toLowerCase()) } : {}),
            ...(language ? { language: language.toLowerCase() } : {}),
          }),
        ]
      : [];
  const risk = cells.financialRisk;
  const dto = Object.assign(new CreateSupplierDto(), {
    legalName: cells.legalName,
    taxId: cells.taxId,
    country: cells.country.toUpperCase(),
    categories: [...new Set(cells.categories.split('|').map((c) => c.trim().toLowerCase()).filter((c) => c !== ''))],
    contacts,
    certifications,
    ...(risk === '' ? {} : { financialRisk: /^\d+(\.\d+)?$/.test(risk) ? Number(risk) : risk }),
  });
  const columnOf = (field: string) =>
    field.startsWith('contacts.')
      ? ({ email: 'contactEmail', phone: 'contactPhone', roles: 'contactRoles', language: 'contactLanguage' } as Record<string, string>)[field.split('.').pop()!] ?? 'contactName'
      : field.split('.')[0];
  const reported = new Set(problems.map((p) => p.column ?? ''));
  for (const { field, message } of fieldProblems(validateSync(dto, { validationError: { target: false, value: false } }))) {
    const column = columnOf(field);
    if (reported.has(column)) continue;
    reported.add(column);
    const [, index, leaf] = field.split('.');
    const reason =
      field === column
        ? message
        : field.startsWith('contacts.')
          ? message.replace(new RegExp(`^${leaf}\\b`), column)
          : `${message} (the certification "${certifications[Number(index)].name}")`;
    problems.push({ line, column, reason });
  }
  return problems;
}

describe('the import row rules answer as CreateSupplierDto does', () => {
  it('on 3,000 rows of mixed good and bad cells', () => {
    let seed = 17;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const { columns } = readHeader([...CSV_COLUMNS]);
    let compared = 0;
    let refused = 0;
    for (let line = 2; line < 3002; line++) {
      const cells = Object.fromEntries(CSV_COLUMNS.map((c) => [c, POOLS[c][next() % POOLS[c].length]])) as Record<CsvColumn, string>;
      const expected = throughDto(cells, line);
      expect({ line, cells, problems: readRow(CSV_COLUMNS.map((c) => cells[c]), columns, line).problems }).toEqual({ line, cells, problems: expected });
      compared++;
      if (expected.length > 0) refused++;
    }
    expect(compared).toBe(3000);
    expect(refused).toBeGreaterThan(100);
    expect(refused).toBeLessThan(3000);
  });
});
