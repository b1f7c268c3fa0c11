import { fill } from '../../labels/labels';
import { DASH, muted, paragraph } from '../blocks';
import type { ViewContext } from '../context';
import type { BlockView, SectionView } from '../report-view';

export function proposalSection(ctx: ViewContext): SectionView {
  const { t, f } = ctx;
  const d = ctx.source.decision;
  if (d === null) return { title: t.proposal, blocks: [muted(t.noDecision)] };
  const blocks: BlockView[] = [];
  if (d.override) {
    const top = ctx.source.matrix?.ranking.find((r) => r.rank === 1)?.supplierName ?? DASH;
    blocks.push({ kind: 'callout', tone: 'danger', text: fill(t.overrideFlag, { top }) });
  }
  if (d.stale) blocks.push({ kind: 'callout', tone: 'warning', text: t.staleFlag });
  blocks.push(
    {
      kind: 'fields',
      fields: [
        { label: t.proposedSupplier, value: d.supplierName },
        { label: t.proposedBy, value: d.proposedBy },
        { label: t.proposedAt, value: f.instant(d.proposedAt) },
        { label: t.snapshotHash, value: d.snapshotHash, mono: true },
      ],
    },
    { kind: 'heading', text: t.justification },
    paragraph(d.justification),
  );
  return { title: t.proposal, blocks };
}
