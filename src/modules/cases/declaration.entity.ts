import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A conflict-of-interest declaration of one person on one case: none, or a conflict with one supplier. */
@Entity('conflict_declarations')
export class ConflictDeclaration {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column() conflict: boolean;
  @Column({ name: 'supplier_id', type: 'uuid', nullable: true }) supplierId: string | null;
  @Column({ type: 'text', nullable: true }) text: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
