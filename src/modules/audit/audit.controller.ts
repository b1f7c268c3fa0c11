import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf } from '../../common/auth';
import { PageQuery } from '../../common/paging';
import { AuditService } from './audit.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @CaseActionOf('audit.read')
  trail(@Access() access: CaseAccess, @Query() page: PageQuery) {
    return this.audit.list(access.caseId, page.limit, page.offset);
  }

  @Get('verify')
  @CaseActionOf('audit.read')
  verify(@Access() access: CaseAccess) {
    return this.audit.verify(access.caseId);
  }
}
