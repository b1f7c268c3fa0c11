import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { releasePackage, type ReleasePackage } from '../../domain/ocds/release-package';
import { AuditEvent } from '../audit/audit-event.entity';
import { Case } from '../cases/case.entity';
import { DecisionService } from '../evaluation/decision.service';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messages/messaging.options';
import { NegotiationReader } from '../negotiation/negotiation.reader';
import { StoredReport } from '../reports/report.entity';
import { ShortlistQueries } from '../shortlist/shortlist.queries';

/** The OCDS publisher and ocid prefix (README "OCDS export": a registered prefix replaces it in a real publication). */
export const OCDS_PUBLISHER = 'Supplier evaluation service';
export const OCID_PREFIX = 'ocds-supeval';

/** Stages from which the decision matrix is part of the export: it exists once a round closed and the case is evaluated. */
const EVALUATED = ['DECISION', 'APPROVAL', 'AWARDED'];

/**
 * Gathers a case's OCDS facts in one REPEATABLE READ transaction and hands them to the pure
 * builder. Offers come from the negotiation's round history, which lists no offer of an open
 * (sealed) round.
 */
@Injectable()
export class OcdsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions,
    private readonly shortlist: ShortlistQueries,
    private readonly negotiation: NegotiationReader,
    private readonly decisions: DecisionService,
  ) {}

  async package(caseId: string): Promise<ReleasePackage> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const c = await m.findOneByOrFail(Case, { id: caseId });
      const last = await m.findOne(AuditEvent, { select: { seq: true, createdAt: true }, where: { caseId }, order: { seq: 'DESC' } });
      const rounds = await this.negotiation.rounds(m, caseId);
      const history = await this.negotiation.history(m, caseId);
      const reports = await m.find(StoredReport, { select: { lang: true, sha256: true, contentSha256: true, createdAt: true }, where: { caseId }, order: { lang: 'ASC' } });
      const evaluation = EVALUATED.includes(c.stage) ? await this.decisions.evaluate(m, caseId) : null;
      const build = evaluation?.build ?? null;
      const base = `${this.messaging.publicUrl}/api/v1/cases/${caseId}`;
      return releasePackage({
        uri: `${base}/ocds`,
        publishedDate: last?.createdAt ?? c.updatedAt,
        publisher: OCDS_PUBLISHER,
        ocidPrefix: OCID_PREFIX,
        case: { ...c, quantity: String(c.quantity) },
        revision: last?.seq ?? 0,
        suppliers: (await this.shortlist.entries(m, caseId)).map((s) => ({ id: s.supplierId, name: s.legalName })),
        closedRounds: history.filter((r) => r.status === 'closed').map((r) => ({ number: r.number, deadline: r.deadline, offers: r.offers })),
        firstRoundOpenedAt: rounds.length ? rounds[0].createdAt : null,
        reports: reports.map((r) => ({ ...r, url: `${base}/report.pdf?lang=${r.lang}` })),
        matrix: build && {
          asOf: build.asOf,
          criteria: build.weights.items.map((w) => ({ id: w.criterionId, name: w.name, weight: w.effective })),
          ranking: build.result.ranking.map((r) => ({ supplierId: r.supplierId, rank: r.rank, total: r.total })),
          decision: evaluation?.decision ? { supplierId: evaluation.decision.supplierId, snapshotHash: evaluation.decision.snapshotHash } : null,
        },
      });
    });
  }
}
