import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { DeliveryQueue } from './delivery-queue';
import { type Mailbox, Message, type MessageAudience, type MessageLanguage } from './message.entity';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';

export interface NewMessage {
  caseId: string | null;
  kind: string;
  audience: MessageAudience;
  /** the supplier a supplier-facing message goes to */
  supplierId?: string;
  recipients: Mailbox[];
  replyTo?: Mailbox | null;
  language: MessageLanguage;
  subject: string;
  text: string;
  html: string;
  /** a supplier-facing message waits for the gatekeeper (DESIGN §1) before it is queued */
  needsApproval?: boolean;
}

/**
 * The transactional outbox: a change that must tell someone calls `enqueue` with its own
 * transaction's manager. The row (and, unless it waits for approval, its delivery job) commits or
 * rolls back with the change; nothing is sent from inside the transaction.
 */
@Injectable()
export class MessageOutbox {
  private readonly queue: DeliveryQueue;
  /** the domain of the Message-IDs: the sender's */
  readonly domain: string;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {
    this.queue = new DeliveryQueue({ retryLimit: options.retryLimit, retryDelaySeconds: options.retryDelaySeconds, leaseSeconds: options.leaseSeconds });
    this.domain = options.from.email.split('@')[1] || 'supplier-evaluation.invalid';
  }

  async enqueue(m: EntityManager, message: NewMessage): Promise<Message> {
    const id = randomUUID();
    const row = m.create(Message, {
      id,
      caseId: message.caseId,
      kind: message.kind,
      status: message.needsApproval ? 'pending_approval' : 'queued',
      audience: message.audience,
      supplierId: message.supplierId ?? null,
      recipients: message.recipients,
      replyTo: message.replyTo ?? null,
      language: message.language,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: `<${id}@${this.domain}>`,
      threadId: message.caseId ? this.threadId(message.caseId) : null,
    });
    // insert, not save: the id is ours, and save would first look for a row with it
    const { generatedMaps } = await m.insert(Message, row);
    const saved = m.merge(Message, row, generatedMaps[0] ?? {});
    if (saved.status === 'queued') await this.queue.send(m, { messageId: id });
    return saved;
  }

  /** pending_approval or dead → queued, with a new job, in the caller's transaction (the row is the caller's to lock). */
  async requeue(m: EntityManager, message: Message): Promise<void> {
    await m.update(Message, { id: message.id }, { status: 'queued', lastError: message.status === 'dead' ? message.lastError : null });
    await this.queue.send(m, { messageId: message.id });
  }

  /** every message of a case answers to one thread root, so mail clients show the case as one conversation */
  threadId(caseId: string): string {
    return `<case-${caseId}@${this.domain}>`;
  }

  get publicUrl(): string {
    return this.options.publicUrl;
  }
}
