import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { DomainError } from '../../domain/errors';
import { scoresOwed } from '../../domain/messages/scores-owed';
import { DeclarationsService } from '../cases/declarations.service';
import { LifecycleHooks } from '../lifecycle/lifecycle-hooks';
import { CaseNotices } from '../messages/case-notices';
import { MessagesQueries } from '../messages/messages.queries';
import { DecisionService } from './decision.service';
import { EvaluationQueries } from './evaluation.queries';

/**
 * When a case enters DECISION, where the evaluators score (DESIGN §2), in the transition's own
 * transaction: "your scores are needed" to each evaluator who has not scored every ranked supplier
 * on every evaluator-scored criterion, listing what is missing. An evaluator barred by a declared
 * conflict of interest may not score, so is not asked.
 */
@Injectable()
export class ScoreNotices implements OnModuleInit {
  constructor(
    private readonly hooks: LifecycleHooks,
    private readonly decisions: DecisionService,
    private readonly evaluation: EvaluationQueries,
    private readonly declarations: DeclarationsService,
    private readonly queries: MessagesQueries,
    private readonly notices: CaseNotices,
  ) {}

  onModuleInit(): void {
    this.hooks.onEnter('DECISION', 'notify', async (m, c, _actorId, _from, scope) => {
      const { build } = await this.decisions.inScope(scope, m, c.id);
      if (!build) return;
      const criteria = build.weights.criteria.filter((k) => k.source === 'evaluator');
      const ranked = build.ranked.map((o) => ({ id: o.supplierId, name: o.supplierName }));
      const scores = await this.evaluation.scoresWithEvaluators(m, c.id);
      const owed = [];
      for (const evaluator of await this.queries.membersWithRole(m, c.id, 'evaluator')) {
        if (await this.barred(m, c.id, evaluator.id)) continue;
        owed.push({ evaluator, missing: scoresOwed(evaluator.id, criteria, ranked, scores) });
      }
      await this.notices.scoresNeeded(m, c, owed);
    });
  }

  private async barred(m: EntityManager, caseId: string, userId: string): Promise<boolean> {
    try {
      await this.declarations.assertMayAct(m, caseId, userId, 'score');
      return false;
    } catch (error) {
      // one who has not declared yet still owes the scores (declaring comes first); a conflict bars
      if (error instanceof DomainError && error.code === 'CONFLICT_OF_INTEREST') return true;
      if (error instanceof DomainError && error.code === 'DECLARATION_MISSING') return false;
      throw error;
    }
  }
}
