import { validateSync } from 'class-validator';
import { fieldProblems } from '../../common/validation';
import { CertificationDto, ContactDto, CreateSupplierDto } from './dto/supplier.dto';
import { storedContact } from './contacts';
import { type SupplierContact } from './supplier.entity';
import { normalizeTaxId } from './tax-id';

/**
 * The import file (README "Supplier CSV import"): one header row naming the columns (any order),
 * then one supplier per row. `legalName`, `taxId` and `country` are required; a column left out
 * of the header keeps the stored value when a row updates a supplier.
 */
export const CSV_COLUMNS = [
  'legalName',
  'taxId',
  'country',
  'categories',
  'contactName',
  'contactEmail',
  'contactPhone',
  'contactRoles',
  'contactLanguage',
  'certifications',
  'financialRisk',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly CsvColumn[] = ['legalName', 'taxId', 'country'];

export interface RowProblem {
  /** line of the file where the row starts (the header is line 1) */
  line: number;
  /** the CSV column at fault, or null when the row as a whole is (wrong number of fields, bad quoting) */
  column: string | null;
  reason: string;
}

/** A row ready to store: normalized the way the API normalizes a supplier. */
export interface ImportRow {
  /** line of the file where the row starts */
  line: number;
  legalName: string;
  taxId: string;
  country: string;
  categories: string[];
  contacts: SupplierContact[];
  certifications: Array<{ name: string; issuedOn: string; expiresOn: string }>;
  financialRisk: number;
}

/** Column index per name, or the header's problems. */
export function readHeader(fields: string[], line = 1): { columns: Map<CsvColumn, number>; problems: RowProblem[] } {
  const columns = new Map<CsvColumn, number>();
  const problems: RowProblem[] = [];
  fields.forEach((raw, i) => {
    const name = raw.trim();
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.push({ line, column: name, reason: `unknown column "${name}"; the columns are ${CSV_COLUMNS.join(', ')}` });
    } else if (columns.has(name as CsvColumn)) {
      problems.push({ line, column: name, reason: `column "${name}" appears twice` });
    } else {
      columns.set(name as CsvColumn, i);
    }
  });
  for (const name of REQUIRED) {
    if (!columns.has(name)) problems.push({ line, column: name, reason: `the header has no "${name}" column` });
  }
  return { columns, problems };
}

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Turns one record into a row, with the problems of the row and their columns. The same
 * class-validator rules as POST /suppliers apply, so a file cannot store what the API would refuse.
 * The DTO is built directly rather than through class-transformer (four times faster on 10,000
 * rows), so the normalizations the API's transforms make are made here: cells trimmed, country
 * in upper case, categories in lower case once each. `validate: false` is for rows already
 * validated by an earlier pass.
 */
