import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { createUser } from './factories';
import { CSV_HEADER } from './factories/suppliers';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * Issue 14 item 3, auth before work: no body is read, inflated or parsed before the caller is
 * authenticated and the route's permission passed; the import caps the inflated size and the
 * ratio of inflated to sent bytes (policy `imports`).
 */
describe('auth before work', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * Sends the headers and the first `part` of a body whose Content-Length promises much more, and
   * resolves with the answer that came while the rest was never sent (null after `waitMs`).
   */
  function answerBeforeBody(path: string, headers: Record<string, string>, part: Buffer, declared: number, waitMs = 3000) {
    return new Promise<{ status: number; body: string } | null>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path, headers: { ...headers, 'Content-Length': String(declared) } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          clearTimeout(timer);
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('error', () => undefined);
      req.write(part);
      const timer = setTimeout(() => {
        req.destroy();
        resolve(null);
      }, waitMs);
    });
  }

  const bomb = gzipSync(Buffer.from(`${CSV_HEADER}\n${'A'.repeat(20 * 1024 * 1024)}`));

  it('finding 3: an unauthenticated gzip import is answered 401 before its body is read', async () => {
    const answer = await answerBeforeBody(
      '/api/v1/suppliers/import',
      { 'Content-Type': 'text/csv', 'Content-Encoding': 'gzip' },
      bomb.subarray(0, 1024),
      bomb.length,
    );
    expect(answer?.status).toBe(401);
    expect(JSON.parse(answer!.body).code).toBe('UNAUTHENTICATED');
  });

  it('the supplier portal refuses an unknown invitation token (401) before the body of an offer is read', async () => {
    const offer = Buffer.from(JSON.stringify({ currency: 'EUR', totalPrice: '1000.00', notes: 'x'.repeat(200_000) }));
    const answer = await answerBeforeBody(
      '/api/v1/supplier-portal/offers',
      { 'Content-Type': 'application/json', Authorization: 'Bearer inv_not-a-live-invitation' },
      offer.subarray(0, 1024),
      offer.length,
    );
    expect(answer?.status).toBe(401);
    expect(JSON.parse(answer!.body)).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'the invitation token is not valid' });
  });

  it('a caller without the registry role is refused (403) before the body is read, and so is any JSON route', async () => {
    const member = await createUser(t);
    const refused = await answerBeforeBody(
      '/api/v1/suppliers/import',
      { 'Content-Type': 'text/csv', 'Content-Encoding': 'gzip', Authorization: member.auth.Authorization },
      bomb.subarray(0, 1024),
      bomb.length,
    );
    expect(refused?.status).toBe(403);
    const json = await answerBeforeBody('/api/v1/suppliers', { 'Content-Type': 'application/json' }, Buffer.from('{"legalName":'), 100_000);
    expect(json?.status).toBe(401);
  });

  it('an allowed import is capped by the policy: the inflated size and the inflate ratio (413)', async () => {
    const ratio = await t.http
      .post('/api/v1/suppliers/import')
      .set(t.admin.auth)
      .set('Content-Type', 'text/csv')
      .set('Content-Encoding', 'gzip')
      .send(bomb)
      .expect(413);
    expect(ratio.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(ratio.body.errors[0].message).toMatch(/times the bytes sent/);

    const policy = (await t.http.get('/api/v1/policy').set(t.admin.auth).expect(200)).body;
    expect(policy.imports).toEqual({ maxInflatedBytes: 20 * 1024 * 1024, maxInflateRatio: 100 });
    await t.http.put('/api/v1/policy').set(t.admin.auth).send({ imports: { maxInflatedBytes: 4096, maxInflateRatio: 100 } }).expect(200);
    try {
      const big = `${CSV_HEADER}\n${Array.from({ length: 200 }, (_, i) => `Supplier ${i},DE${100000 + i},DE,,,,,,0.1`).join('\n')}`;
      const capped = await t.http.post('/api/v1/suppliers/import').set(t.admin.auth).set('Content-Type', 'text/csv').send(big).expect(413);
      expect(capped.body.errors[0].message).toMatch(/4096 bytes/);
    } finally {
      await t.http.put('/api/v1/policy').set(t.admin.auth).send({ imports: policy.imports }).expect(200);
    }
  });
});
