import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf, CurrentUser } from '../../common/auth';
import { uuidPipe } from '../../common/validation';
import { User } from '../users/user.entity';
import { CasesService } from './cases.service';
import { CreateCaseDto, ListCasesQuery, TransitionDto, UpdateCaseDto } from './dto/case.dto';
import { AddMemberDto } from './dto/member.dto';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { Case, CasePage, MemberList } from './cases.schemas';

@ApiTags('cases')
@ApiBearerAuth(USER_TOKEN)
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Endpoint('createCase', 'Open a case; the caller becomes its initiator', { status: 201, response: Case, problems: [404, 409, 422], idempotent: true })
  @Post()
  create(@Body() dto: CreateCaseDto, @CurrentUser() user: User) {
    return this.cases.create(dto, user);
  }

  @Endpoint('listCases', 'The cases the caller has a role on (admins: all), filtered and paged', { response: CasePage })
  @Get()
  list(@Query() query: ListCasesQuery, @CurrentUser() user: User) {
    return this.cases.list(query, user);
  }

  @Endpoint('getCase', 'Read a case', { response: Case, etag: 'read' })
  @Get(':id')
  @CaseActionOf('case.read')
  get(@Access() access: CaseAccess) {
    return this.cases.get(access.caseId);
  }

  @Endpoint('updateCase', 'Change the fields of a case', { response: Case, etag: 'write', problems: [422] })
  @Patch(':id')
  @CaseActionOf('case.update')
  update(@Access() access: CaseAccess, @Body() dto: UpdateCaseDto, @CurrentUser() user: User, @Headers('if-match') ifMatch?: string) {
    return this.cases.update(access, dto, user, ifMatch);
  }

  @Endpoint('transitionCase', 'Move the case to another stage; 409 lists every unmet precondition', { response: Case, problems: [422] })
  @Post(':id/transitions')
  @HttpCode(200)
  @CaseActionOf('case.transition')
  transition(@Access() access: CaseAccess, @Body() dto: TransitionDto, @CurrentUser() user: User) {
    return this.cases.transition(access, dto, user);
  }

  @Endpoint('listMembers', 'The buying center: members and their roles', { response: MemberList })
  @Get(':id/members')
  @CaseActionOf('members.read')
  members(@Access() access: CaseAccess) {
    return this.cases.members(access.caseId);
  }

  @Endpoint('addMember', 'Add a member to the buying center, or change their roles', { status: 201, response: MemberList, problems: [422], idempotent: true })
  @Post(':id/members')
  @CaseActionOf('members.manage')
  addMember(@Access() access: CaseAccess, @Body() dto: AddMemberDto, @CurrentUser() user: User) {
    return this.cases.addMember(access, dto, user);
  }

  @Endpoint('removeMember', 'Remove a member from the buying center', { status: 204, response: null })
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
