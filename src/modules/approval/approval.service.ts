import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { CaseAccess } from '../../common/auth';
import { exactDecimal, money } from '../../common/money';
import { approvalRequirement, type ApprovalRequirement } from '../../domain/approval/approval-chain';
import { signatureLapsed, signOffComplete } from '../../domain/approval/lapse';
import { approvalIneligibility, approvalRefusal } from '../../domain/approval/segregation';
import { nextInTurn } from '../../domain/approval/turn';
import { DeclarationsService } from '../cases/declarations.service';
import { DomainError, invalid } from '../../domain/errors';
import { AuditService } from '../audit/audit.service';
import { lockCase } from '../cases/case-lock';
import type { ApprovalChain, Case } from '../cases/case.entity';
import { Case as CaseEntity } from '../cases/case.entity';
import { CasesService } from '../cases/cases.service';
import { Decision } from '../evaluation/decision.entity';
import { DecisionService, EVALUATION, type Evaluation } from '../evaluation/decision.service';
import { LifecycleHooks, TransitionScope } from '../lifecycle/lifecycle-hooks';
import { NegotiationReader } from '../negotiation/negotiation.reader';
import { PolicyService } from '../policy/policy.service';
import type { User } from '../users/user.entity';
import { Approval } from './approval.entity';
import { ApprovalQueries } from './approval.queries';
import type { SignDto } from './dto/approval.dto';

/** The current proposal of a case with what it would cost: what an approval chain is computed from. */
interface ProposalFacts {
  decisionId: string;
  supplierId: string;
  proposedBy: string;
  justification: string;
  override: boolean;
  snapshotHash: string;
  stale: boolean;
  currentHash: string;
  amount: string;
}

/** Told after a signature that left the chain open, in its transaction (the next approver's turn). */
export type SignatureListener = (m: EntityManager, c: Case, evaluation: Evaluation) => Promise<void>;

