import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf, CurrentUser } from '../../common/auth';
import { uuidPipe } from '../../common/validation';
import { User } from '../users/user.entity';
import { CasesService } from './cases.service';
import { CreateCaseDto, ListCasesQuery, TransitionDto, UpdateCaseDto } from './dto/case.dto';
import { AddMembersDto, ReplaceRolesDto } from './dto/member.dto';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { Case, CasePage, MemberChangeResult, MemberList } from './cases.schemas';
import { OrgActionOf } from '../../common/auth';

@ApiTags('cases')
@ApiBearerAuth(USER_TOKEN)
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Endpoint('createCase', 'Open a case (procurement organization role, or admin); the caller becomes its initiator', { status: 201, response: Case, problems: [403, 404, 409, 422], idempotent: true })
  @Post()
  @OrgActionOf('cases.create')
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

  @Endpoint('addMember', 'Add members to the buying center (one, or a list in `members`); roles are added to those a member holds', {
    status: 201,
    response: MemberChangeResult,
    problems: [422],
    idempotent: true,
    description: 'Roles are merged: re-adding a member never removes a role (PUT /members/{userId} replaces them). `changes` says, per member named, the roles added and removed. A case role needs the organization role that allows it (ORG_ROLE_REQUIRED, 422).',
  })
  @Post(':id/members')
  @CaseActionOf('members.manage')
  addMember(@Access() access: CaseAccess, @Body() dto: AddMembersDto, @CurrentUser() user: User) {
    return this.cases.addMembers(access, dto, user);
  }

  @Endpoint('replaceMemberRoles', "Replace a member's roles (adds the member when they are not one yet)", { response: MemberChangeResult, problems: [422] })
  @Put(':id/members/:userId')
  @CaseActionOf('members.manage')
  replaceRoles(
    @Access() access: CaseAccess,
    @Param('userId', uuidPipe('userId')) userId: string,
    @Body() dto: ReplaceRolesDto,
    @CurrentUser() user: User,
  ) {
    return this.cases.replaceRoles(access, userId, dto, user);
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
