import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { type Page } from '../../common/paging';
import { notFound } from '../../domain/errors';
import { generateSecret } from '../../domain/webhooks/signature';
import { OrgAuditService } from '../audit/org-audit.service';
import { type User } from '../users/user.entity';
import { type CreateWebhookDto } from './dto/webhook.dto';
import { type WebhookAttempt, type WebhookDelivery, WebhookEndpoint } from './webhook.entities';
import { WebhooksQueries } from './webhooks.queries';

const view = (e: WebhookEndpoint) => ({ id: e.id, url: e.url, events: e.events, createdAt: e.createdAt });
export type WebhookView = ReturnType<typeof view>;

const deliveryView = (d: WebhookDelivery, attempts: WebhookAttempt[]) => ({
  id: d.id,
  eventType: d.eventType,
  caseId: d.caseId,
  status: d.status,
  createdAt: d.createdAt,
  deliveredAt: d.deliveredAt,
  lastError: d.lastError,
  attempts: attempts.map((a) => ({ attemptedAt: a.attemptedAt, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
});

/** Admins' webhook endpoints; registering and deleting one is an organization audit event (its URL, never its secret). */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orgAudit: OrgAuditService,
    private readonly queries: WebhooksQueries,
  ) {}

  async create(dto: CreateWebhookDto, user: User): Promise<WebhookView & { secret: string }> {
    return this.dataSource.transaction(async (m) => {
      const secret = dto.secret ?? generateSecret();
      const endpoint = await m.save(m.create(WebhookEndpoint, { url: dto.url, events: [...new Set(dto.events)], secret, createdBy: user.id }));
      await this.orgAudit.append(m, user.id, 'webhook.created', { webhookId: endpoint.id, url: endpoint.url, events: endpoint.events, secretGiven: dto.secret !== undefined });
      return { ...view(endpoint), secret };
    });
  }

  async list(limit: number, offset: number): Promise<Page<WebhookView>> {
    const [items, total] = await this.dataSource
      .getRepository(WebhookEndpoint)
      .findAndCount({ where: { deletedAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' }, take: limit, skip: offset });
    return { items: items.map(view), total };
  }

  async remove(id: string, user: User): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const endpoint = await m.findOne(WebhookEndpoint, { where: { id, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!endpoint) throw notFound('webhook');
      await m.update(WebhookEndpoint, { id }, { deletedAt: new Date() });
      await this.orgAudit.append(m, user.id, 'webhook.deleted', { webhookId: id, url: endpoint.url });
    });
  }

  async deliveries(id: string, limit: number, offset: number) {
    const m = this.dataSource.manager;
    if (!(await m.existsBy(WebhookEndpoint, { id }))) throw notFound('webhook');
    const { items, attempts, total } = await this.queries.deliveries(m, id, limit, offset);
    return { items: items.map((d) => deliveryView(d, attempts.filter((a) => a.deliveryId === d.id))), total };
  }
}
