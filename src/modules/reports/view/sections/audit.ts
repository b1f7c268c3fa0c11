import { fill } from '../../labels/labels';
import { DASH, left, muted, right, table } from '../blocks';
import type { ViewContext } from '../context';
import type { BlockView, SectionView } from '../report-view';

export function auditSection(ctx: ViewContext): SectionView {
  const { t, f } = ctx;
  const audit = ctx.source.audit;
  const blocks: BlockView[] = [];
  if (!audit.valid) blocks.push({ kind: 'callout', tone: 'danger', text: `${t.auditChain}: ${t.auditChainBroken}` });
  blocks.push({
    kind: 'fields',
    fields: [
      {
        label: t.auditRange,
        value: fill(t.auditRangeValue, { first: f.decimal(audit.firstSeq ?? (audit.events === 0 ? 0 : 1), 0), last: f.decimal(audit.lastSeq ?? audit.events, 0) }),
      },
      { label: t.auditEvents, value: f.decimal(audit.events, 0) },
      { label: t.auditHeadHash, value: audit.headHash ?? DASH, mono: true },
      { label: t.auditChain, value: audit.valid ? t.auditChainValid : t.auditChainBroken },
    ],
  });
  blocks.push(muted(t.auditRangeNote));
  if (audit.recent.length > 0) {
    blocks.push(
      { kind: 'heading', text: t.auditRecent },
      table(
        [right(t.auditSeq), left(t.auditAt), left(t.auditActor), left(t.auditAction)],
        audit.recent.map((e) => ({ cells: [String(e.seq), f.instant(e.at), e.actor, e.action] })),
      ),
    );
  }
  return { title: t.audit, blocks };
}
