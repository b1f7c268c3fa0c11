import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf } from '../../common/auth';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { OcdsReleasePackage } from './ocds.schemas';
import { OcdsService } from './ocds.service';

@ApiTags('reports')
@ApiBearerAuth(USER_TOKEN)
@Controller('cases/:id')
export class OcdsController {
  constructor(private readonly ocds: OcdsService) {}

  @Endpoint('getCaseOcds', 'The case as an OCDS 1.1 release package: tender, bids of closed rounds, award, parties, stored reports, decision matrix', {
    response: OcdsReleasePackage,
  })
  @Get('ocds')
  @CaseActionOf('ocds.read')
  get(@Access() access: CaseAccess) {
    return this.ocds.package(access.caseId);
  }
}
