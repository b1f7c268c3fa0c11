import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf, CurrentUser } from '../../common/auth';
import { uuidPipe } from '../../common/validation';
import { User } from '../users/user.entity';
import { CasesService } from './cases.service';
import { CreateCaseDto, ListCasesQuery, TransitionDto, UpdateCaseDto } from './dto/case.dto';
import { AddMemberDto } from './dto/member.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  create(@Body() dto: CreateCaseDto, @CurrentUser() user: User) {
    return this.cases.create(dto, user);
  }

  @Get()
  list(@Query() query: ListCasesQuery, @CurrentUser() user: User) {
    return this.cases.list(query, user);
  }

  @Get(':id')
  @CaseActionOf('case.read')
  get(@Access() access: CaseAccess) {
    return this.cases.get(access.caseId);
  }

  @Patch(':id')
  @CaseActionOf('case.update')
  update(@Access() access: CaseAccess, @Body() dto: UpdateCaseDto, @CurrentUser() user: User) {
    return this.cases.update(access, dto, user);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @CaseActionOf('case.transition')
  transition(@Access() access: CaseAccess, @Body() dto: TransitionDto, @CurrentUser() user: User) {
    return this.cases.transition(access, dto, user);
  }

  @Get(':id/members')
  @CaseActionOf('members.read')
  members(@Access() access: CaseAccess) {
    return this.cases.members(access.caseId);
  }

  @Post(':id/members')
  @CaseActionOf('members.manage')
  addMember(@Access() access: CaseAccess, @Body() dto: AddMemberDto, @CurrentUser() user: User) {
    return this.cases.addMember(access, dto, user);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  @CaseActionOf('members.manage')
  async removeMember(
    @Access() access: CaseAccess,
    @Param('userId', uuidPipe('userId')) userId: string,
    @CurrentUser() user: User,
  ): Promise<void> {
    await this.cases.removeMember(access, userId, user);
  }
}
