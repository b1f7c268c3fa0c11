import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type CaseFacts } from '../../domain/lifecycle/state-machine';
import { type Stage } from '../../domain/lifecycle/stages';
import { Case, CaseMember } from '../cases/case.entity';

/** A value one transition computes at most once, named by a key (see `TransitionScope`). */
export class ScopeKey<T> {
  declare private readonly type: T;
  constructor(readonly name: string) {}
}

/**
 * What one transition has computed so far, shared by its facts contributors and stage hooks: the
 * decision matrix of a case, say, is built once for the DECISION exit facts, the approvers' facts,
 * the approval chain and the award's report. Lives as long as the transition (one transaction);
 * whoever starts the transition creates it, and may seed it with what it has already computed.
 */
export class TransitionScope {
  private readonly values = new Map<ScopeKey<unknown>, Promise<unknown>>();

  /** The value of `key` in this transition: `compute` runs the first time only. */
  once<T>(key: ScopeKey<T>, compute: () => Promise<T>): Promise<T> {
    let value = this.values.get(key) as Promise<T> | undefined;
    if (!value) {
      value = compute();
      this.values.set(key, value);
    }
    return value;
  }

  /** Seeds `key` with a value computed before the transition started, in the same transaction. */
  provide<T>(key: ScopeKey<T>, value: T): this {
    this.values.set(key, Promise.resolve(value));
    return this;
  }
}

/** Fills in the part of the facts that a module owns (specification, shortlist, rounds…). */
export type FactsContributor = (m: EntityManager, c: Case, facts: CaseFacts, scope: TransitionScope) => Promise<void>;
/** Runs inside the transition's transaction; `actorId` is who moved the case, `other` the stage on the far side. */
export type StageHook = (m: EntityManager, c: Case, actorId: string, other: Stage, scope: TransitionScope) => Promise<void>;

/**
 * The order of a stage's hooks, explicit rather than left to module import order. On a stage
 * change every `record` hook runs before any `document` hook:
 * - `record` writes what the stage stands on (a frozen specification, a rebuy's copied one, the
 *   approval chain, the award: supplier, amount, time);
 * - `document` renders what has been recorded (the final report is rendered from the award);
 * - `notify` queues the messages the change causes, from what is recorded (the approver whose turn it is to sign; award and regret letters).
 * Each stage, direction and phase takes one hook, so no two hooks ever depend on their order.
 */
export const HOOK_PHASES = ['record', 'document', 'notify'] as const;
export type HookPhase = (typeof HOOK_PHASES)[number];

/**
 * Where modules plug into the lifecycle without the cases module knowing them: each module adds
 * what it knows to the facts, and what it must do when a case leaves or enters a stage.
 * A precondition whose module has not contributed stays unmet (the defaults say "nothing there").
 * Contributors fill disjoint parts of the facts, so their order does not matter.
 */
@Injectable()
export class LifecycleHooks {
  private readonly contributors: FactsContributor[] = [];
  private readonly hooks = new Map<string, StageHook>();

  contributeFacts(contributor: FactsContributor): void {
    this.contributors.push(contributor);
  }

  onLeave(stage: Stage, phase: HookPhase, hook: StageHook): void {
    this.register(`leave:${stage}:${phase}`, hook);
  }

  onEnter(stage: Stage, phase: HookPhase, hook: StageHook): void {
    this.register(`enter:${stage}:${phase}`, hook);
  }

  private register(slot: string, hook: StageHook): void {
    if (this.hooks.has(slot)) throw new Error(`a lifecycle hook is already registered for ${slot}: give the new one its own phase`);
    this.hooks.set(slot, hook);
  }

  async facts(m: EntityManager, c: Case, scope: TransitionScope): Promise<CaseFacts> {
    const members = await m.find(CaseMember, { select: { roles: true }, where: { caseId: c.id } });
    const facts: CaseFacts = {
      stage: c.stage,
      purchaseType: c.purchaseType,
      rolesPresent: [...new Set(members.flatMap((member) => member.roles))],
      specification: null,
      shortlist: { shortlisted: 0, soleSourceJustification: false, approved: false },
      rounds: { open: 0, closedWithCompliantOffer: 0, pendingRateCurrencies: [] },
      decision: { proposed: false, stale: false, missingScores: [] },
      approvers: null,
      approvals: { complete: false },
    };
    for (const contribute of this.contributors) await contribute(m, c, facts, scope);
    return facts;
  }

  async left(m: EntityManager, c: Case, actorId: string, from: Stage, to: Stage, scope: TransitionScope): Promise<void> {
    for (const phase of HOOK_PHASES) await this.hooks.get(`leave:${from}:${phase}`)?.(m, c, actorId, to, scope);
  }

  async entered(m: EntityManager, c: Case, actorId: string, from: Stage, to: Stage, scope: TransitionScope): Promise<void> {
    for (const phase of HOOK_PHASES) await this.hooks.get(`enter:${to}:${phase}`)?.(m, c, actorId, from, scope);
  }
}
