import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type ShortlistStatus = 'shortlisted' | 'excluded';

@Entity('shortlist_entries')
export class ShortlistEntry {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @PrimaryColumn({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column({ type: 'text' }) status: ShortlistStatus;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'added_by', type: 'uuid' }) addedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
