import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { type Page } from '../../common/paging';
import { DomainError } from '../../domain/errors';
import { AuditService } from '../audit/audit.service';
import { lockCase } from '../cases/case-lock';
import { type User } from '../users/user.entity';
import { type Mailbox, Message, type MessageStatus } from './message.entity';
import { MessageOutbox } from './message-outbox';

/** What the buying center sees of a message: who, what kind, where it stands — never its content. */
export interface MessageSummary {
  id: string;
  kind: string;
  status: MessageStatus;
  recipients: Mailbox[];
  createdAt: Date;
  sentAt: Date | null;
}

export interface DeadMessage extends MessageSummary {
  caseId: string | null;
  attempts: number;
  lastError: string | null;
}

/** What a supplier sees of its own messages (portal): the content as its contacts read it. */
export interface SupplierMessage {
  id: string;
  kind: string;
  status: MessageStatus;
  language: Message['language'];
  subject: string;
  text: string;
  createdAt: Date;
  sentAt: Date | null;
}

const summary = (m: Message): MessageSummary => ({ id: m.id, kind: m.kind, status: m.status, recipients: m.recipients, createdAt: m.createdAt, sentAt: m.sentAt });

/** Reading the outbox, the gatekeeper's release of supplier-facing messages, an admin's retry of dead ones. */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: MessageOutbox,
    private readonly audit: AuditService,
  ) {}

  async listForCase(caseId: string, limit: number, offset: number): Promise<Page<MessageSummary>> {
    const [rows, total] = await this.dataSource.manager.findAndCount(Message, { where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' }, take: limit, skip: offset });
    return { items: rows.map(summary), total };
  }

  /** The supplier's own messages on the case, once released (a message still waiting for the gatekeeper may never leave). */
  async listForSupplier(caseId: string, supplierId: string, limit: number, offset: number): Promise<Page<SupplierMessage>> {
    const [rows, total] = await this.dataSource.manager.findAndCount(Message, {
      where: { caseId, supplierId, audience: 'supplier', status: Not('pending_approval') },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map((m) => ({ id: m.id, kind: m.kind, status: m.status, language: m.language, subject: m.subject, text: m.text, createdAt: m.createdAt, sentAt: m.sentAt })), total };
  }

  async listDead(limit: number, offset: number): Promise<Page<DeadMessage>> {
    const [rows, total] = await this.dataSource.manager.findAndCount(Message, { where: { status: 'dead' }, order: { createdAt: 'ASC', id: 'ASC' }, take: limit, skip: offset });
    return { items: rows.map((m) => ({ ...summary(m), caseId: m.caseId, attempts: m.attempts, lastError: m.lastError })), total };
  }

  /** A dead message gets a new job and its attempts start again from its retry budget. */
  async retry(id: string, user: User): Promise<MessageSummary> {
    return this.dataSource.transaction(async (m) => {
      const message = await m.findOne(Message, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!message) throw new DomainError('NOT_FOUND', 'message not found');
      if (message.status !== 'dead') throw new DomainError('CONFLICT', `only a dead message can be retried; this one is ${message.status}`);
      await this.outbox.requeue(m, message);
      if (message.caseId) await this.audit.append(m, message.caseId, user.id, 'message.retried', { messageId: id, kind: message.kind, attempts: message.attempts });
      return summary({ ...message, status: 'queued' });
    });
  }

  /**
   * The gatekeeper releases supplier-facing messages: each must be on this case and pending
   * approval, or nothing is released (409 naming the first that is not; 404 for one not on the case).
   */
  async approve(access: CaseAccess, messageIds: string[], user: User): Promise<Page<MessageSummary>> {
    return this.dataSource.transaction(async (m) => {
      await lockCase(m, access, 'messages.approve');
      const rows = await m.find(Message, { where: { id: In(messageIds), caseId: access.caseId }, lock: { mode: 'pessimistic_write' } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      const missing = messageIds.find((id) => !byId.has(id));
      if (missing) throw new DomainError('NOT_FOUND', `message ${missing} not found on this case`);
      const ordered = messageIds.map((id) => byId.get(id)!);
      const notPending = ordered.find((r) => r.status !== 'pending_approval');
      if (notPending) throw new DomainError('CONFLICT', `message ${notPending.id} is ${notPending.status}, not pending approval`);
      const approvedAt = new Date();
      for (const row of ordered) {
        await m.update(Message, { id: row.id }, { approvedBy: user.id, approvedAt });
        await this.outbox.requeue(m, row);
      }
      await this.audit.append(m, access.caseId, user.id, 'messages.approved', { messageIds, kinds: [...new Set(ordered.map((r) => r.kind))] });
      return { items: ordered.map((r) => summary({ ...r, status: 'queued' })), total: ordered.length };
    });
  }
}
