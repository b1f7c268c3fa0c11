import { Body, Controller, Get, Headers, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf, CurrentUser } from '../../common/auth';
import { PageQuery } from '../../common/paging';
import { User } from '../users/user.entity';
import { AhpDto, PutSpecificationDto, SpecificationQuery } from './dto/specification.dto';
import { SpecificationService } from './specification.service';
import { WeightsService } from './weights.service';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { AhpResult, EffectiveWeights, Specification, SpecificationVersionPage } from './specification.schemas';

@ApiTags('specification')
@ApiBearerAuth(USER_TOKEN)
@Controller('cases')
export class SpecificationController {
  constructor(
    private readonly specifications: SpecificationService,
    private readonly weights: WeightsService,
  ) {}

  @Endpoint('getSpecification', 'The current (or a given) specification version', { response: Specification, etag: 'read' })
  @Get(':id/specification')
  @CaseActionOf('specification.read')
  get(@Access() access: CaseAccess, @Query() query: SpecificationQuery) {
    return this.specifications.get(access.caseId, query.version);
  }

  @Endpoint('putSpecification', 'Save the draft, or (after SPECIFICATION, with a reason) a new frozen version', { response: Specification, etag: 'write', problems: [422] })
  @Put(':id/specification')
  @CaseActionOf('specification.write')
  put(@Access() access: CaseAccess, @Body() dto: PutSpecificationDto, @CurrentUser() user: User, @Headers('if-match') ifMatch?: string) {
    return this.specifications.save(access, dto, user, ifMatch);
  }

  @Endpoint('listSpecificationVersions', 'Every specification version with its diff against the previous one, paged', { response: SpecificationVersionPage })
  @Get(':id/specification/versions')
  @CaseActionOf('specification.read')
  versions(@Access() access: CaseAccess, @Query() page: PageQuery) {
    return this.specifications.versions(access.caseId, page.limit, page.offset);
  }

  @Endpoint('applyAhp', 'Derive the draft weights from a pairwise comparison matrix (AHP)', { response: AhpResult, problems: [422] })
  @Post(':id/criteria/ahp')
  @HttpCode(200)
  @CaseActionOf('criteria.ahp')
  ahp(@Access() access: CaseAccess, @Body() dto: AhpDto, @CurrentUser() user: User) {
    return this.specifications.applyAhp(access, dto, user);
  }

  @Endpoint('getWeights', 'Base and effective weights, with the strategic rule that changed them', { response: EffectiveWeights })
  @Get(':id/weights')
  @CaseActionOf('weights.read')
  effectiveWeights(@Access() access: CaseAccess) {
    return this.weights.view(access.caseId);
  }
}
