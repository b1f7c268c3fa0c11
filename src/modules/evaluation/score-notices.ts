import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Case } from '../cases/case.entity';
import { PolicyService } from '../policy/policy.service';
import { type MatrixBuild } from './matrix.service';
import { DomainError } from '../../domain/errors';
import { scoresOwed } from '../../domain/messages/scores-owed';
import { DeclarationsService } from '../cases/declarations.service';
import { LifecycleHooks } from '../lifecycle/lifecycle-hooks';
import { CaseNotices } from '../messages/case-notices';
import { MessagesQueries } from '../messages/messages.queries';
import { DecisionService } from './decision.service';
import { EvaluationQueries } from './evaluation.queries';

const DAY_MS = 24 * 3600 * 1000;

/**
 * When a case enters DECISION, where the evaluators score (DESIGN §2), in the transition's own
 * transaction: "your scores are needed" to each evaluator who has not scored every ranked supplier
 * on every evaluator-scored criterion, listing what is missing. An evaluator barred by a declared
 * conflict of interest may not score, so is not asked. A reminder after the policy's days (`sweep`).
 */
@Injectable()
export class ScoreNotices implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hooks: LifecycleHooks,
    private readonly decisions: DecisionService,
    private readonly evaluation: EvaluationQueries,
    private readonly declarations: DeclarationsService,
    private readonly queries: MessagesQueries,
    private readonly notices: CaseNotices,
    private readonly policy: PolicyService,
  ) {}

  onModuleInit(): void {
    this.hooks.onEnter('DECISION', 'notify', async (m, c, _actorId, _from, scope) => {
      const { build } = await this.decisions.inScope(scope, m, c.id);
      if (build) await this.notices.scoresNeeded(m, c, await this.owed(m, c, build));
    });
  }

  /**
   * The reminder, as of `now` (the approvers' sweep runs it; the specs pass a chosen instant): once
   * to each evaluator of a case still in DECISION who was asked at least the policy's reminder days
   * ago (`signOff.reminderDays`, the approvers' clock) and still owes scores. Under the case lock,
   * so two sweeps or instances remind each evaluator once.
   */
  async sweep(now: Date): Promise<{ reminded: number }> {
    const { signOff } = await this.policy.current();
    const asked = new Date(now.getTime() - signOff.reminderDays * DAY_MS);
    let reminded = 0;
    for (const caseId of await this.queries.casesAskedForScores(this.dataSource.manager, asked)) {
      await this.dataSource.transaction(async (m) => {
        const c = await m.findOne(Case, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
        if (!c || c.stage !== 'DECISION') return;
        const { build } = await this.decisions.evaluate(m, c.id);
        if (!build) return;
        const firstAsked = await this.queries.firstAddressed(m, c.id, 'scores.needed');
        const remindedBefore = await this.queries.firstAddressed(m, c.id, 'scores.reminder');
        for (const owed of await this.owed(m, c, build)) {
          const address = owed.evaluator.email.toLowerCase();
          const since = firstAsked.get(address);
          if (!since || since > asked || remindedBefore.has(address)) continue;
          const waitedDays = Math.floor((now.getTime() - since.getTime()) / DAY_MS);
          reminded += (await this.notices.scoresNeeded(m, c, [owed], waitedDays)).length;
        }
      });
    }
    return { reminded };
  }

  /** Each evaluator of the case who may score, with what they have left unscored. */
  private async owed(m: EntityManager, c: Case, build: MatrixBuild) {
    const criteria = build.weights.criteria.filter((k) => k.source === 'evaluator');
    const ranked = build.ranked.map((o) => ({ id: o.supplierId, name: o.supplierName }));
    const scores = await this.evaluation.scoresWithEvaluators(m, c.id);
    const owed = [];
    for (const evaluator of await this.queries.membersWithRole(m, c.id, 'evaluator')) {
      if (await this.barred(m, c.id, evaluator.id)) continue;
      owed.push({ evaluator, missing: scoresOwed(evaluator.id, criteria, ranked, scores) });
    }
    return owed;
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
