import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalid } from '../../domain/errors';
import { NotPlainCsv, plainRecords } from './csv-fast';
import { type CsvRecord, fileProblems, MAX_PROBLEMS, records } from './csv-records';
import { withImportRetries } from './import-retries';
import { type CsvColumn, readHeader, readRow, type RowProblem } from './supplier-csv';
import { copyLine, SuppliersQueries } from './suppliers.queries';

export interface ImportResult {
  created: number;
  updated: number;
  /** every row of the file with the supplier it created or updated, by line */
  rows: Array<{ line: number; supplierId: string; outcome: 'created' | 'updated' }>;
}


/** What the one pass over the file found: see `pass`. */
interface Pass {
  columns: Map<CsvColumn, number>;
  problems: RowProblem[];
  rows: number;
  staged: string[];
  order: Map<string, number>;
  lines: number[];
}

/**
 * Bulk import of the registry from CSV, all or nothing. The body is read once by a streaming
 * parser: every row validated (keeping the problems, the tax ids seen and, while the file is
 * clean, the rows as COPY text); then, in one transaction, the rows are streamed into a staging
 * table by COPY and upserted with one statement.
 */
@Injectable()
export class SupplierImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly queries: SuppliersQueries) {}

  async import(body: unknown): Promise<ImportResult> {
    if (typeof body !== 'string') throw invalid('body', 'send the CSV file as the request body with Content-Type: text/csv');
    const { columns, problems, rows, staged, order, lines } = await this.validate(body);
    if (problems.length > 0) throw fileProblems(problems);
    if (rows === 0) throw invalid('body', 'the file has a header but no supplier rows');
    return withImportRetries(() => this.write(staged, columns, order, lines));
  }

  /**
   * Then, in one transaction: the rows staged in file order by COPY, then written in tax id order.
   * Each written supplier comes back with its key, which names its row (`order`: key → the row's
   * place in the file, `lines`: place → line), so the answer lists them in file order.
   */
  private write(staged: readonly string[], columns: Map<CsvColumn, number>, order: ReadonlyMap<string, number>, lines: readonly number[]): Promise<ImportResult> {
    return this.dataSource.transaction(async (m) => {
      await this.queries.stageImport(m, staged);
      const written = await this.queries.upsertStaged(m, columns);
      const result: ImportResult = { created: 0, updated: 0, rows: new Array<ImportResult['rows'][number]>(lines.length) };
      for (const { id, key, inserted } of written) {
        const at = order.get(key);
        if (at === undefined || result.rows[at] !== undefined) throw new Error(`the import wrote a supplier no row or two rows name: ${key}`);
        if (inserted) result.created++;
        else result.updated++;
        result.rows[at] = { line: lines[at], supplierId: id, outcome: inserted ? 'created' : 'updated' };
      }
      if (written.length !== lines.length) throw new Error(`the import wrote ${written.length} suppliers for ${lines.length} rows`);
      return result;
    });
  }

  /**
   * One pass: every problem of every row, and the file's duplicate tax ids; while none is found, the
   * rows as COPY text in slices of about 64 KiB (about the body's size again, never a row object per row).
   * A well-formed file is read by the plain reader; at the first thing it leaves to csv-parse, the pass
   * starts again from the top through csv-parse, which names the unreadable records; so it does when the
   * problems pass the cap before the end of the file (csv-parse may have named records read ahead).
   */
  private async validate(body: string): Promise<Pass> {
    try {
      const plain = await this.pass(plainRecords(body), []);
      if (plain.problems.length <= MAX_PROBLEMS) return plain;
    } catch (err) {
      if (!(err instanceof NotPlainCsv)) throw err;
    }
    const problems: RowProblem[] = [];
    return this.pass(records(body, problems), problems);
  }

  private async pass(source: AsyncIterable<CsvRecord>, problems: RowProblem[]): Promise<Pass> {
    const staged: string[] = [];
    let slice = '';
    let columns: Map<CsvColumn, number> | null = null;
    // who each row is → its place among the rows, and the line of each place
    const order = new Map<string, number>();
    const lines: number[] = [];
    let rows = 0;
    for await (const record of source) {
      if (columns === null) {
        const header = readHeader(record.fields, record.line);
        if (header.problems.length > 0) return { columns: header.columns, problems: header.problems, rows, staged, order, lines };
        columns = header.columns;
        continue;
      }
      rows++;
      const { row, problems: rowProblems, identity } = readRow(record.fields, columns, record.line);
      problems.push(...rowProblems);
      if (row !== null && problems.length === 0) {
        slice += copyLine(row);
        if (slice.length >= 64 * 1024) {
          staged.push(slice);
          slice = '';
        }
      }
      // duplicates by who the row is, whatever else is wrong with either row: all in this one pass
      if (identity !== null) {
        const seen = order.get(identity);
        if (seen !== undefined) {
          const [country, taxId] = identity.split('|');
          problems.push({ line: record.line, column: 'taxId', reason: `tax id ${taxId} (${country}) is already on line ${lines[seen]}` });
        } else {
          order.set(identity, lines.length);
          lines.push(record.line);
        }
      }
      if (problems.length > MAX_PROBLEMS) break;
    }
    if (columns === null) return { columns: new Map(), problems: [{ line: 1, column: null, reason: 'the file is empty: expected a header row' }], rows, staged, order, lines };
    problems.sort((a, b) => a.line - b.line);
    if (slice !== '') staged.push(slice);
    return { columns, problems, rows, staged, order, lines };
  }
}
