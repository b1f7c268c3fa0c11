import { enumLabel } from '../../labels/enum-labels';
import type { ViewContext } from '../context';
import type { SectionView } from '../report-view';

/** The case's own facts (the content hash is on page 1, with what it covers). */
export function caseDetailsSection(ctx: ViewContext): SectionView {
  const { t, f, source, lang } = ctx;
  const c = source.case;
  return {
    title: t.caseDetails,
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: t.reference, value: c.reference },
          { label: t.caseTitle, value: c.title },
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
        ],
      },
    ],
  };
}
