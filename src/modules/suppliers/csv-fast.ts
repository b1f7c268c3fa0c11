import { type CsvRecord } from './csv-records';

/** Thrown by `plainRecords` at the first thing it does not read itself: read the file with csv-parse instead. */
export class NotPlainCsv extends Error {
  constructor(readonly at: number) {
    super('not a plain CSV file');
  }
}

/**
 * The records of a well-formed file, read without csv-parse's stream machinery (which cost about a
 * third of an import's CPU): fields split at commas, `"quoted"` fields with `""` inside, `\n` or
 * `\r\n` line ends throughout, empty lines skipped, a leading BOM dropped, each record with the line
 * it starts on — what `records()` gives for such a file (csv-fast.spec.ts compares the two on many
 * files). The fields are as in the file; the import trims every cell itself, so csv-parse's `trim`
 * changes nothing it reads. Anything else (a quote inside an unquoted field or text after a closing
 * quote, an unclosed quote, a record of another length than the first, a lone `\r`, a line break
 * inside a quoted field of a `\r\n` file, a first record of one field) throws `NotPlainCsv`, and
 * the caller reads the whole file again through csv-parse, whose problems and messages the answer
 * keeps. Gives way to the event loop every 2,000 records.
 */
export async function* plainRecords(body: string): AsyncGenerator<CsvRecord> {
  let at = body.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = body.length;
  const crlf = body.indexOf('\r') !== -1;
  let line = 1;
  let width = -1;
  let count = 0;
  while (at < end) {
    // empty lines
    if (body.charCodeAt(at) === 10) {
      if (crlf) throw new NotPlainCsv(at);
      at++;
      line++;
      continue;
    }
    if (crlf && body.charCodeAt(at) === 13 && body.charCodeAt(at + 1) === 10) {
      at += 2;
      line++;
      continue;
    }
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (body.charCodeAt(at) === 34 /* " */) {
        value = '';
        let from = at + 1;
        for (;;) {
          const quote = body.indexOf('"', from);
          if (quote === -1) throw new NotPlainCsv(at);
          if (body.charCodeAt(quote + 1) === 34) {
            value += body.slice(from, quote + 1);
            from = quote + 2;
            continue;
          }
          value += body.slice(from, quote);
          at = quote + 1;
          break;
        }
        for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) {
          if (crlf) throw new NotPlainCsv(at);
          line++;
        }
        if (crlf && value.indexOf('\r') !== -1) throw new NotPlainCsv(at);
      } else {
        let stop = at;
        while (stop < end) {
          const ch = body.charCodeAt(stop);
          if (ch === 44 || ch === 10 || ch === 13) break;
          if (ch === 34) throw new NotPlainCsv(stop);
          stop++;
        }
        value = body.slice(at, stop);
        at = stop;
      }
      fields.push(value);
      // after a field: a comma (another field), the end, or the end of the record
      const next = body.charCodeAt(at);
      if (next === 44 /* , */) {
        at++;
        continue;
      }
      if (at >= end) break;
      if (next === 10 && !crlf) {
        at++;
        break;
      }
      if (next === 13 && crlf && body.charCodeAt(at + 1) === 10) {
        at += 2;
        break;
      }
      throw new NotPlainCsv(at);
    }
    line++;
    if (width === -1) {
      if (fields.length < 2) throw new NotPlainCsv(at);
      width = fields.length;
    } else if (fields.length !== width) {
      throw new NotPlainCsv(at);
    }
    yield { line: start, fields };
    if (++count % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}
