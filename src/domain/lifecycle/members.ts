import { CASE_ROLES, type CaseRole } from './stages';

/** What a change to a member's roles does: the roles they end with, and those added and removed. */
export interface RoleChange {
  roles: CaseRole[];
  added: CaseRole[];
  removed: CaseRole[];
}

const ordered = (roles: Iterable<CaseRole>): CaseRole[] => {
  const set = new Set(roles);
  return CASE_ROLES.filter((r) => set.has(r));
};

/**
 * `add` merges the wanted roles into those held (re-adding a member never takes a role away);
 * `replace` makes them exactly the wanted ones. `previous` null: not a member yet. Roles come in
 * the table's order.
 */
export function changeRoles(previous: readonly CaseRole[] | null, wanted: readonly CaseRole[], mode: 'add' | 'replace'): RoleChange {
  const held = previous ?? [];
  const roles = ordered(mode === 'add' ? [...held, ...wanted] : wanted);
  return { roles, added: roles.filter((r) => !held.includes(r)), removed: held.filter((r) => !roles.includes(r)) };
}

export const unchanged = (change: RoleChange): boolean => change.added.length === 0 && change.removed.length === 0;
