import { csv, CSV_HEADER, importCsv } from './factories/suppliers';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * Issue "Organization roles and controls", finding 5: two imports of the same tax ids in opposite
 * row order deadlocked (each batch locked its rows in file order), and the 409 said "the case was
 * changed by someone else". The import now writes in the order of the normalized tax id, so both
 * wait for each other and both succeed; a conflict that remained after the retries would be
 * IMPORT_CONFLICT (src/modules/suppliers/import-retries.spec.ts).
 */
describe('imports never deadlock', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const ROWS = 1500;
  const file = (taxIds: string[], name: string) =>
    csv([CSV_HEADER, ...taxIds.map((taxId, i) => `${name} ${i} GmbH,${taxId},DE,compressors,,,,,0.1`)]);

  for (const registered of [false, true]) {
    it(`two concurrent imports of the same ${ROWS} tax ids in opposite order both succeed (${registered ? 'updating registered' : 'creating new'} suppliers)`, async () => {
      const prefix = `CC${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
      const taxIds = Array.from({ length: ROWS }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`);
      if (registered) await importCsv(t, file(taxIds, 'Registered')).expect(200);
      for (let pair = 0; pair < 3; pair++) {
        const [forward, backward] = await Promise.all([importCsv(t, file(taxIds, 'Forward')), importCsv(t, file([...taxIds].reverse(), 'Backward'))]);
        expect([forward.status, backward.status, forward.body.detail ?? '', backward.body.detail ?? '']).toEqual([200, 200, '', '']);
        // one of them ran first and created what it did not find; the other updated every row
        expect(forward.body.created + backward.body.created).toBe(registered || pair > 0 ? 0 : ROWS);
        expect(forward.body.updated + backward.body.updated).toBe(registered || pair > 0 ? 2 * ROWS : ROWS);
      }
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM suppliers WHERE tax_id_normalized LIKE $1', [`${prefix}%`]);
      expect(n).toBe(ROWS);
    });
  }
});
