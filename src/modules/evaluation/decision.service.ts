import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { lockCase } from '../../common/case-lock';
import { DomainError, invalid, notFound } from '../../domain/errors';
import { missingScores } from '../../domain/evaluation/scores';
import { isOverride, justificationLength, OVERRIDE_JUSTIFICATION_MIN, snapshotHash } from '../../domain/evaluation/snapshot';
import { type CaseFacts } from '../../domain/lifecycle/state-machine';
import { sensitivity } from '../../domain/scoring';
import { AuditService } from '../audit/audit.service';
import { LifecycleHooks } from '../lifecycle/lifecycle-hooks';
import { PolicyService } from '../policy/policy.service';
import { User } from '../users/user.entity';
import { ProposeDecisionDto } from './dto/decision.dto';
import { type MatrixBuild, MatrixService } from './matrix.service';

export interface CurrentDecision {
  id: string;
  supplierId: string;
  supplierName: string;
  justification: string;
  override: boolean;
  snapshotHash: string;
  proposedBy: string;
  proposedByName: string;
  createdAt: Date;
}

export interface DecisionView extends CurrentDecision {
  /** the snapshot hash recomputed from today's data */
  currentHash: string;
  /** the matrix changed since the proposal (scores, offers, weights, exclusions): it must be proposed again */
  stale: boolean;
}

export interface DecisionSummary {
  asOf: string;
  ranking: Array<{ supplierId: string; supplierName: string; rank: number; total: number; tie: boolean }>;
  excluded: Array<{ supplierId: string; supplierName: string; requirementId: string; reason: string }>;
  sensitive: boolean;
  mostCritical: string | null;
}

const DECISION_COLUMNS = `d.id, d.supplier_id AS "supplierId", s.legal_name AS "supplierName", d.justification, d.override,
  d.snapshot_hash AS "snapshotHash", d.proposed_by AS "proposedBy", u.name AS "proposedByName", d.created_at AS "createdAt"`;

/**
 * The decider's proposal. It stores the decision snapshot (canonical JSON of the matrix input,
 * weights and rule, ranking, exclusions and the proposal) and its SHA-256; a proposal is stale
 * as soon as the snapshot recomputed from the current data hashes differently.
 */
