import fc from 'fast-check';
import { createUser } from './factories';
import { createSupplier } from './factories/suppliers';
import { startTestApp, type TestApp } from './setup/test-app';

type Schema = Record<string, unknown>;

/**
 * Property-based: for every write operation of the served document, bodies derived from its
 * request schema, each with at least one value the schema forbids (a wrong type, null, an unknown
 * or prototype key, a string past maxLength or holding a lone surrogate, a number past its range,
 * a value outside the enum), plus random other fields. The server must refuse every one: no 5xx,
 * every 4xx is problem+json, every 400/413/415 names a field or header, and no row of any table
 * changes (checksums before and after).
 */
describe('contract: generated bad input on every write operation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function checksums(): Promise<Record<string, string>> {
    const tables: Array<{ relname: string }> = await t.db.query(`SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'public' ORDER BY relname`);
    const sums: Record<string, string> = {};
    for (const { relname } of tables) {
      const [{ sum }] = await t.db.query(`SELECT count(*) || ':' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') AS sum FROM "${relname}" r`);
      sums[relname] = sum;
    }
    return sums;
  }

  it('refuses every mutated body without a 5xx, with problem+json naming the field, changing no row', async () => {
    const document = (await t.http.get('/docs-json').expect(200)).body;
    const schemas = document.components.schemas as Record<string, Schema>;
    const deref = (s: Schema): Schema => (typeof s.$ref === 'string' ? deref(schemas[s.$ref.split('/').pop()!]) : s);

    // real resources, so requests pass the guard where the caller's roles allow and reach validation
    const member = await createUser(t);
    const supplier = await createSupplier(t);
    const created = await t.http.post('/api/v1/cases').set(t.admin.auth).send({
      title: 'Fuzzed case', businessNeed: 'n', quantity: 1, unit: 'pcs', estimatedBudget: '1', currency: 'EUR', neededBy: '2027-01-01',
      category: 'compressors', purchaseType: 'new_task', profitImpact: 4, supplyRisk: 4,
    }).expect(201);
    const caseId = created.body.id as string;
    // nobody grants themselves organization roles, nor names themselves approver or decider: a second
    // admin grants the first the organization roles every case role needs, and, as a buyer of the case, the roles
    const grantor = await createUser(t, { orgRole: 'admin', orgRoles: [] });
    await t.http.patch(`/api/v1/users/${t.admin.id}`).set(grantor.auth).send({ orgRoles: ['registry', 'procurement', 'approver'] }).expect(200);
    await t.http.patch(`/api/v1/users/${grantor.id}`).set(t.admin.auth).send({ orgRoles: ['procurement'] }).expect(200);
    await t.http.post(`/api/v1/cases/${caseId}/members`).set(t.admin.auth).send({ userId: grantor.id, roles: ['buyer'] }).expect(201);
    await t.http.post(`/api/v1/cases/${caseId}/members`).set(grantor.auth)
      .send({ userId: t.admin.id, roles: ['initiator', 'prescriber', 'buyer', 'evaluator', 'gatekeeper', 'decider', 'approver'] }).expect(201);
    const idFor = (path: string) => (path.startsWith('/api/v1/suppliers') ? supplier.id : path.startsWith('/api/v1/users') || path.startsWith('/api/v1/tokens') ? member.id : caseId);

    const writes: Array<{ method: string; path: string; id: string; schema: Schema | null }> = [];
    for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Schema>>)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        const content = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content;
        const json = content?.['application/json']?.schema;
        const concrete = path.replace('{id}', idFor(path)).replace('{n}', '1').replace('{supplierId}', supplier.id).replace('{userId}', member.id);
        writes.push({ method, path: concrete, id: String(op.operationId), schema: json ? deref(json) : null });
      }
    }

    const odd = fc.constantFrom<unknown>(null, [], {}, '', ' ', '\ud800', 'x'.repeat(20_001), -1, 0, -0, 1.5, 1e308, -1e308, 2 ** 53 + 1, true, 'not-a-uuid', '2027-02-30', [[]], [null], { a: {} });
    const typeOf = (s: Schema) => (Array.isArray(s.type) ? s.type : [s.type]).filter(Boolean) as string[];
    /** values the property's schema refuses */
    const forbidden = (prop: Schema): unknown[] => {
      const p = deref(prop);
      const types = typeOf(p);
      const out: unknown[] = [];
      if (!types.includes('null') && !p.anyOf && !p.oneOf) out.push(null);
      if (types.length > 0 && !types.includes('string')) out.push('7');
      if (types.length > 0 && !types.includes('array')) out.push([]);
      if (types.length > 0 && !types.includes('object') && !p.$ref) out.push({ nested: 1 });
      if (types.includes('string')) {
        out.push(12, '\ud800x');
        if (typeof p.maxLength === 'number') out.push('y'.repeat(p.maxLength + 1));
        if (p.format === 'uuid') out.push('00000000-0000-0000-0000-00000000000g');
        if (p.format === 'date') out.push('2027-13-01');
        if (Array.isArray(p.enum)) out.push(`${String(p.enum[0])}-not`);
      }
      if (types.includes('number') || types.includes('integer')) {
        out.push('1');
        if (typeof p.maximum === 'number') out.push(p.maximum + 1);
        if (typeof p.minimum === 'number') out.push(p.minimum - 1);
        if (types.includes('integer') && !types.includes('number')) out.push(1.5);
      }
      if (types.includes('boolean')) out.push('true', 1);
      if (p.type === 'array' && typeof p.maxItems === 'number' && p.maxItems < 600) out.push(Array.from({ length: p.maxItems + 1 }, () => 1));
      return out.filter((v) => !(Array.isArray(p.enum) && p.enum.includes(v)));
    };

    const body = (schema: Schema | null) => {
      const props = (schema?.properties ?? {}) as Record<string, Schema>;
      const names = Object.keys(props);
      const bad = [
        ...names.flatMap((name) => forbidden(props[name]).map((value) => ({ [name]: value }))),
        { unknownField: 1 },
        JSON.parse('{"__proto__": {"admin": true}}'),
        { constructor: { prototype: 1 } },
      ];
      return fc.record({
        others: fc.dictionary(names.length > 0 ? fc.constantFrom(...names) : fc.constant('x'), odd, { maxKeys: 4 }),
        mutation: fc.constantFrom(...bad),
      }).map(({ others, mutation }) => ({ ...others, ...mutation }));
    };

    const before = await checksums();
    const seen = { requests: 0, operations: new Set<string>(), fiveHundreds: 0, statuses: {} as Record<number, number> };
    const failures: string[] = [];
    for (const write of writes) {
      await fc.assert(
        fc.asyncProperty(body(write.schema), async (payload) => {
          const raw = JSON.stringify(payload).replace('"constructor":', '"constructor":');
          const req = t.http[write.method as 'post'](write.path).set(t.admin.auth).set('Content-Type', 'application/json');
          const res = await req.send(raw);
          seen.requests++;
          seen.operations.add(write.id);
          seen.statuses[res.status] = (seen.statuses[res.status] ?? 0) + 1;
          const where = `${write.method.toUpperCase()} ${write.path} ${raw.slice(0, 200)} → ${res.status}`;
          if (res.status >= 500) seen.fiveHundreds++;
          if (res.status < 400 || res.status >= 500) failures.push(`${where}: accepted or failed`);
          else if (!/application\/problem\+json/.test(String(res.headers['content-type']))) failures.push(`${where}: not problem+json`);
          else if ([400, 413, 415].includes(res.status) && !(res.body.errors?.length > 0 && res.body.errors.every((e: { field?: string }) => e.field))) {
            failures.push(`${where}: names no field`);
          }
          return true;
        }),
        { numRuns: 30, seed: 20261201 },
      );
    }
    const after = await checksums();
    const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
    console.log(
      `property-based contract run: ${seen.requests} requests, ${seen.operations.size} of ${writes.length} write operations, ` +
        `5xx = ${seen.fiveHundreds}, tables changed = ${changed.length}, rows changed = ${changed.length === 0 ? 0 : 'some'}; statuses ${JSON.stringify(seen.statuses)}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(changed).toEqual([]);
    expect(seen.operations.size).toBe(writes.length);
    // some 1,200 requests: 20 s on a quiet machine, over a minute on a loaded one
  }, 180_000);
});
