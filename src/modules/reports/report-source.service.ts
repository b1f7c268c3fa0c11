import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { kraljicCategory } from '../../domain/lifecycle/stages';
import { sensitivity } from '../../domain/scoring';
import { ApprovalService } from '../approval/approval.service';
import { AuditService } from '../audit/audit.service';
import type { Case } from '../cases/case.entity';
import { DecisionService } from '../evaluation/decision.service';
import { MatrixService, sensitivityView } from '../evaluation/matrix.service';
import { NegotiationReader } from '../negotiation/negotiation.reader';
import { PolicyService } from '../policy/policy.service';
import { withReportHash } from './view/report-hash';
import type { ReportSource } from './view/report-source';

/**
 * Gathers everything the decision report shows into the plain `ReportSource`, inside the caller's
 * transaction (so the award can render what it has just written). The layout never sees the database.
 */
@Injectable()
export class ReportSourceService {
  constructor(
    private readonly matrix: MatrixService,
    private readonly decisions: DecisionService,
    private readonly approvals: ApprovalService,
    private readonly negotiation: NegotiationReader,
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
  ) {}

  async build(m: EntityManager, c: Case): Promise<ReportSource> {
    const policy = await this.policy.current(m);
    // built once: the proposal's staleness and the approval state are computed from this same build
    const build = await this.matrix.build(m, c.id);
    const { specification, weights: effective } = build;
    const names = new Map(build.offers.map((o) => [o.supplierId, o.supplierName]));
    const requirementText = new Map(specification.requirements.map((r) => [r.id, r.text]));
    const sensitivityResult = sensitivity(build.input, { sensitiveThreshold: policy.sensitivity.threshold });
    const priceCut = sensitivityView(build, sensitivityResult, policy.sensitivity.threshold).priceCutToWin;
    const current = await this.decisions.current(m, c.id, build);
    const approvals = await this.approvals.state(m, c, undefined, build);
    const chain = await this.audit.verify(c.id, m);
    const recent: Array<{ seq: number; at: Date; actor: string | null; action: string }> = await m.query(
      `SELECT e.seq, e.created_at AS at, coalesce(u.name, 'system') AS actor, e.action
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.case_id = $1 ORDER BY e.seq DESC LIMIT 15`,
      [c.id],
    );

    const source: Omit<ReportSource, 'reportHash'> = {
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
      members: await m.query(
        `SELECT u.name, u.email, cm.roles FROM case_members cm JOIN users u ON u.id = cm.user_id
          WHERE cm.case_id = $1 ORDER BY cm.added_at, u.name`,
        [c.id],
      ),
      specification: {
        version: specification.version,
        frozenAt: specification.frozenAt,
        description: specification.description,
        requirements: specification.requirements,
        criteria: specification.criteria,
      },
      shortlist: await m.query(
        `SELECT se.supplier_id AS "supplierId", s.legal_name AS name, se.status, se.reason
           FROM shortlist_entries se JOIN suppliers s ON s.id = se.supplier_id
          WHERE se.case_id = $1 ORDER BY s.legal_name`,
        [c.id],
      ),
      soleSourceJustification: c.soleSourceJustification,
      rounds: (await this.negotiation.history(m, c.id)).map((round) => ({
        ...round,
        offers: round.offers.map((o) => ({ ...o, convertedTotal: o.convertedTotal ?? o.totalPrice })),
      })),
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
        required: approvals.required ?? 0,
        executiveRequired: approvals.executiveRequired ?? false,
        complete: approvals.complete,
        items: approvals.approvals.map((a) => ({
          approverName: a.approverName,
          verdict: a.verdict,
          comment: a.comment,
          at: a.createdAt,
          snapshotHash: a.snapshotHash,
          lapsed: a.lapsed,
        })),
      },
      audit: {
        events: chain.length,
        headHash: chain.headHash,
        valid: chain.valid,
        recent: recent.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor ?? 'system', action: e.action })),
      },
    };
    return withReportHash(source);
  }
}
