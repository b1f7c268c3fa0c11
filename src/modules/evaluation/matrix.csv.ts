import { type MatrixView } from './matrix.service';

/**
 * The decision matrix as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they
 * hold a comma, quote or line break). One row per ranked supplier × criterion, in rank then
 * criterion order, then one row per excluded supplier × failed requirement. README "Decision
 * matrix as CSV" documents the columns.
 */
export const MATRIX_CSV_HEADER = [
  'status',
  'rank',
  'supplier_id',
  'supplier_name',
  'total',
  'tie',
  'criterion_id',
  'criterion_name',
  'base_weight',
  'effective_weight',
  'raw',
  'normalized',
  'contribution',
  'requirement_id',
  'reason',
] as const;

export function matrixCsv(view: Pick<MatrixView, 'weights' | 'ranking' | 'excluded'>): string {
  const weights = new Map(view.weights.map((w) => [w.criterionId, w]));
  const rows: Array<Array<string | number | boolean | null>> = [[...MATRIX_CSV_HEADER]];
  for (const r of view.ranking) {
    for (const cell of r.cells) {
      const w = weights.get(cell.criterionId);
      const raw = 'rawAmount' in cell && cell.rawAmount !== undefined ? cell.rawAmount : cell.raw;
      rows.push([
        'ranked',
        r.rank,
        r.supplierId,
        text(r.supplierName),
        decimal(r.total),
        r.tie,
        cell.criterionId,
        text(w?.name ?? ''),
        w ? decimal(w.base) : null,
        w ? decimal(w.effective) : null,
        typeof raw === 'number' ? decimal(raw) : raw,
        decimal(cell.normalized),
        decimal(cell.contribution),
        null,
        null,
      ]);
    }
  }
  for (const e of view.excluded) {
    rows.push(['excluded', null, e.supplierId, text(e.supplierName ?? ''), null, null, null, null, null, null, null, null, null, e.requirementId, text(e.reason)]);
  }
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Up to 6 decimals, no exponent, no trailing zeros: what a spreadsheet reads back as the same number. */
function decimal(x: number): string {
  const fixed = x.toFixed(6);
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/**
 * Names and reasons come from users: a leading =, +, -, @ (or tab/CR) would make a spreadsheet
 * evaluate the cell as a formula, so such a text gets a leading apostrophe.
 */
function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
