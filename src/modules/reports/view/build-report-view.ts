/**
 * The decision report as data: `buildReportView` turns a `ReportSource` into the `ReportView` the
 * PDF shows. It is pure: no database, no PDF, no clock. The same source and language always give
 * the same view, which is what makes the PDF bytes reproducible. The view carries the SHA-256 of its
 * own canonical JSON (the content hash), which page 1 prints. Each section has its own builder
 * under `sections/`; their order here is the report's order.
 */
import { canonicalJson, sha256 } from '../../../domain/audit/canonical-json';
import { enumLabel } from '../labels/enum-labels';
import { fill, LABELS, type ReportLang } from '../labels/labels';
import { collectCriteria, type ViewContext } from './context';
import { ReportFormatter, toDate } from './format';
import type { ReportSource } from './report-source';
import type { ReportView, ReportViewContent } from './report-view';
import { approvalsSection } from './sections/approvals';
import { auditSection } from './sections/audit';
import { buyingCenterSection } from './sections/buying-center';
import { caseDetailsSection } from './sections/cover';
import { decisionBlocks } from './sections/decision';
import { matrixSection } from './sections/matrix';
import { negotiationSection } from './sections/negotiation';
import { proposalSection } from './sections/proposal';
import { sensitivitySection } from './sections/sensitivity';
import { reliabilitySection } from './sections/reliability';
import { scoresSection } from './sections/scores';
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
    caseDetailsSection(ctx),
    buyingCenterSection(ctx),
    specificationSection(ctx),
    shortlistSection(ctx),
    negotiationSection(ctx),
    weightsSection(ctx),
    scoresSection(ctx),
    reliabilitySection(ctx),
    matrixSection(ctx),
    sensitivitySection(ctx),
    proposalSection(ctx),
    approvalsSection(ctx),
    auditSection(ctx),
  ].map((section, index) => ({ ...section, title: `${index + 1}. ${section.title}` }));

  const stage = enumLabel('stage', source.case.stage, lang);
  const content: ReportViewContent = {
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
      draft: source.case.stage === 'AWARDED' ? null : fill(t.draftBanner, { stage }),
    },
    decision: {
      kicker: t.decisionKicker,
      reference: source.case.reference,
      title: source.case.title,
      blocks: decisionBlocks(ctx),
      contentHashLabel: t.contentHash,
      contentHashNote: t.contentHashNote,
    },
    sections,
  };
  return { ...content, contentSha256: contentHash(content) };
}

/** The report's content hash: SHA-256 of the canonical JSON of the view model (README "Decision report"). */
export function contentHash(content: ReportViewContent): string {
  return sha256(canonicalJson(content));
}
