import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { type DecisionSnapshot } from '../../domain/evaluation/snapshot';

/**
 * The decider's proposal with the decision snapshot it was made on and the snapshot's SHA-256.
 * One current proposal per case (partial unique index on `superseded_at IS NULL`); a new
 * proposal or a rejection supersedes it.
 */
@Entity('decisions')
export class Decision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column({ type: 'text' }) justification: string;
  @Column({ type: 'boolean' }) override: boolean;
  @Column({ type: 'jsonb' }) snapshot: DecisionSnapshot;
  @Column({ name: 'snapshot_hash', type: 'char', length: 64 }) snapshotHash: string;
  @Column({ name: 'proposed_by', type: 'uuid' }) proposedBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true }) supersededAt: Date | null;
}
