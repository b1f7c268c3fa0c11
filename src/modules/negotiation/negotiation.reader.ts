import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { concession, convertToBase, normalizeAmount } from '../../domain/negotiation/money';
import { roundClosedAt, roundStatus, type RoundStatus } from '../../domain/negotiation/round';

/** The terms an offer states, as every view of an offer carries them. */
export interface OfferTerms {
  totalPrice: string;
  currency: string;
  leadTimeDays: number;
  warrantyMonths: number;
  paymentDays: number;
  validUntil: string;
  compliance: Array<{ requirementId: string; met: boolean; note: string | null }>;
  values: Array<{ criterionId: string; value: number }>;
}

/** One supplier's current offer of the decision round, as the decision matrix reads it. */
export interface OfferForMatrix extends OfferTerms {
  supplierId: string;
  supplierName: string;
  convertedTotal: string | null /* null: no rate */;
  needsReconfirmation: boolean;
  revision: number;
  submittedAt: Date;
}

export { type RoundStatus };

export interface RoundHistoryEntry {
  number: number;
  deadline: Date;
  bestAndFinal: boolean;
  status: RoundStatus;
  offers: Array<{
    supplierId: string;
    supplierName: string;
    totalPrice: string;
    currency: string;
    convertedTotal: string | null;
    concession: string | null;
  }>;
}

export interface RoundRow {
  id: string;
  caseId: string;
  number: number;
  deadline: Date;
  bestAndFinal: boolean;
  /** when it was closed by hand; null while open or when only its deadline closed it */
  closedAt: Date | null;
  closedBy: string | null;
  openedBy: string;
  createdAt: Date;
  status: RoundStatus;
}

/** A stored offer revision with its supplier's name (the full row, for the negotiation module). */
export interface OfferRow extends OfferTerms {
  id: string;
  roundId: string;
  supplierId: string;
  supplierName: string;
  revision: number;
  isCurrent: boolean;
  lineItems: Array<{ description: string; quantity: string; unitPrice: string }> | null;
  notes: string | null;
  submittedVia: 'buyer' | 'supplier';
  submittedBy: string | null;
  specificationVersion: number;
  needsReconfirmation: boolean;
  submittedAt: Date;
}

/**
 * "The round is open" in SQL, for round rows aliased `alias`: the twin of `roundIsOpen`
 * (src/domain/negotiation/round.ts), read against the database clock. The one place SQL says it.
 */
export const roundOpenSql = (alias: string) => `(${alias}.closed_at IS NULL AND ${alias}.deadline > now())`;

/** `checkedAt` is the database clock the status is computed against (never trusted from closed_at alone). */
const ROUND_COLUMNS = `r.id, r.case_id AS "caseId", r.number, r.deadline, r.best_and_final AS "bestAndFinal",
  r.closed_at AS "closedAt", r.closed_by AS "closedBy", r.opened_by AS "openedBy", r.created_at AS "createdAt",
  now() AS "checkedAt"`;

/** A round whose deadline has passed is closed, whether or not the close was recorded yet. */
function withStatus({ checkedAt, ...row }: Omit<RoundRow, 'status'> & { checkedAt: Date }): RoundRow {
  return { ...row, status: roundStatus(row, checkedAt) };
}

export const OFFER_COLUMNS = `o.id, o.round_id AS "roundId", o.supplier_id AS "supplierId", s.legal_name AS "supplierName",
  o.revision, o.is_current AS "isCurrent", o.total_price::text AS "totalPrice", o.currency, o.line_items AS "lineItems",
  o.lead_time_days AS "leadTimeDays", o.warranty_months AS "warrantyMonths", o.payment_days AS "paymentDays",
  o.valid_until::text AS "validUntil", o.compliance, o.criterion_values AS "values", o.notes,
  o.submitted_via AS "submittedVia", o.submitted_by AS "submittedBy", o.specification_version AS "specificationVersion",
  o.needs_reconfirmation AS "needsReconfirmation", o.created_at AS "submittedAt"`;

/** numeric columns come back padded ("1200.5000"): money leaves as the shortest exact string. */
export function normalizeOfferRow(row: OfferRow): OfferRow {
  return { ...row, totalPrice: normalizeAmount(row.totalPrice) };
}

/** An offer row with its amount in the base currency and its concession against the previous round. */
export interface ConvertedOffer extends OfferRow {
  convertedTotal: string | null;
  concession: string | null;
}

/**
 * Read side of the negotiation for the other modules (evaluation, reports) and the negotiation
 * service itself. Every method takes the caller's EntityManager so it reads inside its transaction.
 */
@Injectable()
export class NegotiationReader {
  async rounds(m: EntityManager, caseId: string): Promise<RoundRow[]> {
    const rows = await m.query(`SELECT ${ROUND_COLUMNS} FROM negotiation_rounds r WHERE r.case_id = $1 ORDER BY r.number`, [caseId]);
    return rows.map(withStatus);
  }

  async round(m: EntityManager, caseId: string, number: number): Promise<RoundRow | null> {
    const [row] = await m.query(`SELECT ${ROUND_COLUMNS} FROM negotiation_rounds r WHERE r.case_id = $1 AND r.number = $2`, [
      caseId,
      number,
    ]);
    return row ? withStatus(row) : null;
  }

