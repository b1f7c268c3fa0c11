import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An e-mailed sign-in link: the SHA-256 of its token, bound to one approver, one case and one decision snapshot. */
@Entity('approval_links')
export class ApprovalLink {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'snapshot_hash', type: 'char', length: 64 }) snapshotHash: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export type ApprovalNoticeKind = 'request' | 'reminder' | 'escalation';

/** One notice sent about a signature; `key` is unique, so the sweep sends each at most once. */
@Entity('approval_notices')
export class ApprovalNotice {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) key: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) kind: ApprovalNoticeKind;
  @Column({ name: 'snapshot_hash', type: 'char', length: 64 }) snapshotHash: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A browser session on the approver pages: the SHA-256 of the cookie's value. */
@Entity('web_sessions')
export class WebSession {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** An approver away: `delegateId` sees and signs their decisions from `startsAt` until `endsAt`. */
@Entity('delegations')
export class Delegation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'delegate_id', type: 'uuid' }) delegateId: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}

/** TypeORM entities of this module, listed for the data source. */
export const APPROVER_ENTITIES: Array<new () => object> = [ApprovalLink, ApprovalNotice, WebSession, Delegation];
