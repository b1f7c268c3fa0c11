import { type Language } from '../../domain/messages/audiences';
import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { Message } from './message.entity';

/** A row a worker may take: waiting, failed before, or held by an attempt whose lease ran out (its worker died). */
const CLAIMABLE = `(status IN ('queued', 'failed') OR (status = 'sending' AND lease_until < now()))`;

/** TypeORM answers an UPDATE … RETURNING with [rows, count]. */
function updatedRows(result: unknown): Array<{ id: string }> {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : []) as Array<{ id: string }>;
}

/** The outbox's SQL: the claim and the ends of an attempt, each one statement on one row. */
/** A buying-center member as a message reaches them: address and language. */
export interface Member {
  id: string;
  name: string;
  email: string;
  language: Language;
}

@Injectable()
export class MessagesQueries {
  /**
   * Takes the message for one attempt under a lease, or answers null when it is not to be sent by
   * this caller: already sent or dead, waiting for approval, or held by another live attempt. One
   * UPDATE with the condition in its WHERE: two workers racing for the row are serialized by its
   * row lock, and the second re-reads the row after the first commits (READ COMMITTED), finds it
   * `sending` with a live lease, and updates nothing.
   */
  async claim(m: EntityManager, id: string, leaseToken: string, leaseSeconds: number): Promise<Message | null> {
    const rows = updatedRows(
      await m.query(
        `UPDATE messages
            SET status = 'sending', attempts = attempts + 1, lease_token = $2, lease_until = now() + make_interval(secs => $3)
          WHERE id = $1 AND ${CLAIMABLE}
          RETURNING id`,
        [id, leaseToken, leaseSeconds],
      ),
    );
    if (rows.length === 0) return null;
    return m.findOneByOrFail(Message, { id });
  }

  /** The attempt succeeded; only the lease holder may say so. false: the lease was lost meanwhile. */
  async markSent(m: EntityManager, id: string, leaseToken: string): Promise<boolean> {
    const rows = updatedRows(
      await m.query(
        `UPDATE messages SET status = 'sent', sent_at = now(), lease_token = NULL, lease_until = NULL, last_error = NULL
          WHERE id = $1 AND lease_token = $2 RETURNING id`,
        [id, leaseToken],
      ),
    );
    return rows.length === 1;
  }

  /** The attempt failed: `failed` (pg-boss retries later) or `dead` (no retry left). */
  async release(m: EntityManager, id: string, leaseToken: string, status: 'failed' | 'dead', error: string): Promise<void> {
    await m.query(
      `UPDATE messages SET status = $3, last_error = $4, lease_token = NULL, lease_until = NULL
        WHERE id = $1 AND lease_token = $2`,
      [id, leaseToken, status, error.slice(0, 2000)],
    );
  }

  /**
   * pg-boss gave up on the job (its last attempt failed or its worker vanished): the message is
   * dead unless it was sent. false: a live attempt still holds it (decided when its lease ends).
   */
  async markDead(m: EntityManager, id: string, reason: string): Promise<boolean> {
    const rows = updatedRows(
      await m.query(
        `UPDATE messages SET status = 'dead', last_error = coalesce(last_error, $2), lease_token = NULL, lease_until = NULL
          WHERE id = $1 AND ${CLAIMABLE} RETURNING id`,
        [id, reason],
      ),
    );
    if (rows.length === 1) return true;
    const [row] = (await m.query(`SELECT status, lease_until > now() AS leased FROM messages WHERE id = $1`, [id])) as Array<{ status: string; leased: boolean }>;
    return !(row?.status === 'sending' && row.leased);
  }

  /** The case members holding `role`, with their mail addresses (a message to the buying center goes to each). */
  async membersWithRole(m: EntityManager, caseId: string, role: string): Promise<Member[]> {
    return m.query(
      `SELECT u.id, u.name, u.email, u.language FROM case_members cm JOIN users u ON u.id = cm.user_id
        WHERE cm.case_id = $1 AND $2 = ANY(cm.roles) ORDER BY u.name, u.id`,
      [caseId, role],
    );
  }

  /** Every member of the case once, with their mail address (the award goes to the whole buying center). */
  async members(m: EntityManager, caseId: string): Promise<Member[]> {
    return m.query(`SELECT u.id, u.name, u.email, u.language FROM case_members cm JOIN users u ON u.id = cm.user_id WHERE cm.case_id = $1 ORDER BY u.name, u.id`, [caseId]);
  }

  /**
   * The cases in DECISION with a "scores needed" message queued at or before `asked`: where the
   * sweep looks for evaluators to remind.
   */
  async casesAskedForScores(m: EntityManager, asked: Date): Promise<string[]> {
    const rows: Array<{ caseId: string }> = await m.query(
      `SELECT DISTINCT x.case_id AS "caseId" FROM messages x JOIN cases c ON c.id = x.case_id
        WHERE x.kind = 'scores.needed' AND x.created_at <= $1 AND c.stage = 'DECISION'`,
      [asked],
    );
    return rows.map((r) => r.caseId);
  }

  /** Each address (lower-cased) the case's messages of `kind` went to, with when the first was queued. */
  async firstAddressed(m: EntityManager, caseId: string, kind: string): Promise<Map<string, Date>> {
    const rows: Array<{ email: string; first: Date }> = await m.query(
      `SELECT lower(r->>'email') AS email, min(x.created_at) AS first FROM messages x CROSS JOIN LATERAL jsonb_array_elements(x.recipients) r
        WHERE x.case_id = $1 AND x.kind = $2 GROUP BY 1`,
      [caseId, kind],
    );
    return new Map(rows.map((r) => [r.email, r.first]));
  }

  /** Invitations not yet approved for these suppliers on the case: their tokens were just superseded. */
  async dropPendingInvitations(m: EntityManager, caseId: string, supplierIds: string[]): Promise<number> {
    const result = await m.query(
      `DELETE FROM messages WHERE case_id = $1 AND kind = 'rfq.invitation' AND status = 'pending_approval' AND supplier_id = ANY($2) RETURNING id`,
      [caseId, supplierIds],
    );
    return updatedRows(result).length;
  }
}