export function readRow(
  fields: string[],
  columns: Map<CsvColumn, number>,
  line: number,
  validate = true,
): { row: ImportRow | null; problems: RowProblem[]; identity: string | null } {
  const cell = (name: CsvColumn): string => {
    const i = columns.get(name);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const problems: RowProblem[] = [];

  const categories = [
    ...new Set(
      cell('categories')
        .split('|')
        .map((c) => c.trim().toLowerCase())
        .filter((c) => c !== ''),
    ),
  ];

  const certifications: CertificationDto[] = [];
  for (const item of cell('certifications').split('|').map((c) => c.trim()).filter((c) => c !== '')) {
    // names may hold colons themselves ("ISO 9001:2015"): the two dates are the last two parts
    const second = item.lastIndexOf(':');
    const first = second > 0 ? item.lastIndexOf(':', second - 1) : -1;
    if (first <= 0) {
      problems.push({ line, column: 'certifications', reason: `"${item}" is not name:issuedOn:expiresOn` });
      continue;
    }
    certifications.push(
      Object.assign(new CertificationDto(), {
        name: item.slice(0, first).trim(),
        issuedOn: item.slice(first + 1, second).trim(),
        expiresOn: item.slice(second + 1).trim(),
      }),
    );
  }

  const contactName = cell('contactName');
  const contactEmail = cell('contactEmail');
  const contactPhone = cell('contactPhone');
  const contactRoles = cell('contactRoles');
  const contactLanguage = cell('contactLanguage');
  // one contact per row: name and e-mail go together, said in the file's own column names
  if (contactName && !contactEmail) problems.push({ line, column: 'contactEmail', reason: 'contactEmail is required when contactName is given' });
  if (contactEmail && !contactName) problems.push({ line, column: 'contactName', reason: 'contactName is required when contactEmail is given' });
  for (const [given, column] of [[contactPhone, 'contactPhone'], [contactRoles, 'contactRoles'], [contactLanguage, 'contactLanguage']] as const) {
    if (given && !contactName && !contactEmail) problems.push({ line, column: 'contactName', reason: `contactName and contactEmail are required when ${column} is given` });
  }
  const contacts =
    contactName || contactEmail || contactPhone || contactRoles || contactLanguage
      ? [
          Object.assign(new ContactDto(), {
            name: contactName,
            email: contactEmail,
            ...(contactPhone ? { phone: contactPhone } : {}),
            // roles split on | like categories; the DTO's rules name the ones not known
            ...(contactRoles ? { roles: contactRoles.split('|').map((r) => r.trim().toLowerCase()) } : {}),
            ...(contactLanguage ? { language: contactLanguage.toLowerCase() } : {}),
          }),
        ]
      : [];

  let financialRisk: unknown = undefined;
  if (columns.has('financialRisk')) {
    const text = cell('financialRisk');
    if (text === '') problems.push({ line, column: 'financialRisk', reason: 'financialRisk is required (a number from 0 to 1)' });
    else financialRisk = DECIMAL.test(text) ? Number(text) : text;
  }

  const dto = Object.assign(new CreateSupplierDto(), {
    legalName: cell('legalName'),
    taxId: cell('taxId'),
    country: cell('country').toUpperCase(),
    categories,
    contacts,
    certifications,
    ...(financialRisk === undefined ? {} : { financialRisk }),
  });
  if (validate) {
    // one reason per column is enough to fix it ("high" is not a number; that it is not ≤ 1 adds nothing)
    const reported = new Set<string>(problems.map((p) => p.column ?? ''));
    for (const { field, message } of fieldProblems(validateSync(dto, { validationError: { target: false, value: false } }))) {
      const column = columnOf(field);
      if (reported.has(column)) continue;
      reported.add(column);
      problems.push({ line, column, reason: inColumnTerms(field, column, message, certifications) });
    }
  }
  // who the row is, even when another of its cells is wrong: a duplicate is found in the same pass
  const refused = new Set(problems.map((p) => p.column));
  const identity = refused.has('taxId') || refused.has('country') ? null : `${dto.country}|${normalizeTaxId(dto.taxId)}`;
  if (problems.length > 0) return { row: null, problems, identity };
  return {
    identity,
    row: {
      line,
      legalName: dto.legalName,
      taxId: dto.taxId,
      country: dto.country,
      categories,
      contacts: contacts.map(storedContact),
      certifications: certifications.map((c) => ({ name: c.name, issuedOn: c.issuedOn, expiresOn: c.expiresOn })),
      financialRisk: (financialRisk as number | undefined) ?? 0,
    },
    problems,
  };
}

/**
 * A rule's message as the file's author reads it: the CSV column for a contact field
 * ("contactEmail must be an email", not "email … (contacts.0.email)"), the certification by name.
 */
function inColumnTerms(field: string, column: string, message: string, certifications: readonly CertificationDto[]): string {
  if (field === column) return message;
  const [, index, leaf] = field.split('.');
  if (field.startsWith('contacts.') && leaf) return message.replace(new RegExp(`^${leaf}\\b`), column);
  if (field.startsWith('certifications.') && leaf) {
    const name = certifications[Number(index)]?.name;
    return `${message} (the certification ${name ? `"${name}"` : Number(index) + 1})`;
  }
  return `${message} (${field})`;
}

/** The DTO field path a rule failed on, as the CSV column the user wrote it in. */
function columnOf(field: string): string {
  if (field.startsWith('contacts.')) {
    const leaf = field.split('.').pop();
    const columns: Record<string, string> = { email: 'contactEmail', phone: 'contactPhone', roles: 'contactRoles', language: 'contactLanguage' };
    return columns[leaf ?? ''] ?? 'contactName';
  }
  return field.split('.')[0];
}

/** Line breaks inside a record's quoted fields: the record started that many lines before it ended. */
export function lineBreaksIn(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) continue;
    count += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return count;
}

/**
 * The body in slices of about 64 KiB for the parser, so it never holds a second copy of the whole
 * file; a slice never ends between the two halves of a surrogate pair.
 */
export function* slices(text: string, size = 64 * 1024): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(start, end);
    start = end;
  }
}
