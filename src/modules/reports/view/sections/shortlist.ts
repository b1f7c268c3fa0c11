import { enumLabel } from '../../labels/enum-labels';
import { DASH, left, muted, paragraph, table } from '../blocks';
import type { ViewContext } from '../context';
import type { BlockView, SectionView } from '../report-view';

export function shortlistSection(ctx: ViewContext): SectionView {
  const { t, source, lang } = ctx;
  const blocks: BlockView[] = [];
  if (source.shortlist.length === 0) blocks.push(muted(t.noShortlist));
  else {
    // shortlisted first, then the exclusions, each in the order the service gave
    const ordered = [
      ...source.shortlist.filter((s) => s.status === 'shortlisted'),
      ...source.shortlist.filter((s) => s.status === 'excluded'),
    ];
    blocks.push(
      table(
        [left(t.supplier), left(t.shortlistStatus), left(t.reason)],
        ordered.map((s) => ({
          cells: [s.name, enumLabel('shortlistStatus', s.status, lang), s.reason ?? DASH],
          emphasis: s.status === 'excluded' ? 'muted' : undefined,
        })),
      ),
    );
  }
  if (source.soleSourceJustification !== null) {
    blocks.push({ kind: 'heading', text: t.soleSource }, paragraph(source.soleSourceJustification));
  }
  return { title: t.shortlist, blocks };
}
