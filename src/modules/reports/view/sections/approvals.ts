import { enumLabel } from '../../labels/enum-labels';
import { DASH, left, muted, table } from '../blocks';
import { signerName, type ViewContext } from '../context';
import type { BlockView, SectionView } from '../report-view';

export function approvalsSection(ctx: ViewContext): SectionView {
  const { t, f, lang } = ctx;
  const a = ctx.source.approvals;
  const blocks: BlockView[] = [
    {
      kind: 'fields',
      fields: [
        { label: t.approvalsRequired, value: String(a.required) },
        { label: t.executiveRequired, value: f.yesNo(a.executiveRequired, t) },
        { label: t.approvalsComplete, value: f.yesNo(a.complete, t) },
      ],
    },
  ];
  blocks.push(
    a.items.length === 0
      ? muted(t.noApprovals)
      : table(
          [
            left(t.approver),
            left(t.verdict),
            left(t.signedAt),
            left(t.comment),
            { header: t.signedHash, align: 'left', mono: true },
          ],
          a.items.map((item) => {
            const verdict = enumLabel('verdict', item.verdict, lang);
            return {
              cells: [
                signerName(ctx, item),
                item.lapsed ? `${verdict} (${t.lapsed})` : verdict,
                f.instant(item.at),
                item.comment ?? DASH,
                item.snapshotHash,
              ],
              emphasis: item.lapsed ? ('muted' as const) : undefined,
            };
          }),
        ),
  );
  return { title: t.approvals, blocks };
}
