import { Injectable } from '@nestjs/common';
import { money } from '../../common/money';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { lockCase } from '../cases/case-lock';
import { type Page } from '../../common/paging';
import { sha256 } from '../../domain/audit/canonical-json';
import { DomainError, invalid } from '../../domain/errors';
import { compareAmounts } from '../../domain/negotiation/money';
import { nextRound } from '../../domain/negotiation/round';
import { missingRateCurrencies, reconfirmation } from '../../domain/negotiation/offer-rules';
import { currentSpecification } from '../specification/specification.reader';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/user.entity';
import { EliminationDto, OpenRoundDto } from './dto/round.dto';
import { CaseNotices } from '../messages/case-notices';
import { Invitation, NegotiationRound, Offer, RoundParticipant } from './entities';
import { NegotiationQueries, type ParticipantView, type RoundWithStatus } from './negotiation.queries';
import { NegotiationReader } from './negotiation.reader';

export interface RoundView {
  number: number;
  deadline: Date;
  bestAndFinal: boolean;
  status: 'open' | 'closed';
  /** when it closed: by hand, or at its deadline */
  closedAt: Date | null;
  closedBy: string | null;
  openedBy: string;
  createdAt: Date;
  participants: ParticipantView[];
  offersReceived: number;
}

export interface ComparisonItem {
  position: number;
  supplierId: string;
  supplierName: string;
  totalPrice: string;
  currency: string;
  rate: string | null;
  convertedTotal: string | null;
  concession: string | null;
  compliant: boolean;
  eliminated: boolean;
  needsReconfirmation: boolean;
  revision: number;
  submittedAt: Date;
}

export interface RoundComparison {
  round: number;
  baseCurrency: string;
  /** currencies with no rate on the case: their offers cannot be converted (and ranked) yet */
  pendingRateCurrencies: string[];
  items: ComparisonItem[];
}

