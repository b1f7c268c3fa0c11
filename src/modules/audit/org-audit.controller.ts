import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { OrgActionOf } from '../../common/auth';
import { PageQuery } from '../../common/paging';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { OrgAuditService } from './org-audit.service';
import { OrgAuditEventPage } from './audit.schemas';

@ApiTags('audit')
@ApiBearerAuth(USER_TOKEN)
@Controller('audit')
@OrgActionOf('audit.org')
export class OrgAuditController {
  constructor(private readonly audit: OrgAuditService) {}

  @Endpoint('listOrgAuditEvents', 'The organization audit trail (users, organization roles), paged (admin)', { response: OrgAuditEventPage, problems: [403] })
  @Get()
  trail(@Query() page: PageQuery) {
    return this.audit.list(page.limit, page.offset);
  }
}
