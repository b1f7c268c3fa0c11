import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf } from '../../common/auth';
import { PageQuery } from '../../common/paging';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { AuditService } from './audit.service';
import { AuditEventPage, AuditVerification } from './audit.schemas';

@ApiTags('cases')
@ApiBearerAuth(USER_TOKEN)
@Controller('cases/:id/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Endpoint('listAuditEvents', 'The case audit trail, paged', { response: AuditEventPage })
  @Get()
  @CaseActionOf('audit.read')
  trail(@Access() access: CaseAccess, @Query() page: PageQuery) {
    return this.audit.list(access.caseId, page.limit, page.offset);
  }

  @Endpoint('verifyAuditTrail', 'Check the hash chain of the audit trail', { response: AuditVerification })
  @Get('verify')
  @CaseActionOf('audit.read')
  verify(@Access() access: CaseAccess) {
    return this.audit.verify(access.caseId);
  }
}
