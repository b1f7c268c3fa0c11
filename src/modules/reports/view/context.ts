import type { CriterionKind, CriterionSource } from '../../../domain/scoring';
import { fill, type Labels, type ReportLang } from '../labels/labels';
import type { ReportFormatter } from './format';
import type { ReportSource } from './report-source';

/** What every section builder reads: the source, the language's labels and formatter, the criteria in display order. */
export interface ViewContext {
  source: ReportSource;
  lang: ReportLang;
  t: Labels;
  f: ReportFormatter;
  currency: string;
  criteria: CriterionInfo[];
}

/** What the matrix, weights and sensitivity sections need to know about each criterion. */
export interface CriterionInfo {
  id: string;
  name: string;
  kind: CriterionKind | null;
  source: CriterionSource | null;
  effective: number | null;
}

/** Criteria in display order: the weights list (it includes a built-in reliability criterion), then the spec. */
export function collectCriteria(source: ReportSource): CriterionInfo[] {
  const specCriteria = source.specification?.criteria ?? [];
  const fromSpec = new Map(specCriteria.map((c) => [c.id, c]));
  const infos: CriterionInfo[] = (source.weights?.items ?? []).map((item) => ({
    id: item.criterionId,
    name: item.name,
    kind: item.kind,
    source: fromSpec.get(item.criterionId)?.source ?? (item.kind === 'reliability' ? 'reliability' : null),
    effective: item.effective,
  }));
  const known = new Set(infos.map((i) => i.id));
  for (const c of specCriteria) {
    if (!known.has(c.id)) infos.push({ id: c.id, name: c.name, kind: c.kind, source: c.source, effective: null });
    known.add(c.id);
  }
  for (const cell of source.matrix?.ranking[0]?.cells ?? []) {
    if (!known.has(cell.criterionId)) {
      infos.push({ id: cell.criterionId, name: cell.criterionId, kind: null, source: null, effective: null });
      known.add(cell.criterionId);
    }
  }
  return infos;
}

export function criterionName(ctx: ViewContext, id: string): string {
  return ctx.criteria.find((c) => c.id === id)?.name ?? id;
}

export function supplierNameById(ctx: ViewContext, supplierId: string): string {
  const { matrix, shortlist, rounds } = ctx.source;
  return (
    matrix?.ranking.find((r) => r.supplierId === supplierId)?.supplierName ??
    shortlist.find((s) => s.supplierId === supplierId)?.name ??
    rounds.flatMap((r) => r.offers).find((o) => o.supplierId === supplierId)?.supplierName ??
    supplierId
  );
}

export function isMoney(c: CriterionInfo): boolean {
  return c.source === 'offer.price' || (c.source === null && c.kind === 'price');
}

/** Who signed: the approver, or their delegate "on behalf of" them. */
export function signerName(ctx: ViewContext, item: { approverName: string; signedByName?: string | null }): string {
  return item.signedByName ? fill(ctx.t.signedOnBehalf, { delegate: item.signedByName, approver: item.approverName }) : item.approverName;
}
