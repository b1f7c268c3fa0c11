import { type EntityManager } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { DomainError } from '../../domain/errors';
import { assertAllowed, type CaseAction } from '../../domain/lifecycle/permissions';
import { Case } from './case.entity';

/**
 * Locks the case row for the rest of the transaction and re-checks the action against the stage
 * it has now: the guard looked before the lock, and another request may have moved the case since.
 */
export async function lockCase(m: EntityManager, access: CaseAccess, action: CaseAction): Promise<Case> {
  const found = await m.findOne(Case, { where: { id: access.caseId }, lock: { mode: 'pessimistic_write' } });
  if (!found) throw new DomainError('NOT_FOUND', 'case not found');
  assertAllowed(action, found.stage, { isAdmin: access.isAdmin, roles: access.roles });
  return found;
}
