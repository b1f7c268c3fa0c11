import { Global, Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { LifecycleHooks } from '../lifecycle/lifecycle-hooks';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

/** Cases, their buying center, transitions and audit trail; the hooks and audit are shared by every module. */
@Global()
@Module({
  controllers: [CasesController],
  providers: [CasesService, AuditService, LifecycleHooks],
  exports: [CasesService, AuditService, LifecycleHooks],
})
export class CasesModule {}
