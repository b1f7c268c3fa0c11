import { isISO31661Alpha2, maxLength } from 'class-validator';
import { isDecimalNumber } from '../../common/validators';
import { CONTACT_ROLES, type ContactRole, type Language, LANGUAGES } from '../../domain/messages/audiences';
import { CONTACT_PHONE, SUPPLIER_LIMITS } from './dto/supplier.dto';
import { ISO_DATE } from './dto/validators';
import { storedContact } from './contacts';
import { isEmailAddress, isRealIsoDate } from './fast-checks';
import { type SupplierContact } from './supplier.entity';
import { isTaxId, normalizeTaxId } from './tax-id';

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
const ROLES: readonly string[] = CONTACT_ROLES;
const LANGUAGE_CODES: readonly string[] = LANGUAGES;
const shorterThan = (what: string, max: number) => `${what} must be shorter than or equal to ${max} characters`;

/**
 * Turns one record into a row, with the problems of the row and their columns. The rules are those
 * of POST /suppliers (CreateSupplierDto: the same limits and checks, SUPPLIER_LIMITS), written per
 * column rather than run through class-validator's metadata, which cost a third of an import; each
 * column answers the first message the DTO would give, in the DTO's order of fields and rules
 * (supplier-csv.spec.ts compares the two on many rows). The normalizations the API's transforms
 * make are made here: cells trimmed, country in upper case, categories in lower case once each.
 * `validate: false` is for rows already validated by an earlier pass.
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

  const certifications: Array<{ name: string; issuedOn: string; expiresOn: string }> = [];
  for (const item of cell('certifications').split('|').map((c) => c.trim()).filter((c) => c !== '')) {
    // names may hold colons themselves ("ISO 9001:2015"): the two dates are the last two parts
    const second = item.lastIndexOf(':');
    const first = second > 0 ? item.lastIndexOf(':', second - 1) : -1;
    if (first <= 0) {
      problems.push({ line, column: 'certifications', reason: `"${item}" is not name:issuedOn:expiresOn` });
      continue;
    }
    certifications.push({ name: item.slice(0, first).trim(), issuedOn: item.slice(first + 1, second).trim(), expiresOn: item.slice(second + 1).trim() });
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
  const hasContact = Boolean(contactName || contactEmail || contactPhone || contactRoles || contactLanguage);
  // roles split on | like categories; the rules name the ones not known
  const roles = contactRoles ? contactRoles.split('|').map((r) => r.trim().toLowerCase()) : undefined;
  const language = contactLanguage ? contactLanguage.toLowerCase() : undefined;

  let financialRisk: number | string | undefined = undefined;
  if (columns.has('financialRisk')) {
    const text = cell('financialRisk');
    if (text === '') problems.push({ line, column: 'financialRisk', reason: 'financialRisk is required (a number from 0 to 1)' });
    else financialRisk = DECIMAL.test(text) ? Number(text) : text;
  }

  const legalName = cell('legalName');
  const taxId = cell('taxId');
  const country = cell('country').toUpperCase();
  if (validate) {
    // one reason per column is enough to fix it ("high" is not a number; that it is not ≤ 1 adds nothing)
    const reported = new Set<string>(problems.map((p) => p.column ?? ''));
    const refuse = (column: string, reason: string | null) => {
      if (reason === null || reported.has(column)) return;
      reported.add(column);
      problems.push({ line, column, reason });
    };
    refuse('legalName', !maxLength(legalName, SUPPLIER_LIMITS.legalName) ? shorterThan('legalName', SUPPLIER_LIMITS.legalName) : legalName === '' ? 'legalName should not be empty' : null);
    refuse('taxId', isTaxId(taxId) ? null : 'taxId must be 2–40 letters or digits (spaces, dots and dashes are ignored)');
    refuse('country', isISO31661Alpha2(country) ? null : 'country must be an ISO 3166-1 alpha-2 code such as DE');
    refuse(
      'categories',
      categories.length > SUPPLIER_LIMITS.categories
        ? `categories must contain no more than ${SUPPLIER_LIMITS.categories} elements`
        : categories.some((c) => !maxLength(c, SUPPLIER_LIMITS.category))
          ? `each value in categories must be shorter than or equal to ${SUPPLIER_LIMITS.category} characters`
          : null,
    );
    if (hasContact) {
      refuse('contactName', !maxLength(contactName, SUPPLIER_LIMITS.contactName) ? shorterThan('contactName', SUPPLIER_LIMITS.contactName) : contactName === '' ? 'contactName should not be empty' : null);
      refuse(
        'contactEmail',
        !maxLength(contactEmail, SUPPLIER_LIMITS.contactEmail) ? shorterThan('contactEmail', SUPPLIER_LIMITS.contactEmail) : !isEmailAddress(contactEmail) ? 'contactEmail must be an email address' : null,
      );
      if (contactPhone) refuse('contactPhone', CONTACT_PHONE.test(contactPhone) ? null : 'contactPhone must be digits, spaces and + ( ) . / - (3–40 characters)');
      if (roles) {
        refuse(
          'contactRoles',
          !roles.every((r) => ROLES.includes(r))
            ? `contactRoles must each be one of ${CONTACT_ROLES.join(', ')}`
            : new Set(roles).size !== roles.length
              ? 'contactRoles must not name a role twice'
              : null,
        );
      }
      if (language !== undefined) refuse('contactLanguage', LANGUAGE_CODES.includes(language) ? null : `contactLanguage must be one of ${LANGUAGES.join(', ')}`);
    }
    if (certifications.length > SUPPLIER_LIMITS.certifications) refuse('certifications', `certifications must contain no more than ${SUPPLIER_LIMITS.certifications} elements`);
    for (const c of certifications) refuse('certifications', certificationProblem(c));
    if (financialRisk !== undefined) {
      refuse(
        'financialRisk',
        !isDecimalNumber(financialRisk, 4)
          ? 'financialRisk must be a number with at most 4 decimals'
          : (financialRisk as number) > 1
            ? 'financialRisk must not be greater than 1'
            : null,
      );
    }
  }
  // who the row is, even when another of its cells is wrong: a duplicate is found in the same pass
  const refused = new Set(problems.map((p) => p.column));
  const identity = refused.has('taxId') || refused.has('country') ? null : `${country}|${normalizeTaxId(taxId)}`;
  if (problems.length > 0) return { row: null, problems, identity };
  return {
    identity,
    row: {
      line,
      legalName,
      taxId,
      country,
      categories,
      contacts: hasContact
        ? [storedContact({ name: contactName, email: contactEmail, ...(contactPhone ? { phone: contactPhone } : {}), roles: roles as ContactRole[] | undefined, language: language as Language | undefined })]
        : [],
      certifications,
      financialRisk: (financialRisk as number | undefined) ?? 0,
    },
    problems,
  };
}

/** A certification's first problem as CertificationDto orders its rules, naming the certification. */
function certificationProblem(c: { name: string; issuedOn: string; expiresOn: string }): string | null {
  const date = (field: string, value: string) =>
    !ISO_DATE.test(value) ? `${field} must be an ISO date (YYYY-MM-DD)` : !isRealIsoDate(value) ? `${field} must be a real calendar date` : null;
  const reason =
    (!maxLength(c.name, SUPPLIER_LIMITS.certificationName) ? shorterThan('name', SUPPLIER_LIMITS.certificationName) : c.name === '' ? 'name should not be empty' : null) ??
    date('issuedOn', c.issuedOn) ??
    (ISO_DATE.test(c.expiresOn) && ISO_DATE.test(c.issuedOn) && c.expiresOn < c.issuedOn ? 'expiresOn must not be before issuedOn' : date('expiresOn', c.expiresOn));
  return reason === null ? null : `${reason} (the certification "${c.name}")`;
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
