import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { amountIn } from '../../domain/money';
import { type Debrief } from '../../domain/messages/debrief';
import { type ContactRoleNarrowing, type Language, recipientsByLanguage, type RegistryKind, type SupplierKind } from '../../domain/messages/audiences';
import { type Case } from '../cases/case.entity';
import { Supplier } from '../suppliers/supplier.entity';
import { type Message } from './message.entity';
import { MessageOutbox } from './message-outbox';
import { type Member, MessagesQueries } from './messages.queries';
import { MessageSettingsService } from './message-settings.service';
import { type ComposedMessage, rfqInvitation, shortlistAwaitingApproval } from './templates/kinds';
import { clarificationAnswer, deadlineReminder } from './templates/supplier-kinds';
import { awardLetter, regretLetter } from './templates/award-letters';
import { caseAwarded, scoresNeeded } from './templates/buying-center-kinds';
import { amendmentNotice, eliminationNotice } from './templates/round-notices';
import { qualityIncident, type QualityIncident } from './templates/registry-kinds';

interface Person {
  name: string;
  email: string;
}

/**
 * The messages the case's own changes cause, composed and queued in the change's transaction.
 * Each goes only to the people it concerns: the gatekeepers for the shortlist, the contacts of
 * each invited supplier for its invitation (supplier-facing: held for the gatekeeper's approval).
 */
@Injectable()
export class CaseNotices {
  constructor(
    private readonly outbox: MessageOutbox,
    private readonly queries: MessagesQueries,
    private readonly settings: MessageSettingsService,
  ) {}

  /** "The shortlist awaits your approval", one message to each gatekeeper of the case. */
  async shortlistAwaitingApproval(m: EntityManager, c: Case, buyer: Person, shortlisted: number): Promise<Message[]> {
    const gatekeepers = await this.queries.membersWithRole(m, c.id, 'gatekeeper');
    const link = `${this.outbox.publicUrl}/api/v1/cases/${c.id}/shortlist`;
    const queued: Message[] = [];
    for (const gatekeeper of gatekeepers) {
      const content = shortlistAwaitingApproval({
        language: gatekeeper.language,
        case: { reference: c.reference, title: c.title },
        recipientName: gatekeeper.name,
        buyerName: buyer.name,
        shortlisted,
        solesource: (c.soleSourceJustification ?? '') !== '',
        link,
      });
      queued.push(await this.toBuyingCenter(m, c.id, gatekeeper, buyer, content));
    }
    return queued;
  }

  /**
   * The RFQ invitation to each invited supplier's contacts, with its portal link (the token in the
   * link's fragment, which browsers never send to a server or log). Held in pending_approval for the
   * gatekeeper; invitations of the same suppliers still waiting there carry superseded tokens and
   * are dropped. A supplier without sales or technical contacts gets none (the buyer still has the token).
   */
  async rfqInvitations(
    m: EntityManager,
    c: Case,
    round: { number: number; deadline: Date; bestAndFinal: boolean },
    issued: Array<{ supplierId: string; token: string }>,
    buyer: Person,
  ): Promise<Message[]> {
    if (issued.length === 0) return [];
    await this.queries.dropPendingInvitations(m, c.id, issued.map((i) => i.supplierId));
    const narrowing = await this.settings.narrowingOf(m, c.id);
    const suppliers = await m.find(Supplier, { select: { id: true, legalName: true, contacts: true }, where: { id: In(issued.map((i) => i.supplierId)) } });
    const byId = new Map(suppliers.map((s) => [s.id, s]));
    const queued: Message[] = [];
    for (const invitation of issued) {
      const supplier = byId.get(invitation.supplierId);
      if (!supplier) continue;
      const compose = (language: Language) =>
        rfqInvitation({
          language,
          case: { reference: c.reference, title: c.title },
          supplierName: supplier.legalName,
          buyerName: buyer.name,
          round: round.number,
          deadline: round.deadline,
          bestAndFinal: round.bestAndFinal,
          portalUrl: `${this.outbox.publicUrl}/supplier-portal#token=${invitation.token}`,
        });
      queued.push(...(await this.toSupplier(m, c.id, 'rfq.invitation', supplier, narrowing, buyer, compose)));
    }
    return queued;
  }

