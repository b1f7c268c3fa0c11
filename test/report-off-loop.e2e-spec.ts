import { caseInDecision } from './factories/whole-case';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * Reports are laid out in worker threads (README "Configuration", REPORT_WORKERS): while one
 * renders, the main thread keeps answering. Checked by order of completion, never by time.
 */
describe('a report rendering does not hold up other requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers /health and a case read while a report is being rendered, before the report', async () => {
    const w = await caseInDecision(t, { prices: ['20000.00', '21000.00', '23000.00'] });
    // warm: the worker starts and compiles on first use; the report under test is the second
    await t.http.get(`/api/v1/cases/${w.caseId}/report.pdf`).set(w.people.buyer.auth).expect(200);

    const finished: string[] = [];
    const report = t.http
      .get(`/api/v1/cases/${w.caseId}/report.pdf?lang=es`)
      .set(w.people.buyer.auth)
      .then((res) => {
        finished.push('report');
        return res;
      });
    const health = await t.http.get('/health');
    finished.push('health');
    const read = await t.http.get(`/api/v1/cases/${w.caseId}`).set(w.people.buyer.auth);
    finished.push('case');
    const pdf = await report;

    expect([health.status, read.status, pdf.status]).toEqual([200, 200, 200]);
    expect(finished).toEqual(['health', 'case', 'report']);
  });
});
