import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';
import { normalizeAmount } from '../../domain/negotiation/money';
import { DeadlineReminderRecord, SupplierIntent, SupplierQuestion } from './dialogue.entities';

/** numeric columns come back padded ("1200.5000"): money leaves the entity as the shortest exact string. */
const exactAmount: ValueTransformer = { from: (value: string) => normalizeAmount(value), to: (value: unknown) => value };

@Entity('negotiation_rounds')
export class NegotiationRound {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'integer' }) number: number;
  @Column({ type: 'timestamptz' }) deadline: Date;
  @Column({ name: 'best_and_final', type: 'boolean', default: false }) bestAndFinal: boolean;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'closed_by', type: 'uuid', nullable: true }) closedBy: string | null;
  @Column({ name: 'opened_by', type: 'uuid' }) openedBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

@Entity('round_participants')
export class RoundParticipant {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' }) roundId: string;
  @PrimaryColumn({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column({ name: 'eliminated_at', type: 'timestamptz', nullable: true }) eliminatedAt: Date | null;
  @Column({ name: 'eliminated_reason', type: 'text', nullable: true }) eliminatedReason: string | null;
}

@Entity('invitations')
export class Invitation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId: string;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

@Entity('offers')
export class Offer {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId: string;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column({ type: 'integer' }) revision: number;
  @Column({ name: 'is_current', type: 'boolean', default: true }) isCurrent: boolean;
  @Column({ name: 'total_price', type: 'numeric', transformer: exactAmount }) totalPrice: string;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ name: 'line_items', type: 'jsonb', nullable: true }) lineItems: Array<{ description: string; quantity: string; unitPrice: string }> | null;
  @Column({ name: 'lead_time_days', type: 'integer' }) leadTimeDays: number;
  @Column({ name: 'warranty_months', type: 'integer' }) warrantyMonths: number;
  @Column({ name: 'payment_days', type: 'integer' }) paymentDays: number;
  @Column({ name: 'valid_until', type: 'date' }) validUntil: string;
  @Column({ type: 'jsonb', default: () => `'[]'` }) compliance: Array<{ requirementId: string; met: boolean; note: string | null }>;
  @Column({ name: 'criterion_values', type: 'jsonb', default: () => `'[]'` }) values: Array<{ criterionId: string; value: number }>;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ name: 'submitted_via', type: 'text' }) submittedVia: 'buyer' | 'supplier';
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ name: 'specification_version', type: 'integer' }) specificationVersion: number;
  @Column({ name: 'needs_reconfirmation', type: 'boolean', default: false }) needsReconfirmation: boolean;
  /** re-confirmed by the buyer while the round was sealed: checked against the specification when it closes */
  @Column({ name: 'reconfirm_pending', type: 'boolean', default: false }) reconfirmPending: boolean;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

@Entity('exchange_rates')
export class ExchangeRate {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @PrimaryColumn({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'numeric', transformer: exactAmount }) rate: string;
  @Column({ name: 'set_by', type: 'uuid' }) setBy: string;
  @Column({ name: 'set_at', type: 'timestamptz', default: () => 'now()' }) setAt: Date;
}

/** TypeORM entities of this module, listed for the data source. */
export const NEGOTIATION_ENTITIES: Array<new () => object> = [NegotiationRound, RoundParticipant, Invitation, Offer, ExchangeRate, SupplierQuestion, SupplierIntent, DeadlineReminderRecord];
