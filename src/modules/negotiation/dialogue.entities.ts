import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const INTENTS = ['bid', 'decline'] as const;
export type Intent = (typeof INTENTS)[number];

/** A supplier's clarification question in a round, and the buyer's answer (published to every invitee, the asker unnamed). */
@Entity('supplier_questions')
export class SupplierQuestion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId: string;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column({ type: 'text' }) text: string;
  @Column({ name: 'asked_at', type: 'timestamptz', default: () => 'now()' }) askedAt: Date;
  /** the question as published with the answer (the buyer may rephrase it so that it names nobody) */
  @Column({ name: 'published_question', type: 'text', nullable: true }) publishedQuestion: string | null;
  @Column({ type: 'text', nullable: true }) answer: string | null;
  @Column({ name: 'answered_by', type: 'uuid', nullable: true }) answeredBy: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
}

/** A supplier's intent to bid or decline in a round; the latest word counts. */
@Entity('supplier_intents')
export class SupplierIntent {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' }) roundId: string;
  @PrimaryColumn({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column({ type: 'text' }) intent: Intent;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'declared_at', type: 'timestamptz', default: () => 'now()' }) declaredAt: Date;
}

/** One deadline reminder per invitee and round, ever: the key a second sweep (or instance) cannot pass. */
@Entity('deadline_reminders')
export class DeadlineReminderRecord {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' }) roundId: string;
  @PrimaryColumn({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  /** the sweep's "now" */
  @Column({ name: 'reminded_at', type: 'timestamptz' }) remindedAt: Date;
}
