/**
 * The events a webhook endpoint may subscribe to, and the thin payload of each (README "Webhooks"):
 * ids, stages and an award's amount, never what an offer or a score says. Each payload is built by
 * picking named fields, so a fact added to an audit event later never leaks by itself.
 */
export const WEBHOOK_EVENTS = ['case.stage_changed', 'case.awarded', 'round.closed', 'approval.signed', 'report.stored', 'supplier.blocked'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookMessage {
  type: WebhookEvent;
  data: Record<string, string | number | null>;
}

type Facts = Record<string, unknown>;
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const whole = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** The webhook message a case's audit event gives, if any: the audit trail is where every case change is recorded. */
export function fromCaseEvent(caseId: string, action: string, data: Facts): WebhookMessage | null {
  switch (action) {
    case 'case.transition':
      return { type: 'case.stage_changed', data: { caseId, from: text(data.from), to: text(data.to) } };
    case 'case.awarded':
      return { type: 'case.awarded', data: { caseId, supplierId: text(data.supplierId), amount: text(data.amount), currency: text(data.currency) } };
    case 'round.closed':
      return { type: 'round.closed', data: { caseId, round: whole(data.number), closedBy: text(data.closedBy) } };
    case 'approval.approve':
    case 'approval.reject':
      return {
        type: 'approval.signed',
        data: { caseId, approvalId: text(data.approvalId), decisionId: text(data.decisionId), verdict: action === 'approval.approve' ? 'approve' : 'reject' },
      };
    case 'report.stored':
      return { type: 'report.stored', data: { caseId, lang: text(data.lang), sha256: text(data.sha256) } };
    default:
      return null;
  }
}

export function supplierBlocked(supplierId: string): WebhookMessage {
  return { type: 'supplier.blocked', data: { supplierId } };
}

/** The body every delivery carries (Standard Webhooks' recommended shape: type, timestamp, data). */
export function envelope(message: WebhookMessage, at: Date): string {
  return JSON.stringify({ type: message.type, timestamp: at.toISOString(), data: message.data });
}

/** Exponential backoff of the retries, as pg-boss applies it (retryBackoff): about delay × 2^(n−1) before retry n. */
export const WEBHOOK_RETRY = { limit: 8, delaySeconds: 30 } as const;
