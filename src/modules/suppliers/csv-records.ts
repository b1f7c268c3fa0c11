import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { type DomainError, invalid } from '../../domain/errors';
import { lineBreaksIn, type RowProblem, slices } from './supplier-csv';

/** A hopeless file still gets a readable answer: the first this-many problems are listed. */
export const MAX_PROBLEMS = 10_000;

export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The one 400 of a CSV import: every problem with its line and column, nothing imported. */
export function fileProblems(problems: readonly RowProblem[]): DomainError {
  const listed = problems.slice(0, MAX_PROBLEMS);
  return invalid(
    listed.map((p) => ({ line: p.line, column: p.column, reason: p.reason, field: p.column ?? 'row', message: p.reason })),
    `the file has ${problems.length} problem(s); nothing was imported`,
    { problemCount: problems.length, truncated: problems.length > listed.length },
  );
}

/**
 * Records of the file with the line each starts on. Records the parser cannot read (wrong number
 * of fields, bad quoting) become problems when `problems` is given.
 */
export async function* records(body: string, problems?: RowProblem[]): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true,
    info: true,
    trim: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      problems?.push({ line: Number((err as { lines?: number } | undefined)?.lines ?? 0), column: null, reason: err?.message ?? 'unreadable record' });
      return undefined;
    },
  });
  const source = Readable.from(slices(body));
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: info.lines - lineBreaksIn(record), fields: record };
    }
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    if (!problems) throw err;
    problems.push({ line: e.lines ?? 0, column: null, reason: e.message ?? 'the file cannot be read as CSV' });
  } finally {
    source.destroy();
  }
}
