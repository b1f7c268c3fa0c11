import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { lockCase } from '../cases/case-lock';
import { DeclarationsService } from '../cases/declarations.service';
import { DomainError, invalid, notFound } from '../../domain/errors';
import { missingScores } from '../../domain/evaluation/scores';
import { isOverride, justificationLength, OVERRIDE_JUSTIFICATION_MIN, snapshotHash } from '../../domain/evaluation/snapshot';
import { type CaseFacts } from '../../domain/lifecycle/state-machine';
import { sensitivity } from '../../domain/scoring';
import { AuditService } from '../audit/audit.service';
import { LifecycleHooks, ScopeKey, type TransitionScope } from '../lifecycle/lifecycle-hooks';
import { PolicyService } from '../policy/policy.service';
import { User } from '../users/user.entity';
import { Decision } from './decision.entity';
import { ProposeDecisionDto } from './dto/decision.dto';
import { type CurrentDecision, EvaluationQueries } from './evaluation.queries';
import { type MatrixBuild, MatrixService } from './matrix.service';

export { type CurrentDecision };

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

/**
 * A case's decision matrix and its current proposal, judged against each other: computed once per
 * request or transaction (`DecisionService.evaluate`) and handed to whoever needs them — the
 * proposal's staleness, the DECISION exit facts, the approval chain and state, the pending list
 * and the report.
 */
export interface Evaluation {
  caseId: string;
  /** the decision matrix; null when it cannot be computed (no closed round, a ratio criterion meeting a zero…) */
  build: MatrixBuild | null;
  /** why the matrix cannot be computed; null when it can */
  problem: DomainError | null;
  /** the current proposal; null before the first */
  decision: CurrentDecision | null;
  /** the proposal's snapshot hash recomputed from the current data; '' with no proposal or no matrix */
  currentHash: string;
  /** a proposal exists and its snapshot no longer hashes the same (or the matrix cannot be computed at all) */
  stale: boolean;
}

/** The case's evaluation within one transition (its facts and stage hooks share it). */
export const EVALUATION = new ScopeKey<Evaluation>('evaluation');

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
    private readonly queries: EvaluationQueries,
    private readonly declarations: DeclarationsService,
  ) {}

  onModuleInit(): void {
    // the DECISION exit precondition reads the real proposal and scores; APPROVAL reads them too
    this.hooks.contributeFacts(async (m, c, facts, scope) => {
      if (c.stage === 'DECISION' || c.stage === 'APPROVAL') facts.decision = await this.facts(m, c.id, await this.inScope(scope, m, c.id));
    });
  }

  /**
   * The matrix built once, the current proposal and whether it is stale. A matrix that cannot be
   * computed is not an error here (the case must stay cancellable, the proposal reads as stale):
   * it is kept as `problem` for whoever needs the matrix itself.
   */
  async evaluate(m: EntityManager, caseId: string): Promise<Evaluation> {
    const decision = await this.queries.currentDecision(m, caseId);
    let build: MatrixBuild | null = null;
    let problem: DomainError | null = null;
    try {
      build = await this.matrix.build(m, caseId);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      problem = err;
    }
    return { caseId, build, problem, decision, ...this.judge(decision, build) };
  }

  /** The case's evaluation in this transition: evaluated by whichever contributor or hook asks first. */
  inScope(scope: TransitionScope, m: EntityManager, caseId: string): Promise<Evaluation> {
    return scope.once(EVALUATION, () => this.evaluate(m, caseId));
  }

  /** The matrix itself, from an evaluation: its problem when it cannot be computed. */
  matrixOf(evaluation: Evaluation): MatrixBuild {
    if (!evaluation.build) throw evaluation.problem!;
    return evaluation.build;
  }

  private judge(decision: CurrentDecision | null, build: MatrixBuild | null): { currentHash: string; stale: boolean } {
    const currentHash =
      decision && build
        ? snapshotHash(this.matrix.snapshot(build, { supplierId: decision.supplierId, justification: decision.justification, override: decision.override }))
        : '';
    return { currentHash, stale: decision !== null && currentHash !== decision.snapshotHash };
  }

  async propose(access: CaseAccess, dto: ProposeDecisionDto, user: User): Promise<DecisionView & { rank: number; total: number }> {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'decision.propose');
      await this.declarations.assertMayAct(m, c.id, user.id, 'propose');
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
      const previous = await m.findOne(Decision, { select: { id: true }, where: { caseId: c.id, supersededAt: IsNull() } });
      if (previous) await m.update(Decision, { id: previous.id }, { supersededAt: () => 'now()' });
      const { identifiers } = await m.insert(Decision, {
        caseId: c.id,
        supplierId: dto.supplierId,
        justification,
        override,
        snapshot,
        snapshotHash: hash,
        proposedBy: user.id,
      });
      const id = String(identifiers[0].id);
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
      const row = await this.queries.currentDecision(m, c.id);
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
   * The current proposal and whether it is stale. When the matrix can no longer be computed at all
   * (say the specification changed so a ratio criterion meets a zero), the proposal is stale and
   * `currentHash` is empty. A caller that has evaluated the case in the same transaction passes
   * the evaluation rather than have the matrix built again.
   */
  async current(
    m: EntityManager,
    caseId: string,
    evaluation?: Evaluation,
  ): Promise<{ decision: CurrentDecision; stale: boolean; currentHash: string } | null> {
    const e = evaluation ?? (await this.evaluate(m, caseId));
    return e.decision ? { decision: e.decision, stale: e.stale, currentHash: e.currentHash } : null;
  }

  /** What an approver needs at a glance (GET /approvals/pending): the ranking and the sensitivity flag. */
  async summary(m: EntityManager, caseId: string, evaluation?: Evaluation): Promise<DecisionSummary> {
    const built = this.matrixOf(evaluation ?? (await this.evaluate(m, caseId)));
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
  async facts(m: EntityManager, caseId: string, evaluation?: Evaluation): Promise<CaseFacts['decision']> {
    const { build, decision, stale } = evaluation ?? (await this.evaluate(m, caseId));
    if (!build) return { proposed: decision !== null, stale: decision !== null, missingScores: [] };
    const criteria = build.weights.criteria.filter((k) => k.source === 'evaluator');
    const ranked = build.ranked.map((o) => ({ id: o.supplierId, name: o.supplierName }));
    return { proposed: decision !== null, stale, missingScores: missingScores(criteria, ranked, build.scores) };
  }
}
