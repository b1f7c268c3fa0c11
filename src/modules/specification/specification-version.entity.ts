import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { type Requirement } from '../../domain/requirements';
import { type AhpRecord, type Criterion } from '../../domain/specification/types';

/** One version of a case's specification; the draft is the one row of the case with `frozenAt` null. */
@Entity('specification_versions')
export class SpecificationVersion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'frozen_at', type: 'timestamptz', nullable: true }) frozenAt: Date | null;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text' }) deliverables: string;
  @Column({ type: 'numeric', nullable: true }) quantity: string | null;
  @Column({ type: 'jsonb' }) requirements: Requirement[];
  @Column({ type: 'jsonb' }) criteria: Criterion[];
  @Column({ type: 'jsonb', nullable: true }) ahp: AhpRecord | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
