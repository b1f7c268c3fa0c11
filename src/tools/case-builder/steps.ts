import { randomBytes } from 'node:crypto';
import { CASE_ROLE_NEEDS, ORG_ROLES, type OrgRole } from '../../domain/lifecycle/permissions';
import { type CaseRole, type Stage } from '../../domain/lifecycle/stages';
import { type ApiClient } from './api-client';
import { type PersonPlan } from './defaults';

/** A user of the service with a token of their own. */
export interface Person {
  key: string;
  id: string;
  name: string;
  email: string;
  token: string;
  /** the header to act as them: `request.set(person.auth)` */
  auth: { Authorization: string };
}

export interface Certification {
  name: string;
  issuedOn: string;
  expiresOn: string;
}

/** A delivery or an incident for `POST /suppliers/:id/performance`. */
export type PerformanceEvent =
  | { type: 'delivery'; date: string; onTime: boolean; inFull: boolean; caseId?: string }
  | { type: 'incident'; date: string; severity: 'minor' | 'major' | 'critical'; description: string };

/** A registry supplier to create (or, with `id`, one that exists already), by the key the plan refers to it with. */
export interface SupplierPlan {
  key: string;
  id?: string;
  legalName?: string;
  taxId?: string;
  country?: string;
  categories?: string[];
  contacts?: Array<{ name: string; email: string; phone?: string; roles?: string[]; language?: string }>;
  certifications?: Certification[];
  financialRisk?: number;
  /** recorded in order by the admin after the supplier is created */
  performance?: PerformanceEvent[];
}

export interface BuiltSupplier {
  key: string;
  id: string;
  name: string;
}

let counter = 0;
/** Unique enough for names, e-mail addresses and tax ids within one database. */
export const unique = (): string => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

/**
 * `POST /users` with `withToken: true` as the admin: one call for the user and their first token.
 * Their organization roles are the plan's, or those their case roles need (a buyer or initiator:
 * procurement; an approver: approver).
 */
export async function createPerson(api: ApiClient, adminToken: string, plan: Omit<PersonPlan, 'roles'> & { roles?: PersonPlan['roles'] }): Promise<Person> {
  const slug = plan.name.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '');
  const email = `${slug || 'user'}.${unique()}@example.com`;
  const user = await api.post<{ id: string; token: { token: string } }>('/users', adminToken, {
    name: plan.name,
    email,
    orgRole: plan.admin ? 'admin' : 'member',
    orgRoles: plan.orgRoles ?? orgRolesFor(plan.roles ?? []),
    executive: plan.executive ?? false,
    withToken: true,
  });
  const { token } = user.token;
  return { key: plan.key, id: user.id, name: plan.name, email, token, auth: { Authorization: `Bearer ${token}` } };
}

/** The organization roles that let someone hold these case roles. */
export function orgRolesFor(roles: readonly CaseRole[]): OrgRole[] {
  const needed = new Set<OrgRole>(roles.flatMap((r) => CASE_ROLE_NEEDS[r] ?? []));
  return ORG_ROLES.filter((r) => needed.has(r));
}

/** `POST /suppliers` (with a tax id no one else uses unless the plan gives one) and its performance record. */
export async function createSupplier(api: ApiClient, adminToken: string, plan: SupplierPlan, category: string): Promise<BuiltSupplier> {
  if (plan.id) {
    const existing = await api.get<{ id: string; legalName: string }>(`/suppliers/${plan.id}`, adminToken);
    return { key: plan.key, id: existing.id, name: existing.legalName };
  }
  const country = plan.country ?? 'DE';
  const created = await api.post<{ id: string; legalName: string }>('/suppliers', adminToken, {
    legalName: plan.legalName ?? `Supplier ${plan.key} ${unique()}`,
    taxId: plan.taxId ?? `${country}${randomBytes(5).toString('hex').toUpperCase()}`,
    country,
    categories: plan.categories ?? [category],
    ...(plan.contacts ? { contacts: plan.contacts } : {}),
    certifications: plan.certifications ?? [],
    financialRisk: plan.financialRisk ?? 0.2,
  });
  for (const event of plan.performance ?? []) await api.post(`/suppliers/${created.id}/performance`, adminToken, event);
  return { key: plan.key, id: created.id, name: created.legalName };
}

/** `POST /cases/:id/transitions`; returns the stage the case is in afterwards (a straight rebuy may skip one). */
export async function transition(api: ApiClient, caseId: string, token: string, to: Stage, reason?: string): Promise<Stage> {
  const moved = await api.post<{ stage: Stage }>(`/cases/${caseId}/transitions`, token, reason === undefined ? { to } : { to, reason });
  return moved.stage;
}

export interface Proposal {
  id: string;
  supplierId: string;
  snapshotHash: string;
  override: boolean;
}

/** The decider proposes `supplierId`, or the top of `GET /matrix` when none is named. */
export async function propose(api: ApiClient, caseId: string, deciderToken: string, justification: string, supplierId?: string): Promise<Proposal> {
  const chosen = supplierId ?? (await api.get<{ ranking: Array<{ supplierId: string }> }>(`/cases/${caseId}/matrix`, deciderToken)).ranking[0].supplierId;
  return api.post<Proposal>(`/cases/${caseId}/decision`, deciderToken, { supplierId: chosen, justification });
}
