import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { fromCaseEvent } from '../../domain/webhooks/events';
import { AuditTaps } from '../audit/audit-taps';
import { WebhookOutbox } from './webhook-outbox';
import { WebhookWorkerHost } from './webhook-worker.host';
import { WebhooksController } from './webhooks.controller';
import { WebhooksQueries } from './webhooks.queries';
import { WebhooksService } from './webhooks.service';

/**
 * Webhooks (README "Webhooks"): every case audit event that is also a webhook event writes its
 * deliveries in the same transaction (the audit trail is where every case change is recorded);
 * the registry's `supplier.blocked` is published by the suppliers service.
 */
@Global()
@Module({
  controllers: [WebhooksController],
  providers: [WebhookOutbox, WebhooksQueries, WebhooksService, WebhookWorkerHost],
  exports: [WebhookOutbox],
})
export class WebhooksModule implements OnModuleInit {
  constructor(
    private readonly taps: AuditTaps,
    private readonly outbox: WebhookOutbox,
  ) {}

  onModuleInit(): void {
    this.taps.onCaseEvent(async (m, event) => {
      const message = fromCaseEvent(event.caseId, event.action, event.data as Record<string, unknown>);
      if (message) await this.outbox.publish(m, message, event.caseId);
    });
  }
}