@Injectable()
export class DecisionService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matrix: MatrixService,
    private readonly audit: AuditService,
    private readonly hooks: LifecycleHooks,
    private readonly policy: PolicyService,
  ) {}

  onModuleInit(): void {
    // the DECISION exit precondition reads the real proposal and scores; APPROVAL reads them too
    this.hooks.contributeFacts(async (m, c, facts) => {
      if (c.stage === 'DECISION' || c.stage === 'APPROVAL') facts.decision = await this.facts(m, c.id);
    });
  }

  async propose(access: CaseAccess, dto: ProposeDecisionDto, user: User): Promise<DecisionView & { rank: number; total: number }> {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'decision.propose');
      const built = await this.matrix.build(m, c.id);
      const offer = built.offers.find((o) => o.supplierId === dto.supplierId);
      if (!offer) throw invalid('supplierId', 'the supplier has no current offer in the decision round');
      const failed = built.failed.get(dto.supplierId);
      if (failed) {
        throw new DomainError('UNPROCESSABLE', `${offer.supplierName} is excluded from the ranking and cannot be proposed`, {
          errors: [{ field: 'supplierId', message: `excluded: ${failed.map((f) => f.reason).join('; ')}` }],
          excluded: failed,
        });
      }
      const ranked = built.result.ranking.find((r) => r.supplierId === dto.supplierId)!;
      const override = isOverride(built.result, dto.supplierId);
      const justification = dto.justification.trim();
      if (override && justificationLength(justification) < OVERRIDE_JUSTIFICATION_MIN) {
        const top = built.offers.find((o) => o.supplierId === built.result.ranking[0].supplierId)!;
        throw invalid(
          'justification',
          `proposing ${offer.supplierName} (rank ${ranked.rank}) instead of the top-ranked ${top.supplierName} is an override: ` +
            `the justification needs at least ${OVERRIDE_JUSTIFICATION_MIN} characters (it has ${justificationLength(justification)})`,
        );
      }

      const snapshot = this.matrix.snapshot(built, { supplierId: dto.supplierId, justification, override });
      const hash = snapshotHash(snapshot);
      const [previous] = await m.query('SELECT id FROM decisions WHERE case_id = $1 AND superseded_at IS NULL', [c.id]);
      if (previous) await m.query('UPDATE decisions SET superseded_at = now() WHERE id = $1', [previous.id]);
      const [{ id }] = await m.query(
        `INSERT INTO decisions (case_id, supplier_id, justification, override, snapshot, snapshot_hash, proposed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [c.id, dto.supplierId, justification, override, JSON.stringify(snapshot), hash, user.id],
      );
      await this.audit.append(m, c.id, user.id, 'decision.proposed', {
        decisionId: id,
        supplierId: dto.supplierId,
        rank: ranked.rank,
        total: ranked.total,
        override,
        justification,
        snapshotHash: hash,
        asOf: built.asOf,
        supersedes: previous?.id ?? null,
      });
      const row = await this.row(m, c.id);
      return { ...row!, currentHash: hash, stale: false, rank: ranked.rank, total: ranked.total };
    });
  }

  async get(caseId: string): Promise<DecisionView> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const current = await this.current(m, caseId);
      if (!current) throw notFound('decision proposal');
      return { ...current.decision, currentHash: current.currentHash, stale: current.stale };
    });
  }

  /**
   * The current proposal and whether it is stale, for the approval module. When the matrix can no
   * longer be computed at all (say the specification changed so a ratio criterion meets a zero),
   * the proposal is stale and `currentHash` is empty. A caller that has built the matrix in the same
   * transaction passes it (`prebuilt`) rather than have it built again.
   */
  async current(
    m: EntityManager,
    caseId: string,
    prebuilt?: MatrixBuild,
  ): Promise<{ decision: CurrentDecision; stale: boolean; currentHash: string } | null> {
    const decision = await this.row(m, caseId);
    if (!decision) return null;
    let currentHash = '';
    try {
      const built = prebuilt ?? (await this.matrix.build(m, caseId));
      currentHash = snapshotHash(
        this.matrix.snapshot(built, { supplierId: decision.supplierId, justification: decision.justification, override: decision.override }),
      );
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
    }
    return { decision, stale: currentHash !== decision.snapshotHash, currentHash };
  }

  /** What an approver needs at a glance (GET /approvals/pending): the ranking and the sensitivity flag. */
  async summary(m: EntityManager, caseId: string): Promise<DecisionSummary> {
    const built = await this.matrix.build(m, caseId);
    const names = new Map(built.offers.map((o) => [o.supplierId, o.supplierName]));
    const threshold = (await this.policy.current(m)).sensitivity.threshold;
    const s = sensitivity(built.input, { sensitiveThreshold: threshold });
    return {
      asOf: built.asOf,
      ranking: built.result.ranking.map((r) => ({
        supplierId: r.supplierId,
        supplierName: names.get(r.supplierId) ?? '',
        rank: r.rank,
        total: r.total,
        tie: r.tie,
      })),
      excluded: built.result.excluded.map((e) => ({ ...e, supplierName: names.get(e.supplierId) ?? '' })),
      sensitive: s.sensitive,
      mostCritical: s.mostCritical,
    };
  }

  /**
   * facts.decision: a current proposal exists, it is stale, and which evaluator scores are missing
   * ("<criterion> for <supplier>" per evaluator-sourced criterion × ranked supplier with no score).
   * Never throws for a matrix that cannot be computed: the case must stay cancellable.
   */
  async facts(m: EntityManager, caseId: string): Promise<CaseFacts['decision']> {
    const decision = await this.row(m, caseId);
    try {
      const built = await this.matrix.build(m, caseId);
      const stale =
        decision !== null &&
        snapshotHash(
          this.matrix.snapshot(built, { supplierId: decision.supplierId, justification: decision.justification, override: decision.override }),
        ) !== decision.snapshotHash;
      const criteria = built.weights.criteria.filter((k) => k.source === 'evaluator');
      const ranked = built.ranked.map((o) => ({ id: o.supplierId, name: o.supplierName }));
      return { proposed: decision !== null, stale, missingScores: missingScores(criteria, ranked, built.scores) };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return { proposed: decision !== null, stale: decision !== null, missingScores: [] };
    }
  }

  private async row(m: EntityManager, caseId: string): Promise<CurrentDecision | null> {
    const [row] = await m.query(
      `SELECT ${DECISION_COLUMNS}
         FROM decisions d JOIN suppliers s ON s.id = d.supplier_id JOIN users u ON u.id = d.proposed_by
        WHERE d.case_id = $1 AND d.superseded_at IS NULL`,
      [caseId],
    );
    return (row as CurrentDecision | undefined) ?? null;
  }
}
