import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type CaseRole, type Stage } from '../../domain/lifecycle/stages';
import { ApiToken, User } from '../users/user.entity';

/**
 * Every SQL statement of the auth module. Each runs on every authenticated request, so each is
 * one round trip.
 */
@Injectable()
export class AuthQueries {
  /** The user holding this live (not revoked) token, by the token's SHA-256; null for an unknown or revoked token. */
  async userByTokenHash(m: EntityManager, tokenHash: string): Promise<User | null> {
    return m
      .createQueryBuilder(User, 'u')
      .innerJoin(ApiToken, 't', 't.user_id = u.id')
      .where('t.token_hash = :tokenHash AND t.revoked_at IS NULL', { tokenHash })
      .getOne();
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
}
