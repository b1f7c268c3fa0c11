import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One event of the organization audit trail (grants, users): hash-chained like a case's trail, append-only. */
@Entity('org_audit_events')
export class OrgAuditEvent {
  @PrimaryColumn({ type: 'integer' }) seq: number;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column() action: string;
  @Column({ type: 'jsonb' }) data: object;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'prev_hash', type: 'char', length: 64 }) prevHash: string;
  @Column({ type: 'char', length: 64 }) hash: string;
}
