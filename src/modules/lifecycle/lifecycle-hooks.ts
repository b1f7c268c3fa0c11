import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type CaseFacts } from '../../domain/lifecycle/state-machine';
import { type Stage } from '../../domain/lifecycle/stages';
import { Case } from '../cases/case.entity';

/** Fills in the part of the facts that a module owns (specification, shortlist, rounds…). */
export type FactsContributor = (m: EntityManager, c: Case, facts: CaseFacts) => Promise<void>;
/** Runs inside the transition's transaction; `actorId` is who moved the case. */
export type StageHook = (m: EntityManager, c: Case, actorId: string, to: Stage) => Promise<void>;

/**
 * Where modules plug into the lifecycle without the cases module knowing them: each module adds
 * what it knows to the facts, and what it must do when a case leaves or enters a stage.
 * A precondition whose module has not contributed stays unmet (the defaults say "nothing there").
 */
@Injectable()
export class LifecycleHooks {
  private readonly contributors: FactsContributor[] = [];
  private readonly leaving = new Map<Stage, StageHook[]>();
  private readonly entering = new Map<Stage, StageHook[]>();

  contributeFacts(contributor: FactsContributor): void {
    this.contributors.push(contributor);
  }

  onLeave(stage: Stage, hook: StageHook): void {
    this.leaving.set(stage, [...(this.leaving.get(stage) ?? []), hook]);
  }

  onEnter(stage: Stage, hook: StageHook): void {
    this.entering.set(stage, [...(this.entering.get(stage) ?? []), hook]);
  }

  async facts(m: EntityManager, c: Case): Promise<CaseFacts> {
    const members: Array<{ roles: CaseFacts['rolesPresent'] }> = await m.query(
      'SELECT roles FROM case_members WHERE case_id = $1',
      [c.id],
    );
    const facts: CaseFacts = {
      stage: c.stage,
      purchaseType: c.purchaseType,
      rolesPresent: [...new Set(members.flatMap((row) => row.roles))],
      specification: null,
      shortlist: { shortlisted: 0, soleSourceJustification: false, approved: false },
      rounds: { open: 0, closedWithCompliantOffer: 0, pendingRateCurrencies: [] },
      decision: { proposed: false, stale: false, missingScores: [] },
      approvers: null,
      approvals: { complete: false },
    };
    for (const contribute of this.contributors) await contribute(m, c, facts);
    return facts;
  }

  async left(m: EntityManager, c: Case, actorId: string, from: Stage, to: Stage): Promise<void> {
    for (const hook of this.leaving.get(from) ?? []) await hook(m, c, actorId, to);
  }

  async entered(m: EntityManager, c: Case, actorId: string, to: Stage): Promise<void> {
    for (const hook of this.entering.get(to) ?? []) await hook(m, c, actorId, to);
  }
}
