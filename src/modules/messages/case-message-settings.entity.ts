import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type ContactRoleNarrowing } from '../../domain/messages/audiences';

/** A case's narrowing of the contact roles each supplier-facing message kind goes to (README "Messages"). */
@Entity('case_message_settings')
export class CaseMessageSettings {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'contact_roles', type: 'jsonb' }) contactRoles: ContactRoleNarrowing;
  @Column({ name: 'updated_by', type: 'uuid' }) updatedBy: string;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