/** Rounds: opening, closing (by hand or by deadline), eliminations, comparison and invitations. */
@Injectable()
export class RoundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly reader: NegotiationReader,
    private readonly queries: NegotiationQueries,
    private readonly notices: CaseNotices,
  ) {}

  /**
   * Persists what the clock already decided: rounds whose deadline has passed are closed at their
   * deadline. Called under the case lock at the start of every write, so the one-open-round index
   * and the stored rows agree with what every read computes; audited with no actor.
   */
  async settleDeadlines(m: EntityManager, caseId: string): Promise<void> {
    const closed = await this.queries.closeAtDeadline(m, caseId);
    for (const r of closed) {
      await this.audit.append(m, caseId, null, 'round.closed', { number: r.number, closedBy: 'deadline', closedAt: r.deadline });
      await this.checkSealedReconfirmations(m, caseId, r, null);
    }
  }

  /**
   * When a round closes, the offers its buyer re-confirmed while it was sealed are checked against
   * the specification: one that does not answer it needs re-confirmation again (revise it), and
   * the trail says why.
   */
  private async checkSealedReconfirmations(m: EntityManager, caseId: string, round: { id: string; number: number; deadline: Date }, actorId: string | null): Promise<void> {
    const pending = await m.find(Offer, { where: { roundId: round.id, reconfirmPending: true } });
    if (pending.length === 0) return;
    const spec = await currentSpecification(m, caseId);
    for (const offer of pending) {
      const checked = spec ? reconfirmation(offer, spec, round.deadline) : null;
      const problems = checked ? checked.problems : [{ field: 'specification', message: 'the case has no specification' }];
      if (checked && problems.length === 0) {
        await m.update(Offer, { id: offer.id }, { reconfirmPending: false, compliance: checked.compliance, values: checked.values });
        continue;
      }
      await m.update(Offer, { id: offer.id }, { reconfirmPending: false, needsReconfirmation: true });
      await this.audit.append(m, caseId, actorId, 'offer.reconfirmation_refused', {
        number: round.number,
        supplierId: offer.supplierId,
        revision: offer.revision,
        specificationVersion: spec?.version ?? null,
        errors: problems,
      });
    }
  }

  async findRound(m: EntityManager, caseId: string, number: number): Promise<RoundWithStatus> {
    const round = await this.reader.round(m, caseId, number);
    if (!round) throw new DomainError('NOT_FOUND', `round ${number} not found`);
    return round;
  }

  async open(access: CaseAccess, dto: OpenRoundDto, user: User): Promise<RoundView> {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'rounds.manage');
      await this.settleDeadlines(m, c.id);
      const deadline = new Date(dto.deadline);
      const rounds = await this.reader.rounds(m, c.id);
      const last = rounds.at(-1);
      const shortlist = await this.queries.shortlistCandidates(m, c.id);
      const previousParticipants = last
        ? (await m.findBy(RoundParticipant, { roundId: last.id })).map((p) => ({ supplierId: p.supplierId, eliminated: p.eliminatedAt !== null }))
        : null;
      const { number, participants } = nextRound({ deadline, now: new Date(), rounds, shortlist, previousParticipants });
      const round = await m.save(
        m.create(NegotiationRound, { caseId: c.id, number, deadline, bestAndFinal: dto.bestAndFinal ?? false, openedBy: user.id }),
      );
      await m.insert(
        RoundParticipant,
        participants.map((supplierId) => ({ roundId: round.id, supplierId })),
      );
      await this.audit.append(m, c.id, user.id, 'round.opened', {
        number,
        deadline: deadline.toISOString(),
        bestAndFinal: round.bestAndFinal,
        participants,
      });
      return this.view(m, await this.findRound(m, c.id, number));
    });
  }

  async list(caseId: string): Promise<Page<RoundView>> {
    const m = this.dataSource.manager;
    const rounds = await this.reader.rounds(m, caseId);
    const items: RoundView[] = [];
    for (const r of rounds) items.push(await this.view(m, r));
    return { items, total: items.length };
  }

  async get(caseId: string, number: number): Promise<RoundView> {
    const m = this.dataSource.manager;
    return this.view(m, await this.findRound(m, caseId, number));
  }

  async close(access: CaseAccess, number: number, user: User): Promise<RoundView & { comparison: RoundComparison }> {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'rounds.manage');
      await this.settleDeadlines(m, c.id);
      const round = await this.findRound(m, c.id, number);
      if (round.status === 'closed') throw new DomainError('ROUND_CLOSED', `round ${number} is already closed`);
      const { base, rates } = await this.reader.rates(m, c.id);
      const current = await m.find(Offer, { select: { currency: true }, where: { roundId: round.id, isCurrent: true } });
      const missing = missingRateCurrencies(
        current.map((o) => o.currency),
        base,
        rates,
      );
      if (missing.length > 0) {
        // the currencies are named, nothing else: the round is still sealed
        throw new DomainError(
          'CONFLICT',
          `round ${number} cannot close: no exchange rate to ${base} for ${missing.join(', ')}; set it with PUT /cases/:id/exchange-rates`,
          { currencies: missing },
        );
      }
      await m.update(NegotiationRound, { id: round.id }, { closedAt: () => 'now()', closedBy: user.id });
      await this.audit.append(m, c.id, user.id, 'round.closed', { number, closedBy: 'buyer' });
      await this.checkSealedReconfirmations(m, c.id, round, user.id);
      const closed = await this.findRound(m, c.id, number);
      return { ...(await this.view(m, closed)), comparison: await this.comparison(m, c.id, closed) };
    });
  }

  async eliminate(access: CaseAccess, number: number, dto: EliminationDto, user: User): Promise<RoundView> {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'rounds.manage');
      await this.settleDeadlines(m, c.id);
      const round = await this.findRound(m, c.id, number);
      if (round.status === 'open') {
        throw new DomainError('CONFLICT', `round ${number} is still open: suppliers are eliminated after it closes`);
      }
      const next = await this.reader.round(m, c.id, number + 1);
      if (next) throw new DomainError('CONFLICT', `round ${number + 1} has already been opened: eliminations for it are over`);
      const participant = await m.findOneBy(RoundParticipant, { roundId: round.id, supplierId: dto.supplierId });
      if (!participant) throw invalid('supplierId', `the supplier is not a participant of round ${number}`);
      if (participant.eliminatedAt) throw new DomainError('CONFLICT', `the supplier was already eliminated in round ${number}`);
      await m.update(
        RoundParticipant,
        { roundId: round.id, supplierId: dto.supplierId },
        { eliminatedAt: () => 'now()', eliminatedReason: dto.reason },
      );
      // the supplier hears it is not invited to the next round, and its own reason only; held for the gatekeeper
      const messages = await this.notices.eliminationNotice(m, c, number, dto.supplierId, dto.reason, user);
      await this.audit.append(m, c.id, user.id, 'round.supplier_eliminated', { number, supplierId: dto.supplierId, reason: dto.reason, messages: messages.map((x) => x.id) });
      return this.view(m, round);
    });
  }

  async comparisonOf(caseId: string, number: number): Promise<RoundComparison> {
    const m = this.dataSource.manager;
    const round = await this.findRound(m, caseId, number);
    if (round.status === 'open') throw new DomainError('OFFER_SEALED', `round ${number} is open: its offers are sealed until it closes`);
    return this.comparison(m, caseId, round);
  }

  /** The closed round's current offers by converted total, cheapest first (unconvertible last). */
  async comparison(m: EntityManager, caseId: string, round: RoundWithStatus): Promise<RoundComparison> {
    const { offers } = await this.reader.convertedByRound(m, caseId);
    const { base, rates } = await this.reader.rates(m, caseId);
    const eliminated = await this.eliminatedIn(m, round.id);
    const current = offers.get(round.id) ?? [];
    const compliant = await this.reader.complianceCheck(
      m,
      caseId,
      current.map((o) => o.supplierId),
    );
    const items = [...current]
      .sort((a, b) => compareAmounts(a.convertedTotal, b.convertedTotal) || a.supplierName.localeCompare(b.supplierName))
      .map((o, i) => ({
        position: i + 1,
        supplierId: o.supplierId,
        supplierName: o.supplierName,
        totalPrice: money(o.totalPrice, o.currency),
        currency: o.currency,
        rate: o.currency === base ? null : (rates.get(o.currency) ?? null),
        convertedTotal: money(o.convertedTotal, base),
        concession: money(o.concession, base),
        compliant: compliant(o, round),
        eliminated: eliminated.has(o.supplierId),
        needsReconfirmation: o.needsReconfirmation,
        revision: o.revision,
        submittedAt: o.createdAt,
      }));
    return {
      round: round.number,
      baseCurrency: base,
      pendingRateCurrencies: missingRateCurrencies(
        items.map((o) => o.currency),
        base,
        rates,
      ),
      items,
    };
  }

  async eliminatedIn(m: EntityManager, roundId: string): Promise<Set<string>> {
    const eliminated = await m.find(RoundParticipant, { select: { supplierId: true }, where: { roundId, eliminatedAt: Not(IsNull()) } });
    return new Set(eliminated.map((p) => p.supplierId));
  }

  async view(m: EntityManager, round: RoundWithStatus): Promise<RoundView> {
    const participants = await this.queries.participants(m, round.id);
    return {
      number: round.number,
      deadline: round.deadline,
      bestAndFinal: round.bestAndFinal,
      status: round.status,
      closedAt: round.closedAt ?? (round.status === 'closed' ? round.deadline : null),
      closedBy: round.closedBy,
      openedBy: round.openedBy,
      createdAt: round.createdAt,
      participants,
      offersReceived: participants.filter((p) => p.offerReceived).length,
    };
  }

  /**
   * One token per participant still in the round, valid for that supplier and round until the
   * deadline. Stored as SHA-256 only; the response is the one time each token is seen. Issuing
   * again supersedes the round's earlier tokens (they expire now).
   */
  async issueInvitations(
    access: CaseAccess,
    number: number,
    user: User,
  ): Promise<Array<{ supplierId: string; supplierName: string; token: string; expiresAt: Date }>> {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'invitations.issue');
      if (!c.shortlistApprovedAt) {
        throw new DomainError('CONFLICT', 'invitations need the gatekeeper’s approval of the shortlist, which has not been given');
      }
      await this.settleDeadlines(m, c.id);
      const round = await this.findRound(m, c.id, number);
      if (round.status === 'closed') throw new DomainError('ROUND_CLOSED', `round ${number} is closed`);
      const participants = await this.queries.activeParticipants(m, round.id);
      await this.queries.expireInvitations(m, round.id);
      const issued = participants.map((p) => ({ ...p, token: `inv_${randomBytes(32).toString('base64url')}`, expiresAt: round.deadline }));
      await m.insert(
        Invitation,
        issued.map((i) => ({ roundId: round.id, supplierId: i.supplierId, tokenHash: sha256(i.token), expiresAt: i.expiresAt, createdBy: user.id })),
      );
      const messages = await this.notices.rfqInvitations(m, c, { number, deadline: round.deadline, bestAndFinal: round.bestAndFinal }, issued, user);
      await this.audit.append(m, c.id, user.id, 'invitations.issued', {
        number,
        suppliers: issued.map((i) => i.supplierId),
        expiresAt: round.deadline,
        // the invitation e-mails, held for the gatekeeper's approval (README "Messages")
        messages: messages.map((x) => ({ id: x.id, supplierId: x.supplierId })),
      });
      return issued;
    });
  }
}