  /** The answer to a clarification question, to the contacts of every supplier still in its round; the asker is not named. */
  async clarificationAnswer(
    m: EntityManager,
    c: Case,
    round: { number: number; deadline: Date },
    suppliers: Array<Pick<Supplier, 'id' | 'legalName' | 'contacts'>>,
    published: { question: string; answer: string },
    buyer: Person,
  ): Promise<Message[]> {
    const narrowing = await this.settings.narrowingOf(m, c.id);
    const queued: Message[] = [];
    for (const supplier of suppliers) {
      const compose = (language: Language) =>
        clarificationAnswer({ language, case: { reference: c.reference, title: c.title }, supplierName: supplier.legalName, buyerName: buyer.name, round: round.number, deadline: round.deadline, ...published });
      queued.push(...(await this.toSupplier(m, c.id, 'clarification.answer', supplier, narrowing, buyer, compose)));
    }
    return queued;
  }

  /** The deadline reminder to one invitee's contacts; held for the gatekeeper unless the policy lets reminders leave at once. */
  async deadlineReminder(
    m: EntityManager,
    c: Case,
    round: { number: number; deadline: Date },
    supplier: Pick<Supplier, 'id' | 'legalName' | 'contacts'>,
    buyer: Person,
    approved: boolean,
  ): Promise<Message[]> {
    const narrowing = await this.settings.narrowingOf(m, c.id);
    const compose = (language: Language) => deadlineReminder({ language, case: { reference: c.reference, title: c.title }, supplierName: supplier.legalName, round: round.number, deadline: round.deadline });
    return this.toSupplier(m, c.id, 'deadline.reminder', supplier, narrowing, buyer, compose, approved);
  }

  /**
   * The award letter to the winner, a regret letter with its own debrief to each other supplier of
   * the decision round (no other supplier's name or figure), and the award to every member of the
   * buying center. Reply-To: the case's buyer.
   */
  async awardLetters(m: EntityManager, c: Case, outcomes: Array<{ supplierId: string; debrief: Debrief | null; excludedFor: string | null }>): Promise<Message[]> {
    const [buyer] = await this.queries.membersWithRole(m, c.id, 'buyer');
    const narrowing = await this.settings.narrowingOf(m, c.id);
    const ids = [...new Set([c.awardedSupplierId!, ...outcomes.map((o) => o.supplierId)])];
    const suppliers = new Map((await m.find(Supplier, { select: { id: true, legalName: true, contacts: true }, where: { id: In(ids) } })).map((s) => [s.id, s]));
    const winner = suppliers.get(c.awardedSupplierId!)!;
    const amount = `${amountIn(c.awardedAmount!, c.currency)} ${c.currency}`;
    const ref = { reference: c.reference, title: c.title };
    const queued = await this.toSupplier(m, c.id, 'award.letter', winner, narrowing, buyer, (language) =>
      awardLetter({ language, case: ref, supplierName: winner.legalName, buyerName: buyer.name, amount }),
    );
    for (const outcome of outcomes) {
      if (outcome.supplierId === winner.id) continue;
      const supplier = suppliers.get(outcome.supplierId)!;
      queued.push(
        ...(await this.toSupplier(m, c.id, 'regret.letter', supplier, narrowing, buyer, (language) =>
          regretLetter({ language, case: ref, supplierName: supplier.legalName, buyerName: buyer.name, debrief: outcome.debrief, excludedFor: outcome.excludedFor }),
        )),
      );
    }
    for (const member of await this.queries.members(m, c.id)) {
      const content = caseAwarded({ language: member.language, case: ref, recipientName: member.name, supplierName: winner.legalName, amount, link: `${this.outbox.publicUrl}/api/v1/cases/${c.id}/report.pdf` });
      queued.push(await this.toBuyingCenter(m, c.id, member, buyer, content));
    }
    return queued;
  }

  /**
   * The amendment notice to each invitee still in the open round: the new version and its reason,
   * and (for an invitee whose offer was made against an older version) that it must re-confirm or
   * revise before the deadline. Held for the gatekeeper; nothing of any offer is said.
   */
  async amendmentNotices(
    m: EntityManager,
    c: Case,
    round: { number: number; deadline: Date },
    invitees: Array<{ supplierId: string; hasOffer: boolean }>,
    amendment: { version: number; reason: string },
    buyer: Person,
  ): Promise<Message[]> {
    if (invitees.length === 0) return [];
    const narrowing = await this.settings.narrowingOf(m, c.id);
    const suppliers = new Map((await m.find(Supplier, { select: { id: true, legalName: true, contacts: true }, where: { id: In(invitees.map((i) => i.supplierId)) } })).map((s) => [s.id, s]));
    const queued: Message[] = [];
    for (const invitee of invitees) {
      const supplier = suppliers.get(invitee.supplierId);
      if (!supplier) continue;
      const compose = (language: Language) =>
        amendmentNotice({ language, case: { reference: c.reference, title: c.title }, supplierName: supplier.legalName, buyerName: buyer.name, round: round.number, deadline: round.deadline, ...amendment, hasOffer: invitee.hasOffer });
      queued.push(...(await this.toSupplier(m, c.id, 'amendment.notice', supplier, narrowing, buyer, compose)));
    }
    return queued;
  }

