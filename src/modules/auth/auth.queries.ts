import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type CaseRole, type Stage } from '../../domain/lifecycle/stages';
import { type AuthUser } from '../../common/auth';

/** The caller by their token, and (when a case was named) the case's stage and the caller's roles on it. */
export interface Caller {
  user: AuthUser;
  /** null: no case asked for, or no such case */
  caseAccess: { stage: Stage; roles: CaseRole[] } | null;
}

/**
 * Every SQL statement of the auth module. Each runs on every authenticated request, so each is
 * one round trip.
 */
@Injectable()
export class AuthQueries {
  /**
   * The guard's one round trip: the user holding this live token and, when `caseId` is given, that
   * case's stage and the user's roles on it. Plain rows, no entity hydration (this runs on every
   * request). null for an unknown or revoked token.
   */
  async caller(m: EntityManager, tokenHash: string, caseId: string | null): Promise<Caller | null> {
    const [row] = await m.query(
      `SELECT u.id, u.name, u.email, u.org_role, u.org_roles, u.executive, u.created_at, c.stage, coalesce(cm.roles, '{}') AS roles
         FROM api_tokens t
         JOIN users u ON u.id = t.user_id
         LEFT JOIN cases c ON c.id = $2::uuid
         LEFT JOIN case_members cm ON cm.case_id = c.id AND cm.user_id = u.id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [tokenHash, caseId],
    );
    if (row === undefined) return null;
    return {
      user: { id: row.id, name: row.name, email: row.email, orgRole: row.org_role, orgRoles: row.org_roles, executive: row.executive, createdAt: row.created_at },
      caseAccess: row.stage === null ? null : { stage: row.stage, roles: row.roles },
    };
  }

  /** The case's stage and the user's roles on it (none: `[]`); null when the case does not exist. */
  async caseAccess(m: EntityManager, caseId: string, userId: string): Promise<{ stage: Stage; roles: CaseRole[] } | null> {
    const [row] = await m.query(
      `SELECT c.stage, coalesce(m.roles, '{}') AS roles
         FROM cases c LEFT JOIN case_members m ON m.case_id = c.id AND m.user_id = $2
        WHERE c.id = $1`,
      [caseId, userId],
    );
    return (row as { stage: Stage; roles: CaseRole[] } | undefined) ?? null;
  }

  /** Whether a live (unexpired) invitation holds this token, by its SHA-256. */
  async invitationLive(m: EntityManager, tokenHash: string): Promise<boolean> {
    const [row] = await m.query(`SELECT 1 FROM invitations WHERE token_hash = $1 AND expires_at > now()`, [tokenHash]);
    return row !== undefined;
  }
}
