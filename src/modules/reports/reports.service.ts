import { Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sha256 } from '../../domain/audit/canonical-json';
import { AuditService } from '../audit/audit.service';
import { Case } from '../cases/case.entity';
import { DecisionService } from '../evaluation/decision.service';
import { LifecycleHooks } from '../lifecycle/lifecycle-hooks';
import { NegotiationReader } from '../negotiation/negotiation.reader';
import { DomainError } from '../../domain/errors';
import { REPORT_LANGS, type ReportLang } from './labels/labels';
import { RenderPool } from './pdf/render-pool';
import { ReportSourceService } from './report-source.service';
import { StoredReport } from './report.entity';
import { Metrics } from '../observability/metrics';
import type { ReportSource } from './view/report-source';

export interface RenderedReport {
  pdf: Buffer;
  /** SHA-256 of the PDF file. */
  sha256: string;
  /** SHA-256 of the report's content: the canonical JSON of its view model, printed on page 1 (null: stored before it was kept). */
  contentSha256: string | null;
  reference: string;
  stored: boolean;
}

@Injectable()
export class ReportsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: ReportSourceService,
    private readonly hooks: LifecycleHooks,
    private readonly audit: AuditService,
    private readonly negotiation: NegotiationReader,
    private readonly decisions: DecisionService,
    private readonly pool: RenderPool,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  onModuleInit(): void {
    // the final report is rendered and stored in the award's own transaction, from the award the
    // approval module has just recorded ('record' hooks run before 'document' ones)
    // Both languages are rendered from one source before either is recorded, so they describe the
    // same moment: the same audit range (1..n, the same head hash); the report.stored events follow.
    this.hooks.onEnter('AWARDED', 'document', async (m, c, actorId, _from, scope) => {
      const source = await this.sources.build(m, c, await this.decisions.inScope(scope, m, c.id));
      const rendered = [];
      for (const lang of REPORT_LANGS) rendered.push({ lang, ...(await this.render(source, lang)) });
      for (const { lang, pdf, sha256: hash, contentSha256 } of rendered) {
        await m.insert(StoredReport, { caseId: c.id, lang, pdf, sha256: hash, contentSha256 });
        await this.audit.append(m, c.id, actorId, 'report.stored', { lang, sha256: hash, contentSha256 });
      }
    });
  }

  private async render(source: ReportSource, lang: ReportLang): Promise<{ pdf: Buffer; sha256: string; contentSha256: string }> {
    // the view is built where the PDF is laid out, in the pool, off the thread that serves requests
    const { pdf, contentSha256 } = this.metrics
      ? await this.metrics.time('report', () => this.pool.renderSource(source, lang))
      : await this.pool.renderSource(source, lang);
    return { pdf, sha256: sha256(pdf), contentSha256 };
  }

  /** An AWARDED case's stored report (same bytes every time); otherwise rendered from the current data. */
  async report(caseId: string, lang: ReportLang): Promise<RenderedReport> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const c = await m.findOneByOrFail(Case, { id: caseId });
      const stored = await m.findOneBy(StoredReport, { caseId, lang });
      if (stored) return { pdf: stored.pdf, sha256: stored.sha256, contentSha256: stored.contentSha256, reference: c.reference, stored: true };
      if (c.stage === 'CANCELLED' && !(await this.negotiation.decisionRound(m, c.id))) {
        throw new DomainError('CONFLICT', 'the case was cancelled before any negotiation round closed: there is no decision to report');
      }
      const report = await this.render(await this.sources.build(m, c), lang);
      return { ...report, reference: c.reference, stored: false };
    });
  }

  async stored(caseId: string) {
    const rows = await this.dataSource.getRepository(StoredReport).find({
      where: { caseId },
      select: { lang: true, sha256: true, contentSha256: true, createdAt: true },
      order: { lang: 'ASC' },
    });
    return { items: rows.map((r) => ({ lang: r.lang, sha256: r.sha256, contentSha256: r.contentSha256, createdAt: r.createdAt })) };
  }
}
