import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf, CurrentUser } from '../../common/auth';
import { User } from '../users/user.entity';
import { ApprovalService } from './approval.service';
import { SignDto } from './dto/approval.dto';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { Approval, ApprovalState, PendingApprovalList } from './approval.schemas';

@ApiTags('approvals')
@ApiBearerAuth(USER_TOKEN)
@Controller()
export class ApprovalController {
  constructor(private readonly approvals: ApprovalService) {}

  @Endpoint('signApproval', 'Approve or reject the current proposal (approver)', { status: 201, response: Approval, problems: [422], idempotent: true })
  @Post('cases/:id/approvals')
  @CaseActionOf('approvals.sign')
  sign(@Access() access: CaseAccess, @Body() dto: SignDto, @CurrentUser() user: User) {
    return this.approvals.sign(access, dto, user);
  }

  @Endpoint('getApprovals', 'The approval chain and the signatures given', { response: ApprovalState })
  @Get('cases/:id/approvals')
  @CaseActionOf('approvals.read')
  list(@Access() access: CaseAccess) {
    return this.approvals.list(access.caseId);
  }

  @Endpoint('listPendingApprovals', 'The cases waiting for the caller’s signature', { response: PendingApprovalList })
  @Get('approvals/pending')
  pending(@CurrentUser() user: User) {
    return this.approvals.pending(user);
  }
}
