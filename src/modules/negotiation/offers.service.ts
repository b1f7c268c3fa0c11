import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { lockCase } from '../cases/case-lock';
import { money } from '../../common/money';
import { type Page, PageQuery } from '../../common/paging';
import { DomainError, type FieldProblem, invalid } from '../../domain/errors';
import { edgeProblems, refusedFields } from '../../common/validation';
import { convertToBase, normalizeAmount } from '../../domain/negotiation/money';
import { offerProblems, reconfirmation } from '../../domain/negotiation/offer-rules';
import { AuditService } from '../audit/audit.service';
import { Case } from '../cases/case.entity';
import { Supplier } from '../suppliers/supplier.entity';
import { currentSpecification } from '../specification/specification.reader';
import { type SpecificationVersion } from '../specification/specification-version.entity';
import { User } from '../users/user.entity';
import { OfferBodyDto, RecordOfferDto } from './dto/offer.dto';
import { Offer } from './entities';
import { NegotiationQueries, type OfferWithSupplier, type RoundWithStatus } from './negotiation.queries';
import { type ConvertedOffer, NegotiationReader, type OfferTerms } from './negotiation.reader';
import { PortalSessions } from './portal-session';
import { RoundsService } from './rounds.service';

/** What anyone may see of an offer while its round is sealed: who submitted, when, which revision. */
export interface OfferReceipt {
  supplierId: string;
  supplierName: string;
  submittedAt: Date;
  revision: number;
  submittedVia: 'buyer' | 'supplier';
}

export interface OfferView extends OfferReceipt, OfferTerms {
  rate: string | null;
  convertedTotal: string | null;
  concession: string | null;
  lineItems: Array<{ description: string; quantity: string; unitPrice: string }> | null;
  notes: string | null;
  submittedBy: string | null;
  specificationVersion: number;
  needsReconfirmation: boolean;
  compliant: boolean;
  eliminated: boolean;
}

/** The receipt returned to whoever submits: the round stays sealed, so the contents are not echoed. */
export interface SubmissionReceipt {
  round: number;
  supplierId: string;
  revision: number;
  submittedVia: 'buyer' | 'supplier';
  submittedAt: Date;
  specificationVersion: number;
  needsReconfirmation: boolean;
}

interface Submitter {
  via: 'buyer' | 'supplier';
  userId: string | null;
}

