import { createUser, tableCounts } from './factories';
import { startTestApp, type TestApp } from './setup/test-app';

describe('policy: the organization’s scoring and approval constants', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('starts from the defaults of the design', async () => {
    const res = await t.http.get('/api/v1/policy').set(t.admin.auth).expect(200);
    expect(res.body).toMatchObject({
      version: 0,
      strategic: { multiplier: 2, floor: 0.3, cap: 0.9 },
      reliability: { halfLifeDays: 365, priorStrength: 5, priorMean: 0.5, severity: { minor: 0.5, major: 1, critical: 2 } },
      approval: {
        bands: [
          { below: '10000', approvals: 1, executive: false },
          { below: '100000', approvals: 2, executive: false },
          { below: null, approvals: 3, executive: true },
        ],
      },
      sensitivity: { threshold: 0.1 },
    });
  });

  it('an admin changes one section and keeps the others; each change is a new version', async () => {
    const before = await t.http.get('/api/v1/policy').set(t.admin.auth).expect(200);
    const res = await t.http
      .put('/api/v1/policy')
      .set(t.admin.auth)
      .send({ strategic: { multiplier: 3, floor: 0.35, cap: 0.8 } })
      .expect(200);
    expect(res.body.strategic).toEqual({ multiplier: 3, floor: 0.35, cap: 0.8 });
    expect(res.body.reliability).toEqual(before.body.reliability);
    expect(res.body.approval).toEqual(before.body.approval);
    expect(res.body.version).toBe(before.body.version + 1);
    expect(res.body.updatedBy).toBe(t.admin.id);
    // history is append-only
    await expect(t.db.query('DELETE FROM policy_versions')).rejects.toThrow(/append-only/);
  });

  it('members read it but may not change it', async () => {
    const member = await createUser(t);
    await t.http.get('/api/v1/policy').set(member.auth).expect(200);
    await t.http.put('/api/v1/policy').set(member.auth).send({ sensitivity: { threshold: 0.2 } }).expect(403);
  });

  it('refuses values out of range and inconsistent bands, naming the field, changing nothing', async () => {
    const before = await tableCounts(t);
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ strategic: { multiplier: 0.5, floor: 0.3, cap: 0.9 } }, 'strategic.multiplier'],
      [{ strategic: { multiplier: 2, floor: 0.3, cap: 1 } }, 'strategic.cap'],
      [{ strategic: { multiplier: 2, floor: 0.8, cap: 0.7 } }, 'strategic.floor'],
      [{ sensitivity: { threshold: 2 } }, 'sensitivity.threshold'],
      [{ approval: { bands: [{ below: '100', approvals: 1, executive: false }] } }, 'approval.bands.0.below'],
      [{ approval: { bands: [{ below: '1e5', approvals: 1, executive: false }, { below: null, approvals: 2, executive: true }] } }, 'approval.bands.0.below'],
      [
        { approval: { bands: [{ below: '500', approvals: 1, executive: false }, { below: '100', approvals: 2, executive: false }, { below: null, approvals: 2, executive: true }] } },
        'approval.bands.1.below',
      ],
      [{ reliability: { halfLifeDays: 365, priorStrength: 5, priorMean: 0.5, severity: { minor: 0.5, major: 1, critical: 2 }, weights: { otif: 0.5, quality: 0.5, certifications: 0.5, financial: 0 } } }, 'reliability.weights'],
      [{ colour: 'blue' }, 'colour'],
    ];
    for (const [body, field] of bad) {
      const res = await t.http.put('/api/v1/policy').set(t.admin.auth).send(body).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await tableCounts(t)).toEqual(before);
  });
});
