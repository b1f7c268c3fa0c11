import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { concession, convertToBase } from '../../domain/negotiation/money';
import { roundAsOf, roundClosedAt, type RoundClock, type RoundStatus } from '../../domain/negotiation/round';
import { meetsRequirements, type OfferToCheck } from '../../domain/requirements';
import { Case } from '../cases/case.entity';
import { currentSpecification } from '../specification/specification.reader';
import { certificationsOf } from '../suppliers/certifications.reader';
import { ExchangeRate } from './entities';
import { type ExchangeRateView, NegotiationQueries, type OfferWithSupplier, type RoundWithStatus } from './negotiation.queries';

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

/** An offer with its amount in the base currency and its concession against the previous round. */
export type ConvertedOffer = OfferWithSupplier & { convertedTotal: string | null; concession: string | null };

/** Whether an offer passes every mandatory requirement, judged as of the date its (closed) round closed. */
export type ComplianceCheck = (offer: OfferToCheck & { supplierId: string }, round: RoundClock) => boolean;

/**
 * Read side of the negotiation for the other modules (evaluation, reports, the lifecycle facts)
 * and the negotiation services themselves. Every method takes the caller's EntityManager so it
 * reads inside its transaction; the SQL is in NegotiationQueries.
 */
@Injectable()
export class NegotiationReader {
  constructor(private readonly queries: NegotiationQueries) {}

  async rounds(m: EntityManager, caseId: string): Promise<RoundWithStatus[]> {
    return this.queries.rounds(m, caseId);
  }

  async round(m: EntityManager, caseId: string, number: number): Promise<RoundWithStatus | null> {
    return this.queries.round(m, caseId, number);
  }

  /** The open round's invitees still in it, for the amendment notice (NegotiationQueries.openRoundInvitees). */
  async openRoundInvitees(m: EntityManager, caseId: string) {
    return this.queries.openRoundInvitees(m, caseId);
  }

  /** Units of the base currency per unit of each currency recorded on the case. */
  async rates(m: EntityManager, caseId: string): Promise<{ base: string; rates: Map<string, string> }> {
    const c = await m.findOne(Case, { select: { id: true, currency: true }, where: { id: caseId } });
    const rows = await m.find(ExchangeRate, { select: { currency: true, rate: true }, where: { caseId } });
    return { base: c?.currency ?? '', rates: new Map(rows.map((r) => [r.currency, r.rate])) };
  }

  /** Current offers of the given rounds (all participants, eliminated or not). */
  async currentOffers(m: EntityManager, roundIds: string[]): Promise<OfferWithSupplier[]> {
    return this.queries.currentOffers(m, roundIds);
  }

  /**
   * Current offers of every round of the case, converted to the base currency, each with its
   * concession: previous round's convertedTotal − this round's, for the same supplier (null in
   * round 1, when the supplier had no offer in the previous round, or when a rate is missing).
   */
  async convertedByRound(m: EntityManager, caseId: string): Promise<{ rounds: RoundWithStatus[]; offers: Map<string, ConvertedOffer[]> }> {
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
        .map((o): ConvertedOffer => {
          const convertedTotal = convertToBase(o.totalPrice, o.currency, base, rates.get(o.currency));
          return Object.assign(o, { convertedTotal, concession: concession(previous.get(o.supplierId), convertedTotal) });
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
    const offers = await this.queries.currentOffers(m, [round.id], true);
    return {
      round: { id: round.id, number: round.number, bestAndFinal: round.bestAndFinal, closedAt: roundClosedAt(round), deadline: round.deadline },
      offers: offers.map((o) => offerForMatrix(o, base, rates)),
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
          : (offers.get(r.id) ?? []).map(offerSummary),
    }));
  }

  /**
   * The history as the decision report shows it: every round with its current offers' full terms
   * (how each came in, its revision), and who was eliminated from it and why. Sealed like `history`.
   */
  async reportHistory(m: EntityManager, caseId: string) {
    const { rounds, offers } = await this.convertedByRound(m, caseId);
    const eliminations = await this.queries.eliminations(m, caseId);
    return rounds.map((r) => ({
      number: r.number,
      deadline: r.deadline,
      bestAndFinal: r.bestAndFinal,
      status: r.status,
      offers:
        r.status === 'open'
          ? []
          : (offers.get(r.id) ?? []).map((o) => ({
              ...offerSummary(o),
              terms: {
                leadTimeDays: o.leadTimeDays,
                warrantyMonths: o.warrantyMonths,
                paymentDays: o.paymentDays,
                validUntil: o.validUntil,
                compliance: o.compliance.map((c) => ({ requirementId: c.requirementId, met: c.met, note: c.note ?? null })),
                submittedVia: o.submittedVia,
                revision: o.revision,
              },
            })),
      eliminations: eliminations
        .filter((e) => e.roundNumber === r.number)
        .map((e) => ({ supplierId: e.supplierId, supplierName: e.supplierName, at: e.eliminatedAt, reason: e.eliminatedReason })),
    }));
  }

  /** The case's exchange rates with who set them and when. */
  async ratesWithSetters(m: EntityManager, caseId: string): Promise<ExchangeRateView[]> {
    return this.queries.ratesWithSetters(m, caseId);
  }

  /**
   * Whether an offer of a closed round passes every mandatory requirement of the current
   * specification: the decision matrix's check (`meetsRequirements`), with the matrix's date (the
   * UTC date the round closed), so the round comparison's `compliant`, the offer list's and the
   * NEGOTIATION exit's "a compliant offer" are the matrix's verdict for the same offer.
   */
  async complianceCheck(m: EntityManager, caseId: string, supplierIds: readonly string[]): Promise<ComplianceCheck> {
    const requirements = (await currentSpecification(m, caseId))?.requirements ?? [];
    const certifications = await certificationsOf(m, supplierIds);
    return (offer, round) => meetsRequirements(requirements, offer, certifications.get(offer.supplierId) ?? [], roundAsOf(round));
  }
}

/** The columns of a current offer (with its supplier's name) the decision matrix reads. */
export type OfferRowForMatrix = Pick<
  OfferWithSupplier,
  | 'supplierId'
  | 'supplierName'
  | 'totalPrice'
  | 'currency'
  | 'leadTimeDays'
  | 'warrantyMonths'
  | 'paymentDays'
  | 'validUntil'
  | 'compliance'
  | 'values'
  | 'needsReconfirmation'
  | 'revision'
  | 'createdAt'
>;

/**
 * A current offer as the decision matrix reads it, its price converted to the base currency with
 * the case's rates: the one mapping, for `decisionRound` and the matrix's own one-statement read.
 */
export function offerForMatrix(o: OfferRowForMatrix, base: string, rates: ReadonlyMap<string, string>): OfferForMatrix {
  return {
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
    submittedAt: o.createdAt,
  };
}

/** What a round's history shows of an offer: price as offered and converted, and the concession. */
function offerSummary(o: ConvertedOffer) {
  return {
    supplierId: o.supplierId,
    supplierName: o.supplierName,
    totalPrice: o.totalPrice,
    currency: o.currency,
    convertedTotal: o.convertedTotal,
    concession: o.concession,
  };
}
