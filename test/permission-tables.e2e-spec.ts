import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { AUTH_METADATA } from '../src/common/auth';
import {
  authorize,
  type CaseAction,
  ORG_PERMISSIONS,
  ORG_ROLES,
  type OrgAction,
  orgAllowed,
  type OrgRole,
  PERMISSIONS,
} from '../src/domain/lifecycle/permissions';
import { type CaseRole, CASE_ROLES, type Stage, STAGES } from '../src/domain/lifecycle/stages';
import { type BuiltCase, type CaseBuilder } from '../src/tools/case-builder';
import { type Milestone } from '../src/tools/case-builder/plan';
import { orgRolesFor } from '../src/tools/case-builder/steps';
import { createUser } from './factories';
import { startTestApp, type TestApp, type TestUser } from './setup/test-app';

/**
 * Issue 14, "a role × action spec generated from both permission tables": every route of the app,
 * found through Nest's own metadata, is tried by every case role, an admin and an outsider (case
 * table) or by every organization role, an admin and a member with none (organization table), and
 * each answer is what the table says — allowed or refused, both ways — with the stage checked too:
 * a role that may act is refused at a stage where the action is closed.
 *
 * A probe changes nothing: a write carries the body `{"__proto__": 1}`, which the body check
 * refuses (400, field `__proto__`) only once the guard has let the request through, so "allowed"
 * is seen before any handler runs; a read is simply read.
 */
interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  caseAction?: CaseAction;
  orgAction?: OrgAction;
  isPublic: boolean;
}

const VERBS: Partial<Record<RequestMethod, Route['method']>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

