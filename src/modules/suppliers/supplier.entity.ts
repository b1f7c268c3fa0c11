import { type ContactRole, type Language } from '../../domain/messages/audiences';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type SupplierStatus = 'active' | 'blocked';
export type PerformanceEventType = 'delivery' | 'incident';
export type IncidentSeverity = 'minor' | 'major' | 'critical';

export interface SupplierContact {
  name: string;
  email: string;
  phone?: string;
  roles: ContactRole[];
  language: Language;
}

export interface SupplierCertification {
  name: string;
  issuedOn: string;
  expiresOn: string;
}

@Entity('suppliers')
export class Supplier {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'legal_name' }) legalName: string;
  /** as the client wrote it; uniqueness is on the normalized form */
  @Column({ name: 'tax_id' }) taxId: string;
  @Column({ name: 'tax_id_normalized' }) taxIdNormalized: string;
  @Column({ type: 'char', length: 2 }) country: string;
  @Column({ type: 'text', array: true }) categories: string[];
  @Column({ type: 'jsonb' }) contacts: SupplierContact[];
  @Column({ type: 'jsonb' }) certifications: SupplierCertification[];
  @Column({ name: 'financial_risk', type: 'numeric' }) financialRisk: string;
  @Column({ type: 'text' }) status: SupplierStatus;
  @Column({ name: 'blocked_reason', type: 'text', nullable: true }) blockedReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('performance_events')
export class PerformanceEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column({ type: 'text' }) type: PerformanceEventType;
  @Column({ type: 'date' }) date: string;
  @Column({ name: 'on_time', type: 'boolean', nullable: true }) onTime: boolean | null;
  @Column({ name: 'in_full', type: 'boolean', nullable: true }) inFull: boolean | null;
  @Column({ type: 'text', nullable: true }) severity: IncidentSeverity | null;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
