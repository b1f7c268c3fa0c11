import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type AuditEvent } from './audit-event.entity';

export type CaseEventTap = (m: EntityManager, event: AuditEvent) => Promise<void>;

/**
 * What other modules attach to the case audit trail: each tap runs inside the transaction that
 * appends the event, after it, so what a tap writes (the webhook outbox) commits or rolls back
 * with the change. A tap that throws fails the change.
 */
@Injectable()
export class AuditTaps {
  private readonly taps: CaseEventTap[] = [];

  onCaseEvent(tap: CaseEventTap): void {
    this.taps.push(tap);
  }

  async caseEvent(m: EntityManager, event: AuditEvent): Promise<void> {
    for (const tap of this.taps) await tap(m, event);
  }
}
