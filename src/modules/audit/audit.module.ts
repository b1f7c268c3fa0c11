import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditQueries } from './audit.queries';
import { AuditService } from './audit.service';

/**
 * The case audit trail: every module appends to it inside its own transaction (AuditService,
 * global), and anyone on the case reads and verifies it (GET /cases/:id/audit[/verify]).
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditQueries],
  exports: [AuditService],
})
export class AuditModule {}
