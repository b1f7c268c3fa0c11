import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, OrgActionOf } from '../../common/auth';
import { PageQuery } from '../../common/paging';
import { uuidPipe } from '../../common/validation';
import { CreateTokenDto, CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { IssuedToken, User, UserPage } from './users.schemas';

@ApiTags('users')
@ApiBearerAuth(USER_TOKEN)
@OrgActionOf('users.manage')
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Endpoint('createUser', 'Create a user (admin); with `withToken: true` the answer also carries their first token', { status: 201, response: User, problems: [403, 409], idempotent: true })
  @Post('users')
  create(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthUser) {
    return this.users.create(dto, actor.id);
  }

  @Endpoint('listUsers', 'List users (admin), paged', { response: UserPage, problems: [403] })
  @Get('users')
  list(@Query() page: PageQuery) {
    return this.users.list(page.limit, page.offset);
  }

  @Endpoint('getUser', 'Read a user (admin)', { response: User, problems: [403, 404] })
  @Get('users/:id')
  get(@Param('id', uuidPipe('id')) id: string) {
    return this.users.get(id);
  }

  @Endpoint('updateUser', "Grant or withdraw another user's organization roles, admin role or executive flag (admin; never one's own: SELF_GRANT)", { response: User, problems: [403, 404] })
  @Patch('users/:id')
  update(@Param('id', uuidPipe('id')) id: string, @Body() dto: UpdateUserDto, @CurrentUser() actor: AuthUser) {
    return this.users.update(id, dto, actor);
  }

  @Endpoint('issueToken', 'Issue an API token for a user, shown only in this answer (admin)', { status: 201, response: IssuedToken, problems: [403, 404], description: 'Not idempotent by key: the answer carries a secret the service keeps only hashed, so a retry issues another token.' })
  @Post('users/:id/tokens')
  issueToken(@Param('id', uuidPipe('id')) id: string, @Body() dto: CreateTokenDto) {
    return this.users.issueToken(id, dto.label);
  }

  @Endpoint('revokeToken', 'Revoke an API token (admin)', { status: 204, response: null, problems: [403, 404] })
  @Delete('tokens/:id')
  @HttpCode(204)
  async revoke(@Param('id', uuidPipe('id')) id: string): Promise<void> {
    await this.users.revokeToken(id);
  }
}
