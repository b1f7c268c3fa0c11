import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, type CaseAccess, CaseActionOf, CurrentUser } from '../../common/auth';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { User } from '../users/user.entity';
import { MessageSettingsDto } from './dto/message-settings.dto';
import { MessageSettings } from './messages.schemas';
import { MessageSettingsService } from './message-settings.service';

@ApiTags('messages')
@ApiBearerAuth(USER_TOKEN)
@Controller('cases/:id/message-settings')
export class MessageSettingsController {
  constructor(private readonly settings: MessageSettingsService) {}

  @Endpoint('getMessageSettings', 'The contact roles each supplier-facing message kind goes to on this case', { response: MessageSettings })
  @Get()
  @CaseActionOf('messages.read')
  get(@Access() access: CaseAccess) {
    return this.settings.get(access.caseId);
  }

  @Endpoint('putMessageSettings', 'Narrow the contact roles supplier-facing message kinds go to on this case (buyer or gatekeeper; audited)', { response: MessageSettings })
  @Put()
  @CaseActionOf('messages.settings')
  put(@Access() access: CaseAccess, @Body() dto: MessageSettingsDto, @CurrentUser() user: User) {
    return this.settings.set(access, dto, user);
  }
}
