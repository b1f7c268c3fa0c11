import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ArrayContains, type EntityManager, IsNull } from 'typeorm';
import { envelope, type WebhookMessage, WEBHOOK_RETRY } from '../../domain/webhooks/events';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messages/messaging.options';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entities';
import { WebhookQueue } from './webhook-queue';

/**
 * The webhook outbox: one delivery row (and its job) per endpoint subscribed to the event, written
 * with the caller's manager, so in the transaction of the change itself. The body is fixed here:
 * every attempt sends (and signs) the same bytes under the same `webhook-id`.
 */
@Injectable()
export class WebhookOutbox {
  private readonly queue: WebhookQueue;

  constructor(@Inject(MESSAGING_OPTIONS) options: MessagingOptions) {
    this.queue = new WebhookQueue({ retryLimit: WEBHOOK_RETRY.limit, retryDelaySeconds: options.retryDelaySeconds, leaseSeconds: options.leaseSeconds });
  }

  async publish(m: EntityManager, message: WebhookMessage, caseId: string | null): Promise<void> {
    const endpoints = await m.find(WebhookEndpoint, { select: { id: true }, where: { deletedAt: IsNull(), events: ArrayContains([message.type]) } });
    if (endpoints.length === 0) return;
    const body = envelope(message, new Date());
    for (const endpoint of endpoints) {
      const id = `msg_${randomUUID().replace(/-/g, '')}`;
      await m.insert(WebhookDelivery, { id, endpointId: endpoint.id, eventType: message.type, caseId, body, status: 'queued' });
      await this.queue.send(m, { deliveryId: id });
    }
  }
}
