import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, sha256 } from '../src/domain/audit/canonical-json';
import { createCase, createUser } from './factories';
import { caseInSpecification, putSpecification, specBody } from './factories/specification';
import { supplierBody } from './factories/suppliers';
import { startTestApp, type TestApp } from './setup/test-app';

describe('contract: the OpenAPI document, ETag/If-Match and Idempotency-Key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the served document', () => {
    it('is OpenAPI 3.1 and Redocly CLI finds no error in it (the warning count is printed)', async () => {
      const document = (await t.http.get('/docs-json').expect(200)).body;
      expect(document.openapi).toBe('3.1.0');
      const file = join(mkdtempSync(join(tmpdir(), 'supeval-openapi-')), 'openapi.json');
      writeFileSync(file, JSON.stringify(document));
      let output: string;
      try {
        output = execFileSync(process.execPath, [join(process.cwd(), 'node_modules/@redocly/cli/bin/cli.js'), 'lint', file, '--format=json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? '');
      }
      const report = JSON.parse(output.slice(output.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; severity: string; message: string }> };
      console.log(`redocly lint of /docs-json: ${report.totals.errors} errors, ${report.totals.warnings} warnings (${[...new Set(report.problems.map((p) => p.ruleId))].join(', ')})`);
      expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    });

    it('names every operation, tags it, declares its path parameters with formats and its security', async () => {
      const document = (await t.http.get('/docs-json').expect(200)).body;
      const ids = new Set<string>();
      for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Record<string, unknown>>>)) {
        for (const [method, op] of Object.entries(item)) {
          const where = `${method.toUpperCase()} ${path}`;
          expect([where, typeof op.operationId, typeof op.summary, (op.tags as string[]).length > 0]).toEqual([where, 'string', 'string', true]);
          expect(ids.has(String(op.operationId))).toBe(false);
          ids.add(String(op.operationId));
          for (const name of [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])) {
            const param = (op.parameters as Array<{ name: string; in: string; schema: { type: string; format?: string } }>).find((p) => p.in === 'path' && p.name === name);
            expect([where, name, param?.schema.type === 'integer' || param?.schema.format === 'uuid']).toEqual([where, name, true]);
          }
          const success = Object.keys(op.responses as object).filter((s) => s.startsWith('2'));
          expect([where, success.length]).toEqual([where, 1]);
          const security = op.security as Array<Record<string, unknown>>;
          if (path.startsWith('/health')) expect(security).toEqual([]);
          else if (path === '/metrics') expect(security).toEqual([{ metricsToken: [] }]);
          else if (path.startsWith('/api/v1/supplier-portal')) expect(security).toEqual([{ invitationToken: [] }]);
          else expect(security).toEqual([{ userToken: [] }]);
        }
      }
      expect(document.info.license.name).toBeTruthy();
      expect(document.servers.length).toBeGreaterThan(0);
      expect(document.components.schemas.Problem.properties.errors.items.required).toEqual(['field', 'message']);
    });
  });

  describe('ETag and If-Match', () => {
    it('the case: GET gives an ETag; PATCH with it passes, with a stale one is 412 and changes nothing', async () => {
      const initiator = await createUser(t);
      const c = await createCase(t, initiator);
      const read = await t.http.get(`/api/v1/cases/${c.id}`).set(initiator.auth).expect(200);
      const etag = read.headers.etag;
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      const changed = await t.http.patch(`/api/v1/cases/${c.id}`).set(initiator.auth).set('If-Match', etag).send({ title: 'First change' }).expect(200);
      expect(changed.headers.etag).not.toBe(etag);
      const lost = await t.http.patch(`/api/v1/cases/${c.id}`).set(initiator.auth).set('If-Match', etag).send({ title: 'Lost update' }).expect(412);
      expect(lost.body).toMatchObject({ code: 'PRECONDITION_FAILED', errors: [{ field: 'If-Match' }] });
      expect((await t.http.get(`/api/v1/cases/${c.id}`).set(initiator.auth)).body.title).toBe('First change');
      await t.http.patch(`/api/v1/cases/${c.id}`).set(initiator.auth).set('If-Match', '*').send({ title: 'Any version' }).expect(200);
      await t.http.patch(`/api/v1/cases/${c.id}`).set(initiator.auth).send({ title: 'No precondition' }).expect(200);
    });

    it('the specification draft: If-Match on PUT, 412 when it moved', async () => {
      const c = await caseInSpecification(t);
      await t.http.put(`/api/v1/cases/${c.caseId}/specification`).set(c.people.prescriber.auth).set('If-Match', '"0"').send(specBody()).expect(412);
      await putSpecification(t, c.caseId, c.people.prescriber);
      const read = await t.http.get(`/api/v1/cases/${c.caseId}/specification`).set(c.people.prescriber.auth).expect(200);
      const next = specBody({ description: 'Changed with the ETag' });
      const saved = await t.http.put(`/api/v1/cases/${c.caseId}/specification`).set(c.people.prescriber.auth).set('If-Match', read.headers.etag).send(next).expect(200);
      expect(saved.headers.etag).not.toBe(read.headers.etag);
      await t.http.put(`/api/v1/cases/${c.caseId}/specification`).set(c.people.prescriber.auth).set('If-Match', read.headers.etag).send(specBody()).expect(412);
    });

    it('the policy: If-Match on PUT, 412 when it moved', async () => {
      const read = await t.http.get('/api/v1/policy').set(t.admin.auth).expect(200);
      const strategic = { ...read.body.strategic, multiplier: read.body.strategic.multiplier === 2 ? 2.5 : 2 };
      await t.http.put('/api/v1/policy').set(t.admin.auth).set('If-Match', '"stale"').send({ strategic }).expect(412);
      const ok = await t.http.put('/api/v1/policy').set(t.admin.auth).set('If-Match', read.headers.etag).send({ strategic }).expect(200);
      expect(ok.body.version).toBe(read.body.version + 1);
      await t.http.put('/api/v1/policy').set(t.admin.auth).set('If-Match', read.headers.etag).send({ strategic: read.body.strategic }).expect(412);
      await t.http.put('/api/v1/policy').set(t.admin.auth).set('If-Match', ok.headers.etag).send({ strategic: read.body.strategic }).expect(200);
    });

    it('with REQUIRE_IF_MATCH=true a change without If-Match is 428', async () => {
      const strict = await startTestApp({ requireIfMatch: true });
      try {
        const res = await strict.http.put('/api/v1/policy').set(strict.admin.auth).send({}).expect(428);
        expect(res.body).toMatchObject({ code: 'PRECONDITION_REQUIRED', errors: [{ field: 'If-Match' }] });
        const read = await strict.http.get('/api/v1/policy').set(strict.admin.auth).expect(200);
        await strict.http.put('/api/v1/policy').set(strict.admin.auth).set('If-Match', read.headers.etag).send({}).expect(200);
      } finally {
        await strict.close();
      }
    });
  });

  describe('Idempotency-Key', () => {
    it('the same key and body answer the stored response once created; another body is 422; the key is per user', async () => {
      const key = `supplier-${Date.now()}`;
      const body = supplierBody();
      const first = await t.http.post('/api/v1/suppliers').set(t.admin.auth).set('Idempotency-Key', key).send(body).expect(201);
      const again = await t.http.post('/api/v1/suppliers').set(t.admin.auth).set('Idempotency-Key', key).send(body).expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM suppliers WHERE id = $1', [first.body.id]);
      expect(n).toBe(1);
      const other = await t.http.post('/api/v1/suppliers').set(t.admin.auth).set('Idempotency-Key', key).send(supplierBody()).expect(422);
      expect(other.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', errors: [{ field: 'Idempotency-Key' }] });
      const admin2 = await createUser(t, { orgRole: 'admin' });
      const theirs = await t.http.post('/api/v1/suppliers').set(admin2.auth).set('Idempotency-Key', key).send(supplierBody()).expect(201);
      expect(theirs.body.id).not.toBe(first.body.id);
    });

    it('a request still in flight with the key is 409; a failed request releases its key', async () => {
      const key = `case-${Date.now()}`;
      const initiator = await createUser(t);
      await t.http.post('/api/v1/cases').set(initiator.auth).set('Idempotency-Key', key).send({ title: 'incomplete' }).expect(400);
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1', [key]);
      expect(n).toBe(0);
      const [{ fingerprint }] = await t.db.query(
        `INSERT INTO idempotency_keys (principal, key, fingerprint) VALUES ($1, $2, repeat('0', 64)) RETURNING fingerprint`,
        [`user:${initiator.id}`, `${key}-inflight`],
      );
      expect(fingerprint).toHaveLength(64);
      const body = { title: 'x' };
      // the stored fingerprint is of another body: 422 comes first; with the same body the draft says 409
      await t.http.post('/api/v1/cases').set(initiator.auth).set('Idempotency-Key', `${key}-inflight`).send(body).expect(422);
      await t.db.query(`UPDATE idempotency_keys SET fingerprint = $3 WHERE principal = $1 AND key = $2`, [
        `user:${initiator.id}`,
        `${key}-inflight`,
        await fingerprintOf('POST', '/api/v1/cases', body),
      ]);
      const busy = await t.http.post('/api/v1/cases').set(initiator.auth).set('Idempotency-Key', `${key}-inflight`).send(body).expect(409);
      expect(busy.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_USE', errors: [{ field: 'Idempotency-Key' }] });
    });

    it('a malformed key is a 400 naming the header; keys older than 24 h are forgotten', async () => {
      const bad = await t.http.post('/api/v1/suppliers').set(t.admin.auth).set('Idempotency-Key', 'a b').send(supplierBody()).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
      const key = `old-${Date.now()}`;
      const body = supplierBody();
      const first = await t.http.post('/api/v1/suppliers').set(t.admin.auth).set('Idempotency-Key', key).send(body).expect(201);
      await t.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
      const later = await t.http.post('/api/v1/suppliers').set(t.admin.auth).set('Idempotency-Key', key).send({ ...body, taxId: `${body.taxId}9` }).expect(201);
      expect(later.body.id).not.toBe(first.body.id);
    });
  });
});

async function fingerprintOf(method: string, url: string, body: unknown): Promise<string> {
  return sha256(`${method} ${url}\n${canonicalJson(body)}`);
}
