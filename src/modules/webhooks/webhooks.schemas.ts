import { WEBHOOK_EVENTS } from '../../domain/webhooks/events';
import { type Answer, array, component, count, dateTime, described, nullable, object, oneOf, page, string, uuid } from '../../openapi/schema';
import type { WebhooksController } from './webhooks.controller';

type Created = Answer<WebhooksController, 'create'>;
type Listed = Answer<WebhooksController, 'list'>['items'][number];
type Delivery = Answer<WebhooksController, 'deliveries'>['items'][number];

const events = array(oneOf(WEBHOOK_EVENTS));

export const WebhookCreated = component(
  'WebhookCreated',
  object<Created>({ id: uuid, url: string, events, createdAt: dateTime, secret: described(string, 'the signing secret (whsec_…): shown only here') }),
);

export const WebhookPage = component('WebhookPage', page(object<Listed>({ id: uuid, url: string, events, createdAt: dateTime })));

export const WebhookDeliveryPage = component(
  'WebhookDeliveryPage',
  page(
    object<Delivery>({
      id: described(string, 'the webhook-id every attempt carries'),
      eventType: oneOf(WEBHOOK_EVENTS),
      caseId: nullable(uuid),
      status: described(oneOf(['queued', 'sending', 'delivered', 'failed', 'dead'] as const), 'failed: a retry is scheduled; dead: retries spent or the endpoint deleted'),
      createdAt: dateTime,
      deliveredAt: nullable(dateTime),
      lastError: nullable(string),
      attempts: array(
        object<Delivery['attempts'][number]>({
          attemptedAt: dateTime,
          statusCode: described(nullable(count(100)), 'null: no answer (refused, timed out)'),
          error: nullable(string),
          durationMs: count(),
        }),
      ),
    }),
  ),
);

export const webhooksSchemas = [WebhookCreated, WebhookPage, WebhookDeliveryPage];
