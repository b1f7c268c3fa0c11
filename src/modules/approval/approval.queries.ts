import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type ApproverOnCase } from '../../domain/approval/segregation';
import { Case } from '../cases/case.entity';
import { type Approval } from './approval.entity';

/** A member of the buying center holding the approver role, with what segregation of duties reads. */
export interface Approver extends ApproverOnCase {
  name: string;
  executive: boolean;
}

/** A signature with its approver's name and executive flag. */
export type ApprovalWithApprover = Pick<
  Approval,
  'id' | 'approverId' | 'verdict' | 'comment' | 'returnTo' | 'snapshotHash' | 'createdAt' | 'lapsedAt' | 'decisionId'
> & { approverName: string; executive: boolean; signedByName: string | null };

/** What segregation of duties reads of a person `u` on case `c` (member row `cm`, possibly absent): raised the case, ran the negotiation, declared a conflict that bars them. */
const SEGREGATION_FACTS = `(c.created_by = u.id OR 'initiator' = ANY (coalesce(cm.roles, '{}'))) AS initiator,
              EXISTS (SELECT 1 FROM negotiation_rounds r
                       WHERE r.case_id = c.id
                         AND (r.opened_by = u.id OR r.closed_by = u.id
                              OR EXISTS (SELECT 1 FROM offers o WHERE o.round_id = r.id AND o.submitted_by = u.id))) AS "actedAsBuyer",
              EXISTS (SELECT 1 FROM conflict_declarations d
                        JOIN shortlist_entries s ON s.case_id = d.case_id AND s.supplier_id = d.supplier_id AND s.status = 'shortlisted'
                       WHERE d.case_id = c.id AND d.user_id = u.id AND d.conflict) AS conflicted`;

/** Every SQL statement of the approval module; signatures and proposals are written through the Approval and Decision entities. */
@Injectable()
export class ApprovalQueries {
  /**
   * The case's approvers by name, each with whether they ran the negotiation (opened or closed a
   * round, or recorded an offer) — a buyer in fact even after giving the role up.
   */
  async approvers(m: EntityManager, caseId: string): Promise<Approver[]> {
    return m.query(
      `SELECT u.id AS "userId", u.name, u.executive, cm.roles, ${SEGREGATION_FACTS}
         FROM case_members cm JOIN users u ON u.id = cm.user_id JOIN cases c ON c.id = cm.case_id
        WHERE cm.case_id = $1 AND 'approver' = ANY (cm.roles)
        ORDER BY u.name`,
      [caseId],
    );
  }

  /**
   * A delegate as segregation of duties reads them on the case (README "Approver pages"): their own
   * roles there, if any, plus the approver role they sign with.
   */
  async delegate(m: EntityManager, caseId: string, userId: string): Promise<Approver> {
    const [row] = await m.query(
      `SELECT u.id AS "userId", u.name, u.executive, array_append(coalesce(cm.roles, '{}'), 'approver') AS roles, ${SEGREGATION_FACTS}
         FROM users u JOIN cases c ON c.id = $1 LEFT JOIN case_members cm ON cm.case_id = c.id AND cm.user_id = u.id
        WHERE u.id = $2`,
      [caseId, userId],
    );
    return row as Approver;
  }

  /** Whether `delegateId` signs for `userId` now (a delegation in its period, not revoked). */
  async delegationActive(m: EntityManager, userId: string, delegateId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM delegations WHERE user_id = $1 AND delegate_id = $2 AND revoked_at IS NULL AND starts_at <= now() AND ends_at > now()`,
      [userId, delegateId],
    );
    return rows.length > 0;
  }

  /** Every signature on the case, lapsed or not, in the order given. */
  async approvals(m: EntityManager, caseId: string): Promise<ApprovalWithApprover[]> {
    return m.query(
      `SELECT a.id, a.approver_id AS "approverId", u.name AS "approverName", u.executive, a.verdict, a.comment,
              (SELECT d.name FROM users d WHERE d.id = a.signed_by) AS "signedByName",
              a.return_to AS "returnTo", a.snapshot_hash AS "snapshotHash", a.created_at AS "createdAt", a.lapsed_at AS "lapsedAt",
              a.decision_id AS "decisionId"
         FROM approvals a JOIN users u ON u.id = a.approver_id
        WHERE a.case_id = $1 ORDER BY a.created_at, a.id`,
      [caseId],
    );
  }

  /** The cases in APPROVAL where the user holds the approver role, longest waiting first. */
  async casesAwaiting(m: EntityManager, userId: string): Promise<Case[]> {
    return m
      .getRepository(Case)
      .createQueryBuilder('c')
      .where(`c.stage = 'APPROVAL'`)
      .andWhere(`EXISTS (SELECT 1 FROM case_members cm WHERE cm.case_id = c.id AND cm.user_id = :userId AND 'approver' = ANY (cm.roles))`, {
        userId,
      })
      .orderBy('c.updated_at', 'ASC')
      .getMany();
  }
}