  /** The elimination notice to one supplier of a closed round: not invited to the next one, and its own reason only. Held for the gatekeeper. */
  async eliminationNotice(m: EntityManager, c: Case, round: number, supplierId: string, reason: string, buyer: Person): Promise<Message[]> {
    const supplier = await m.findOne(Supplier, { select: { id: true, legalName: true, contacts: true }, where: { id: supplierId } });
    if (!supplier) return [];
    const narrowing = await this.settings.narrowingOf(m, c.id);
    return this.toSupplier(m, c.id, 'elimination.notice', supplier, narrowing, buyer, (language) =>
      eliminationNotice({ language, case: { reference: c.reference, title: c.title }, supplierName: supplier.legalName, buyerName: buyer.name, round, reason }),
    );
  }

  /** "Your scores are needed" to each evaluator with scores still to give, listing them; one link, the case's scores (`waitedDays`: the reminder). */
  async scoresNeeded(m: EntityManager, c: Case, evaluators: Array<{ evaluator: Member; missing: Array<{ criterion: string; suppliers: string[] }> }>, waitedDays?: number): Promise<Message[]> {
    const [buyer] = await this.queries.membersWithRole(m, c.id, 'buyer');
    const queued: Message[] = [];
    for (const { evaluator, missing } of evaluators) {
      if (missing.length === 0) continue;
      const content = scoresNeeded({ language: evaluator.language, case: { reference: c.reference, title: c.title }, recipientName: evaluator.name, missing, link: `${this.outbox.publicUrl}/api/v1/cases/${c.id}/scores`, waitedDays });
      queued.push(await this.toBuyingCenter(m, c.id, evaluator, buyer ?? null, content));
    }
    return queued;
  }

  /**
   * The quality-incident notice to the supplier's quality contacts, Reply-To whoever recorded it.
   * A registry message has no case, so no case's gatekeeper to hold it: recorded by the registry
   * (the organization's own filter of what it tells its suppliers), it leaves at once.
   */
  async qualityIncident(m: EntityManager, supplierId: string, incident: Pick<QualityIncident, 'date' | 'severity' | 'description'>, recordedBy: Person): Promise<Message[]> {
    const supplier = await m.findOne(Supplier, { select: { id: true, legalName: true, contacts: true }, where: { id: supplierId } });
    if (!supplier) return [];
    const compose = (language: Language) => qualityIncident({ language, supplierName: supplier.legalName, ...incident, recordedBy: recordedBy.name });
    return this.toSupplier(m, null, 'quality.incident', supplier, null, recordedBy, compose, true);
  }

  /**
   * One message of `kind` to the supplier's contacts whose roles it concerns (narrowed by the case),
   * one per language their contacts read, each composed in it. Supplier-facing: held for the
   * gatekeeper unless `approved` says it may leave at once.
   */
  async toSupplier(
    m: EntityManager,
    caseId: string | null,
    kind: SupplierKind | RegistryKind,
    supplier: Pick<Supplier, 'id' | 'contacts'>,
    narrowing: ContactRoleNarrowing | null,
    buyer: Person,
    compose: (language: Language) => ComposedMessage,
    approved = false,
  ): Promise<Message[]> {
    const queued: Message[] = [];
    for (const [language, recipients] of recipientsByLanguage(supplier.contacts, kind, narrowing)) {
      const content = compose(language);
      queued.push(
        await this.outbox.enqueue(m, {
          caseId,
          kind: content.kind,
          audience: 'supplier',
          supplierId: supplier.id,
          recipients,
          replyTo: { name: buyer.name, email: buyer.email },
          language,
          subject: content.subject,
          text: content.text,
          html: content.html,
          needsApproval: !approved,
        }),
      );
    }
    return queued;
  }

  /** One message to one member of the buying center, in their language, Reply-To the buyer. */
  private toBuyingCenter(m: EntityManager, caseId: string, member: Member, buyer: Person | null, content: ComposedMessage): Promise<Message> {
    return this.outbox.enqueue(m, {
      caseId,
      kind: content.kind,
      audience: 'buying_center',
      recipients: [{ name: member.name, email: member.email }],
      replyTo: buyer ? { name: buyer.name, email: buyer.email } : null,
      language: member.language,
      subject: content.subject,
      text: content.text,
      html: content.html,
    });
  }
}
