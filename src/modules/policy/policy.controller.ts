import { Body, Controller, Get, Headers, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, OrgActionOf } from '../../common/auth';
import { User } from '../users/user.entity';
import { PolicyDto } from './dto/policy.dto';
import { PolicyService } from './policy.service';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { Policy } from './policy.schemas';

@ApiTags('policy')
@ApiBearerAuth(USER_TOKEN)
@Controller('policy')
export class PolicyController {
  constructor(private readonly policy: PolicyService) {}

  /** Everyone may read the rules their cases are scored by; only admins change them. */
  @Endpoint('getPolicy', 'The current policy: strategic rule, reliability constants, approval bands, sensitivity threshold', { response: Policy, etag: 'read' })
  @Get()
  get() {
    return this.policy.current();
  }

  @Endpoint('putPolicy', 'Replace the sections of the policy the body names (admin); an unchanged policy writes no new version', { response: Policy, problems: [403], etag: 'write' })
  @Put()
  @OrgActionOf('policy.write')
  put(@Body() dto: PolicyDto, @CurrentUser() user: User, @Headers('if-match') ifMatch?: string) {
    return this.policy.update(dto, user, ifMatch);
  }
}
