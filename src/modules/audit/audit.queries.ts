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
}
