import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('approvals')
export class Approval {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'decision_id', type: 'uuid' }) decisionId: string;
  @Column({ name: 'approver_id', type: 'uuid' }) approverId: string;
  @Column({ type: 'text' }) verdict: 'approve' | 'reject';
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ name: 'return_to', type: 'text', nullable: true }) returnTo: 'DECISION' | 'NEGOTIATION' | null;
  @Column({ name: 'snapshot_hash', type: 'char', length: 64 }) snapshotHash: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'lapsed_at', type: 'timestamptz', nullable: true }) lapsedAt: Date | null;
  /** the delegate who signed on the approver's behalf; null: the approver signed */
  @Column({ name: 'signed_by', type: 'uuid', nullable: true }) signedBy: string | null;
}
