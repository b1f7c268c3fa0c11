import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CaseMessageSettings } from './case-message-settings.entity';

export const MESSAGE_STATUSES = ['pending_approval', 'queued', 'sending', 'sent', 'failed', 'dead'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export type MessageAudience = 'supplier' | 'buying_center' | 'admin';
export type MessageLanguage = 'en' | 'es';

export interface Mailbox {
  name: string;
  email: string;
}

/** One outbox row: one e-mail, its content rendered when it was queued, its delivery state. */
@Entity('messages')
export class Message {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId: string | null;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) status: MessageStatus;
  @Column({ type: 'text' }) audience: MessageAudience;
  @Column({ name: 'supplier_id', type: 'uuid', nullable: true }) supplierId: string | null;
  @Column({ type: 'jsonb' }) recipients: Mailbox[];
  @Column({ name: 'reply_to', type: 'jsonb', nullable: true }) replyTo: Mailbox | null;
  @Column({ type: 'text', default: 'en' }) language: MessageLanguage;
  @Column({ type: 'text' }) subject: string;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'text' }) html: string;
  /** the SMTP Message-ID, fixed when the row is written: a resend after a crash carries the same one */
  @Column({ name: 'message_id', type: 'text' }) messageId: string;
  /** the case's thread root (In-Reply-To / References), so a mail client groups a case's messages */
  @Column({ name: 'thread_id', type: 'text', nullable: true }) threadId: string | null;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'lease_token', type: 'uuid', nullable: true }) leaseToken: string | null;
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true }) leaseUntil: Date | null;
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy: string | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
}

export const MESSAGES_ENTITIES: Array<new () => object> = [Message, CaseMessageSettings];
