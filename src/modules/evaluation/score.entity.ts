import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One evaluator's score (0–10, two decimals) of one supplier on one evaluator-sourced criterion. */
@Entity('scores')
export class Score {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @PrimaryColumn({ name: 'evaluator_id', type: 'uuid' }) evaluatorId: string;
  @PrimaryColumn({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  /** a criterion id of the case's specification (criteria live in the specification's jsonb, so no foreign key) */
  @PrimaryColumn({ name: 'criterion_id', type: 'uuid' }) criterionId: string;
  /** numeric(4,2) as PostgreSQL writes it ("7.50"): summed in exact hundredths */
  @Column({ type: 'numeric' }) score: string;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
