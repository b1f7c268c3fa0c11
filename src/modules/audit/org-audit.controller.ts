import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { OrgActionOf } from '../../common/auth';
import { PageQuery } from '../../common/paging';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { OrgAuditService } from './org-audit.service';
import { OrganizationVerification, OrgAuditEventPage } from './audit.schemas';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth(USER_TOKEN)
@Controller('audit')
@OrgActionOf('audit.org')
export class OrgAuditController {
  constructor(
    private readonly audit: OrgAuditService,
    private readonly cases: AuditService,
  ) {}

  @Endpoint('listOrgAuditEvents', 'The organization audit trail (users, organization roles), paged (admin)', { response: OrgAuditEventPage, problems: [403] })
  @Get()
  trail(@Query() page: PageQuery) {
    return this.audit.list(page.limit, page.offset);
  }

  @Endpoint('verifyAllAuditTrails', 'Verify every case chain (links and recorded heads: a removed tail is reported) and the organization chain (admin)', { response: OrganizationVerification, problems: [403] })
  @Get('verify')
  verify() {
    return this.cases.verifyAll();
  }
}
