import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { OrgAuditEvent } from './org-audit-event.entity';

/** An audit event as the report's digest lists it. */
export interface RecentEvent {
  seq: number;
  at: Date;
  actor: string;
  action: string;
}

/** Every SQL statement of the audit module (appending and verifying go through the entity). */
@Injectable()
export class AuditQueries {
  /** The case's latest `limit` events, newest first, each with its actor's name ('system' when no user acted). */
  async recent(m: EntityManager, caseId: string, limit: number): Promise<RecentEvent[]> {
    return m.query(
      `SELECT e.seq, e.created_at AS at, coalesce(u.name, 'system') AS actor, e.action
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.case_id = $1 ORDER BY e.seq DESC LIMIT $2`,
      [caseId, limit],
    );
  }

  /**
   * Takes the organization trail's append lock (a transaction-scoped advisory lock: the trail has
   * no row to lock before its first event) and reads its head.
   */
  async lockOrgHead(m: EntityManager): Promise<Pick<OrgAuditEvent, 'seq' | 'hash'> | null> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('org_audit_events'))`);
    return m.findOne(OrgAuditEvent, { select: { seq: true, hash: true }, where: {}, order: { seq: 'DESC' } });
  }

  /** Moves the case's audit head (on the case row, locked by the caller) to the event just appended. */
  async setCaseHead(m: EntityManager, caseId: string, seq: number, hash: string): Promise<void> {
    await m.query(`UPDATE cases SET audit_seq = $2, audit_hash = $3 WHERE id = $1`, [caseId, seq, hash]);
  }

  /** How many events the case's chain holds, and its last event's sequence number and hash, as stored. */
  async storedTail(m: EntityManager, caseId: string): Promise<{ events: number; seq: number | null; hash: string | null }> {
    const [tail] = await m.query(
      `SELECT (SELECT count(*)::int FROM audit_events WHERE case_id = $1) AS events, last.seq, last.hash
         FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT seq, hash FROM audit_events WHERE case_id = $1 ORDER BY seq DESC LIMIT 1) last ON true`,
      [caseId],
    );
    return tail;
  }

  /** The head the case row carries, and the last one the organization trail linked for it. */
  async caseHeads(m: EntityManager, caseId: string): Promise<{ row: { seq: number; hash: string } | null; linked: { seq: number; hash: string } | null }> {
    const [row] = await m.query(`SELECT audit_seq AS seq, audit_hash AS hash FROM cases WHERE id = $1`, [caseId]);
    const [linked] = await m.query(
      `SELECT (data->>'seq')::int AS seq, data->>'hash' AS hash FROM org_audit_events
        WHERE action = 'case.head' AND data->>'caseId' = $1 ORDER BY seq DESC LIMIT 1`,
      [caseId],
    );
    return { row: row ?? null, linked: linked ?? null };
  }

  /** Every case id, oldest first (the organization-wide verification walks them all). */
  async caseIds(m: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await m.query(`SELECT id FROM cases ORDER BY created_at, id`);
    return rows.map((r) => r.id);
  }
}
