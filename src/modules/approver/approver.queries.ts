import { type Language } from '../../domain/messages/audiences';
import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type ApprovalNoticeKind } from './entities';

interface Person {
  id: string;
  name: string;
  email: string;
  language: Language;
}

/** Every SQL statement of the approver pages that the entity API does not express simply. */
@Injectable()
export class ApproverQueries {
  /** Records a notice once: false when its key was already there (the sweep ran before, or another instance won). */
  async recordNotice(m: EntityManager, n: { key: string; caseId: string; userId: string; kind: ApprovalNoticeKind; snapshotHash: string }): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO approval_notices (key, case_id, user_id, kind, snapshot_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (key) DO NOTHING RETURNING id`,
      [n.key, n.caseId, n.userId, n.kind, n.snapshotHash],
    );
    return rows.length === 1;
  }

  /** When the signature request for this snapshot went to this approver's turn: null if it never did. */
  async requestedAt(m: EntityManager, caseId: string, approverId: string, snapshotHash: string): Promise<Date | null> {
    const [row] = await m.query(
      `SELECT created_at FROM approval_notices WHERE key = $1`,
      [requestKey(caseId, approverId, snapshotHash)],
    );
    return (row as { created_at: Date } | undefined)?.created_at ?? null;
  }

  /** The person an approver's signature requests go to on `at`: their delegate in a delegation's period, else themselves. */
  async recipient(m: EntityManager, approverId: string, at: Date): Promise<Person & { onBehalfOf: Person | null }> {
    const [row] = await m.query(
      `SELECT a.id, a.name, a.email, a.language, d.id AS "delegateId", d.name AS "delegateName", d.email AS "delegateEmail", d.language AS "delegateLanguage"
         FROM users a
         LEFT JOIN LATERAL (
           SELECT u.id, u.name, u.email, u.language FROM delegations g JOIN users u ON u.id = g.delegate_id
            WHERE g.user_id = a.id AND g.revoked_at IS NULL AND g.starts_at <= $2 AND g.ends_at > $2
            ORDER BY g.created_at DESC LIMIT 1) d ON true
        WHERE a.id = $1`,
      [approverId, at],
    );
    const r = row as Person & { delegateId: string | null; delegateName: string; delegateEmail: string; delegateLanguage: Language };
    const self = { id: r.id, name: r.name, email: r.email, language: r.language };
    return r.delegateId ? { id: r.delegateId, name: r.delegateName, email: r.delegateEmail, language: r.delegateLanguage, onBehalfOf: self } : { ...self, onBehalfOf: null };
  }

  async admins(m: EntityManager): Promise<Person[]> {
    return m.query(`SELECT id, name, email, language FROM users WHERE org_role = 'admin' ORDER BY name, id`);
  }

  /** The case's shortlisted suppliers by name: those a declared conflict can be with. */
  async shortlisted(m: EntityManager, caseId: string): Promise<Array<{ id: string; name: string }>> {
    return m.query(
      `SELECT s.id, s.legal_name AS name FROM shortlist_entries e JOIN suppliers s ON s.id = e.supplier_id
        WHERE e.case_id = $1 AND e.status = 'shortlisted' ORDER BY s.legal_name, s.id`,
      [caseId],
    );
  }

  async supplierName(m: EntityManager, supplierId: string): Promise<string> {
    const [row] = await m.query(`SELECT legal_name FROM suppliers WHERE id = $1`, [supplierId]);
    return (row as { legal_name: string } | undefined)?.legal_name ?? supplierId;
  }

  /** When the request for the user's signature on the case went out (the latest), or null. */
  async waitingSince(m: EntityManager, caseId: string, userId: string): Promise<Date | null> {
    const [row] = await m.query(`SELECT max(created_at) AS at FROM approval_notices WHERE case_id = $1 AND user_id = $2 AND kind = 'request'`, [caseId, userId]);
    return (row as { at: Date | null } | undefined)?.at ?? null;
  }

  /** The signatures the user gave, themselves or as a delegate, newest first. */
  async signedBy(m: EntityManager, userId: string): Promise<Array<{ caseId: string; reference: string; title: string; verdict: 'approve' | 'reject'; at: Date; onBehalfOf: string | null }>> {
    return m.query(
      `SELECT c.id AS "caseId", c.reference, c.title, a.verdict, a.created_at AS at,
              CASE WHEN a.signed_by IS NOT NULL THEN u.name END AS "onBehalfOf"
         FROM approvals a JOIN cases c ON c.id = a.case_id JOIN users u ON u.id = a.approver_id
        WHERE (a.signed_by = $1) OR (a.approver_id = $1 AND a.signed_by IS NULL)
        ORDER BY a.created_at DESC LIMIT 100`,
      [userId],
    );
  }

  /** The approvers of the case who named this user their delegate for `at`. */
  async principals(m: EntityManager, caseId: string, delegateId: string, at: Date): Promise<Array<{ id: string; name: string }>> {
    return m.query(
      `SELECT u.id, u.name FROM delegations d JOIN users u ON u.id = d.user_id
         JOIN case_members cm ON cm.case_id = $1 AND cm.user_id = d.user_id AND 'approver' = ANY (cm.roles)
        WHERE d.delegate_id = $2 AND d.revoked_at IS NULL AND d.starts_at <= $3 AND d.ends_at > $3
        ORDER BY u.name, u.id`,
      [caseId, delegateId, at],
    );
  }

  /** The approvers who named this user their delegate for `at`, on any case. */
  async principalsNow(m: EntityManager, delegateId: string, at: Date): Promise<Array<{ id: string; name: string }>> {
    return m.query(
      `SELECT DISTINCT u.id, u.name FROM delegations d JOIN users u ON u.id = d.user_id
        WHERE d.delegate_id = $1 AND d.revoked_at IS NULL AND d.starts_at <= $2 AND d.ends_at > $2 ORDER BY u.name, u.id`,
      [delegateId, at],
    );
  }

  async isApprover(m: EntityManager, caseId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM case_members WHERE case_id = $1 AND user_id = $2 AND 'approver' = ANY (roles)`, [caseId, userId]);
    return rows.length > 0;
  }

  async casesInApproval(m: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await m.query(`SELECT id FROM cases WHERE stage = 'APPROVAL' ORDER BY updated_at, id`);
    return rows.map((r) => r.id);
  }
}

/** The unique key of a notice: one request, one reminder, one escalation per approver and decision snapshot. */
export function noticeKey(kind: ApprovalNoticeKind, caseId: string, approverId: string, snapshotHash: string): string {
  return `${kind}:${caseId}:${approverId}:${snapshotHash}`;
}

export const requestKey = (caseId: string, approverId: string, snapshotHash: string) => noticeKey('request', caseId, approverId, snapshotHash);