/** Every handler of every controller, with the action its decorators declare. */
function routesOf(t: TestApp): Route[] {
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const verb = VERBS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const own = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (!verb || own === undefined) continue;
        const joined = `/${[base, own].map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
        const read = <T>(key: string): T | undefined => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        routes.push({
          method: verb,
          // the health check and the approver pages (HTML) sit outside the API's prefix
          path: joined.startsWith('/health') || joined.startsWith('/approve') ? joined : `/api/v1${joined}`,
          caseAction: read<CaseAction>(AUTH_METADATA.caseAction),
          orgAction: read<OrgAction>(AUTH_METADATA.orgAction),
          isPublic: read<boolean>(AUTH_METADATA.public) === true,
        });
      }
    }
  }
  return routes;
}

/**
 * Routes that any signed-in user may call: reads of what the whole organization shares (the
 * policy, the supplier registry and its record) and lists each user's own rules narrow (the cases
 * they have a part in, the approvals awaiting them). Listed so that a new route with no table
 * entry fails here until someone decides which it is.
 */
const SIGNED_IN_ONLY = new Set([
  'get /api/v1/policy',
  'get /api/v1/cases',
  'get /api/v1/suppliers',
  'get /api/v1/suppliers/:id',
  'get /api/v1/suppliers/:id/performance',
  'get /api/v1/suppliers/:id/reliability',
  'get /api/v1/approvals/pending',
  'get /approve',
]);

/**
 * Case actions a service decides by hand, on a route of the organization table: a delivery or
 * incident recorded against a case (`caseId` in the body) needs `performance.record` on that case
 * besides `performance.write`. Tried with a real body, so the one allowed probe records an event.
 */
const SERVICE_CHECKED = { action: 'performance.record', orgAction: 'performance.write', path: '/api/v1/suppliers/:id/performance' } as const;

const CSV_ROUTES = new Set(['/api/v1/suppliers/import', '/api/v1/suppliers/performance/import']);

/** The walk's stages, in order, and the milestone that reaches each (CANCELLED: a second case). */
const WALK: Array<[Stage, Milestone]> = [
  ['NEED', 'NEED'],
  ['SPECIFICATION', 'SPECIFICATION'],
  ['SHORTLISTING', 'SHORTLISTING'],
  ['NEGOTIATION', 'NEGOTIATION'],
  ['DECISION', 'DECISION'],
  ['APPROVAL', 'APPROVAL'],
  ['AWARDED', 'AWARDED'],
];

/** Who holds each case role in the builder's default buying center (one role each). */
const HOLDER: Record<CaseRole, string> = {
  initiator: 'initiator',
  prescriber: 'prescriber',
  buyer: 'buyer',
  evaluator: 'evaluator',
  gatekeeper: 'gatekeeper',
  decider: 'decider',
  approver: 'approver',
};

type Outcome = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'STAGE_NOT_ALLOWED' | 'CASE_READ_ONLY';

describe('both permission tables, every route, every role, both ways', () => {
  let t: TestApp;
  let routes: Route[];
  beforeAll(async () => {
    t = await startTestApp();
    routes = routesOf(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const concrete = (path: string, caseId: string) =>
    path.replace(':id', caseId).replace(/:n\b/g, '1').replace(/:[A-Za-z]+/g, () => randomUUID());

  /** What the service answered, as one of the table's outcomes; anything else fails with the answer. */
  async function probe(route: Route, path: string, auth: Record<string, string> | null, body?: object): Promise<Outcome> {
    let req = t.http[route.method](path);
    if (auth) req = req.set(auth);
    if (body) {
      req = req.send(body);
    } else if (route.method !== 'get') {
      req = CSV_ROUTES.has(route.path)
        ? req.set('Content-Type', 'text/csv').send('\u0000')
        : req.set('Content-Type', 'application/json').send('{"__proto__": 1}');
    }
    const res = await req;
    const { code, detail } = res.body as { code?: string; detail?: string };
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'STAGE_NOT_ALLOWED' || code === 'CASE_READ_ONLY') return code;
    if (code === 'NOT_FOUND' && detail === 'case not found') return 'NOT_FOUND';
    if (body) {
      if (res.status < 300) return 'allowed';
    } else if (route.method === 'get') {
      // past the guard: the answer, or a part of the case that does not exist yet (a round, the proposal)
      if (res.status < 500) return 'allowed';
    } else if (res.status === 400 && code === 'VALIDATION') {
      // passed the guard and stopped at the body check: nothing ran
      return 'allowed';
    }
    throw new Error(`${route.method.toUpperCase()} ${path} answered ${res.status} ${JSON.stringify(res.body)}`);
  }

  it('every route declares its action in a table, or is public, or is listed as open to any signed-in user', () => {
    const undeclared = routes
      .filter((r) => !r.isPublic && !r.caseAction && !r.orgAction)
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !SIGNED_IN_ONLY.has(r));
    expect(undeclared).toEqual([]);
    expect([...SIGNED_IN_ONLY].filter((listed) => !routes.some((r) => `${r.method} ${r.path}` === listed))).toEqual([]);
    expect(routes.filter((r) => r.caseAction && r.orgAction)).toEqual([]);
    // every entry of both tables is used by some route
    expect(Object.keys(PERMISSIONS).filter((a) => !routes.some((r) => r.caseAction === a))).toEqual([SERVICE_CHECKED.action]);
    expect(routes.find((r) => r.method === 'post' && r.path === SERVICE_CHECKED.path)?.orgAction).toBe(SERVICE_CHECKED.orgAction);
    expect(Object.keys(ORG_PERMISSIONS).filter((a) => !routes.some((r) => r.orgAction === a))).toEqual([]);
  });

  it('no route but the public ones answers without a token', async () => {
    const caseId = randomUUID();
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic)) {
      const outcome = await probe(route, concrete(route.path, caseId), null);
      if (outcome !== 'UNAUTHENTICATED') wrong.push(`${route.method} ${route.path}: ${outcome}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the routes open to any signed-in user answer a member with no role anywhere', async () => {
    const member = await createUser(t, { orgRoles: [] });
    const supplier = (await t.http.get('/api/v1/suppliers?limit=1').set(t.admin.auth).expect(200)).body as { items: Array<{ id: string }> };
    const wrong: string[] = [];
    for (const route of routes.filter((r) => SIGNED_IN_ONLY.has(`${r.method} ${r.path}`))) {
      const path = route.path.replace(':id', supplier.items[0]?.id ?? randomUUID());
      const res = await t.http.get(path).set(member.auth);
      // a registry read of a supplier that does not exist is still an answer past the guard
      if (!(res.status === 200 || (res.status === 404 && res.body.detail !== 'case not found'))) wrong.push(`${path}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the organization table: every organization action by each organization role, an admin and a member with none', async () => {
    const actors: Array<{ label: string; user: TestUser; isAdmin: boolean; orgRoles: OrgRole[] }> = [
      { label: 'admin', user: t.admin, isAdmin: true, orgRoles: [] },
      { label: 'no organization role', user: await createUser(t, { orgRoles: [] }), isAdmin: false, orgRoles: [] },
    ];
    for (const role of ORG_ROLES) actors.push({ label: role, user: await createUser(t, { orgRoles: [role] }), isAdmin: false, orgRoles: [role] });
    const wrong: string[] = [];
    let pairs = 0;
    for (const route of routes.filter((r) => r.orgAction)) {
      for (const actor of actors) {
        const expected: Outcome = orgAllowed(route.orgAction!, actor) ? 'allowed' : 'FORBIDDEN';
        const outcome = await probe(route, concrete(route.path, randomUUID()), actor.user.auth);
        pairs++;
        if (outcome !== expected) wrong.push(`${route.method} ${route.path} (${route.orgAction}) as ${actor.label}: ${outcome}, table says ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(pairs).toBeGreaterThan(0);
  });

  describe('the case table', () => {
    let builder: CaseBuilder;
    let built: BuiltCase;
    /** the actions tried by every role (at their open stage) and at a stage where they are closed */
    const triedOpen = new Set<CaseAction>();
    const triedClosed = new Set<CaseAction>();
    beforeAll(async () => {
      builder = t.builder();
    });

    /** For each case route: the stage where its roles are tried (the first open one), and one where it is closed. */
    const openStage = (action: CaseAction): Stage => PERMISSIONS[action].stages.find((s: Stage) => s !== 'CANCELLED') ?? 'CANCELLED';
    const closedStage = (action: CaseAction): Stage | undefined => STAGES.find((s) => !(PERMISSIONS[action].stages as readonly Stage[]).includes(s));
    const someoneAllowed = (action: CaseAction): CaseRole => {
      const roles = PERMISSIONS[action].roles;
      return roles === 'any' ? 'initiator' : roles[0];
    };

    async function probeStage(stage: Stage, caseId: string, people: (key: string) => TestUser): Promise<{ wrong: string[] }> {
      const wrong: string[] = [];
      const check = async (route: Route, label: string, auth: Record<string, string>, expected: Outcome) => {
        const outcome = await probe(route, concrete(route.path, caseId), auth);
        if (outcome !== expected) wrong.push(`${route.method} ${route.path} (${route.caseAction}) in ${stage} as ${label}: ${outcome}, table says ${expected}`);
      };
      for (const route of routes.filter((r) => r.caseAction)) {
        const action = route.caseAction!;
        if (openStage(action) === stage) {
          for (const role of CASE_ROLES) {
            const decision = authorize(action, stage, { isAdmin: false, roles: [role] });
            await check(route, role, people(HOLDER[role]).auth, decision.allowed ? 'allowed' : 'FORBIDDEN');
          }
          await check(route, 'admin', t.admin.auth, authorize(action, stage, { isAdmin: true, roles: [] }).allowed ? 'allowed' : 'FORBIDDEN');
          await check(route, 'outsider', people('outsider').auth, 'NOT_FOUND');
          triedOpen.add(action);
        }
        if (closedStage(action) === stage) {
          const terminalWrite = (stage === 'AWARDED' || stage === 'CANCELLED') && !action.endsWith('.read');
          await check(route, someoneAllowed(action), people(HOLDER[someoneAllowed(action)]).auth, terminalWrite ? 'CASE_READ_ONLY' : 'STAGE_NOT_ALLOWED');
          triedClosed.add(action);
        }
      }
      await probeServiceChecked(stage, caseId, people, wrong);
      return { wrong };
    }

    /** `performance.record`, decided by the performance service: its org check first, then the case table's. */
    async function probeServiceChecked(stage: Stage, caseId: string, people: (key: string) => TestUser, wrong: string[]): Promise<void> {
      const action = SERVICE_CHECKED.action;
      const open = stage === openStage(action);
      // closed: tried where suppliers exist but the case is not yet awarded
      if (!open && stage !== 'APPROVAL') return;
      const route: Route = { method: 'post', path: SERVICE_CHECKED.path, isPublic: false };
      const awarded = (await t.http.get(`/api/v1/cases/${caseId}`).set(t.admin.auth).expect(200)).body as { awardedSupplierId: string | null };
      const supplierId = awarded.awardedSupplierId ?? built.suppliers[0].id;
      const body = { type: 'delivery', date: new Date().toISOString().slice(0, 10), onTime: true, inFull: true, caseId };
      const actors: Array<{ label: string; auth: Record<string, string>; isAdmin: boolean; roles: CaseRole[] }> = [
        ...(open ? CASE_ROLES : [someoneAllowed(action)]).map((role) => ({ label: role, auth: people(HOLDER[role]).auth, isAdmin: false, roles: [role] })),
        ...(open ? [{ label: 'admin', auth: t.admin.auth, isAdmin: true, roles: [] }] : []),
      ];
      for (const actor of actors) {
        const orgRoles = orgRolesFor(actor.roles);
        const decision = authorize(action, stage, { isAdmin: actor.isAdmin, roles: actor.roles });
        const expected: Outcome = !orgAllowed(SERVICE_CHECKED.orgAction, { isAdmin: actor.isAdmin, orgRoles })
          ? 'FORBIDDEN'
          : decision.allowed
            ? 'allowed'
            : decision.status === 'wrong_stage'
              ? 'STAGE_NOT_ALLOWED'
              : 'FORBIDDEN';
        const outcome = await probe(route, route.path.replace(':id', supplierId), actor.auth, body);
        if (outcome !== expected) wrong.push(`POST ${route.path} with the case (${action}) in ${stage} as ${actor.label}: ${outcome}, table says ${expected}`);
      }
      (open ? triedOpen : triedClosed).add(action);
    }

    for (const [stage, milestone] of WALK) {
      it(`in ${stage}: each route's roles allowed and refused as the table says`, async () => {
        built = await builder.build(milestone);
        expect(built.stage).toBe(stage);
        const { wrong } = await probeStage(stage, built.caseId, (key) => built.person(key));
        expect(wrong).toEqual([]);
      });
    }

    it('in CANCELLED: writes are read-only, reads stay open to the buying center', async () => {
      const other = t.builder().withPeople(
        (['initiator', 'prescriber', 'buyer', 'evaluator', 'gatekeeper', 'decider', 'approver', 'outsider'] as const).map((key) => ({
          key,
          name: built.person(key).name,
          roles: key === 'outsider' ? [] : [key],
          existing: built.person(key),
        })),
      );
      const cancelled = await other.build('NEED');
      await t.http.post(`/api/v1/cases/${cancelled.caseId}/transitions`).set(cancelled.person('initiator').auth).send({ to: 'CANCELLED', reason: 'no longer needed' }).expect(200);
      const { wrong } = await probeStage('CANCELLED', cancelled.caseId, (key) => cancelled.person(key));
      expect(wrong).toEqual([]);
    });

    it('covered every case action both ways: by every role where it is open, and where it is closed', () => {
      const actions = Object.keys(PERMISSIONS) as CaseAction[];
      expect(actions.filter((a) => !triedOpen.has(a))).toEqual([]);
      expect(actions.filter((a) => closedStage(a) !== undefined && !triedClosed.has(a))).toEqual([]);
    });
  });
});