@Injectable()
export class OffersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly reader: NegotiationReader,
    private readonly rounds: RoundsService,
    private readonly queries: NegotiationQueries,
    private readonly portal: PortalSessions,
  ) {}

  /** The buyer records an offer on a supplier's behalf; marked as such, with the buyer's id. */
  async record(access: CaseAccess, number: number, dto: RecordOfferDto, user: User): Promise<SubmissionReceipt> {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'offers.record');
      await this.rounds.settleDeadlines(m, c.id);
      const round = await this.rounds.findRound(m, c.id, number);
      if (round.status === 'closed') throw new DomainError('ROUND_CLOSED', `round ${number} is closed: no offer is accepted after it`);
      const problems = edgeProblems(dto);
      if (!refusedFields(problems).has('supplierId') && !(await this.isActiveParticipant(m, round.id, dto.supplierId))) {
        problems.push({ field: 'supplierId', message: `the supplier is not taking part in round ${number}` });
      }
      const { supplierId, ...body } = dto;
      return this.submit(m, c, round, supplierId, body, { via: 'buyer', userId: user.id }, problems);
    });
  }

  /** The supplier submits or revises its own offer with its invitation token. */
  async submitWithToken(token: string | null, dto: OfferBodyDto): Promise<SubmissionReceipt> {
    return this.dataSource.transaction(async (m) => {
      const session = await this.portal.open(m, token);
      return this.submit(m, session.c, session.round, session.supplierId, dto, { via: 'supplier', userId: null }, edgeProblems(dto));
    });
  }

  async reconfirm(access: CaseAccess, number: number, supplierId: string, user: User): Promise<SubmissionReceipt> {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'offers.record');
      await this.rounds.settleDeadlines(m, c.id);
      const round = await this.rounds.findRound(m, c.id, number);
      return this.reconfirmCurrent(m, c, round, supplierId, { via: 'buyer', userId: user.id });
    });
  }

  async reconfirmWithToken(token: string | null): Promise<SubmissionReceipt> {
    return this.dataSource.transaction(async (m) => {
      const session = await this.portal.open(m, token);
      return this.reconfirmCurrent(m, session.c, session.round, session.supplierId, { via: 'supplier', userId: null });
    });
  }

  /** What the invited supplier needs to answer: its round, the requirements, the criteria it gives values for, its own offer. */
  async invitation(token: string | null) {
    return this.dataSource.transaction(async (m) => {
      const { c, round, supplierId } = await this.portal.open(m, token);
      const spec = await currentSpecification(m, c.id);
      const supplier = await m.findOneOrFail(Supplier, { select: { id: true, legalName: true }, where: { id: supplierId } });
      const [own] = await this.queries.revisions(m, round.id, supplierId, true);
      return {
        supplierId,
        supplierName: supplier.legalName,
        round: { number: round.number, deadline: round.deadline, bestAndFinal: round.bestAndFinal },
        baseCurrency: c.currency,
        specificationVersion: spec?.version ?? null,
        requirements: (spec?.requirements ?? []).map((r) => ({ id: r.id, text: r.text, type: r.type, value: r.value })),
        offerCriteria: (spec?.criteria ?? [])
          .filter((k) => k.source === 'offer.value')
          .map((k) => ({ id: k.id, name: k.name, direction: k.direction, normalization: k.normalization })),
        currentOffer: own ? this.ownOffer(own) : null,
      };
    });
  }

  /**
   * Sealed while the round is open: receipts only, for every role and for admins alike. Once it
   * is closed: every current offer with its amount converted to the base currency and its
   * concession against the supplier's previous round.
   */
  async list(caseId: string, number: number, page: PageQuery): Promise<Page<OfferReceipt | OfferView> & { sealed: boolean }> {
    const m = this.dataSource.manager;
    const round = await this.rounds.findRound(m, caseId, number);
    if (round.status === 'open') {
      const receipts = (await this.reader.currentOffers(m, [round.id])).map((o) => this.receipt(o));
      return { items: receipts.slice(page.offset, page.offset + page.limit), total: receipts.length, sealed: true };
    }
    const { offers } = await this.reader.convertedByRound(m, caseId);
    const { base, rates } = await this.reader.rates(m, caseId);
    const eliminated = await this.rounds.eliminatedIn(m, round.id);
    const current = offers.get(round.id) ?? [];
    const compliant = await this.reader.complianceCheck(
      m,
      caseId,
      current.map((o) => o.supplierId),
    );
    const views = current.map((o) => this.view(o, base, rates, eliminated.has(o.supplierId), compliant(o, round)));
    return { items: views.slice(page.offset, page.offset + page.limit), total: views.length, sealed: false };
  }

  /** Every revision of one supplier's offer in the round, oldest first; receipts only while sealed. */
  async revisions(caseId: string, number: number, supplierId: string) {
    const m = this.dataSource.manager;
    const round = await this.rounds.findRound(m, caseId, number);
    const supplierName = await this.queries.participantName(m, round.id, supplierId);
    if (supplierName === null) throw new DomainError('NOT_FOUND', `the supplier is not a participant of round ${number}`);
    const rows = await this.queries.revisions(m, round.id, supplierId, false);
    const sealed = round.status === 'open';
    const { base, rates } = await this.reader.rates(m, caseId);
    const eliminated = (await this.rounds.eliminatedIn(m, round.id)).has(supplierId);
    // the concession is the current offer's (against the previous round); earlier revisions have none
    const current = sealed ? undefined : (await this.reader.convertedByRound(m, caseId)).offers.get(round.id)?.find((o) => o.supplierId === supplierId);
    const compliant = sealed ? () => false : await this.reader.complianceCheck(m, caseId, [supplierId]);
    return {
      supplierId,
      supplierName,
      round: number,
      sealed,
      items: rows.map((o) =>
        sealed
          ? { ...this.receipt(o), isCurrent: o.isCurrent }
          : {
              ...this.view(
                {
                  ...o,
                  convertedTotal: convertToBase(o.totalPrice, o.currency, base, rates.get(o.currency)),
                  concession: o.isCurrent ? (current?.concession ?? null) : null,
                },
                base,
                rates,
                eliminated,
                compliant(o, round),
              ),
              isCurrent: o.isCurrent,
            },
      ),
    };
  }

  private async submit(
    m: EntityManager,
    c: Case,
    round: RoundWithStatus,
    supplierId: string,
    body: OfferBodyDto,
    by: Submitter,
    edge: FieldProblem[],
  ): Promise<SubmissionReceipt> {
    const spec = await this.specificationOf(m, c.id);
    // one answer for every problem: the body's own (from the pipe) and the specification's rules
    const problems = [...edge, ...offerProblems(body, spec, round.deadline, refusedFields(edge))];
    if (problems.length > 0) throw invalid(problems);

    // the one current offer of the supplier in the round becomes history; the revision follows it
    const revision = ((await m.maximum(Offer, 'revision', { roundId: round.id, supplierId })) ?? 0) + 1;
    await m.update(Offer, { roundId: round.id, supplierId, isCurrent: true }, { isCurrent: false });
    const saved = await m.save(
      m.create(Offer, {
        roundId: round.id,
        supplierId,
        revision,
        isCurrent: true,
        totalPrice: body.totalPrice,
        currency: body.currency,
        lineItems: body.lineItems?.length
          ? body.lineItems.map((li) => ({ description: li.description, quantity: normalizeAmount(li.quantity), unitPrice: normalizeAmount(li.unitPrice) }))
          : null,
        leadTimeDays: body.leadTimeDays,
        warrantyMonths: body.warrantyMonths,
        paymentDays: body.paymentDays,
        validUntil: body.validUntil,
        compliance: body.compliance.map((a) => ({ requirementId: a.requirementId, met: a.met, note: a.note ?? null })),
        values: body.values.map((v) => ({ criterionId: v.criterionId, value: v.value })),
        notes: body.notes ?? null,
        submittedVia: by.via,
        submittedBy: by.userId,
        specificationVersion: spec.version,
        needsReconfirmation: false,
      }),
    );
    // sealed: the trail records who, which round and revision, and when; never the contents
    await this.audit.append(m, c.id, by.userId, 'offer.submitted', {
      number: round.number,
      supplierId,
      revision,
      submittedVia: by.via,
      submittedAt: saved.createdAt,
    });
    return {
      round: round.number,
      supplierId,
      revision,
      submittedVia: by.via,
      submittedAt: saved.createdAt,
      specificationVersion: spec.version,
      needsReconfirmation: false,
    };
  }

  /**
   * Confirms the current offer unchanged against the current specification. Answers to
   * requirements or criteria that the new version dropped are left out; if the new version asks
   * for something the offer does not answer, it must be revised instead (422 naming what is missing).
   */
  private async reconfirmCurrent(m: EntityManager, c: Case, round: RoundWithStatus, supplierId: string, by: Submitter): Promise<SubmissionReceipt> {
    const [current] = await this.queries.revisions(m, round.id, supplierId, true);
    if (!current) throw new DomainError('NOT_FOUND', `the supplier has no offer in round ${round.number}`);
    if (!current.needsReconfirmation) {
      throw new DomainError('CONFLICT', `the offer (revision ${current.revision}) does not need re-confirmation`);
    }
    const spec = await this.specificationOf(m, c.id);
    // sealed means sealed: the buyer re-confirms without the service reading the offer while the
    // round is open (the answer's status, text and size are the same whatever it holds); its
    // validity is checked when the round closes (RoundsService.checkSealedReconfirmations)
    const sealed = by.via === 'buyer' && round.status === 'open';
    if (sealed) {
      await m.update(Offer, { id: current.id }, { needsReconfirmation: false, reconfirmPending: true, specificationVersion: spec.version });
    } else {
      const { compliance, values, problems } = reconfirmation(current, spec, round.deadline);
      if (problems.length > 0) {
        throw new DomainError(
          'UNPROCESSABLE',
          `the offer does not answer specification version ${spec.version}: revise it instead of re-confirming`,
          { errors: problems },
        );
      }
      await m.update(Offer, { id: current.id }, { needsReconfirmation: false, specificationVersion: spec.version, compliance, values });
    }
    await this.audit.append(m, c.id, by.userId, 'offer.reconfirmed', {
      number: round.number,
      supplierId,
      revision: current.revision,
      submittedVia: by.via,
      fromSpecificationVersion: current.specificationVersion,
      specificationVersion: spec.version,
      ...(sealed ? { checkedAtClose: true } : {}),
    });
    return {
      round: round.number,
      supplierId,
      revision: current.revision,
      submittedVia: by.via,
      submittedAt: current.createdAt,
      specificationVersion: spec.version,
      needsReconfirmation: false,
    };
  }

  /** Still in the round, and not blocked in the registry since it opened. */
  private async isActiveParticipant(m: EntityManager, roundId: string, supplierId: string): Promise<boolean> {
    return (await this.queries.activeParticipants(m, roundId, supplierId)).length > 0;
  }

  private async specificationOf(m: EntityManager, caseId: string): Promise<SpecificationVersion> {
    const spec = await currentSpecification(m, caseId);
    if (!spec) throw new DomainError('CONFLICT', 'the case has no specification to answer');
    return spec;
  }

  private receipt(o: OfferWithSupplier): OfferReceipt {
    return {
      supplierId: o.supplierId,
      supplierName: o.supplierName,
      submittedAt: o.createdAt,
      revision: o.revision,
      submittedVia: o.submittedVia,
    };
  }

  private ownOffer(o: OfferWithSupplier) {
    return {
      revision: o.revision,
      submittedAt: o.createdAt,
      submittedVia: o.submittedVia,
      totalPrice: money(o.totalPrice, o.currency),
      currency: o.currency,
      lineItems: lineItemsIn(o.lineItems, o.currency),
      leadTimeDays: o.leadTimeDays,
      warrantyMonths: o.warrantyMonths,
      paymentDays: o.paymentDays,
      validUntil: o.validUntil,
      compliance: o.compliance,
      values: o.values,
      notes: o.notes,
      specificationVersion: o.specificationVersion,
      needsReconfirmation: o.needsReconfirmation,
    };
  }

  /** `compliant`: the offer passes every mandatory requirement, as the decision matrix judges it (RoundsService.complianceCheck). */
  private view(o: ConvertedOffer, base: string, rates: Map<string, string>, eliminated: boolean, compliant: boolean): OfferView {
    return {
      ...this.receipt(o),
      totalPrice: money(o.totalPrice, o.currency),
      currency: o.currency,
      rate: o.currency === base ? null : (rates.get(o.currency) ?? null),
      convertedTotal: money(o.convertedTotal, base),
      concession: money(o.concession, base),
      lineItems: lineItemsIn(o.lineItems, o.currency),
      leadTimeDays: o.leadTimeDays,
      warrantyMonths: o.warrantyMonths,
      paymentDays: o.paymentDays,
      validUntil: o.validUntil,
      compliance: o.compliance.map((a) => ({ requirementId: a.requirementId, met: a.met, note: a.note ?? null })),
      values: o.values,
      notes: o.notes,
      submittedBy: o.submittedBy,
      specificationVersion: o.specificationVersion,
      needsReconfirmation: o.needsReconfirmation,
      compliant,
      eliminated,
    };
  }
}

/** Line items as answered: each unit price an amount in the offer's currency, quantities exact. */
export function lineItemsIn(items: OfferView['lineItems'], currency: string): OfferView['lineItems'] {
  return items?.map((li) => ({ description: li.description, quantity: li.quantity, unitPrice: money(li.unitPrice, currency) })) ?? null;
}
