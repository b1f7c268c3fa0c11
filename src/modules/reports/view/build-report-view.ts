/**
 * The decision report as data: `buildReportView` turns a `ReportSource` into the `ReportView` the
 * PDF shows. It is pure: no database, no PDF, no clock. The same source and language always give
 * the same view, which is what makes the PDF bytes reproducible. Each section has its own builder
 * under `sections/`; their order here is the report's order.
 */
import { fill, LABELS, type ReportLang } from '../labels/labels';
import { collectCriteria, type ViewContext } from './context';
import { ReportFormatter, toDate } from './format';
import type { ReportSource } from './report-source';
import type { ReportView } from './report-view';
import { approvalsSection } from './sections/approvals';
import { auditSection } from './sections/audit';
import { buyingCenterSection } from './sections/buying-center';
import { coverView } from './sections/cover';
import { matrixSection } from './sections/matrix';
import { negotiationSection } from './sections/negotiation';
import { proposalSection } from './sections/proposal';
import { sensitivitySection } from './sections/sensitivity';
import { shortlistSection } from './sections/shortlist';
import { specificationSection } from './sections/specification';
import { weightsSection } from './sections/weights';

export function buildReportView(source: ReportSource, lang: ReportLang): ReportView {
  const t = LABELS[lang];
  const ctx: ViewContext = {
    source,
    lang,
    t,
    f: new ReportFormatter(lang),
    currency: source.case.currency,
    criteria: collectCriteria(source),
  };
  const sections = [
    buyingCenterSection(ctx),
    specificationSection(ctx),
    shortlistSection(ctx),
    negotiationSection(ctx),
    weightsSection(ctx),
    matrixSection(ctx),
    sensitivitySection(ctx),
    proposalSection(ctx),
    approvalsSection(ctx),
    auditSection(ctx),
  ].map((section, index) => ({ ...section, title: `${index + 1}. ${section.title}` }));

  return {
    lang,
    meta: {
      title: t.reportTitle,
      subject: `${source.case.reference} - ${source.case.title}`,
      reference: source.case.reference,
      generatedFor: toDate(source.generatedFor).toISOString(),
      headerLeft: t.reportTitle,
      headerRight: source.case.reference,
      footerLeft: `${source.case.reference} · ${fill(t.asOf, { date: ctx.f.instant(source.generatedFor) })}`,
      pageLabel: t.pageOf,
    },
    cover: coverView(ctx),
    sections,
  };
}
