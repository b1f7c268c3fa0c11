import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { lockCase } from '../cases/case-lock';
import { DeclarationsService } from '../cases/declarations.service';
import { type FieldProblem, invalid } from '../../domain/errors';
import { criteriaCompletedBy, scoreKey, summarizeAll } from '../../domain/evaluation/scores';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/user.entity';
import { PutScoresDto } from './dto/scores.dto';
import { EvaluationQueries, type ScoreWithEvaluator } from './evaluation.queries';
import { type MatrixBasis, MatrixService } from './matrix.service';
import { Score } from './score.entity';

export interface ScoreView {
  evaluatorId: string;
  evaluatorName: string;
  score: number;
  comment: string | null;
  updatedAt: Date;
}

/** Per (criterion, supplier); an evaluator who has not finished the criterion sees only their own score and no aggregates. */
export interface ScoreItemView {
  criterionId: string;
  criterionName: string;
  supplierId: string;
  supplierName: string;
  ranked: boolean;
  visible: boolean;
  own: { score: number; comment: string | null; updatedAt: Date } | null;
  scores: ScoreView[];
  mean: number | null;
  count: number | null;
  spread: number | null;
  consensusNeeded: boolean | null;
}

export interface ScoresView {
  caseId: string;
  criteria: Array<{ criterionId: string; name: string; completedByYou: boolean | null }>;
  suppliers: Array<{ supplierId: string; supplierName: string; ranked: boolean }>;
  items: ScoreItemView[];
}

/**
 * Evaluator scores (0–10) of the criteria whose source is `evaluator`, per supplier of the decision
 * round. Independent scoring: an evaluator sees the others' scores of a criterion only once they
 * have scored it for every ranked supplier themselves.
 */
@Injectable()
export class ScoresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matrix: MatrixService,
    private readonly audit: AuditService,
    private readonly queries: EvaluationQueries,
    private readonly declarations: DeclarationsService,
  ) {}

  /** Upserts the caller's own scores; a score sent again replaces the earlier one and its comment. */
  async put(access: CaseAccess, dto: PutScoresDto, user: User): Promise<ScoresView> {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'scores.write');
      await this.declarations.assertMayAct(m, c.id, user.id, 'score');
      const basis = await this.matrix.basis(m, c.id);
      const criteria = new Map(basis.weights.criteria.map((k) => [k.id, k]));
      const suppliers = new Set(basis.offers.map((o) => o.supplierId));
      const errors: FieldProblem[] = [];
      const seen = new Set<string>();
      dto.scores.forEach((s, i) => {
        const criterion = criteria.get(s.criterionId);
        if (!criterion) {
          errors.push({ field: `scores.${i}.criterionId`, message: 'no criterion with this id in the specification' });
        } else if (criterion.source !== 'evaluator') {
          errors.push({
            field: `scores.${i}.criterionId`,
            message: `criterion "${criterion.name}" is not scored by evaluators (its source is ${criterion.source})`,
          });
        } else if (criterion.normalization === 'ratio' && s.score <= 0) {
          // ratio normalization is meaningless at zero; such values are refused when entered
          errors.push({ field: `scores.${i}.score`, message: `criterion "${criterion.name}" uses ratio normalization: the score must be above 0` });
        }
        if (!suppliers.has(s.supplierId)) {
          errors.push({ field: `scores.${i}.supplierId`, message: 'the supplier has no current offer in the decision round' });
        }
        const key = scoreKey(s.criterionId, s.supplierId);
        if (seen.has(key)) errors.push({ field: `scores.${i}`, message: 'the same supplier and criterion appear twice in this request' });
        seen.add(key);
      });
      if (errors.length > 0) throw invalid(errors);

      const previous = await m.find(Score, { select: { supplierId: true, criterionId: true, score: true }, where: { caseId: c.id, evaluatorId: user.id } });
      const before = new Map(previous.map((p) => [scoreKey(p.criterionId, p.supplierId), p.score]));
      await m.upsert(
        Score,
        dto.scores.map((s) => ({
          caseId: c.id,
          evaluatorId: user.id,
          supplierId: s.supplierId,
          criterionId: s.criterionId,
          score: String(s.score),
          comment: s.comment ?? null,
          updatedAt: () => 'now()',
        })),
        ['caseId', 'evaluatorId', 'supplierId', 'criterionId'],
      );
      await this.audit.append(m, c.id, user.id, 'scores.submitted', {
        evaluatorId: user.id,
        scores: dto.scores.map((s) => ({
          supplierId: s.supplierId,
          criterionId: s.criterionId,
          score: String(s.score),
          comment: s.comment ?? null,
          previous: before.get(scoreKey(s.criterionId, s.supplierId)) ?? null,
        })),
      });
      return this.view(m, basis, access, user);
    });
  }

  async list(access: CaseAccess, user: User): Promise<ScoresView> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => this.view(m, await this.matrix.basis(m, access.caseId), access, user));
  }

  private async view(m: EntityManager, basis: MatrixBasis, access: CaseAccess, user: User): Promise<ScoresView> {
    const rows = await this.queries.scoresWithEvaluators(m, basis.caseId);
    const criteria = basis.weights.criteria.filter((k) => k.source === 'evaluator');
    const ranked = basis.ranked.map((o) => o.supplierId);
    // independent scoring applies to evaluators; other roles (and admins) see every score
    const independent = access.roles.includes('evaluator');
    const completed = independent
      ? criteriaCompletedBy(
          user.id,
          rows,
          criteria.map((k) => k.id),
          ranked,
        )
      : null;
    const summaries = summarizeAll(rows);
    const byKey = new Map<string, ScoreWithEvaluator[]>();
    for (const row of rows) {
      const key = scoreKey(row.criterionId, row.supplierId);
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
    const scoreView = (s: ScoreWithEvaluator): ScoreView => ({
      evaluatorId: s.evaluatorId,
      evaluatorName: s.evaluatorName,
      score: Number(s.score),
      comment: s.comment,
      updatedAt: s.updatedAt,
    });

    const items = criteria.flatMap((k) =>
      basis.offers.map((o): ScoreItemView => {
        const key = scoreKey(k.id, o.supplierId);
        const here = byKey.get(key) ?? [];
        const own = here.find((s) => s.evaluatorId === user.id);
        const visible = completed === null || completed.has(k.id);
        const summary = summaries.get(key);
        return {
          criterionId: k.id,
          criterionName: k.name,
          supplierId: o.supplierId,
          supplierName: o.supplierName,
          ranked: !basis.failed.has(o.supplierId),
          visible,
          own: own ? { score: Number(own.score), comment: own.comment, updatedAt: own.updatedAt } : null,
          scores: visible ? here.map(scoreView) : own ? [scoreView(own)] : [],
          mean: visible ? (summary?.mean ?? null) : null,
          count: visible ? (summary?.count ?? 0) : null,
          spread: visible ? (summary?.spread ?? null) : null,
          consensusNeeded: visible ? (summary?.consensusNeeded ?? false) : null,
        };
      }),
    );
    return {
      caseId: basis.caseId,
      criteria: criteria.map((k) => ({ criterionId: k.id, name: k.name, completedByYou: completed === null ? null : completed.has(k.id) })),
      suppliers: basis.offers.map((o) => ({ supplierId: o.supplierId, supplierName: o.supplierName, ranked: !basis.failed.has(o.supplierId) })),
      items,
    };
  }
}
