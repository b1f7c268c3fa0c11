import { startTestApp, type TestApp } from './setup/test-app';

const TOKEN = 'scrape-token-0123456789';

/** A sample's value from the Prometheus text format, by its name and exact label set. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.indexOf('}'));
    const got = inside.split(',');
    if (want.every((w) => got.includes(w)) && got.length === want.length) return Number(line.slice(line.indexOf('}') + 1));
  }
  return null;
}

describe('metrics and health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ observability: { metricsToken: TOKEN } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('/health/live and /health/ready answer 200 on a migrated database', async () => {
    const live = await t.http.get('/health/live').expect(200);
    expect(live.body.status).toBe('ok');
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.details.database.status).toBe('up');
    expect(ready.body.details.migrations.status).toBe('up');
    expect(ready.body.details.draining.status).toBe('up');
  });

  it('/health/ready answers 503 naming the migration when the schema is behind, and 200 again once it is not', async () => {
    const [row] = await t.db.query(`SELECT * FROM migrations ORDER BY id DESC LIMIT 1`);
    await t.db.query(`DELETE FROM migrations WHERE id = $1`, [row.id]);
    try {
      const ready = await t.http.get('/health/ready').expect(503);
      expect(ready.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(ready.body.detail).toContain(`migrations: the database schema is behind: 1 migration(s) not applied (${row.name})`);
    } finally {
      await t.db.query(`INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [row.id, row.timestamp, row.name]);
    }
    await t.http.get('/health/ready').expect(200);
  });

  it('/metrics refuses a scraper without the token, and without METRICS_TOKEN configured is off', async () => {
    const refused = await t.http.get('/metrics').expect(401);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    await t.http.get('/metrics').set('Authorization', 'Bearer wrong-token-0123456789').expect(401);
    await t.http.get('/metrics').set(t.admin.auth).expect(401);
    const off = await startTestApp();
    try {
      await off.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(404);
    } finally {
      await off.close();
    }
  });

  it('after a whole case, a scrape shows the route counters by template and status, the matrix and report timings, the queue and the pool', async () => {
    const built = await t.builder().build('AWARDED');
    await t.http.get(`/api/v1/cases/${built.caseId}/matrix`).set(t.admin.auth).expect(200);
    await t.http.get(`/api/v1/cases/00000000-0000-4000-8000-000000000000`).set(t.admin.auth).expect(404);
    const res = await t.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    const count = (route: string, status: string, method = 'GET') =>
      sample(text, 'supeval_http_request_duration_seconds_count', { method, route, status });
    // the templates, never the ids: one series for every case read
    expect(count('/api/v1/cases/:id', '200')).toBeGreaterThanOrEqual(1);
    expect(count('/api/v1/cases/:id', '404')).toBe(1);
    expect(count('/api/v1/cases', '201', 'POST')).toBe(1);
    expect(count('/api/v1/cases/:id/approvals', '201', 'POST')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(built.caseId);
    // the award rendered one report per language; the matrix was built at least for the proposal and the read above
    expect(sample(text, 'supeval_compute_duration_seconds_count', { step: 'report' })).toBe(2);
    expect(sample(text, 'supeval_compute_duration_seconds_count', { step: 'matrix' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'supeval_compute_duration_seconds_sum', { step: 'report' })).toBeGreaterThan(0);
    expect(text).toMatch(/supeval_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/v1\/cases\/:id",status="200"\}/);
    expect(sample(text, 'supeval_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(text).toContain('# TYPE supeval_queue_jobs gauge');
  });
});
