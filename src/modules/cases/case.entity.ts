import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { type CaseRole, type PurchaseType, type Stage } from '../../domain/lifecycle/stages';

export interface ApprovalChain {
  required: number;
  executiveRequired: boolean;
  amount: string;
  currency: string;
}

@Entity('cases')
export class Case {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() reference: string;
  @Column() title: string;
  @Column({ name: 'business_need' }) businessNeed: string;
  @Column({ type: 'numeric' }) quantity: string;
  @Column() unit: string;
  @Column({ name: 'estimated_budget', type: 'numeric' }) estimatedBudget: string;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ name: 'needed_by', type: 'date' }) neededBy: string;
  @Column() category: string;
  @Column({ name: 'purchase_type', type: 'text' }) purchaseType: PurchaseType;
  @Column({ name: 'profit_impact', type: 'smallint' }) profitImpact: number;
  @Column({ name: 'supply_risk', type: 'smallint' }) supplyRisk: number;
  @Column({ name: 'previous_case_id', type: 'uuid', nullable: true }) previousCaseId: string | null;
  @Column({ type: 'text' }) stage: Stage;
  @Column({ name: 'cancel_reason', type: 'text', nullable: true }) cancelReason: string | null;
  @Column({ name: 'sole_source_justification', type: 'text', nullable: true }) soleSourceJustification: string | null;
  @Column({ name: 'shortlist_approved_at', type: 'timestamptz', nullable: true }) shortlistApprovedAt: Date | null;
  @Column({ name: 'shortlist_approved_by', type: 'uuid', nullable: true }) shortlistApprovedBy: string | null;
  @Column({ name: 'approval_chain', type: 'jsonb', nullable: true }) approvalChain: ApprovalChain | null;
  @Column({ name: 'awarded_supplier_id', type: 'uuid', nullable: true }) awardedSupplierId: string | null;
  @Column({ name: 'awarded_amount', type: 'numeric', nullable: true }) awardedAmount: string | null;
  @Column({ name: 'awarded_at', type: 'timestamptz', nullable: true }) awardedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('case_members')
export class CaseMember {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text', array: true }) roles: CaseRole[];
  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' }) addedAt: Date;
}
