import { type RetryPolicy, TransactionalQueue } from '../messages/delivery-queue';

/** The webhook delivery queue and its dead-letter queue, created by the Webhooks migration. */
export const WEBHOOK_QUEUE = 'webhook-deliver';
export const WEBHOOK_DEAD_QUEUE = 'webhook-dead';

export interface WebhookJob {
  deliveryId: string;
}

/** A delivery's job, written in the change's transaction; a retry carries the same row, so the same `webhook-id`. */
export class WebhookQueue extends TransactionalQueue<WebhookJob> {
  constructor(policy: RetryPolicy) {
    super(WEBHOOK_QUEUE, policy);
  }
}
