import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, OrgActionOf } from '../../common/auth';
import { User } from '../users/user.entity';
import { PolicyDto } from './dto/policy.dto';
import { PolicyService } from './policy.service';

@ApiTags('policy')
@ApiBearerAuth()
@Controller('policy')
export class PolicyController {
  constructor(private readonly policy: PolicyService) {}

  /** Everyone may read the rules their cases are scored by; only admins change them. */
  @Get()
  get() {
    return this.policy.current();
  }

  @Put()
  @OrgActionOf('policy.write')
  put(@Body() dto: PolicyDto, @CurrentUser() user: User) {
    return this.policy.update(dto, user);
  }
}
