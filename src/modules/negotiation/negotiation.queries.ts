import { Injectable } from '@nestjs/common';
import { type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { normalizeAmount } from '../../domain/negotiation/money';
import { type ShortlistCandidate, roundStatus, type RoundStatus } from '../../domain/negotiation/round';
import { Supplier } from '../suppliers/supplier.entity';
import { NegotiationRound, Offer, RoundParticipant } from './entities';

/** An invitee reminded of its round's deadline, with what the message needs. */
export interface DueReminder {
  roundId: string;
  supplierId: string;
  number: number;
  deadline: Date;
  openedBy: string;
}

/** A round with its status, as every read sees it (src/domain/negotiation/round.ts). */
export type RoundWithStatus = NegotiationRound & { status: RoundStatus };

/** A stored offer revision with its supplier's legal name. */
export type OfferWithSupplier = Offer & { supplierName: string };

/** A participant of a round as its view lists it: receipt only (who and when), never the offer's contents. */
export interface ParticipantView {
  supplierId: string;
  supplierName: string;
  eliminated: boolean;
  eliminatedAt: Date | null;
  eliminatedReason: string | null;
  offerReceived: boolean;
  submittedAt: Date | null;
  revision: number | null;
  submittedVia: 'buyer' | 'supplier' | null;
}

/** A rate of the case with who set it. */
export interface ExchangeRateView {
  currency: string;
  /** units of the base currency per unit of `currency` */
  rate: string;
  setBy: string;
  setByName: string;
  setAt: Date;
}

/** What a live invitation token opens: a supplier's place in a round of a case. */
export interface InvitationGrant {
  roundId: string;
  supplierId: string;
  caseId: string;
  number: number;
}

/**
 * "The round is open" in SQL, for round rows aliased `alias`: the twin of `roundIsOpen`
 * (src/domain/negotiation/round.ts), read against the database clock. The one place SQL says it.
 */
export const roundOpenSql = (alias: string) => `(${alias}.closed_at IS NULL AND ${alias}.deadline > now())`;

/**
 * Every SQL statement of the negotiation module, each documented. Simple reads and writes of one
 * table go through the entities (NegotiationRound, RoundParticipant, Invitation, Offer,
 * ExchangeRate) in the services; what joins, aggregates or reads the database clock is here.
 */
@Injectable()
export class NegotiationQueries {
  /** The case's rounds in number order, each with its status against the database clock (never trusted from closed_at alone). */
  async rounds(m: EntityManager, caseId: string): Promise<RoundWithStatus[]> {
    return this.withStatus(this.roundsOf(m, caseId).orderBy('r.number'));
  }

  /** One round of the case by number, with its status; null when there is none. */
  async round(m: EntityManager, caseId: string, number: number): Promise<RoundWithStatus | null> {
    const [round] = await this.withStatus(this.roundsOf(m, caseId).andWhere('r.number = :number', { number }));
    return round ?? null;
  }

  /**
   * Records what the clock already decided: the case's rounds whose deadline has passed are closed
   * at their deadline. Returns the rounds it closed, in number order.
   */
  async closeAtDeadline(m: EntityManager, caseId: string): Promise<Array<{ id: string; number: number; deadline: Date }>> {
    return m.query(
      `WITH closed AS (
         UPDATE negotiation_rounds r SET closed_at = r.deadline
          WHERE r.case_id = $1 AND r.closed_at IS NULL AND NOT ${roundOpenSql('r')}
          RETURNING r.id, r.number, r.deadline)
       SELECT id, number, deadline FROM closed ORDER BY number`,
      [caseId],
    );
  }

  /**
   * The current offers of the given rounds, by supplier name; `participating` leaves out the
   * suppliers eliminated in their round (the decision round's matrix).
   */
  async currentOffers(m: EntityManager, roundIds: readonly string[], participating = false): Promise<OfferWithSupplier[]> {
    if (roundIds.length === 0) return [];
    const qb = this.offersWithSupplier(m).where('o.round_id IN (:...roundIds) AND o.is_current', { roundIds });
    if (participating) {
      qb.innerJoin(RoundParticipant, 'p', 'p.round_id = o.round_id AND p.supplier_id = o.supplier_id AND p.eliminated_at IS NULL');
    }
    return this.withSupplierNames(qb.orderBy('s.legal_name').addOrderBy('o.supplier_id'));
  }

  /** One supplier's revisions in a round, oldest first (or only its current one). */
  async revisions(m: EntityManager, roundId: string, supplierId: string, currentOnly: boolean): Promise<OfferWithSupplier[]> {
    const qb = this.offersWithSupplier(m).where('o.round_id = :roundId AND o.supplier_id = :supplierId', { roundId, supplierId });
    if (currentOnly) qb.andWhere('o.is_current');
    return this.withSupplierNames(qb.orderBy('o.revision'));
  }

  /** The round's participants by supplier name, each with the receipt of its current offer, if any. */
  async participants(m: EntityManager, roundId: string): Promise<ParticipantView[]> {
    return m.query(
      `SELECT p.supplier_id AS "supplierId", s.legal_name AS "supplierName", p.eliminated_at IS NOT NULL AS eliminated,
              p.eliminated_at AS "eliminatedAt", p.eliminated_reason AS "eliminatedReason", o.id IS NOT NULL AS "offerReceived",
              o.created_at AS "submittedAt", o.revision, o.submitted_via AS "submittedVia"
         FROM round_participants p JOIN suppliers s ON s.id = p.supplier_id
         LEFT JOIN offers o ON o.round_id = p.round_id AND o.supplier_id = p.supplier_id AND o.is_current
        WHERE p.round_id = $1 ORDER BY s.legal_name, p.supplier_id`,
      [roundId],
    );
  }

  /** The participants still taking part: not eliminated and not blocked in the registry since the round opened. */
  async activeParticipants(m: EntityManager, roundId: string, supplierId?: string): Promise<Array<{ supplierId: string; supplierName: string }>> {
    return m.query(
      `SELECT p.supplier_id AS "supplierId", s.legal_name AS "supplierName"
         FROM round_participants p JOIN suppliers s ON s.id = p.supplier_id
        WHERE p.round_id = $1 AND p.eliminated_at IS NULL AND s.status = 'active' AND ($2::uuid IS NULL OR p.supplier_id = $2)
        ORDER BY s.legal_name, p.supplier_id`,
      [roundId, supplierId ?? null],
    );
  }

  /** The legal name of a participant of the round; null when the supplier does not take part in it. */
  async participantName(m: EntityManager, roundId: string, supplierId: string): Promise<string | null> {
    const [row] = await m.query(
      `SELECT s.legal_name AS name FROM round_participants p JOIN suppliers s ON s.id = p.supplier_id
        WHERE p.round_id = $1 AND p.supplier_id = $2`,
      [roundId, supplierId],
    );
    return row ? (row.name as string) : null;
  }

  /** The case's shortlist as the next round's participants are drawn from it, in the order rounds list them. */
  async shortlistCandidates(m: EntityManager, caseId: string): Promise<ShortlistCandidate[]> {
    return m.query(
      `SELECT se.supplier_id AS "supplierId", se.status = 'shortlisted' AS shortlisted, s.status = 'active' AS active
         FROM shortlist_entries se JOIN suppliers s ON s.id = se.supplier_id
        WHERE se.case_id = $1 ORDER BY s.legal_name, se.supplier_id`,
      [caseId],
    );
  }

  /** What a live (unexpired) invitation token, by its SHA-256, opens; null for any other token. */
  async invitationByTokenHash(m: EntityManager, tokenHash: string): Promise<InvitationGrant | null> {
    const [row] = await m.query(
      `SELECT i.round_id AS "roundId", i.supplier_id AS "supplierId", r.case_id AS "caseId", r.number
         FROM invitations i JOIN negotiation_rounds r ON r.id = i.round_id
        WHERE i.token_hash = $1 AND i.expires_at > now()`,
      [tokenHash],
    );
    return (row as InvitationGrant | undefined) ?? null;
  }

  /** The round's tokens still live expire now (issuing again supersedes them). */
  async expireInvitations(m: EntityManager, roundId: string): Promise<void> {
    await m.query(`UPDATE invitations SET expires_at = now() WHERE round_id = $1 AND expires_at > now()`, [roundId]);
  }

  /** Every elimination of the case's rounds, by round number and supplier name, with its reason. */
  async eliminations(m: EntityManager, caseId: string): Promise<Array<{ roundNumber: number; supplierId: string; supplierName: string; eliminatedAt: Date; eliminatedReason: string | null }>> {
    return m.query(
      `SELECT r.number AS "roundNumber", p.supplier_id AS "supplierId", s.legal_name AS "supplierName",
              p.eliminated_at AS "eliminatedAt", p.eliminated_reason AS "eliminatedReason"
         FROM round_participants p JOIN negotiation_rounds r ON r.id = p.round_id JOIN suppliers s ON s.id = p.supplier_id
        WHERE r.case_id = $1 AND p.eliminated_at IS NOT NULL
        ORDER BY r.number, s.legal_name, p.supplier_id`,
      [caseId],
    );
  }

  /**
   * The case's open round (at most one) and its invitees still in it: not eliminated, active in the
   * registry, not declined; each with whether its current offer needs re-confirmation (a receipt
   * fact, not the offer's contents). Null when no round is open.
   */
  async openRoundInvitees(
    m: EntityManager,
    caseId: string,
  ): Promise<{ number: number; deadline: Date; openedBy: string; invitees: Array<{ supplierId: string; hasOffer: boolean }> } | null> {
    const [round] = (await m.query(`SELECT r.id, r.number, r.deadline, r.opened_by AS "openedBy" FROM negotiation_rounds r WHERE r.case_id = $1 AND ${roundOpenSql('r')}`, [caseId])) as Array<{
      id: string;
      number: number;
      deadline: Date;
      openedBy: string;
    }>;
    if (!round) return null;
    const invitees: Array<{ supplierId: string; hasOffer: boolean }> = await m.query(
      `SELECT p.supplier_id AS "supplierId", coalesce(o.needs_reconfirmation, false) AS "hasOffer"
         FROM round_participants p JOIN suppliers s ON s.id = p.supplier_id AND s.status = 'active'
         LEFT JOIN offers o ON o.round_id = p.round_id AND o.supplier_id = p.supplier_id AND o.is_current
        WHERE p.round_id = $1 AND p.eliminated_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM supplier_intents d WHERE d.round_id = p.round_id AND d.supplier_id = p.supplier_id AND d.intent = 'decline')
        ORDER BY s.legal_name, p.supplier_id`,
      [round.id],
    );
    return { number: round.number, deadline: round.deadline, openedBy: round.openedBy, invitees };
  }

  /** The case's rates by currency, with the name of who set each. */
  async ratesWithSetters(m: EntityManager, caseId: string): Promise<ExchangeRateView[]> {
    const rows: ExchangeRateView[] = await m.query(
      `SELECT r.currency, r.rate::text AS rate, r.set_by AS "setBy", u.name AS "setByName", r.set_at AS "setAt"
         FROM exchange_rates r JOIN users u ON u.id = r.set_by WHERE r.case_id = $1 ORDER BY r.currency`,
      [caseId],
    );
    return rows.map((r) => ({ ...r, rate: normalizeAmount(r.rate) }));
  }

  private roundsOf(m: EntityManager, caseId: string): SelectQueryBuilder<NegotiationRound> {
    return m.createQueryBuilder(NegotiationRound, 'r').addSelect('now()', 'checked_at').where('r.case_id = :caseId', { caseId });
  }

  /** A round whose deadline has passed is closed, whether or not the close was recorded yet. */
  private async withStatus(qb: SelectQueryBuilder<NegotiationRound>): Promise<RoundWithStatus[]> {
    const { entities, raw } = await qb.getRawAndEntities<{ r_id: string; checked_at: Date }>();
    const checkedAt = new Map(raw.map((row) => [row.r_id, row.checked_at]));
    return entities.map((round) => Object.assign(round, { status: roundStatus(round, checkedAt.get(round.id)!) }));
  }

  private offersWithSupplier(m: EntityManager): SelectQueryBuilder<Offer> {
    return m.createQueryBuilder(Offer, 'o').innerJoin(Supplier, 's', 's.id = o.supplier_id').addSelect('s.legal_name', 'supplier_name');
  }

  private async withSupplierNames(qb: SelectQueryBuilder<Offer>): Promise<OfferWithSupplier[]> {
    const { entities, raw } = await qb.getRawAndEntities<{ o_id: string; supplier_name: string }>();
    const names = new Map(raw.map((row) => [row.o_id, row.supplier_name]));
    return entities.map((offer) => Object.assign(offer, { supplierName: names.get(offer.id)! }));
  }

  /**
   * The open rounds' invitees due for their deadline reminder at `now`: invited, still in the round
   * and active, the deadline within `hoursBefore`, no current offer, no decline, not yet reminded.
   */
  private dueReminders(caseFilter: string): string {
    return `SELECT r.id AS "roundId", r.case_id AS "caseId", r.number, r.deadline, p.supplier_id AS "supplierId"
         FROM negotiation_rounds r
         JOIN round_participants p ON p.round_id = r.id AND p.eliminated_at IS NULL
         JOIN suppliers s ON s.id = p.supplier_id AND s.status = 'active'
        WHERE r.closed_at IS NULL AND r.deadline > $1 AND r.deadline <= $1 + $2 * interval '1 hour' ${caseFilter}
          AND EXISTS (SELECT 1 FROM invitations i WHERE i.round_id = r.id AND i.supplier_id = p.supplier_id)
          AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.round_id = r.id AND o.supplier_id = p.supplier_id AND o.is_current)
          AND NOT EXISTS (SELECT 1 FROM supplier_intents d WHERE d.round_id = r.id AND d.supplier_id = p.supplier_id AND d.intent = 'decline')
          AND NOT EXISTS (SELECT 1 FROM deadline_reminders x WHERE x.round_id = r.id AND x.supplier_id = p.supplier_id)`;
  }

  /** The cases in NEGOTIATION with a reminder due at `now`. */
  async casesWithRemindersDue(m: EntityManager, now: Date, hoursBefore: number): Promise<string[]> {
    const rows: Array<{ caseId: string }> = await m.query(
      `SELECT DISTINCT due."caseId" FROM (${this.dueReminders('')}) due JOIN cases c ON c.id = due."caseId" WHERE c.stage = 'NEGOTIATION'`,
      [now, hoursBefore],
    );
    return rows.map((r) => r.caseId);
  }

  /** Takes the case's due reminders: one row each in deadline_reminders, whose key (round, supplier) a second sweep cannot pass. */
  async claimReminders(m: EntityManager, caseId: string, now: Date, hoursBefore: number): Promise<DueReminder[]> {
    const result: unknown = await m.query(
      `WITH due AS (${this.dueReminders('AND r.case_id = $3')})
       INSERT INTO deadline_reminders (round_id, supplier_id, reminded_at)
       SELECT "roundId", "supplierId", $1 FROM due
       ON CONFLICT (round_id, supplier_id) DO NOTHING
       RETURNING round_id AS "roundId", supplier_id AS "supplierId"`,
      [now, hoursBefore, caseId],
    );
    const claimed = result as Array<{ roundId: string; supplierId: string }>;
    if (claimed.length === 0) return [];
    const rounds: Array<{ id: string; number: number; deadline: Date; openedBy: string }> = await m.query(
      `SELECT id, number, deadline, opened_by AS "openedBy" FROM negotiation_rounds WHERE id = ANY($1)`,
      [[...new Set(claimed.map((c) => c.roundId))]],
    );
    const byId = new Map(rounds.map((r) => [r.id, r]));
    return claimed.map((c) => {
      const { number, deadline, openedBy } = byId.get(c.roundId)!;
      return { ...c, number, deadline, openedBy };
    });
  }

}
