import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { sha256 } from '../../domain/audit/canonical-json';
import { AuditService } from '../audit/audit.service';
import { Case } from '../cases/case.entity';
import { DecisionService, type Evaluation } from '../evaluation/decision.service';
import { LifecycleHooks } from '../lifecycle/lifecycle-hooks';
import { NegotiationReader } from '../negotiation/negotiation.reader';
import { DomainError } from '../../domain/errors';
import { REPORT_LANGS, type ReportLang } from './labels/labels';
import { renderReport } from './pdf/render-report';
import { ReportSourceService } from './report-source.service';
import { StoredReport } from './report.entity';
import { buildReportView } from './view/build-report-view';

export interface RenderedReport {
  pdf: Buffer;
  sha256: string;
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
  ) {}

  onModuleInit(): void {
    // the final report is rendered and stored in the award's own transaction, from the award the
    // approval module has just recorded ('record' hooks run before 'document' ones)
    this.hooks.onEnter('AWARDED', 'document', async (m, c, actorId, _from, scope) => {
      const evaluation = await this.decisions.inScope(scope, m, c.id);
      for (const lang of REPORT_LANGS) {
        const pdf = await this.render(m, c, lang, evaluation);
        const hash = sha256(pdf);
        await m.insert(StoredReport, { caseId: c.id, lang, pdf, sha256: hash });
        await this.audit.append(m, c.id, actorId, 'report.stored', { lang, sha256: hash });
      }
    });
  }

  private async render(m: EntityManager, c: Case, lang: ReportLang, evaluation?: Evaluation): Promise<Buffer> {
    return renderReport(buildReportView(await this.sources.build(m, c, evaluation), lang));
  }

  /** An AWARDED case's stored report (same bytes every time); otherwise rendered from the current data. */
  async report(caseId: string, lang: ReportLang): Promise<RenderedReport> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const c = await m.findOneByOrFail(Case, { id: caseId });
      const stored = await m.findOneBy(StoredReport, { caseId, lang });
      if (stored) return { pdf: stored.pdf, sha256: stored.sha256, reference: c.reference, stored: true };
      if (c.stage === 'CANCELLED' && !(await this.negotiation.decisionRound(m, c.id))) {
        throw new DomainError('CONFLICT', 'the case was cancelled before any negotiation round closed: there is no decision to report');
      }
      const pdf = await this.render(m, c, lang);
      return { pdf, sha256: sha256(pdf), reference: c.reference, stored: false };
    });
  }

  async stored(caseId: string) {
    const rows = await this.dataSource.getRepository(StoredReport).find({
      where: { caseId },
      select: { lang: true, sha256: true, createdAt: true },
      order: { lang: 'ASC' },
    });
    return { items: rows.map((r) => ({ lang: r.lang, sha256: r.sha256, createdAt: r.createdAt })) };
  }
}
