import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { type Policy } from '../../domain/policy';

/**
 * One version of the organization's policy. Append-only (a trigger refuses UPDATE and DELETE):
 * the newest row is the policy in force, and the rows before it are the policy's audit trail.
 * `data` may predate a section added later; the service reads it over the defaults.
 */
@Entity('policy_versions')
export class PolicyVersion {
  @PrimaryGeneratedColumn('increment') version: number;
  @Column({ type: 'jsonb' }) data: Partial<Policy>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
}
