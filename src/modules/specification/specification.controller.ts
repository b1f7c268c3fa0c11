import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf, CurrentUser } from '../../common/auth';
import { PageQuery } from '../../common/paging';
import { User } from '../users/user.entity';
import { AhpDto, PutSpecificationDto, SpecificationQuery } from './dto/specification.dto';
import { SpecificationService } from './specification.service';
import { WeightsService } from './weights.service';

@ApiTags('specification')
@ApiBearerAuth()
@Controller('cases')
export class SpecificationController {
  constructor(
    private readonly specifications: SpecificationService,
    private readonly weights: WeightsService,
  ) {}

  @Get(':id/specification')
  @CaseActionOf('specification.read')
  get(@Access() access: CaseAccess, @Query() query: SpecificationQuery) {
    return this.specifications.get(access.caseId, query.version);
  }

  @Put(':id/specification')
  @CaseActionOf('specification.write')
  put(@Access() access: CaseAccess, @Body() dto: PutSpecificationDto, @CurrentUser() user: User) {
    return this.specifications.save(access, dto, user);
  }

  @Get(':id/specification/versions')
  @CaseActionOf('specification.read')
  versions(@Access() access: CaseAccess, @Query() page: PageQuery) {
    return this.specifications.versions(access.caseId, page.limit, page.offset);
  }

  @Post(':id/criteria/ahp')
  @HttpCode(200)
  @CaseActionOf('criteria.ahp')
  ahp(@Access() access: CaseAccess, @Body() dto: AhpDto, @CurrentUser() user: User) {
    return this.specifications.applyAhp(access, dto, user);
  }

  @Get(':id/weights')
  @CaseActionOf('weights.read')
  effectiveWeights(@Access() access: CaseAccess) {
    return this.weights.view(access.caseId);
  }
}
