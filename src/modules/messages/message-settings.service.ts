import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { invalid } from '../../domain/errors';
import { type ContactRole, type ContactRoleNarrowing, narrowingProblems, rolesFor, SUPPLIER_KINDS, type SupplierKind } from '../../domain/messages/audiences';
import { AuditService } from '../audit/audit.service';
import { lockCase } from '../cases/case-lock';
import { type User } from '../users/user.entity';
import { CaseMessageSettings } from './case-message-settings.entity';
import { type MessageSettingsDto } from './dto/message-settings.dto';

/** The roles in effect on the case, for every supplier-facing kind. */
export interface MessageSettingsView {
  contactRoles: Record<SupplierKind, ContactRole[]>;
}

/** A case's narrowing of who at each supplier its messages go to: read by the buying center, set by the buyer or gatekeeper, audited. */
@Injectable()
export class MessageSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async narrowingOf(m: EntityManager, caseId: string): Promise<ContactRoleNarrowing | null> {
    return (await m.findOneBy(CaseMessageSettings, { caseId }))?.contactRoles ?? null;
  }

  async get(caseId: string): Promise<MessageSettingsView> {
    return view(await this.narrowingOf(this.dataSource.manager, caseId));
  }

  async set(access: CaseAccess, dto: MessageSettingsDto, user: User): Promise<MessageSettingsView> {
    const problems = narrowingProblems(dto.contactRoles);
    if (problems.length > 0) throw invalid(problems);
    const narrowing = dto.contactRoles as ContactRoleNarrowing;
    return this.dataSource.transaction(async (m) => {
      await lockCase(m, access, 'messages.settings');
      const before = view(await this.narrowingOf(m, access.caseId));
      await m.upsert(CaseMessageSettings, { caseId: access.caseId, contactRoles: narrowing, updatedBy: user.id, updatedAt: new Date() }, ['caseId']);
      const after = view(narrowing);
      await this.audit.append(m, access.caseId, user.id, 'messages.contact_roles_set', { before: before.contactRoles, after: after.contactRoles });
      return after;
    });
  }
}

function view(narrowing: ContactRoleNarrowing | null): MessageSettingsView {
  return { contactRoles: Object.fromEntries(SUPPLIER_KINDS.map((kind) => [kind, [...rolesFor(kind, narrowing)]])) as Record<SupplierKind, ContactRole[]> };
}
