import { DataSource, type DataSourceOptions } from 'typeorm';
import { InitialSchema1764270000000 } from '../../migrations/1764270000000-InitialSchema';
import { IdempotencyKeys1765000000000 } from '../../migrations/1765000000000-IdempotencyKeys';
import { Messages1766100000000 } from '../../migrations/1766100000000-Messages';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { OrgAuditEvent } from '../modules/audit/org-audit-event.entity';
import { OrganizationRoles1766000000000 } from '../../migrations/1766000000000-OrganizationRoles';
import { ConflictDeclarations1766150000000 } from '../../migrations/1766150000000-ConflictDeclarations';
import { ConflictDeclaration } from '../modules/cases/declaration.entity';
import { SealedReconfirmation1766200000000 } from '../../migrations/1766200000000-SealedReconfirmation';
import { AuditHeads1766300000000 } from '../../migrations/1766300000000-AuditHeads';
import { ReportContentHash1766900000000 } from '../../migrations/1766900000000-ReportContentHash';
import { ContactRoles1796219897161 } from '../../migrations/1796219897161-ContactRoles';
import { SupplierDialogue1796222607820 } from '../../migrations/1796222607820-SupplierDialogue';
import { UserLanguage1796230000000 } from '../../migrations/1796230000000-UserLanguage';
import { Case, CaseMember } from '../modules/cases/case.entity';
import { ApiToken, User } from '../modules/users/user.entity';
import { SPECIFICATION_ENTITIES } from '../modules/specification/entities';
import { SUPPLIERS_ENTITIES } from '../modules/suppliers/entities';
import { SHORTLIST_ENTITIES } from '../modules/shortlist/entities';
import { NEGOTIATION_ENTITIES } from '../modules/negotiation/entities';
import { EVALUATION_ENTITIES } from '../modules/evaluation/entities';
import { APPROVAL_ENTITIES } from '../modules/approval/entities';
import { POLICY_ENTITIES } from '../modules/policy/entities';
import { REPORTS_ENTITIES } from '../modules/reports/entities';
import { MESSAGES_ENTITIES } from '../modules/messages/message.entity';
import { APPROVER_ENTITIES } from '../modules/approver/entities';
import { ApproverPages1796219777226 } from '../../migrations/1796219777226-ApproverPages';
import { WEBHOOK_ENTITIES } from '../modules/webhooks/webhook.entities';
import { Webhooks1796220468155 } from '../../migrations/1796220468155-Webhooks';
import { MatrixInputChanges1796240000000 } from '../../migrations/1796240000000-MatrixInputChanges';

/** Entities and migrations are listed, not globbed: the same list works compiled, under Jest and in the CLI. */
export const ENTITIES = [
  User,
  ApiToken,
  Case,
  CaseMember,
  ConflictDeclaration,
  AuditEvent,
  OrgAuditEvent,
  ...POLICY_ENTITIES,
  ...SPECIFICATION_ENTITIES,
  ...SUPPLIERS_ENTITIES,
  ...SHORTLIST_ENTITIES,
  ...NEGOTIATION_ENTITIES,
  ...EVALUATION_ENTITIES,
  ...APPROVAL_ENTITIES,
  ...REPORTS_ENTITIES,
  ...MESSAGES_ENTITIES,
  ...APPROVER_ENTITIES,
  ...WEBHOOK_ENTITIES,
];
export const MIGRATIONS = [
  InitialSchema1764270000000,
  IdempotencyKeys1765000000000,
  OrganizationRoles1766000000000,
  Messages1766100000000,
  ConflictDeclarations1766150000000,
  SealedReconfirmation1766200000000,
  AuditHeads1766300000000,
  ReportContentHash1766900000000,
  ApproverPages1796219777226,
  ContactRoles1796219897161,
  Webhooks1796220468155,
  SupplierDialogue1796222607820,
  UserLanguage1796230000000,
  MatrixInputChanges1796240000000,
];

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: ['error'],
    extra: { max: 10, application_name: 'supplier-evaluation' },
  };
}

export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
