import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { operationFor, operationsOf } from './contract-check';
import { type Exchange, exchangesDir } from './contract-recorder';

type Json = Record<string, unknown>;

export interface OperationStatuses {
  operationId: string;
  method: string;
  path: string;
  declared: number[];
  answered: number[];
}

/** For every operation of the document, the statuses it declares and those the server answered. */
export function statusesByOperation(document: Json, exchanges: Exchange[]): OperationStatuses[] {
  const ops = operationsOf(document);
  const answered = new Map<string, Set<number>>();
  for (const ex of exchanges) {
    const op = operationFor(ops, ex.method, ex.path);
    if (!op) continue;
    if (!answered.has(op.operationId)) answered.set(op.operationId, new Set());
    answered.get(op.operationId)!.add(ex.status);
  }
  return ops
    .map((op) => ({
      operationId: op.operationId,
      method: op.method,
      path: op.template,
      declared: Object.keys(op.responses).map(Number).sort((a, b) => a - b),
      answered: [...(answered.get(op.operationId) ?? [])].sort((a, b) => a - b),
    }))
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** What the suite-wide comparison refuses: an operation never answered with a success, a status answered but not declared. */
export function statusProblems(rows: OperationStatuses[]): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    const successes = row.declared.filter((s) => s < 400);
    if (!row.answered.some((s) => successes.includes(s))) problems.push(`${row.operationId} (${row.method} ${row.path}) never answered ${successes.join('/')} in the suite`);
    const undeclared = row.answered.filter((s) => !row.declared.includes(s));
    if (undeclared.length > 0) problems.push(`${row.operationId} answered ${undeclared.join(', ')}, which it does not declare`);
  }
  return problems;
}

/**
 * After a whole e2e run (the global teardown): every answer of every spec file, against the document
 * the files were served. Prints one line per operation (declared statuses, those seen) and the
 * totals; throws when an operation was never answered with its success status or answered a status
 * it does not declare. Skipped when the run was a selection (a path or name pattern, other projects).
 */
export function suiteStatusSummary(run: { complete: boolean }): void {
  const dir = exchangesDir();
  if (!existsSync(dir)) return;
  try {
    if (!run.complete) return;
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'document.json');
    const documentFile = join(dir, 'document.json');
    if (files.length === 0 || !existsSync(documentFile)) return;
    const document = JSON.parse(readFileSync(documentFile, 'utf8')) as Json;
    const exchanges = files.flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Exchange[]);
    const rows = statusesByOperation(document, exchanges);
    const declared = rows.reduce((n, r) => n + r.declared.length, 0);
    const seen = rows.reduce((n, r) => n + r.declared.filter((s) => r.answered.includes(s)).length, 0);
    const lines = rows.map((r) => {
      const unseen = r.declared.filter((s) => !r.answered.includes(s));
      return `  ${r.operationId.padEnd(28)} answered ${r.answered.join(' ') || '-'}${unseen.length ? `; declared, not seen: ${unseen.join(' ')}` : ''}`;
    });
    const problems = statusProblems(rows);
    console.log(
      `contract statuses over the suite: ${exchanges.length} answers from ${files.length} spec files, ${rows.length} operations, ` +
        `${rows.filter((r) => r.answered.length > 0).length} answered; ${seen} of ${declared} declared statuses seen; ${problems.length} problems\n${lines.join('\n')}`,
    );
    if (problems.length > 0) throw new Error(`the suite's answers and the document's statuses disagree:\n${problems.join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
