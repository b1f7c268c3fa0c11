import { fill } from '../../labels/labels';
import { left, muted, right, table } from '../blocks';
import { supplierNameById, type ViewContext } from '../context';
import type { SectionView } from '../report-view';

/** Each ranked supplier's reliability score with its parts and the record it was computed from. */
export function reliabilitySection(ctx: ViewContext): SectionView {
  const { t, f } = ctx;
  const items = ctx.source.reliability ?? [];
  if (items.length === 0) return { title: t.reliability, blocks: [muted(t.noReliability)] };
  const part = (v: number): string => f.decimal(v, 3);
  return {
    title: t.reliability,
    blocks: [
      muted(fill(t.reliabilityNote, { asOf: f.date(items[0].asOf) })),
      table(
        [
          left(t.supplier),
          right(t.reliabilityScore),
          right(t.otif),
          right(t.qualityPart),
          right(t.certificationsPart),
          right(t.financialPart),
          right(t.deliveries),
          right(t.incidents),
        ],
        items.map((r) => ({
          cells: [
            supplierNameById(ctx, r.supplierId),
            f.decimal(r.score, 2),
            part(r.parts.otif),
            part(r.parts.quality),
            part(r.parts.certifications),
            part(r.parts.financial),
            f.decimal(r.deliveries, 0),
            f.decimal(r.incidents, 0),
          ],
        })),
      ),
    ],
  };
}
