import { validateSync } from 'class-validator';
import { fieldProblems } from '../../common/validation';
import { PerformanceEventDto } from './dto/performance.dto';
import { type RowProblem } from './supplier-csv';
import { normalizeTaxId } from './tax-id';

/**
 * The performance import file (README "Performance record"): a header row naming the columns (any
 * order), then one event per row, for any number of suppliers, each named by its country and tax
 * id as the registry knows them. A cell left empty is a field left out: a delivery leaves
 * `severity` and `description` empty, an incident `onTime` and `inFull`.
 */
export const PERFORMANCE_CSV_COLUMNS = ['taxId', 'country', 'type', 'date', 'onTime', 'inFull', 'severity', 'description'] as const;
export type PerformanceCsvColumn = (typeof PERFORMANCE_CSV_COLUMNS)[number];
const REQUIRED: readonly PerformanceCsvColumn[] = ['taxId', 'country', 'type', 'date'];

export interface PerformanceRow {
  line: number;
  /** `${country}|${normalized tax id}`: the registry's key */
  supplierKey: string;
  event: PerformanceEventDto;
}

export function readPerformanceHeader(fields: string[], line = 1): { columns: Map<PerformanceCsvColumn, number>; problems: RowProblem[] } {
  const columns = new Map<PerformanceCsvColumn, number>();
  const problems: RowProblem[] = [];
  fields.forEach((raw, i) => {
    const name = raw.trim();
    if (!(PERFORMANCE_CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.push({ line, column: name, reason: `unknown column "${name}"; the columns are ${PERFORMANCE_CSV_COLUMNS.join(', ')}` });
    } else if (columns.has(name as PerformanceCsvColumn)) {
      problems.push({ line, column: name, reason: `column "${name}" appears twice` });
    } else {
      columns.set(name as PerformanceCsvColumn, i);
    }
  });
  for (const name of REQUIRED) {
    if (!columns.has(name)) problems.push({ line, column: name, reason: `the header has no "${name}" column` });
  }
  return { columns, problems };
}

const BOOLEAN: Record<string, boolean> = { true: true, false: false, yes: true, no: false };

/** One record as an event, by the same rules as `POST /suppliers/:id/performance`, with its problems named by column. */
export function readPerformanceRow(fields: string[], columns: Map<PerformanceCsvColumn, number>, line: number): { row: PerformanceRow | null; problems: RowProblem[] } {
  const cell = (name: PerformanceCsvColumn): string | undefined => {
    const i = columns.get(name);
    const text = i === undefined ? '' : (fields[i] ?? '').trim();
    return text === '' ? undefined : text;
  };
  const problems: RowProblem[] = [];
  const flag = (name: 'onTime' | 'inFull'): unknown => {
    const text = cell(name);
    if (text === undefined) return undefined;
    return BOOLEAN[text.toLowerCase()] ?? text;
  };
  const taxId = normalizeTaxId(cell('taxId') ?? '');
  const country = (cell('country') ?? '').toUpperCase();
  if (!taxId) problems.push({ line, column: 'taxId', reason: 'taxId is required: the supplier’s tax id as registered' });
  if (!/^[A-Z]{2}$/.test(country)) problems.push({ line, column: 'country', reason: 'country must be the supplier’s ISO 3166-1 alpha-2 code, e.g. DE' });
  const values = { type: cell('type'), date: cell('date'), onTime: flag('onTime'), inFull: flag('inFull'), severity: cell('severity'), description: cell('description') };
  const event = Object.assign(
    new PerformanceEventDto(),
    Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)),
  ) as PerformanceEventDto;
  const reported = new Set<string>();
  for (const { field, message } of fieldProblems(validateSync(event, { validationError: { target: false, value: false } }))) {
    if (reported.has(field)) continue; // one reason per column is enough to fix it
    reported.add(field);
    problems.push({ line, column: field, reason: message });
  }
  if (problems.length > 0) return { row: null, problems };
  return { row: { line, supplierKey: `${country}|${taxId}`, event }, problems };
}
