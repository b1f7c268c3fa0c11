import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalid } from '../../domain/errors';
import { fileProblems, MAX_PROBLEMS, records } from './csv-records';
import { withImportRetries } from './import-retries';
import { type CsvColumn, type ImportRow, readHeader, readRow, type RowProblem } from './supplier-csv';
import { SuppliersQueries } from './suppliers.queries';

/** The rows of a file the first pass found valid: only read now. */
async function* validRows(body: string, columns: Map<CsvColumn, number>): AsyncGenerator<ImportRow> {
  let header = true;
  for await (const record of records(body)) {
    if (header) {
      header = false;
      continue;
    }
    yield readRow(record.fields, columns, record.line, false).row!;
  }
}

export interface ImportResult {
  created: number;
  updated: number;
  /** every row of the file with the supplier it created or updated, by line */
  rows: Array<{ line: number; supplierId: string; outcome: 'created' | 'updated' }>;
}


/**
 * Bulk import of the registry from CSV, all or nothing. The body is read twice by a streaming
 * parser, never copied whole: the first pass validates every row (keeping only the problems and
 * the tax ids seen), the second streams the rows into a staging table by COPY and upserts them with one statement,
 * inside one transaction.
 */
@Injectable()
export class SupplierImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly queries: SuppliersQueries) {}

  async import(body: unknown): Promise<ImportResult> {
    if (typeof body !== 'string') throw invalid('body', 'send the CSV file as the request body with Content-Type: text/csv');
    const { columns, problems, rows } = await this.validate(body);
    if (problems.length > 0) throw fileProblems(problems);
    if (rows === 0) throw invalid('body', 'the file has a header but no supplier rows');
    return withImportRetries(() => this.write(body, columns));
  }

  /** Pass two, in one transaction: the rows staged in file order by COPY, then written in tax id order. */
  private write(body: string, columns: Map<CsvColumn, number>): Promise<ImportResult> {
    return this.dataSource.transaction(async (m) => {
      await this.queries.stageImport(m, validRows(body, columns));
      const written = await this.queries.upsertStaged(m, columns);
      const result: ImportResult = { created: 0, updated: 0, rows: [] };
      for (const { id, line, inserted } of written) {
        if (inserted) result.created++;
        else result.updated++;
        result.rows.push({ line, supplierId: id, outcome: inserted ? 'created' : 'updated' });
      }
      return result;
    });
  }

  /** Pass one: every problem of every row, and the file's duplicate tax ids. */
  private async validate(body: string): Promise<{ columns: Map<CsvColumn, number>; problems: RowProblem[]; rows: number }> {
    const problems: RowProblem[] = [];
    let columns: Map<CsvColumn, number> | null = null;
    const firstLine = new Map<string, number>();
    let rows = 0;
    for await (const record of records(body, problems)) {
      if (columns === null) {
        const header = readHeader(record.fields, record.line);
        if (header.problems.length > 0) return { columns: header.columns, problems: header.problems, rows };
        columns = header.columns;
        continue;
      }
      rows++;
      const { problems: rowProblems, identity } = readRow(record.fields, columns, record.line);
      problems.push(...rowProblems);
      // duplicates by who the row is, whatever else is wrong with either row: all in this one pass
      if (identity !== null) {
        const seen = firstLine.get(identity);
        if (seen !== undefined) {
          const [country, taxId] = identity.split('|');
          problems.push({ line: record.line, column: 'taxId', reason: `tax id ${taxId} (${country}) is already on line ${seen}` });
        } else {
          firstLine.set(identity, record.line);
        }
      }
      if (problems.length > MAX_PROBLEMS) break;
    }
    if (columns === null) return { columns: new Map(), problems: [{ line: 1, column: null, reason: 'the file is empty: expected a header row' }], rows };
    problems.sort((a, b) => a.line - b.line);
    return { columns, problems, rows };
  }
}