  /** Units of the base currency per unit of each currency recorded on the case. */
  async rates(m: EntityManager, caseId: string): Promise<{ base: string; rates: Map<string, string> }> {
    const [c] = await m.query(`SELECT currency FROM cases WHERE id = $1`, [caseId]);
    const rows: Array<{ currency: string; rate: string }> = await m.query(
      `SELECT currency, rate::text AS rate FROM exchange_rates WHERE case_id = $1`,
      [caseId],
    );
    return { base: c?.currency ?? '', rates: new Map(rows.map((r) => [r.currency, normalizeAmount(r.rate)])) };
  }

  /** Current offers of the given rounds (all participants, eliminated or not). */
  async currentOffers(m: EntityManager, roundIds: string[]): Promise<OfferRow[]> {
    if (roundIds.length === 0) return [];
    const rows: OfferRow[] = await m.query(
      `SELECT ${OFFER_COLUMNS} FROM offers o JOIN suppliers s ON s.id = o.supplier_id
        WHERE o.round_id = ANY($1::uuid[]) AND o.is_current ORDER BY s.legal_name, o.supplier_id`,
      [roundIds],
    );
    return rows.map(normalizeOfferRow);
  }

  /**
   * Current offers of every round of the case, converted to the base currency, each with its
   * concession: previous round's convertedTotal − this round's, for the same supplier (null in
   * round 1, when the supplier had no offer in the previous round, or when a rate is missing).
   */
  async convertedByRound(m: EntityManager, caseId: string): Promise<{ rounds: RoundRow[]; offers: Map<string, ConvertedOffer[]> }> {
    const rounds = await this.rounds(m, caseId);
    const { base, rates } = await this.rates(m, caseId);
    const all = await this.currentOffers(
      m,
      rounds.map((r) => r.id),
    );
    const offers = new Map<string, ConvertedOffer[]>();
    let previous = new Map<string, string | null>();
    for (const round of rounds) {
      const converted = all
        .filter((o) => o.roundId === round.id)
        .map((o) => {
          const convertedTotal = convertToBase(o.totalPrice, o.currency, base, rates.get(o.currency));
          return { ...o, convertedTotal, concession: concession(previous.get(o.supplierId), convertedTotal) };
        });
      offers.set(round.id, converted);
      previous = new Map(converted.map((o) => [o.supplierId, o.convertedTotal]));
    }
    return { rounds, offers };
  }

  /**
   * The round the decision is made on: the latest closed round (closed by hand or past its
   * deadline), with the current offers of its participants not eliminated. `closedAt` is when it
   * closed: the manual close time, or the deadline when the deadline closed it. Null when no
   * round has closed yet.
   */
  async decisionRound(
    m: EntityManager,
    caseId: string,
  ): Promise<{ round: { id: string; number: number; bestAndFinal: boolean; closedAt: Date; deadline: Date }; offers: OfferForMatrix[] } | null> {
    const round = (await this.rounds(m, caseId)).filter((r) => r.status === 'closed').at(-1);
    if (!round) return null;
    const { base, rates } = await this.rates(m, caseId);
    const rows: OfferRow[] = (await m.query(
      `SELECT ${OFFER_COLUMNS} FROM offers o JOIN suppliers s ON s.id = o.supplier_id
         JOIN round_participants p ON p.round_id = o.round_id AND p.supplier_id = o.supplier_id AND p.eliminated_at IS NULL
        WHERE o.round_id = $1 AND o.is_current ORDER BY s.legal_name, o.supplier_id`,
      [round.id],
    )).map(normalizeOfferRow);
    return {
      round: { id: round.id, number: round.number, bestAndFinal: round.bestAndFinal, closedAt: roundClosedAt(round), deadline: round.deadline },
      offers: rows.map((o) => ({
        supplierId: o.supplierId,
        supplierName: o.supplierName,
        totalPrice: o.totalPrice,
        currency: o.currency,
        convertedTotal: convertToBase(o.totalPrice, o.currency, base, rates.get(o.currency)),
        leadTimeDays: o.leadTimeDays,
        warrantyMonths: o.warrantyMonths,
        paymentDays: o.paymentDays,
        validUntil: o.validUntil,
        compliance: o.compliance.map((c) => ({ requirementId: c.requirementId, met: c.met, note: c.note ?? null })),
        values: o.values.map((v) => ({ criterionId: v.criterionId, value: v.value })),
        needsReconfirmation: o.needsReconfirmation,
        revision: o.revision,
        submittedAt: o.submittedAt,
      })),
    };
  }

  /**
   * Every round in order with its current offers, converted, and each supplier's concession.
   * Sealed: an open round lists no offers at all (its contents are unseen until it closes).
   */
  async history(m: EntityManager, caseId: string): Promise<RoundHistoryEntry[]> {
    const { rounds, offers } = await this.convertedByRound(m, caseId);
    return rounds.map((r) => ({
      number: r.number,
      deadline: r.deadline,
      bestAndFinal: r.bestAndFinal,
      status: r.status,
      offers:
        r.status === 'open'
          ? []
          : (offers.get(r.id) ?? []).map((o) => ({
              supplierId: o.supplierId,
              supplierName: o.supplierName,
              totalPrice: o.totalPrice,
              currency: o.currency,
              convertedTotal: o.convertedTotal,
              concession: o.concession,
            })),
    }));
  }
}
