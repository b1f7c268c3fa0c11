import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoCase } from '../src/tools/demo-case';
import { createUser } from './factories';
import { startTestApp, type TestApp } from './setup/test-app';

const schema = (name: string) => JSON.parse(readFileSync(join('test', 'fixtures', 'ocds', name), 'utf8')) as Record<string, unknown>;

/** The OCDS 1.1 release package schema (vendored, test/fixtures/ocds/SOURCE.md), with the release schema it references. */
function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(schema('release-schema.json'));
  return ajv.compile(schema('release-package-schema.json'));
}

describe('OCDS 1.1 export', () => {
  let t: TestApp;
  const validate = validator();
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("the demo's case, awarded, validates: tender, bids of both rounds, award, parties, the stored reports with their hashes, the decision matrix", async () => {
    // the very plan `npm run demo` walks: ten people, four suppliers, two rounds (USD, portal), three approvers
    const built = await demoCase(t.builder(), randomBytes(4).toString('hex')).build('AWARDED');
    const buyer = built.person('buyer');
    const res = await t.http.get(`/api/v1/cases/${built.caseId}/ocds`).set(buyer.auth).expect(200);
    const ok = validate(res.body);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);

    const [release] = res.body.releases;
    expect(release.ocid).toBe(`ocds-supeval-${built.caseId}`);
    expect(release.tag).toEqual(['tender', 'award']);
    expect(release.tender).toMatchObject({ id: built.reference, status: 'complete', procurementMethod: 'selective' });
    const c = (await t.http.get(`/api/v1/cases/${built.caseId}`).set(buyer.auth).expect(200)).body;
    expect(release.awards).toEqual([
      expect.objectContaining({ status: 'active', value: { amount: Number(c.awardedAmount), currency: c.currency }, suppliers: [expect.objectContaining({ id: c.awardedSupplierId })] }),
    ]);
    const stored = (await t.http.get(`/api/v1/cases/${built.caseId}/reports`).set(buyer.auth).expect(200)).body.items;
    expect(stored.map((r: { lang: string }) => r.lang).sort()).toEqual(['en', 'es']);
    expect(release.tender.documents.map((d: { language: string; sha256: string }) => [d.language, d.sha256])).toEqual(stored.map((r: { lang: string; sha256: string }) => [r.lang, r.sha256]));
    expect(release.bids.details.map((b: { id: string }) => b.id).sort()).toEqual(built.rounds.flatMap((r) => r.offered.map((id) => `round-${r.number}-${id}`)).sort());
    expect(release.bids.details.length).toBe(4 + 3);
    expect(release.parties.find((p: { id: string }) => p.id === c.awardedSupplierId).roles).toEqual(['tenderer', 'supplier']);
    expect(release.decisionMatrix.ranking[0]).toMatchObject({ supplierId: c.awardedSupplierId, rank: 1 });
    expect(release.decisionMatrix.decision.supplierId).toBe(c.awardedSupplierId);

    // the admin reads it too; someone with no part in the case learns nothing (404)
    await t.http.get(`/api/v1/cases/${built.caseId}/ocds`).set(t.admin.auth).expect(200);
    const outsider = await createUser(t);
    const refused = await t.http.get(`/api/v1/cases/${built.caseId}/ocds`).set(outsider.auth).expect(404);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    await t.http.get(`/api/v1/cases/${built.caseId}/ocds`).expect(401);

    // deliberately broken packages fail the schema
    const broken = (change: (p: typeof res.body) => void) => {
      const copy = structuredClone(res.body);
      change(copy);
      return validate(copy);
    };
    expect(broken((p) => delete p.releases[0].ocid)).toBe(false);
    expect(broken((p) => (p.releases[0].tender.status = 'bogus'))).toBe(false);
    expect(broken((p) => (p.releases[0].awards[0].value.amount = '12.00'))).toBe(false);
    expect(broken((p) => (p.version = '1'))).toBe(false);
  });

  it('while a round is open (sealed) no bid and no offered price is in the export; it still validates', async () => {
    // round 1 closed (its offers are bids); round 2 still open, holding a sealed offer
    const built = await t
      .builder()
      .withRounds([{}, { offers: [{ supplier: 'atlas', totalPrice: '11111.11' }], close: false }])
      .build('negotiated');
    const buyer = built.person('buyer');
    const res = await t.http.get(`/api/v1/cases/${built.caseId}/ocds`).set(buyer.auth).expect(200);
    expect(validate(res.body)).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain('11111');
    expect(res.body.releases[0].bids.details.map((b: { id: string }) => b.id).sort()).toEqual(built.rounds[0].participants.map((id) => `round-1-${id}`).sort());
  });
});
