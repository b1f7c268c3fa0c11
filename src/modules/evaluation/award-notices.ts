import { Injectable, type OnModuleInit } from '@nestjs/common';
import { debriefOf } from '../../domain/messages/debrief';
import { LifecycleHooks } from '../lifecycle/lifecycle-hooks';
import { CaseNotices } from '../messages/case-notices';
import { DecisionService } from './decision.service';

/**
 * When a case is AWARDED (its last signature), in the award's own transaction: the award letter to
 * the winner, a regret letter with its own debrief to every other supplier of the decision round
 * (README "Messages"), each held for the gatekeeper, and the award to the whole buying center.
 */
@Injectable()
export class AwardNotices implements OnModuleInit {
  constructor(
    private readonly hooks: LifecycleHooks,
    private readonly decisions: DecisionService,
    private readonly notices: CaseNotices,
  ) {}

  onModuleInit(): void {
    this.hooks.onEnter('AWARDED', 'notify', async (m, c, _actorId, _from, scope) => {
      const build = this.decisions.matrixOf(await this.decisions.inScope(scope, m, c.id));
      const names = new Map(build.weights.items.map((i) => [i.criterionId, i.name]));
      const requirements = new Map(build.specification.requirements.map((r) => [r.id, r.text]));
      const outcomes = build.offers.map((offer) => ({
        supplierId: offer.supplierId,
        debrief: debriefOf(build.result, build.input, names, offer.supplierId),
        excludedFor: requirements.get(build.failed.get(offer.supplierId)?.[0]?.requirementId ?? '') ?? null,
      }));
      await this.notices.awardLetters(m, c, outcomes);
    });
  }
}