@Injectable()
export class ApprovalService implements OnModuleInit {
  private readonly signatureListeners: SignatureListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cases: CasesService,
    private readonly decisions: DecisionService,
    private readonly negotiation: NegotiationReader,
    private readonly policy: PolicyService,
    private readonly hooks: LifecycleHooks,
    private readonly queries: ApprovalQueries,
    private readonly declarations: DeclarationsService,
  ) {}

  onModuleInit(): void {
    this.hooks.contributeFacts(async (m, c, facts, scope) => {
      if (c.stage !== 'DECISION' && c.stage !== 'APPROVAL') return;
      const proposal = await this.proposal(m, await this.decisions.inScope(scope, m, c.id));
      if (c.stage === 'APPROVAL') {
        facts.approvals = { complete: (await this.state(m, c, proposal)).complete };
        return;
      }
      if (!proposal) return;
      const requirement = await this.requirementFor(m, proposal.amount);
      const { segregation } = await this.policy.current(m);
      const eligible = (await this.queries.approvers(m, c.id)).filter((a) => approvalIneligibility(a, proposal, segregation) === null);
      facts.approvers = {
        ...requirement,
        eligible: eligible.length,
        eligibleExecutives: eligible.filter((a) => a.executive).length,
      };
    });
    // entering APPROVAL fixes the chain from the proposed supplier's converted amount
    this.hooks.onEnter('APPROVAL', 'record', async (m, c, actorId, _from, scope) => {
      const proposal = await this.proposal(m, await this.decisions.inScope(scope, m, c.id));
      if (!proposal) throw new DomainError('PRECONDITIONS_UNMET', 'no proposal to approve');
      const requirement = await this.requirementFor(m, proposal.amount);
      const chain: ApprovalChain = { ...requirement, amount: proposal.amount, currency: c.currency };
      await m.update(CaseEntity, { id: c.id }, { approvalChain: chain });
      c.approvalChain = chain;
      await this.audit.append(m, c.id, actorId, 'approval.chain_set', { ...chain, decisionId: proposal.decisionId });
    });
    // the award is recorded before the final report is rendered from it (the report's hook is a 'document' one)
    this.hooks.onEnter('AWARDED', 'record', async (m, c, actorId, _from, scope) => {
      const proposal = await this.proposal(m, await this.decisions.inScope(scope, m, c.id));
      if (!proposal) throw new DomainError('PRECONDITIONS_UNMET', 'no proposal to award');
      const awardedAt = new Date();
      await m.update(CaseEntity, { id: c.id }, { awardedSupplierId: proposal.supplierId, awardedAmount: proposal.amount, awardedAt });
      Object.assign(c, { awardedSupplierId: proposal.supplierId, awardedAmount: proposal.amount, awardedAt });
      await this.audit.append(m, c.id, actorId, 'case.awarded', {
        supplierId: proposal.supplierId,
        amount: proposal.amount,
        currency: c.currency,
        snapshotHash: proposal.snapshotHash,
      });
    });
  }

  onSignature(listener: SignatureListener): void {
    this.signatureListeners.push(listener);
  }

  /**
   * Whose turn it is to sign (README "Approver pages"): of the approvers who may still sign the
   * current snapshot, by the chain's order (src/domain/approval/turn.ts); null when nobody's is.
   */
  async turn(m: EntityManager, c: Case, given?: Evaluation) {
    if (c.stage !== 'APPROVAL') return null;
    const evaluation = given ?? (await this.decisions.evaluate(m, c.id));
    const proposal = await this.proposal(m, evaluation);
    if (!proposal || proposal.stale) return null;
    const state = await this.state(m, c, proposal);
    if (state.complete) return null;
    const { segregation } = await this.policy.current(m);
    const counting = state.approvals.filter((a) => !a.lapsed && a.verdict === 'approve');
    const approvers = (await this.queries.approvers(m, c.id)).filter(
      (a) => !counting.some((s) => s.approverId === a.userId) && approvalIneligibility(a, proposal, segregation) === null,
    );
    const approver = nextInTurn(approvers, { required: state.required ?? 1, executiveRequired: state.executiveRequired ?? false }, counting);
    return approver ? { approver, snapshotHash: proposal.currentHash, supplierId: proposal.supplierId, amount: proposal.amount, currency: state.currency } : null;
  }

  /** The current proposal of an evaluation with the proposed supplier's converted amount; null before the first proposal. */
  private async proposal(m: EntityManager, evaluation: Evaluation): Promise<ProposalFacts | null> {
    const { decision } = evaluation;
    if (!decision) return null;
    // the matrix's own offers when it could be built; otherwise the decision round is read for the amount alone
    const offers = evaluation.build?.offers ?? (await this.negotiation.decisionRound(m, evaluation.caseId))?.offers;
    const offer = offers?.find((o) => o.supplierId === decision.supplierId);
    if (!offer?.convertedTotal) throw new DomainError('CONFLICT', 'the proposed supplier has no converted offer amount');
    return {
      decisionId: decision.id,
      supplierId: decision.supplierId,
      proposedBy: decision.proposedBy,
      justification: decision.justification,
      override: decision.override,
      snapshotHash: decision.snapshotHash,
      stale: evaluation.stale,
      currentHash: evaluation.currentHash,
      amount: exactDecimal(offer.convertedTotal),
    };
  }

  private async requirementFor(m: EntityManager, amount: string): Promise<ApprovalRequirement> {
    const policy = await this.policy.current(m);
    return approvalRequirement(amount, policy.approval.bands);
  }

  /**
   * The chain's state. Only approvals that signed the current snapshot count: if the snapshot
   * changed (a policy or a back-dated record moved the matrix), earlier signatures have lapsed.
   * The proposal's staleness needs the matrix: a caller that has the proposal, or has evaluated
   * the case in the same transaction, passes it rather than have the matrix built again.
   */
  async state(m: EntityManager, c: Case, known?: ProposalFacts | null, evaluation?: Evaluation) {
    const proposal = known === undefined ? await this.proposal(m, evaluation ?? (await this.decisions.evaluate(m, c.id))) : known;
    const chain = c.approvalChain;
    const rows = await this.queries.approvals(m, c.id);
    const approvals = rows.map((a) => ({ ...a, lapsed: signatureLapsed(a, proposal) }));
    const complete = signOffComplete(chain, proposal, rows);
    return {
      required: chain?.required ?? null,
      executiveRequired: chain?.executiveRequired ?? null,
      amount: chain ? money(chain.amount, chain.currency) : null,
      currency: chain?.currency ?? c.currency,
      snapshotHash: proposal?.currentHash ?? null,
      stale: proposal?.stale ?? false,
      approvals,
      complete,
    };
  }

  /**
   * Sign-off as the decision report states it: the chain (before APPROVAL fixes it, the policy band
   * of the proposed amount, or of the top-ranked supplier's without a proposal), the state with each
   * signer's executive flag, who may still sign (segregation of duties applied), and whether every
   * signature that counts came from an approver segregation of duties allows.
   */
  async signOff(m: EntityManager, c: Case, evaluation: Evaluation) {
    const proposal = await this.proposal(m, evaluation);
    const state = await this.state(m, c, proposal, evaluation);
    let requirement: ApprovalRequirement | null =
      state.required === null ? null : { required: state.required, executiveRequired: state.executiveRequired ?? false };
    if (requirement === null) {
      const top = evaluation.build?.result.ranking[0];
      const amount = proposal?.amount ?? evaluation.build?.offers.find((o) => o.supplierId === top?.supplierId)?.convertedTotal ?? null;
      if (amount !== null) requirement = await this.requirementFor(m, amount);
    }
    const approvers = await this.queries.approvers(m, c.id);
    const { segregation } = await this.policy.current(m);
    const counting = state.approvals.filter((a) => !a.lapsed && a.verdict === 'approve');
    const signed = new Set(counting.map((a) => a.approverId));
    const byId = new Map(approvers.map((a) => [a.userId, a]));
    const open = c.stage !== 'AWARDED' && c.stage !== 'CANCELLED';
    const pending =
      open && !state.complete
        ? approvers
            .filter((a) => !signed.has(a.userId))
            // before a proposal nobody is its proposer: the other rules of the policy still apply
            .filter((a) => approvalIneligibility(a, proposal ?? { proposedBy: '' }, segregation) === null)
            .map((a) => ({ name: a.name, executive: a.executive }))
        : [];
    const segregationHeld = proposal === null || counting.every((a) => approvalRefusal(byId.get(a.approverId), proposal, segregation) === null);
    return { ...state, requirement, pending, segregationHeld };
  }

  async list(caseId: string) {
    return this.dataSource.transaction(async (m) => this.state(m, await m.findOneByOrFail(CaseEntity, { id: caseId })));
  }

  /**
   * One signature. The case row is locked: of two approvers completing the chain at once, the
   * first awards the case and the second finds it AWARDED (409), so there is one award event.
   * The case is evaluated once: the signature, the chain's state and the award all read it.
   */
  async sign(access: CaseAccess, dto: SignDto, user: User) {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'approvals.sign');
      if (dto.returnTo && dto.verdict !== 'reject') {
        throw invalid('returnTo', 'returnTo goes with a rejection');
      }
      const evaluation = await this.decisions.evaluate(m, c.id);
      const proposal = await this.proposal(m, evaluation);
      if (!proposal) throw new DomainError('CONFLICT', 'there is no proposal to sign');
      // a delegate signs as the approver who named them, and must pass the same checks themselves
      const approverId = dto.onBehalfOf ?? user.id;
      const { segregation } = await this.policy.current(m);
      if (dto.onBehalfOf !== undefined) {
        if (!(await this.queries.delegationActive(m, dto.onBehalfOf, user.id))) {
          throw new DomainError('FORBIDDEN', 'you are not this approver’s delegate today', { reason: 'no delegation in its period' });
        }
        const own = approvalRefusal(await this.queries.delegate(m, c.id, user.id), proposal, segregation);
        if (own) throw new DomainError(own.code, `as a delegate: ${own.reason}`, { reason: own.reason });
        await this.declarations.assertNoConflictOf(m, c.id, dto.onBehalfOf);
      }
      const self = (await this.queries.approvers(m, c.id)).find((a) => a.userId === approverId);
      const refusal = approvalRefusal(self, proposal, segregation);
      if (refusal) throw new DomainError(refusal.code, refusal.reason, { reason: refusal.reason });
      await this.declarations.assertMayAct(m, c.id, user.id, 'sign');
      if (dto.verdict === 'approve' && proposal.stale) {
        throw new DomainError('CONFLICT', 'the decision snapshot changed since it was proposed: earlier approvals lapsed; reject it to send it back', {
          signedHash: proposal.snapshotHash,
          currentHash: proposal.currentHash,
        });
      }
      const existing = await m.findOneBy(Approval, {
        decisionId: proposal.decisionId,
        approverId,
        snapshotHash: proposal.currentHash,
        lapsedAt: IsNull(),
      });
      if (existing && existing.verdict === 'approve' && dto.verdict === 'approve') {
        // one person counts once: a repeated approval is answered with the first, nothing is added
        return { ...existing, repeated: true, caseStage: c.stage };
      }
      const approval = await m.save(
        m.create(Approval, {
          caseId: c.id,
          decisionId: proposal.decisionId,
          approverId,
          signedBy: dto.onBehalfOf === undefined ? null : user.id,
          verdict: dto.verdict,
          comment: dto.comment ?? null,
          returnTo: dto.verdict === 'reject' ? (dto.returnTo ?? 'DECISION') : null,
          snapshotHash: proposal.currentHash,
        }),
      );
      await this.audit.append(m, c.id, user.id, `approval.${dto.verdict}`, {
        approvalId: approval.id,
        decisionId: proposal.decisionId,
        snapshotHash: proposal.currentHash,
        comment: dto.comment ?? null,
        ...(dto.onBehalfOf === undefined ? {} : { onBehalfOf: dto.onBehalfOf }),
      });
      if (dto.verdict === 'reject') {
        await this.rejectDecision(m, c, proposal, user.id, dto, evaluation);
      } else if ((await this.state(m, c, proposal)).complete) {
        // a signature does not move the matrix: the award's facts and hooks reuse this evaluation
        await this.cases.move(m, c, 'AWARDED', user.id, 'approval chain complete', new TransitionScope().provide(EVALUATION, evaluation));
      } else {
        for (const listener of this.signatureListeners) await listener(m, c, evaluation);
      }
      return { ...approval, repeated: false, caseStage: c.stage };
    });
  }

  /** A rejection lapses every other signature, retires the proposal and sends the case back. */
  private async rejectDecision(m: EntityManager, c: Case, proposal: ProposalFacts, actorId: string, dto: SignDto, evaluation: Evaluation) {
    const now = new Date();
    await m.update(Approval, { caseId: c.id, lapsedAt: IsNull() }, { lapsedAt: now });
    await m.update(Decision, { id: proposal.decisionId, supersededAt: IsNull() }, { supersededAt: now });
    await this.audit.append(m, c.id, actorId, 'approvals.lapsed', { decisionId: proposal.decisionId, reason: 'decision rejected' });
    // the way back reads the case as evaluating it now would: the same matrix (a rejection moves no
    // offer, score or weight) and no current proposal (it was just superseded)
    const after: Evaluation = { caseId: c.id, build: evaluation.build, problem: evaluation.problem, decision: null, currentHash: '', stale: false };
    await this.cases.returnFromApproval(m, c, dto.returnTo, actorId, `rejected: ${dto.comment}`, new TransitionScope().provide(EVALUATION, after));
  }

  /** Cases waiting for the caller's signature, with what an approver needs to judge them; each case is evaluated once. */
  async pending(user: User) {
    return this.dataSource.transaction(async (m) => {
      const cases = await this.queries.casesAwaiting(m, user.id);
      const items = [];
      for (const c of cases) {
        const self = (await this.queries.approvers(m, c.id)).find((a) => a.userId === user.id);
        if (!self) continue;
        const evaluation = await this.decisions.evaluate(m, c.id);
        const proposal = await this.proposal(m, evaluation);
        if (!proposal || approvalIneligibility(self, proposal, (await this.policy.current(m)).segregation) !== null) continue;
        const state = await this.state(m, c, proposal);
        if (state.approvals.some((a) => !a.lapsed && a.approverId === user.id)) continue;
        const summary = await this.decisions.summary(m, c.id, evaluation);
        items.push({
          caseId: c.id,
          reference: c.reference,
          title: c.title,
          amount: state.amount,
          currency: state.currency,
          required: state.required,
          executiveRequired: state.executiveRequired,
          approvalsGiven: state.approvals.filter((a) => !a.lapsed && a.verdict === 'approve').length,
          proposal: {
            supplierId: proposal.supplierId,
            justification: proposal.justification,
            override: proposal.override,
            snapshotHash: proposal.snapshotHash,
            stale: proposal.stale,
          },
          override: proposal.override,
          ranking: summary.ranking,
          sensitive: summary.sensitive,
        });
      }
      return { items, total: items.length };
    });
  }
}
