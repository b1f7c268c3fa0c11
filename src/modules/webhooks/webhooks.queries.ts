import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { WebhookAttempt, WebhookDelivery } from './webhook.entities';

const CLAIMABLE = `(d.status IN ('queued', 'failed') OR (d.status = 'sending' AND d.lease_until < now()))`;

export interface ClaimedDelivery {
  id: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
  endpointDeleted: boolean;
}

/** TypeORM answers an UPDATE … RETURNING with [rows, count]. */
function updated<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : []) as T[];
}

/** The webhook SQL: the claim and the ends of an attempt (one statement on one row each), and the deliveries' listing. */
@Injectable()
export class WebhooksQueries {
  /**
   * Takes the delivery for one attempt under a lease, or null: delivered, dead, or held by a live
   * attempt. As for mail (MessagesQueries.claim), the condition sits in the UPDATE's WHERE, so two
   * workers holding jobs for one row are serialized by its row lock and one of them claims it.
   */
  async claim(m: EntityManager, id: string, leaseToken: string, leaseSeconds: number): Promise<ClaimedDelivery | null> {
    const rows = updated<ClaimedDelivery>(
      await m.query(
        `UPDATE webhook_deliveries d
            SET status = 'sending', attempts = d.attempts + 1, lease_token = $2, lease_until = now() + make_interval(secs => $3)
           FROM webhook_endpoints e
          WHERE d.id = $1 AND e.id = d.endpoint_id AND ${CLAIMABLE}
          RETURNING d.id, d.body, d.attempts, e.url, e.secret, e.deleted_at IS NOT NULL AS "endpointDeleted"`,
        [id, leaseToken, leaseSeconds],
      ),
    );
    return rows[0] ?? null;
  }

  /** One attempt's outcome, recorded by the lease holder: delivered, failed (a retry follows) or dead. */
  async finish(
    m: EntityManager,
    id: string,
    leaseToken: string,
    outcome: { status: 'delivered' | 'failed' | 'dead'; statusCode: number | null; error: string | null; durationMs: number },
  ): Promise<void> {
    await m.insert(WebhookAttempt, { deliveryId: id, statusCode: outcome.statusCode, error: outcome.error?.slice(0, 2000) ?? null, durationMs: outcome.durationMs });
    await m.query(
      `UPDATE webhook_deliveries
          SET status = $3, last_error = $4, lease_token = NULL, lease_until = NULL, delivered_at = CASE WHEN $3 = 'delivered' THEN now() END
        WHERE id = $1 AND lease_token = $2`,
      [id, leaseToken, outcome.status, outcome.error?.slice(0, 2000) ?? null],
    );
  }

  /** pg-boss gave up on the job: the delivery is dead unless it was delivered or a live attempt still holds it. */
  async markDead(m: EntityManager, id: string, reason: string): Promise<boolean> {
    const rows = updated<{ id: string }>(
      await m.query(
        `UPDATE webhook_deliveries SET status = 'dead', last_error = coalesce(last_error, $2), lease_token = NULL, lease_until = NULL
          WHERE id = $1 AND (status IN ('queued', 'failed') OR (status = 'sending' AND lease_until < now()))
          RETURNING id`,
        [id, reason],
      ),
    );
    if (rows.length === 1) return true;
    const [row] = await m.query(`SELECT status FROM webhook_deliveries WHERE id = $1`, [id]);
    return !row || row.status !== 'sending';
  }

  async deliveries(m: EntityManager, endpointId: string, limit: number, offset: number) {
    const [items, total] = await m.findAndCount(WebhookDelivery, { where: { endpointId }, order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
    const attempts = items.length
      ? await m.find(WebhookAttempt, { where: { deliveryId: In(items.map((d) => d.id)) }, order: { id: 'ASC' } })
      : [];
    return { items, attempts, total };
  }
}
