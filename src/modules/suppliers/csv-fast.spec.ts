import { records } from './csv-records';
import { NotPlainCsv, plainRecords } from './csv-fast';
import { type RowProblem } from './supplier-csv';

/**
 * The plain reader gives the records csv-parse gives (the lines they start on and their cells as
 * the import reads them, trimmed), or gives way: on thousands of files well-formed and not.
 */
async function plain(body: string): Promise<Array<{ line: number; fields: string[] }> | 'csv-parse'> {
  const out: Array<{ line: number; fields: string[] }> = [];
  try {
    for await (const r of plainRecords(body)) out.push({ line: r.line, fields: r.fields.map((f) => f.trim()) });
  } catch (err) {
    if (err instanceof NotPlainCsv) return 'csv-parse';
    throw err;
  }
  return out;
}

async function parsed(body: string): Promise<{ records: Array<{ line: number; fields: string[] }>; problems: RowProblem[] }> {
  const problems: RowProblem[] = [];
  const out: Array<{ line: number; fields: string[] }> = [];
  for await (const r of records(body, problems)) out.push({ line: r.line, fields: r.fields.map((f) => f.trim()) });
  return { records: out, problems };
}

let seed = 11;
const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
const GOOD = ['ACME', '', ' spaced ', 'Müller & Söhne', '漢字', 'a|b|c', 'x:2024-01-01:2025-01-01', '"quoted, with comma"', '"with ""quotes"" inside"', '""', '"  padded  "', '\tTab\t', 'a.b@c.example'];
const MULTILINE = ['"two\nlines"', '"three\n\nlines"'];
const BAD = ['a"b', '"unclosed', '"closed" trailing', ' "lead"', '"x"y', 'a\rb', '"cr\rinside"'];

function file(options: { bad: boolean; crlf: boolean }): string {
  const width = 2 + next(5);
  const eol = options.crlf ? '\r\n' : '\n';
  const pool = options.crlf ? GOOD : [...GOOD, ...MULTILINE];
  let body = next(4) === 0 ? '\ufeff' : '';
  const rows = 1 + next(6);
  for (let r = 0; r < rows; r++) {
    if (next(5) === 0) body += eol; // an empty line
    let n = width;
    if (options.bad && next(4) === 0) n += next(2) === 0 ? 1 : -1;
    const cells = Array.from({ length: n }, () => (options.bad && next(6) === 0 ? BAD[next(BAD.length)] : pool[next(pool.length)]));
    body += cells.join(',');
    if (r < rows - 1 || next(2) === 0) body += options.bad && next(8) === 0 ? (options.crlf ? '\n' : '\r\n') : eol;
  }
  return body;
}

describe('plainRecords reads what csv-parse reads, or gives way', () => {
  it('well-formed files, \\n and \\r\\n, never give way and agree', async () => {
    for (let i = 0; i < 1500; i++) {
      const body = file({ bad: false, crlf: i % 3 === 0 });
      const expected = await parsed(body);
      expect({ body, problems: expected.problems }).toEqual({ body, problems: [] });
      expect({ body, records: await plain(body) }).toEqual({ body, records: expected.records });
    }
  });

  it('files with bad records either give way or agree with a clean csv-parse reading', async () => {
    let gaveWay = 0;
    for (let i = 0; i < 1500; i++) {
      const body = file({ bad: true, crlf: i % 3 === 0 });
      const got = await plain(body);
      const expected = await parsed(body);
      if (got === 'csv-parse') gaveWay++;
      else expect({ body, records: got, problems: [] }).toEqual({ body, records: expected.records, problems: expected.problems });
      if (expected.problems.length > 0) expect({ body, got }).toEqual({ body, got: 'csv-parse' });
    }
    expect(gaveWay).toBeGreaterThan(300);
  });

  it('random text of commas, quotes, line breaks and spaces', async () => {
    const alphabet = [',', '"', '\n', '\r', '\r\n', ' ', 'a', 'b', '\ufeff'];
    let agreed = 0;
    for (let i = 0; i < 4000; i++) {
      let body = '';
      for (let n = next(30); n > 0; n--) body += alphabet[next(alphabet.length)];
      const got = await plain(body);
      if (got === 'csv-parse') continue;
      const expected = await parsed(body);
      expect({ body, records: got, problems: [] }).toEqual({ body, records: expected.records, problems: expected.problems });
      agreed++;
    }
    expect(agreed).toBeGreaterThan(200);
  });
});
