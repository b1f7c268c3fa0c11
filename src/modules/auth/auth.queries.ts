import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type CaseRole, type Stage } from '../../domain/lifecycle/stages';
import { type AuthUser } from '../../common/auth';
import { preparedQuery } from '../../database/prepared-query';

/** The caller by their token, and (when a case was named) the case's stage and the caller's roles on it. */
export interface Caller {
  user: AuthUser;
  /** null: no case asked for, or no such case */
  caseAccess: { stage: Stage; roles: CaseRole[] } | null;
}

/** The guard's read: the caller, and in how many milliseconds (by the database's clock) their access to the case changes by itself (null: it does not). */
export interface CallerRead extends Caller {
  boundaryMs: number | null;
}

/** The guard's row: the user's columns, the case's stage (null: no case asked for, or none) and the caller's roles on it. */
interface CallerRow {
  id: string;
  name: string;
  email: string;
  org_role: AuthUser['orgRole'];
  org_roles: AuthUser['orgRoles'];
  executive: boolean;
  created_at: Date;
  stage: Stage | null;
  roles: CaseRole[];
  boundary_ms: number | null;
}

/**
 * A delegate holds the approver role on the cases of the approvers who named them, while the
 * delegation's period lasts (README "Approver pages"): the same permission table then decides.
 */
const DELEGATED_APPROVER = `CASE WHEN NOT 'approver' = ANY (coalesce(cm.roles, '{}')) AND EXISTS (
           SELECT 1 FROM delegations d JOIN case_members a ON a.case_id = c.id AND a.user_id = d.user_id AND 'approver' = ANY (a.roles)
            WHERE d.delegate_id = u.id AND d.revoked_at IS NULL AND d.starts_at <= now() AND d.ends_at > now())
         THEN '{approver}'::text[] ELSE '{}'::text[] END`;

/**
 * The next instant DELEGATED_APPROVER's answer can change by the clock alone, in milliseconds from
 * now: the start of a delegation still to come, or the end of one running, among the caller's
 * delegations from an approver of the case (the guard's cache keeps its answer no longer).
 */
const DELEGATION_BOUNDARY_MS = `(SELECT (extract(epoch FROM min(CASE WHEN d.starts_at > now() THEN d.starts_at ELSE d.ends_at END) - now()) * 1000)::float8
           FROM delegations d JOIN case_members a ON a.case_id = c.id AND a.user_id = d.user_id AND 'approver' = ANY (a.roles)
          WHERE d.delegate_id = u.id AND d.revoked_at IS NULL AND d.ends_at > now())`;

/** How the caller proves who they are: an API token, or the approver pages' session cookie; each by its SHA-256. */
export interface Credential {
  kind: 'token' | 'session';
  hash: string;
}

const CREDENTIALS: Record<Credential['kind'], { table: string; live: string }> = {
  token: { table: 'api_tokens', live: 't.revoked_at IS NULL' },
  session: { table: 'web_sessions', live: 't.expires_at > now()' },
};

/**
 * Every SQL statement of the auth module. Each runs on every authenticated request, so each is
 * one round trip.
 */
@Injectable()
export class AuthQueries {
  /**
   * The guard's one round trip: the user holding this live token (or approver-pages session) and, when `caseId` is given, that
   * case's stage and the user's roles on it. Plain rows, no entity hydration (this runs on every
   * request). null for an unknown or revoked token. `boundaryMs`: see DELEGATION_BOUNDARY_MS.
   */
  async caller(m: EntityManager, credential: Credential, caseId: string | null): Promise<CallerRead | null> {
    const { table, live } = CREDENTIALS[credential.kind];
    const text = `SELECT u.id, u.name, u.email, u.org_role, u.org_roles, u.executive, u.created_at, c.stage,
              coalesce(cm.roles, '{}') || ${DELEGATED_APPROVER} AS roles, ${DELEGATION_BOUNDARY_MS} AS boundary_ms
         FROM ${table} t
         JOIN users u ON u.id = t.user_id
         LEFT JOIN cases c ON c.id = $2::uuid
         LEFT JOIN case_members cm ON cm.case_id = c.id AND cm.user_id = u.id
        WHERE t.token_hash = $1 AND ${live}`;
    // outside a transaction (the guard's read) a prepared statement, planned once per connection
    const [row] = (m.queryRunner === undefined ? await preparedQuery(m.connection, text, [credential.hash, caseId]) : await m.query(text, [credential.hash, caseId])) as CallerRow[];
    if (row === undefined) return null;
    return {
      user: { id: row.id, name: row.name, email: row.email, orgRole: row.org_role, orgRoles: row.org_roles, executive: row.executive, createdAt: row.created_at },
      caseAccess: row.stage === null ? null : { stage: row.stage, roles: row.roles },
      boundaryMs: row.boundary_ms,
    };
  }

  /** The user of this live (unexpired) approver-pages session, by the cookie value's SHA-256. */
  async userBySessionHash(m: EntityManager, tokenHash: string): Promise<AuthUser | null> {
    return (await this.caller(m, { kind: 'session', hash: tokenHash }, null))?.user ?? null;
  }

  /** The case's stage and the user's roles on it (none: `[]`); null when the case does not exist. */
  async caseAccess(m: EntityManager, caseId: string, userId: string): Promise<{ stage: Stage; roles: CaseRole[] } | null> {
    const [row] = await m.query(
      `SELECT c.stage, coalesce(cm.roles, '{}') || ${DELEGATED_APPROVER} AS roles
         FROM cases c CROSS JOIN (SELECT $2::uuid AS id) u LEFT JOIN case_members cm ON cm.case_id = c.id AND cm.user_id = u.id
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
