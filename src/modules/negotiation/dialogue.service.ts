import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { type Page, type PageQuery } from '../../common/paging';
import { DomainError, notFound } from '../../domain/errors';
import { AuditService } from '../audit/audit.service';
import { lockCase } from '../cases/case-lock';
import { CaseNotices } from '../messages/case-notices';
import { MessagesService, type SupplierMessage } from '../messages/messages.service';
import { Supplier } from '../suppliers/supplier.entity';
import { type User } from '../users/user.entity';
import { SupplierIntent, SupplierQuestion } from './dialogue.entities';
import { type AnswerQuestionDto, type AskQuestionDto, type DeclareIntentDto } from './dto/dialogue.dto';
import { NegotiationRound } from './entities';
import { NegotiationQueries } from './negotiation.queries';
import { PortalSessions } from './portal-session';
import { RoundsService } from './rounds.service';

/** What the buying center sees of a question: who asked (never shown to the other suppliers), and the answer. */
export interface QuestionView {
  id: string;
  round: number;
  supplierId: string;
  text: string;
  askedAt: Date;
  publishedQuestion: string | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

/** What the asker gets back: its question, and whether it is answered yet. */
export interface QuestionReceipt {
  id: string;
  round: number;
  text: string;
  askedAt: Date;
  answered: boolean;
}

export interface IntentView {
  round: number;
  intent: SupplierIntent['intent'];
  reason: string | null;
  declaredAt: Date;
}

/**
 * The supplier's side of the conversation through the portal (its invitation token): clarification
 * questions, its intent to bid or decline, its own messages; and the buyer's answers, which go to
 * every invitee of the round with the asker unnamed (README "Messages").
 */
@Injectable()
export class DialogueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly portal: PortalSessions,
    private readonly rounds: RoundsService,
    private readonly queries: NegotiationQueries,
    private readonly notices: CaseNotices,
    private readonly messages: MessagesService,
  ) {}

  async ask(token: string | null, dto: AskQuestionDto): Promise<QuestionReceipt> {
    return this.dataSource.transaction(async (m) => {
      const { c, round, supplierId } = await this.portal.open(m, token);
      const question = await m.save(m.create(SupplierQuestion, { caseId: c.id, roundId: round.id, supplierId, text: dto.text }));
      await this.audit.append(m, c.id, null, 'question.asked', { questionId: question.id, round: round.number, supplierId });
      return { id: question.id, round: round.number, text: question.text, askedAt: question.askedAt, answered: false };
    });
  }

  async declare(token: string | null, dto: DeclareIntentDto): Promise<IntentView> {
    return this.dataSource.transaction(async (m) => {
      const { c, round, supplierId } = await this.portal.open(m, token);
      const declaredAt = new Date();
      const reason = dto.reason ?? null;
      await m.upsert(SupplierIntent, { roundId: round.id, supplierId, intent: dto.intent, reason, declaredAt }, ['roundId', 'supplierId']);
      await this.audit.append(m, c.id, null, 'supplier.intent_declared', { round: round.number, supplierId, intent: dto.intent, reason });
      return { round: round.number, intent: dto.intent, reason, declaredAt };
    });
  }

  /** The supplier's own messages on the case, once the gatekeeper released them (never another supplier's). */
  async ownMessages(token: string | null, page: PageQuery): Promise<Page<SupplierMessage>> {
    const { c, supplierId } = await this.dataSource.transaction((m) => this.portal.open(m, token));
    return this.messages.listForSupplier(c.id, supplierId, page.limit, page.offset);
  }

  async listQuestions(caseId: string, page: PageQuery): Promise<Page<QuestionView>> {
    const m = this.dataSource.manager;
    const [rows, total] = await m.findAndCount(SupplierQuestion, { where: { caseId }, order: { askedAt: 'ASC', id: 'ASC' }, take: page.limit, skip: page.offset });
    const numbers = await this.roundNumbers(caseId);
    return { items: rows.map((q) => questionView(q, numbers.get(q.roundId) ?? 0)), total };
  }

  /**
   * The buyer answers once; the answer, with the question as published, goes to the contacts of
   * every supplier still in the question's round, the asker among them and unnamed (each message
   * held for the gatekeeper).
   */
  async answer(access: CaseAccess, questionId: string, dto: AnswerQuestionDto, user: User): Promise<QuestionView & { messageIds: string[] }> {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'questions.answer');
      const question = await m.findOne(SupplierQuestion, { where: { id: questionId, caseId: c.id }, lock: { mode: 'pessimistic_write' } });
      if (!question) throw notFound('question');
      if (question.answer !== null) throw new DomainError('CONFLICT', `question ${questionId} is already answered`);
      const round = await m.findOneByOrFail(NegotiationRound, { id: question.roundId });
      Object.assign(question, { answer: dto.text, publishedQuestion: dto.question ?? question.text, answeredBy: user.id, answeredAt: new Date() });
      await m.save(question);
      const participants = await this.queries.activeParticipants(m, round.id);
      const suppliers = await m.find(Supplier, { select: { id: true, legalName: true, contacts: true }, where: { id: In(participants.map((p) => p.supplierId)) } });
      const messages = await this.notices.clarificationAnswer(m, c, round, suppliers, { question: question.publishedQuestion!, answer: dto.text }, user);
      const messageIds = messages.map((x) => x.id);
      await this.audit.append(m, c.id, user.id, 'question.answered', { questionId, round: round.number, rephrased: dto.question !== undefined, suppliers: suppliers.length, messageIds });
      return { ...questionView(question, round.number), messageIds };
    });
  }

  /** Each supplier still in the round with its latest intent (null: none declared). */
  async intents(caseId: string, number: number): Promise<Page<{ supplierId: string; supplierName: string; intent: SupplierIntent['intent'] | null; reason: string | null; declaredAt: Date | null }>> {
    const m = this.dataSource.manager;
    const round = await this.rounds.findRound(m, caseId, number);
    const participants = await this.queries.activeParticipants(m, round.id);
    const declared = new Map((await m.find(SupplierIntent, { where: { roundId: round.id } })).map((i) => [i.supplierId, i]));
    const items = participants.map((p) => {
      const intent = declared.get(p.supplierId);
      return { supplierId: p.supplierId, supplierName: p.supplierName, intent: intent?.intent ?? null, reason: intent?.reason ?? null, declaredAt: intent?.declaredAt ?? null };
    });
    return { items, total: items.length };
  }

  private async roundNumbers(caseId: string): Promise<Map<string, number>> {
    const rounds = await this.dataSource.manager.find(NegotiationRound, { select: { id: true, number: true }, where: { caseId } });
    return new Map(rounds.map((r) => [r.id, r.number]));
  }
}

const questionView = (q: SupplierQuestion, round: number): QuestionView => ({
  id: q.id,
  round,
  supplierId: q.supplierId,
  text: q.text,
  askedAt: q.askedAt,
  publishedQuestion: q.publishedQuestion,
  answer: q.answer,
  answeredBy: q.answeredBy,
  answeredAt: q.answeredAt,
});
