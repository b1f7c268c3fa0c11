import { enumLabel } from '../../labels/enum-labels';
import { left, muted, table } from '../blocks';
import type { ViewContext } from '../context';
import type { SectionView } from '../report-view';

export function buyingCenterSection(ctx: ViewContext): SectionView {
  const { t, source, lang } = ctx;
  if (source.members.length === 0) return { title: t.buyingCenter, blocks: [muted(t.noMembers)] };
  return {
    title: t.buyingCenter,
    blocks: [
      table(
        [left(t.memberName), left(t.memberEmail), left(t.memberRoles)],
        source.members.map((m) => ({
          cells: [m.name, m.email, m.roles.map((r) => enumLabel('role', r, lang)).join(', ')],
        })),
      ),
    ],
  };
}
