import { enumLabel } from '../../labels/enum-labels';
import type { ViewContext } from '../context';
import type { ReportView } from '../report-view';

export function coverView(ctx: ViewContext): ReportView['cover'] {
  const { t, f, source, lang } = ctx;
  const c = source.case;
  return {
    kicker: t.coverKicker,
    reference: c.reference,
    title: c.title,
    fields: [
      { label: t.reference, value: c.reference },
      { label: t.businessNeed, value: c.businessNeed },
      { label: t.purchaseType, value: enumLabel('purchaseType', c.purchaseType, lang) },
      { label: t.strategicClass, value: enumLabel('kraljic', c.kraljicCategory, lang) },
      { label: t.status, value: enumLabel('stage', c.stage, lang) },
      { label: t.category, value: c.category },
      { label: t.baseCurrency, value: c.currency },
      { label: t.quantity, value: `${f.plain(c.quantity)} ${c.unit}`.trim() },
      { label: t.estimatedBudget, value: f.money(c.estimatedBudget, c.currency) },
      { label: t.neededBy, value: c.neededBy === null ? t.notSet : f.date(c.neededBy) },
      { label: t.generatedFor, value: f.instant(source.generatedFor) },
      { label: t.reportHash, value: source.reportHash, mono: true },
    ],
  };
}
