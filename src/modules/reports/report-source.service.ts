import { scoreGapLine } from '../../domain/evaluation/scores';
import { declarationControl } from '../../domain/approval/declarations';
import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { kraljicCategory } from '../../domain/lifecycle/stages';
import { sensitivity } from '../../domain/scoring';
import { ApprovalService } from '../approval/approval.service';
import { AuditService } from '../audit/audit.service';
import type { Case } from '../cases/case.entity';
import { CasesQueries } from '../cases/cases.queries';
import { DecisionService, type Evaluation } from '../evaluation/decision.service';
import { robustnessOf, sensitivityView, unscoredCells } from '../evaluation/matrix.service';
import { Score } from '../evaluation/score.entity';
import { NegotiationReader } from '../negotiation/negotiation.reader';
import { PolicyService } from '../policy/policy.service';
import { User } from '../users/user.entity';
import { ShortlistQueries } from '../shortlist/shortlist.queries';
import type { ReportSource } from './view/report-source';

/**
 * Gathers everything the decision report shows into the plain `ReportSource`, inside the caller's
 * transaction (so the award can render what it has just written). The layout never sees the database.
 */
@Injectable()
export class ReportSourceService {
  constructor(
    private readonly decisions: DecisionService,
    private readonly approvals: ApprovalService,
    private readonly negotiation: NegotiationReader,
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
    private readonly cases: CasesQueries,
    private readonly shortlist: ShortlistQueries,
  ) {}

