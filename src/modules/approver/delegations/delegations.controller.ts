import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, OrgActionOf } from '../../../common/auth';
import { noBodyPipe, uuidPipe } from '../../../common/validation';
import { Endpoint } from '../../../openapi/decorators';
import { USER_TOKEN } from '../../../openapi/document';
import { DelegationDto } from './delegation.dto';
import { Delegation, DelegationPage } from './delegations.schemas';
import { DelegationsService } from './delegations.service';

@ApiTags('users')
@ApiBearerAuth(USER_TOKEN)
@OrgActionOf('delegations.manage')
@Controller()
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Endpoint('createDelegation', 'Name a delegate for a period (the approver, or an admin for someone absent)', { status: 201, response: Delegation, problems: [403, 404] })
  @Post('users/:id/delegations')
  create(@Param('id', uuidPipe('id')) id: string, @Body() dto: DelegationDto, @CurrentUser() actor: AuthUser) {
    return this.delegations.create(id, dto, actor);
  }

  @Endpoint('listDelegations', 'The delegations of an approver, newest period first', { response: DelegationPage, problems: [403, 404] })
  @Get('users/:id/delegations')
  list(@Param('id', uuidPipe('id')) id: string, @CurrentUser() actor: AuthUser) {
    return this.delegations.list(id, actor);
  }

  @Endpoint('revokeDelegations', 'End every live delegation of an approver (they are back)', { status: 204, response: null, problems: [403, 404] })
  @Delete('users/:id/delegations')
  @HttpCode(204)
  async revoke(@Param('id', uuidPipe('id')) id: string, @Body(noBodyPipe) _body: object, @CurrentUser() actor: AuthUser): Promise<void> {
    await this.delegations.revokeAll(id, actor);
  }
}
