import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportFigure } from './suppliers.bench';
import { recordedTargets, recordTarget } from './util';

/**
 * `npm run bench [-- section]`: runs every `bench/*.bench.js` (compiled) in turn, or those whose name
 * contains `section` (`npm run bench -- matrix`); each prints its own figures. Then one table of the
 * issue-17 targets the sections measured: figure, ceiling, ratio (or value) and goal.
 * Figures are medians over repeated runs, with peak memory where it matters; nothing here is a test.
 */
async function main(): Promise<void> {
  const only = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => !only || f.includes(only))
    .sort();
  for (const file of files) {
    console.log(`\n## ${file.replace(/\.bench\.js$/, '')}`);
    const mod = (await import(join(__dirname, file))) as { run: () => Promise<unknown> };
    recordReturned(await mod.run());
  }
  printTargets();
}

/** A section may return its figures instead of recording them: the supplier import's (target 5) come so. */
function recordReturned(returned: unknown): void {
  const imports = (returned as { imports?: ImportFigure[] } | undefined)?.imports;
  for (const f of imports ?? []) {
    recordTarget({
      target: `5 CSV import ${f.rows} rows vs raw INSERT`,
      figure: `${f.importRowsPerS.toFixed(0)} rows/s`,
      ceiling: `${f.insertRowsPerS.toFixed(0)} rows/s`,
      value: f.ratio,
      goal: '≥ 0.6×',
      met: f.ratio >= 0.6,
    });
    // the same rows in CPU time (this process + PostgreSQL), less moved by the machine's other load
    const { importNodeMs, importPostgresMs, insertNodeMs, insertPostgresMs, ratio } = f.cpu;
    if (ratio !== null && importPostgresMs !== null && insertPostgresMs !== null) {
      recordTarget({
        target: `5 CSV import ${f.rows} rows vs raw INSERT, CPU`,
        figure: `${(importNodeMs + importPostgresMs).toFixed(0)} ms CPU`,
        ceiling: `${(insertNodeMs + insertPostgresMs).toFixed(0)} ms CPU`,
        value: ratio,
        goal: '≥ 0.6×',
        met: ratio >= 0.6,
      });
    }
  }
}

function printTargets(): void {
  const rows = recordedTargets();
  if (rows.length === 0) return;
  const header = ['target', 'figure', 'ceiling', 'ratio / value', 'goal', ''];
  const table = rows.map((r) => [r.target, r.figure, r.ceiling, r.value.toFixed(3), r.goal, r.met ? 'met' : 'NOT MET']);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log('\n## issue 17 targets (this run)');
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of table) console.log(line(row));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
