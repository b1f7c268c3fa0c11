import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { type OrgRole as GrantedRole } from '../../domain/lifecycle/permissions';
import { type Language } from '../../domain/messages/audiences';

export type OrgRole = 'admin' | 'member';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column() email: string;
  @Column({ name: 'org_role', type: 'text' }) orgRole: OrgRole;
  /** what an admin granted (registry, procurement, approver); see ORG_ROLES */
  @Column({ name: 'org_roles', type: 'text', array: true }) orgRoles: GrantedRole[];
  @Column() executive: boolean;
  /** the language of the messages they receive */
  @Column({ type: 'text' }) language: Language;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('api_tokens')
export class ApiToken {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash: string;
  @Column({ type: 'text', nullable: true }) label: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
