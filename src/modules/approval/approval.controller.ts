import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf, CurrentUser } from '../../common/auth';
import { User } from '../users/user.entity';
import { ApprovalService } from './approval.service';
import { SignDto } from './dto/approval.dto';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller()
export class ApprovalController {
  constructor(private readonly approvals: ApprovalService) {}

  @Post('cases/:id/approvals')
  @CaseActionOf('approvals.sign')
  sign(@Access() access: CaseAccess, @Body() dto: SignDto, @CurrentUser() user: User) {
    return this.approvals.sign(access, dto, user);
  }

  @Get('cases/:id/approvals')
  @CaseActionOf('approvals.read')
  list(@Access() access: CaseAccess) {
    return this.approvals.list(access.caseId);
  }

  @Get('approvals/pending')
  pending(@CurrentUser() user: User) {
    return this.approvals.pending(user);
  }
}
