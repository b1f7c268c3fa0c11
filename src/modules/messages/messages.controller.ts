import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf, CurrentUser, OrgActionOf } from '../../common/auth';
import { PageQuery } from '../../common/paging';
import { noBodyPipe, uuidPipe } from '../../common/validation';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { User } from '../users/user.entity';
import { ApproveMessagesDto } from './dto/approval.dto';
import { DeadMessagePage, MessagePage, MessageSummary } from './messages.schemas';
import { MessagesService } from './messages.service';

@ApiTags('messages')
@ApiBearerAuth(USER_TOKEN)
@Controller()
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Endpoint('listCaseMessages', 'Every message of the case: kind, status, recipients, when queued and sent (never the content)', { response: MessagePage })
  @Get('cases/:id/messages')
  @CaseActionOf('messages.read')
  listForCase(@Access() access: CaseAccess, @Query() page: PageQuery) {
    return this.messages.listForCase(access.caseId, page.limit, page.offset);
  }

  @Endpoint('approveMessage', 'The gatekeeper releases one supplier-facing message waiting for approval', { response: MessagePage, problems: [409] })
  @Post('cases/:id/messages/:messageId/approval')
  @HttpCode(200)
  @CaseActionOf('messages.approve')
  approveOne(@Access() access: CaseAccess, @Param('messageId', uuidPipe('messageId')) messageId: string, @Body(noBodyPipe) _body: object, @CurrentUser() user: User) {
    return this.messages.approve(access, [messageId], user);
  }

  @Endpoint('approveMessages', 'The gatekeeper releases several supplier-facing messages at once (all or none)', { response: MessagePage, problems: [409] })
  @Post('cases/:id/messages/approval')
  @HttpCode(200)
  @CaseActionOf('messages.approve')
  approveMany(@Access() access: CaseAccess, @Body() dto: ApproveMessagesDto, @CurrentUser() user: User) {
    return this.messages.approve(access, dto.messageIds, user);
  }

  @Endpoint('listDeadMessages', 'Messages whose retries are spent (admin)', { response: DeadMessagePage, problems: [403] })
  @Get('messages/dead')
  @OrgActionOf('messages.manage')
  dead(@Query() page: PageQuery) {
    return this.messages.listDead(page.limit, page.offset);
  }

  @Endpoint('retryMessage', 'Queue a dead message again (admin)', { response: MessageSummary, problems: [403, 404, 409] })
  @Post('messages/:id/retry')
  @HttpCode(200)
  @OrgActionOf('messages.manage')
  retry(@Param('id', uuidPipe('id')) id: string, @Body(noBodyPipe) _body: object, @CurrentUser() user: User) {
    return this.messages.retry(id, user);
  }
}
