import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditQueries } from './audit.queries';
import { AuditService } from './audit.service';
import { AuditTaps } from './audit-taps';
import { OrgAuditController } from './org-audit.controller';
import { OrgAuditService } from './org-audit.service';

/**
 * The case audit trails and the organization's (OrgAuditService, GET /audit for admins). The case audit trail: every module appends to it inside its own transaction (AuditService,
 * global), and anyone on the case reads and verifies it (GET /cases/:id/audit[/verify]).
 */
@Global()
@Module({
  controllers: [AuditController, OrgAuditController],
  providers: [AuditService, OrgAuditService, AuditQueries, AuditTaps],
  exports: [AuditService, OrgAuditService, AuditTaps],
})
export class AuditModule {}
