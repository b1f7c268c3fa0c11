import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, OrgActionOf } from '../../common/auth';
import { PageQuery } from '../../common/paging';
import { noBodyPipe, uuidPipe } from '../../common/validation';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { User } from '../users/user.entity';
import { CreateWebhookDto } from './dto/webhook.dto';
import { WebhookCreated, WebhookDeliveryPage, WebhookPage } from './webhooks.schemas';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@ApiBearerAuth(USER_TOKEN)
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Endpoint('createWebhook', 'Register an endpoint for case events (admin); the signing secret is in this answer only', {
    status: 201,
    response: WebhookCreated,
    problems: [403],
    idempotent: true,
  })
  @Post()
  @OrgActionOf('webhooks.manage')
  create(@Body() dto: CreateWebhookDto, @CurrentUser() user: User) {
    return this.webhooks.create(dto, user);
  }

  @Endpoint('listWebhooks', 'The registered endpoints (admin), without their secrets', { response: WebhookPage, problems: [403] })
  @Get()
  @OrgActionOf('webhooks.manage')
  list(@Query() page: PageQuery) {
    return this.webhooks.list(page.limit, page.offset);
  }

  @Endpoint('deleteWebhook', 'Stop sending to an endpoint (admin); its deliveries stay listed', { status: 204, problems: [403, 404] })
  @Delete(':id')
  @HttpCode(204)
  @OrgActionOf('webhooks.manage')
  async remove(@Param('id', uuidPipe('id')) id: string, @Body(noBodyPipe) _body: object, @CurrentUser() user: User): Promise<void> {
    await this.webhooks.remove(id, user);
  }

  @Endpoint('listWebhookDeliveries', "An endpoint's deliveries, newest first, each with its attempts (admin)", { response: WebhookDeliveryPage, problems: [403, 404] })
  @Get(':id/deliveries')
  @OrgActionOf('webhooks.manage')
  deliveries(@Param('id', uuidPipe('id')) id: string, @Query() page: PageQuery) {
    return this.webhooks.deliveries(id, page.limit, page.offset);
  }
}