  /**
   * `evaluation`: the case's matrix and proposal when the caller has them from the same
   * transaction (the award renders two languages from one); otherwise the case is evaluated here.
   */
  async build(m: EntityManager, c: Case, given?: Evaluation): Promise<ReportSource> {
    const policy = await this.policy.current(m);
    // evaluated once: the matrix, the proposal's staleness and the approval state all come from it
    const evaluation = given ?? (await this.decisions.evaluate(m, c.id));
    const build = this.decisions.matrixOf(evaluation);
    const { specification, weights: effective } = build;
    const names = new Map(build.offers.map((o) => [o.supplierId, o.supplierName]));
    const requirementText = new Map(specification.requirements.map((r) => [r.id, r.text]));
    const { threshold, closeCallPercent } = policy.sensitivity;
    const sensitivityResult = sensitivity(build.input, { sensitiveThreshold: threshold, closeCallPercent });
    const priceCut = sensitivityView(build, sensitivityResult, threshold, closeCallPercent).priceCutToWin;
    const current = await this.decisions.current(m, c.id, evaluation);
    const approvals = await this.approvals.signOff(m, c, evaluation);
    const chain = await this.audit.storedHead(c.id, m);
    const recent = await this.audit.recent(m, c.id, 15);
    const rates = await this.negotiation.ratesWithSetters(m, c.id);
    const shortlistApprover = c.shortlistApprovedBy === null ? null : (await m.findOne(User, { select: { name: true }, where: { id: c.shortlistApprovedBy } }))?.name ?? null;
    const scoreRows = await m.find(Score, { where: { caseId: c.id }, order: { criterionId: 'ASC', supplierId: 'ASC', evaluatorId: 'ASC' } });
    const robustness = build.result.ranking.length >= 2 ? robustnessOf(build, scoreRows, policy.robustness) : null;
    const evaluatorIds = [...new Set(scoreRows.map((r) => r.evaluatorId))];
    const evaluators = new Map(
      (evaluatorIds.length === 0 ? [] : await m.find(User, { select: { id: true, name: true }, where: { id: In(evaluatorIds) } })).map((u) => [u.id, u.name]),
    );
    const members = await this.cases.members(m, c.id);
    const shortlist = await this.shortlist.entriesByName(m, c.id);
    const declarations = declarationControl(
      policy.segregation.conflictDeclarations,
      members,
      await this.cases.declarations(m, c.id),
      new Map(shortlist.filter((e) => e.status === 'shortlisted').map((e) => [e.supplierId, e.legalName])),
      (id) => shortlist.find((e) => e.supplierId === id)?.legalName ?? names.get(id) ?? id,
    );
    const offeredCurrencies = new Set(build.offers.map((o) => o.currency));
    const ratedCurrencies = new Set([c.currency, ...rates.map((r) => r.currency)]);

    const source: ReportSource = {
      generatedFor: recent[0]?.at ?? c.updatedAt,
      case: {
        reference: c.reference,
        title: c.title,
        businessNeed: c.businessNeed,
        purchaseType: c.purchaseType,
        kraljicCategory: kraljicCategory(c.profitImpact, c.supplyRisk),
        stage: c.stage,
        currency: c.currency,
        quantity: c.quantity,
        unit: c.unit,
        estimatedBudget: c.estimatedBudget,
        neededBy: c.neededBy,
        category: c.category,
      },
      members: members.map(({ name, email, roles }) => ({ name, email, roles })),
      specification: {
        version: specification.version,
        frozenAt: specification.frozenAt,
        description: specification.description,
        requirements: specification.requirements,
        criteria: specification.criteria,
      },
      shortlist: shortlist.map((e) => ({ supplierId: e.supplierId, name: e.legalName, status: e.status, reason: e.reason })),
      soleSourceJustification: c.soleSourceJustification,
      rounds: await this.negotiation.reportHistory(m, c.id),
      weights: {
        strategic: effective.strategic,
        rule: effective.rule,
        policy: policy.strategic,
        addedBuiltin: effective.addedBuiltin,
        items: effective.items,
      },
      matrix: {
        ranking: build.result.ranking.map((r) => ({ ...r, supplierName: names.get(r.supplierId) ?? r.supplierId })),
        excluded: build.result.excluded.map((e) => ({
          ...e,
          supplierName: names.get(e.supplierId) ?? e.supplierId,
          requirementText: requirementText.get(e.requirementId) ?? e.requirementId,
        })),
        unscored: unscoredCells(build).map(scoreGapLine),
      },
      sensitivity: { ...sensitivityResult, priceCutToWin: priceCut },
      decision: current
        ? {
            supplierId: current.decision.supplierId,
            supplierName: current.decision.supplierName,
            justification: current.decision.justification,
            override: current.decision.override,
            proposedBy: current.decision.proposedByName,
            proposedAt: current.decision.createdAt,
            snapshotHash: current.decision.snapshotHash,
            stale: current.stale,
          }
        : null,
      approvals: {
        required: approvals.requirement?.required ?? 0,
        executiveRequired: approvals.requirement?.executiveRequired ?? false,
        complete: approvals.complete,
        pending: approvals.pending,
        items: approvals.approvals.map((a) => ({
          approverName: a.approverName,
          signedByName: a.signedByName,
          executive: a.executive,
          verdict: a.verdict,
          comment: a.comment,
          at: a.createdAt,
          snapshotHash: a.snapshotHash,
          lapsed: a.lapsed,
        })),
      },
      audit: {
        firstSeq: chain.length === 0 ? 0 : 1,
        lastSeq: chain.length,
        events: chain.length,
        headHash: chain.headHash,
        valid: chain.valid,
        recent: recent.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action })),
      },
      scores: scoreRows
        .map((r) => ({ criterionId: r.criterionId, supplierId: r.supplierId, evaluatorName: evaluators.get(r.evaluatorId) ?? r.evaluatorId, score: r.score, comment: r.comment }))
        .sort((a, b) => (a.evaluatorName < b.evaluatorName ? -1 : a.evaluatorName > b.evaluatorName ? 1 : 0)),
      reliability: build.result.ranking.flatMap((r) => {
        const rel = build.reliability.get(r.supplierId);
        if (rel === undefined) return [];
        return [{ supplierId: r.supplierId, score: rel.score, parts: rel.parts, deliveries: rel.observations.deliveries, incidents: rel.observations.incidents, asOf: rel.asOf }];
      }),
      exchangeRates: rates.map((r) => ({ currency: r.currency, rate: r.rate, setBy: r.setByName, setAt: r.setAt })),
      controls: {
        shortlistApproval: c.shortlistApprovedAt === null ? null : { by: shortlistApprover ?? '', at: c.shortlistApprovedAt },
        segregationHeld: approvals.segregationHeld,
        currenciesWithoutRate: [...offeredCurrencies].filter((x) => !ratedCurrencies.has(x)).sort(),
        declarations,
      },
      robustness:
        robustness === null
          ? null
          : {
              samples: robustness.samples,
              spread: robustness.spread,
              suppliers: robustness.suppliers.map((x) => ({ supplierId: x.supplierId, acceptability: x.acceptability, firstRank: x.firstRank, confidence: x.confidence })),
            },
      thresholds: { sensitivePoints: 100 * threshold, closeCallPercent },
    };
    return source;
  }
}
