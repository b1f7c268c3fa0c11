import Decimal from 'decimal.js';

import { enumLabel } from '../../labels/enum-labels';
import { DASH, left, muted, right, table } from '../blocks';
import type { ViewContext } from '../context';
import type { ReportSpecification } from '../report-source';
import type { BlockView, SectionView } from '../report-view';

export function specificationSection(ctx: ViewContext): SectionView {
  const { t, f, lang } = ctx;
  const spec = ctx.source.specification;
  if (spec === null) return { title: t.specification, blocks: [muted(t.noSpecification)] };

  const weightSum = spec.criteria.reduce((sum, c) => sum.plus(c.weight), new Decimal(0));
  const blocks: BlockView[] = [
    {
      kind: 'fields',
      fields: [
        { label: t.specVersion, value: String(spec.version) },
        { label: t.specFrozenAt, value: spec.frozenAt === null ? t.specNotFrozen : f.instant(spec.frozenAt) },
        { label: t.specDescription, value: spec.description },
      ],
    },
    { kind: 'heading', text: t.requirements },
  ];
  blocks.push(
    spec.requirements.length === 0
      ? muted(t.noRequirements)
      : table(
          [right('#'), left(t.requirementText), left(t.requirementType), left(t.requirementValue)],
          spec.requirements.map((r, i) => ({
            cells: [String(i + 1), r.text, enumLabel('requirementType', r.type, lang), requirementValue(ctx, r.value)],
          })),
        ),
  );
  blocks.push({ kind: 'heading', text: t.criteria });
  blocks.push(
    table(
      [
        left(t.criterionName),
        left(t.criterionKind),
        left(t.criterionDirection),
        left(t.criterionSource),
        left(t.criterionNormalization),
        right(t.criterionWeight),
        right('%'),
      ],
      spec.criteria.map((c) => ({
        cells: [
          c.name,
          enumLabel('criterionKind', c.kind, lang),
          enumLabel('direction', c.direction, lang),
          enumLabel('criterionSource', c.source, lang),
          enumLabel('normalization', c.normalization, lang),
          f.plain(c.weight),
          weightSum.isZero() ? DASH : f.percentOfOne(new Decimal(c.weight).div(weightSum).toNumber()),
        ],
      })),
    ),
  );
  return { title: t.specification, blocks };
}

/** A yes/no requirement's required answer is a word of the report's language, not "true". */
function requirementValue(ctx: ViewContext, value: ReportSpecification['requirements'][number]['value']): string {
  if (value === null) return DASH;
  return typeof value === 'boolean' ? ctx.f.yesNo(value, ctx.t) : String(value);
}
