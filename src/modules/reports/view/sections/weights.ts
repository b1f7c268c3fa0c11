import { enumLabel } from '../../labels/enum-labels';
import { fill } from '../../labels/labels';
import { left, muted, paragraph, right, table } from '../blocks';
import type { ViewContext } from '../context';
import type { ReportWeights } from '../report-source';
import type { SectionView } from '../report-view';

export function weightsSection(ctx: ViewContext): SectionView {
  const { t, f, lang } = ctx;
  const weights = ctx.source.weights;
  if (weights === null) return { title: t.weights, blocks: [muted(t.noWeights)] };
  const rows = weights.items.map((item) => ({
    cells: [
      item.name,
      enumLabel('criterionKind', item.kind, lang),
      f.percentOfOne(item.base),
      f.percentOfOne(item.effective),
      f.percentagePoints(item.effective - item.base),
    ],
    // the rows the strategic rule raised are the ones a reader must notice
    emphasis: item.effective - item.base > 1e-12 ? ('strong' as const) : undefined,
  }));
  return {
    title: t.weights,
    blocks: [
      table(
        [
          left(t.criterionName),
          left(t.criterionKind),
          right(t.baseWeight),
          right(t.effectiveWeight),
          right(t.weightChange),
        ],
        rows,
      ),
      { kind: 'heading', text: t.ruleApplied },
      paragraph(weightRuleText(ctx, weights)),
    ],
  };
}

function weightRuleText(ctx: ViewContext, weights: ReportWeights): string {
  const { t, f } = ctx;
  if (!weights.strategic) return t.ruleNone;
  const reliability = weights.items.filter((i) => i.kind === 'reliability');
  if (reliability.length === weights.items.length) return t.ruleAllReliability;
  if (weights.policy === undefined) return weights.rule ?? t.ruleNone;
  const sum = (pick: (i: (typeof reliability)[number]) => number): number =>
    reliability.reduce((s, i) => s + pick(i), 0);
  const text = fill(t.ruleStrategic, {
    from: f.percentOfOne(sum((i) => i.base)),
    to: f.percentOfOne(sum((i) => i.effective)),
    m: f.plain(weights.policy.multiplier),
    f: f.decimal(weights.policy.floor, 2),
    cap: f.plain(weights.policy.cap),
  });
  return weights.addedBuiltin ? `${text} ${t.ruleBuiltIn}` : text;
}
