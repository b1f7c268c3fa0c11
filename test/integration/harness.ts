import { type Type } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type CaseAccess } from '../../src/common/auth';
import { DomainError, type ErrorCode } from '../../src/domain/errors';
import { type CaseRole, type Stage } from '../../src/domain/lifecycle/stages';
import { User } from '../../src/modules/users/user.entity';
import { startTestApp, type TestApp, type TestUser } from '../setup/test-app';

/**
 * The service tier: the whole application context on a clone of the migrated template database,
 * its services called directly, without HTTP. A case is arranged by the one case builder (through
 * the API, so the rows are exactly what the API writes); the behaviour under test is then a
 * service call, and its result is read from the service or the database.
 */
export interface ServiceTier extends TestApp {
  service<T>(type: Type<T>): T;
  /** the user row the guard would put on the request */
  user(person: Pick<TestUser, 'id'>): Promise<User>;
  /** the case access the guard would hand the controller: the person's roles and the case's stage, unchecked */
  access(caseId: string, person: Pick<TestUser, 'id'>): Promise<CaseAccess>;
  /** runs `work` in a transaction of its own, as a request would */
  tx<T>(work: (m: EntityManager) => Promise<T>): Promise<T>;
}

export async function startServiceTier(options: Parameters<typeof startTestApp>[0] = {}): Promise<ServiceTier> {
  const t = await startTestApp(options);
  return {
    ...t,
    service: (type) => t.app.get(type),
    user: (person) => t.db.getRepository(User).findOneByOrFail({ id: person.id }),
    access: async (caseId, person) => {
      const [row] = await t.db.query(
        `SELECT c.stage, coalesce(m.roles, '{}') AS roles, u.org_role = 'admin' AS "isAdmin"
           FROM cases c JOIN users u ON u.id = $2 LEFT JOIN case_members m ON m.case_id = c.id AND m.user_id = u.id
          WHERE c.id = $1`,
        [caseId, person.id],
      );
      return { caseId, stage: row.stage as Stage, roles: row.roles as CaseRole[], isAdmin: row.isAdmin as boolean };
    },
    tx: (work) => t.db.transaction(work),
  };
}

/** The DomainError a call rejects with; fails the test when it resolves or throws anything else. */
export async function domainError(call: Promise<unknown>, code: ErrorCode): Promise<DomainError> {
  try {
    await call;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    expect({ code: err.code, message: err.message }).toEqual({ code, message: err.message });
    return err;
  }
  throw new Error(`expected a DomainError ${code}, the call succeeded`);
}
