import { DEFAULT_POLICY } from '../src/domain/policy';
import { reliabilityScore } from '../src/domain/reliability';
import { caseWithBuyingCenter, createUser, tableCounts } from './factories';
import { auditActions } from './factories/specification';
import { awardedCase, createSupplier, csv, CSV_HEADER, importCsv, supplierBody } from './factories/suppliers';
import { startTestApp, type TestApp, type TestUser } from './setup/test-app';

describe('supplier registry, CSV import, performance record and reliability', () => {
  let t: TestApp;
  let buyer: TestUser;
  let registrar: TestUser;
  let member: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    buyer = (await caseWithBuyingCenter(t)).people.buyer;
    registrar = await createUser(t, { name: 'Rita Registry', orgRoles: ['registry'] });
    member = await createUser(t, { name: 'Mia Member' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('registry', () => {
    it('creates a supplier with its tax id normalized and categories and country in canonical form', async () => {
      const body = supplierBody({ taxId: 'de 123.456-789', country: 'de', categories: [' Compressors ', 'PUMPS', 'pumps'] });
      const res = await t.http.post('/api/v1/suppliers').set(t.admin.auth).send(body).expect(201);
      expect(res.body).toMatchObject({
        legalName: body.legalName,
        taxId: 'de 123.456-789',
        taxIdNormalized: 'DE123456789',
        country: 'DE',
        categories: ['compressors', 'pumps'],
        contacts: body.contacts,
        certifications: body.certifications,
        financialRisk: 0.2,
        status: 'active',
        blockedReason: null,
      });
      const read = await t.http.get(`/api/v1/suppliers/${res.body.id}`).set(member.auth).expect(200);
      expect(read.body).toEqual(res.body);
    });

    it('lets admins and the registry role write and every authenticated user read; others (a buyer too) get 403, no token 401', async () => {
      const byBuyer = await createSupplier(t, {}, registrar);
      await t.http.patch(`/api/v1/suppliers/${byBuyer.id}`).set(registrar.auth).send({ legalName: 'Renamed by the registry' }).expect(200);
      const before = await tableCounts(t);
      for (const outsider of [member, buyer]) {
        await t.http.post('/api/v1/suppliers').set(outsider.auth).send(supplierBody()).expect(403);
        await t.http.patch(`/api/v1/suppliers/${byBuyer.id}`).set(outsider.auth).send({ legalName: 'x' }).expect(403);
        await importCsv(t, csv([CSV_HEADER, 'X,DE1,DE,,,,,,0']), outsider).expect(403);
        await t.http
          .post(`/api/v1/suppliers/${byBuyer.id}/performance`)
          .set(outsider.auth)
          .send({ type: 'incident', date: '2026-01-01', severity: 'critical', description: 'back-dated' })
          .expect(403);
      }
      expect(await tableCounts(t)).toEqual(before);
      await t.http.get('/api/v1/suppliers').set(member.auth).expect(200);
      await t.http.get(`/api/v1/suppliers/${byBuyer.id}/performance`).set(member.auth).expect(200);
      await t.http.get(`/api/v1/suppliers/${byBuyer.id}/reliability`).set(member.auth).expect(200);
      await t.http.get('/api/v1/suppliers').expect(401);
      const renamed = await t.http.get(`/api/v1/suppliers/${byBuyer.id}`).set(member.auth).expect(200);
      expect(renamed.body.legalName).toBe('Renamed by the registry');
    });

    it('updates fields, keeps updated_at, blocks with a reason and clears it on reactivation', async () => {
      const s = await createSupplier(t);
      const blockedNoReason = await t.http.patch(`/api/v1/suppliers/${s.id}`).set(t.admin.auth).send({ status: 'blocked' }).expect(400);
      expect(blockedNoReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['blockedReason']);
      const blocked = await t.http
        .patch(`/api/v1/suppliers/${s.id}`)
        .set(t.admin.auth)
        .send({ status: 'blocked', blockedReason: 'sanctions screening hit', financialRisk: 0.9 })
        .expect(200);
      expect(blocked.body).toMatchObject({ status: 'blocked', blockedReason: 'sanctions screening hit', financialRisk: 0.9 });
      expect(new Date(blocked.body.updatedAt).getTime()).toBeGreaterThan(new Date(s.updatedAt as string).getTime());
      const reason = await t.http.patch(`/api/v1/suppliers/${s.id}`).set(t.admin.auth).send({ blockedReason: 'cleared? no, still under review' }).expect(200);
      expect(reason.body.blockedReason).toBe('cleared? no, still under review');
      const active = await t.http.patch(`/api/v1/suppliers/${s.id}`).set(t.admin.auth).send({ status: 'active' }).expect(200);
      expect(active.body).toMatchObject({ status: 'active', blockedReason: null });
      await t.http.patch(`/api/v1/suppliers/${s.id}`).set(t.admin.auth).send({ blockedReason: 'not blocked' }).expect(400);
      await t.http.patch(`/api/v1/suppliers/${s.id}`).set(t.admin.auth).send({}).expect(400);
      await t.http.patch(`/api/v1/suppliers/${s.id}`).set(t.admin.auth).send({ legalName: null }).expect(400);
      await t.http.patch('/api/v1/suppliers/00000000-0000-4000-8000-000000000000').set(t.admin.auth).send({ legalName: 'x' }).expect(404);
      await t.http.get('/api/v1/suppliers/00000000-0000-4000-8000-000000000000').set(t.admin.auth).expect(404);
      const badId = await t.http.get('/api/v1/suppliers/nope').set(t.admin.auth).expect(400);
      expect(badId.body.errors[0].field).toBe('id');
    });

    it('searches by name or tax id, category, country, certification valid on a date and status, with paging', async () => {
      const tag = `zq${Date.now().toString(36)}`;
      const a = await createSupplier(t, {
        legalName: `${tag} Alpha Valves`,
        taxId: 'FR-77.001',
        country: 'FR',
        categories: [`${tag}-valves`],
        certifications: [{ name: 'ISO 9001', issuedOn: '2024-01-01', expiresOn: '2025-12-31' }],
      });
      const b = await createSupplier(t, {
        legalName: `${tag} Beta Valves`,
        country: 'ES',
        categories: [`${tag}-valves`, `${tag}-pumps`],
        certifications: [{ name: 'ISO 9001', issuedOn: '2025-06-01', expiresOn: '2028-05-31' }],
      });
      const c = await createSupplier(t, {
        legalName: `${tag} Gamma Pumps`,
        country: 'ES',
        categories: [`${tag}-pumps`],
        certifications: [],
        status: 'blocked',
        blockedReason: 'insolvency',
      });
      const ids = async (query: string) => {
        const res = await t.http.get(`/api/v1/suppliers?${query}`).set(member.auth).expect(200);
        return { ids: res.body.items.map((s: { id: string }) => s.id), total: res.body.total };
      };
      expect(await ids(`q=${tag}`)).toEqual({ ids: [a.id, b.id, c.id], total: 3 });
      expect((await ids(`q=${tag}%20beta`)).ids).toEqual([b.id]);
      expect((await ids('q=fr%2077%20001')).ids).toEqual([a.id]); // the tax id as typed differently
      expect((await ids(`category=${tag}-VALVES`)).ids).toEqual([a.id, b.id]);
      expect((await ids(`q=${tag}&country=es`)).ids).toEqual([b.id, c.id]);
      expect((await ids(`q=${tag}&status=blocked`)).ids).toEqual([c.id]);
      expect((await ids(`q=${tag}&certification=iso%209001`)).ids).toEqual([a.id, b.id]);
      expect((await ids(`q=${tag}&certification=ISO%209001&validOn=2025-03-01`)).ids).toEqual([a.id]);
      expect((await ids(`q=${tag}&certification=ISO%209001&validOn=2026-01-01`)).ids).toEqual([b.id]);
      expect((await ids(`q=${tag}&certification=ISO%209001&validOn=2025-12-31`)).ids).toEqual([a.id, b.id]);
      expect(await ids(`q=${tag}&limit=1&offset=1`)).toEqual({ ids: [b.id], total: 3 });

      const bad = await t.http.get('/api/v1/suppliers?country=XX&validOn=2025-02-30&status=gone&limit=0&colour=red').set(member.auth).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'country', 'limit', 'status', 'validOn']);
      const lonely = await t.http.get('/api/v1/suppliers?validOn=2025-01-01').set(member.auth).expect(400);
      expect(lonely.body.errors[0].field).toBe('validOn');
    });

    const badBodies: Array<[string, Record<string, unknown>, string]> = [
      ['a bad email', supplierBody({ contacts: [{ name: 'A', email: 'not-an-email' }] }), 'contacts.0.email'],
      ['a bad country', supplierBody({ country: 'XX' }), 'country'],
      ['a financial risk of 1.5', supplierBody({ financialRisk: 1.5 }), 'financialRisk'],
      ['a financial risk as a string', supplierBody({ financialRisk: '0.5' }), 'financialRisk'],
      ['an unknown field', { ...supplierBody(), rating: 'AAA' }, 'rating'],
      ['an unknown contact field', supplierBody({ contacts: [{ name: 'A', email: 'a@example.com', fax: '1' }] }), 'contacts.0.fax'],
      ['a certification expiring before it is issued', supplierBody({ certifications: [{ name: 'ISO', issuedOn: '2025-02-01', expiresOn: '2025-01-31' }] }), 'certifications.0.expiresOn'],
      ['an impossible date', supplierBody({ certifications: [{ name: 'ISO', issuedOn: '2025-02-30', expiresOn: '2026-01-31' }] }), 'certifications.0.issuedOn'],
      ['a blocked status without reason', supplierBody({ status: 'blocked' }), 'blockedReason'],
      ['a reason on an active supplier', supplierBody({ blockedReason: 'why' }), 'blockedReason'],
      ['a tax id of punctuation only', supplierBody({ taxId: '-- ..' }), 'taxId'],
      ['no legal name', (({ legalName: _l, ...rest }) => rest)(supplierBody()), 'legalName'],
      ['categories not a list', supplierBody({ categories: 'pumps' }), 'categories'],
    ];
    for (const [what, body, field] of badBodies) {
      it(`POST /suppliers with ${what} → 400 naming ${field}, nothing stored`, async () => {
        const before = await tableCounts(t);
        const res = await t.http.post('/api/v1/suppliers').set(t.admin.auth).send(body).expect(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        expect(await tableCounts(t)).toEqual(before);
      });
    }

    it('refuses a duplicate tax id in the same country however it is formatted (409 naming taxId), allows it in another country', async () => {
      const first = await createSupplier(t, { taxId: 'ESB12345678', country: 'ES' });
      const other = await createSupplier(t, { taxId: 'ESB12345679', country: 'ES' });
      const before = await tableCounts(t);
      const dup = await t.http.post('/api/v1/suppliers').set(t.admin.auth).send(supplierBody({ taxId: 'es-b 123.456.78', country: 'es' })).expect(409);
      expect(dup.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(dup.body.errors).toEqual([expect.objectContaining({ field: 'taxId' })]);
      const patchDup = await t.http.patch(`/api/v1/suppliers/${other.id}`).set(t.admin.auth).send({ taxId: 'esb-12345678' }).expect(409);
      expect(patchDup.body.errors[0].field).toBe('taxId');
      expect(await tableCounts(t)).toEqual(before);
      const [unchanged] = await t.db.query('SELECT tax_id FROM suppliers WHERE id = $1', [other.id]);
      expect(unchanged.tax_id).toBe('ESB12345679');
      await createSupplier(t, { taxId: 'ESB12345678', country: 'PT' });
      const [row] = await t.db.query('SELECT tax_id FROM suppliers WHERE id = $1', [first.id]);
      expect(row.tax_id).toBe('ESB12345678');
    });
  });

  describe('CSV import', () => {
    const tax = () => `IMP${Math.random().toString(36).slice(2, 10).toUpperCase()}`;

    it('imports new suppliers, then a re-import of the same tax ids updates them (created/updated counts)', async () => {
      const [t1, t2, t3] = [tax(), tax(), tax()];
      const first = csv([
        CSV_HEADER,
        `Nordwind Druckluft GmbH,${t1},DE,compressors|pumps,Jana Vogt,jana@nordwind.example,+49 40 123,ISO 9001:2015:2025-01-01:2027-12-31|ISO 14001:2024-01-01:2026-12-31,0.15`,
        `"Sur, Aire y Compañía SL",${t2},ES,compressors,,,,,0`,
        `"Lyon
Pneumatique SA",${t3},fr,compressors,Luc Martin,luc@lyon.example,,,0.4`,
      ]);
      const res = await importCsv(t, first).expect(200);
      const created = (line: number) => ({ line, supplierId: expect.any(String), outcome: 'created' });
      expect(res.body).toEqual({ created: 3, updated: 0, rows: [created(2), created(3), created(4)] });
      const [nordwind] = await t.db.query('SELECT * FROM suppliers WHERE tax_id_normalized = $1', [t1]);
      expect(res.body.rows[0].supplierId).toBe(nordwind.id);
      expect(nordwind).toMatchObject({
        legal_name: 'Nordwind Druckluft GmbH',
        country: 'DE',
        categories: ['compressors', 'pumps'],
        contacts: [{ name: 'Jana Vogt', email: 'jana@nordwind.example', phone: '+49 40 123' }],
        certifications: [
          { name: 'ISO 9001:2015', issuedOn: '2025-01-01', expiresOn: '2027-12-31' },
          { name: 'ISO 14001', issuedOn: '2024-01-01', expiresOn: '2026-12-31' },
        ],
        financial_risk: '0.1500',
        status: 'active',
      });
      const [lyon] = await t.db.query('SELECT legal_name, country FROM suppliers WHERE tax_id_normalized = $1', [t3]);
      expect(lyon).toEqual({ legal_name: 'Lyon\nPneumatique SA', country: 'FR' });

      // same tax ids written differently, one new row; a file without the certifications column keeps them
      const t4 = tax();
      const again = csv([
        'taxId,country,legalName,financialRisk,contactName,contactEmail',
        `${t1.slice(0, 4)}-${t1.slice(4).toLowerCase()},de,Nordwind Druckluft AG,0.25,Max Ernst,max@nordwind.example`,
        `${t2},ES,"Sur, Aire y Compañía SL",0.05,,`,
        `${t3},FR,Lyon Pneumatique SAS,0.4,Luc Martin,LUC@lyon.example`,
        `${t4},IT,Milano Aria Srl,0.3,,`,
      ]);
      const res2 = await importCsv(t, again).expect(200);
      expect(res2.body).toEqual({
        created: 1,
        updated: 3,
        rows: [
          { line: 2, supplierId: nordwind.id, outcome: 'updated' },
          { line: 3, supplierId: res.body.rows[1].supplierId, outcome: 'updated' },
          { line: 4, supplierId: res.body.rows[2].supplierId, outcome: 'updated' },
          { line: 5, supplierId: expect.any(String), outcome: 'created' },
        ],
      });
      const [updated] = await t.db.query('SELECT * FROM suppliers WHERE tax_id_normalized = $1', [t1]);
      expect(updated).toMatchObject({
        id: nordwind.id,
        legal_name: 'Nordwind Druckluft AG',
        financial_risk: '0.2500',
        categories: ['compressors', 'pumps'],
        certifications: nordwind.certifications,
        contacts: [
          { name: 'Max Ernst', email: 'max@nordwind.example' },
          { name: 'Jana Vogt', email: 'jana@nordwind.example', phone: '+49 40 123' },
        ],
      });
      expect(updated.updated_at.getTime()).toBeGreaterThan(nordwind.updated_at.getTime());
      const [lyon2] = await t.db.query('SELECT contacts FROM suppliers WHERE tax_id_normalized = $1', [t3]);
      expect(lyon2.contacts).toEqual([{ name: 'Luc Martin', email: 'LUC@lyon.example', roles: ['sales'], language: 'en' }]); // same email: replaced, not added
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM suppliers WHERE tax_id_normalized = ANY ($1)', [[t1, t2, t3, t4]]);
      expect(n).toBe(4);
    });

    it('imports nothing when one row is bad, and names every bad row with its line and column', async () => {
      const before = await tableCounts(t);
      const [t1, t2, t3, t4] = [tax(), tax(), tax(), tax()];
      const body = csv([
        CSV_HEADER,
        `Good One GmbH,${t1},DE,compressors,,,,,0.1`,
        `"Two-line
name GmbH",${t2},DE,compressors,,,,,0.1`,
        `Bad Country Ltd,${t3},XX,compressors,,,,,0.1`,
        `Bad Email SA,${t4},FR,compressors,Ana,ana-at-example,,ISO 9001:2026-01-01:2025-01-01,1.5`,
        `Dup Tax GmbH,${t1.toLowerCase()},DE,compressors,,,,,0.1`,
        `Short Row GmbH,${tax()},DE`,
        `No Dates GmbH,${tax()},DE,compressors,,,,ISO 9001,0.1`,
      ]);
      const res = await importCsv(t, body).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      const problems = res.body.errors.map((e: { line: number; column: string | null }) => [e.line, e.column]);
      expect(problems).toEqual([
        [5, 'country'],
        [6, 'contactEmail'],
        [6, 'certifications'],
        [6, 'financialRisk'],
        [7, 'taxId'],
        [8, null],
        [9, 'certifications'],
      ]);
      for (const e of res.body.errors) expect(e.reason).toEqual(expect.any(String));
      expect(res.body.errors.find((e: { line: number }) => e.line === 7).reason).toContain('line 2');
      expect(await tableCounts(t)).toEqual(before);
    });

    it('refuses a bad header, an empty file, a file without rows and a JSON body, importing nothing', async () => {
      const before = await tableCounts(t);
      const header = await importCsv(t, csv(['legalName,taxId,country,rating', `X,${tax()},DE,A`])).expect(400);
      expect(header.body.errors).toEqual([expect.objectContaining({ line: 1, column: 'rating' })]);
      const missing = await importCsv(t, csv(['legalName,country', 'X,DE'])).expect(400);
      expect(missing.body.errors).toEqual([expect.objectContaining({ line: 1, column: 'taxId' })]);
      const empty = await importCsv(t, '').expect(400);
      expect(empty.body.errors[0]).toMatchObject({ line: 1 });
      await importCsv(t, csv([CSV_HEADER])).expect(400);
      const json = await t.http.post('/api/v1/suppliers/import').set(t.admin.auth).send({ rows: [] }).expect(400);
      expect(json.body.errors[0].field).toBe('body');
      const quote = await importCsv(t, csv([CSV_HEADER, `"Open quote,${tax()},DE,,,,,,0`])).expect(400);
      expect(quote.body.errors[0]).toMatchObject({ column: null });
      expect(await tableCounts(t)).toEqual(before);
    });
  });

  describe('performance record', () => {
    it('records deliveries and incidents, lists them newest first and paged', async () => {
      const s = await createSupplier(t);
      const post = (body: object, who: TestUser = t.admin) => t.http.post(`/api/v1/suppliers/${s.id}/performance`).set(who.auth).send(body);
      const d1 = await post({ type: 'delivery', date: '2026-01-10', onTime: true, inFull: false }).expect(201);
      expect(d1.body).toMatchObject({ supplierId: s.id, type: 'delivery', date: '2026-01-10', onTime: true, inFull: false, severity: null, caseId: null, createdBy: t.admin.id });
      const i1 = await post({ type: 'incident', date: '2026-03-05', severity: 'major', description: 'Oil leak at commissioning' }, registrar).expect(201);
      expect(i1.body).toMatchObject({ type: 'incident', severity: 'major', description: 'Oil leak at commissioning', onTime: null, inFull: null, createdBy: registrar.id });
      await post({ type: 'delivery', date: '2025-12-01', onTime: false, inFull: true }).expect(201);
      const list = await t.http.get(`/api/v1/suppliers/${s.id}/performance`).set(member.auth).expect(200);
      expect(list.body.total).toBe(3);
      expect(list.body.items.map((e: { date: string }) => e.date)).toEqual(['2026-03-05', '2026-01-10', '2025-12-01']);
      const page = await t.http.get(`/api/v1/suppliers/${s.id}/performance?limit=1&offset=1`).set(member.auth).expect(200);
      expect(page.body).toMatchObject({ total: 3, items: [expect.objectContaining({ id: d1.body.id })] });
      await t.http.get('/api/v1/suppliers/00000000-0000-4000-8000-000000000000/performance').set(member.auth).expect(404);
    });

    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const badEvents: Array<[string, Record<string, unknown>, string]> = [
      ['a delivery with a severity', { type: 'delivery', date: today, onTime: true, inFull: true, severity: 'minor' }, 'severity'],
      ['a delivery without inFull', { type: 'delivery', date: today, onTime: true }, 'inFull'],
      ['a delivery with onTime as a string', { type: 'delivery', date: today, onTime: 'yes', inFull: true }, 'onTime'],
      ['an incident without description', { type: 'incident', date: today, severity: 'minor' }, 'description'],
      ['an incident with an unknown severity', { type: 'incident', date: today, severity: 'fatal', description: 'x' }, 'severity'],
      ['an incident with onTime', { type: 'incident', date: today, severity: 'minor', description: 'x', onTime: true }, 'onTime'],
      ['an incident with a case', { type: 'incident', date: today, severity: 'minor', description: 'x', caseId: '00000000-0000-4000-8000-000000000000' }, 'caseId'],
      ['a date in the future', { type: 'delivery', date: tomorrow, onTime: true, inFull: true }, 'date'],
      ['an impossible date', { type: 'delivery', date: '2026-02-29', onTime: true, inFull: true }, 'date'],
      ['an unknown type', { type: 'audit', date: today }, 'type'],
      ['an unknown field', { type: 'delivery', date: today, onTime: true, inFull: true, late: 2 }, 'late'],
    ];
    for (const [what, body, field] of badEvents) {
      it(`refuses ${what} (400 naming ${field}), storing nothing`, async () => {
        const s = await createSupplier(t);
        const before = await tableCounts(t);
        const res = await t.http.post(`/api/v1/suppliers/${s.id}/performance`).set(t.admin.auth).send(body).expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        expect(await tableCounts(t)).toEqual(before);
      });
    }

    it('lets the buyer of an AWARDED case record the delivery against it (audited on the case); others not', async () => {
      const s = await createSupplier(t);
      const other = await createSupplier(t);
      const { caseId, people } = await awardedCase(t, s.id);
      const open = await caseWithBuyingCenter(t);
      const delivery = { type: 'delivery', date: '2026-11-02', onTime: true, inFull: true, caseId };

      const ok = await t.http.post(`/api/v1/suppliers/${s.id}/performance`).set(people.buyer.auth).send(delivery).expect(201);
      expect(ok.body.caseId).toBe(caseId);
      expect(await auditActions(t, caseId)).toContain('performance.recorded');
      const [event] = await t.db.query(`SELECT data FROM audit_events WHERE case_id = $1 AND action = 'performance.recorded'`, [caseId]);
      expect(event.data).toMatchObject({ eventId: ok.body.id, supplierId: s.id, onTime: true, inFull: true });

      const before = await tableCounts(t);
      // a supplier the case was not awarded to
      const wrong = await t.http.post(`/api/v1/suppliers/${other.id}/performance`).set(people.buyer.auth).send(delivery).expect(422);
      expect(wrong.body.errors[0].field).toBe('caseId');
      // a buyer of another case: this case is not theirs to see
      await t.http.post(`/api/v1/suppliers/${s.id}/performance`).set(buyer.auth).send(delivery).expect(404);
      // the admin records performance, but not as the case's buyer
      await t.http.post(`/api/v1/suppliers/${s.id}/performance`).set(t.admin.auth).send(delivery).expect(403);
      // someone on the case without the buyer role (the prescriber holds no procurement or registry role: the guard says 403)
      await t.http.post(`/api/v1/suppliers/${s.id}/performance`).set(people.prescriber.auth).send(delivery).expect(403);
      // a case that is not AWARDED
      await t.http
        .post(`/api/v1/suppliers/${s.id}/performance`)
        .set(open.people.buyer.auth)
        .send({ ...delivery, caseId: open.caseId })
        .expect(409);
      await t.http
        .post(`/api/v1/suppliers/${s.id}/performance`)
        .set(people.buyer.auth)
        .send({ ...delivery, caseId: '00000000-0000-4000-8000-000000000000' })
        .expect(404);
      expect(await tableCounts(t)).toEqual(before);
    });
  });

  describe('reliability', () => {
    const policyReliability = async () => (await t.http.get('/api/v1/policy').set(member.auth).expect(200)).body.reliability;

    it('scores one on-time delivery today as worked out by hand (shrinkage toward 0.5)', async () => {
      const s = await createSupplier(t, { certifications: [], financialRisk: 0 });
      const today = new Date().toISOString().slice(0, 10);
      await t.http.post(`/api/v1/suppliers/${s.id}/performance`).set(t.admin.auth).send({ type: 'delivery', date: today, onTime: true, inFull: true }).expect(201);
      const res = await t.http.get(`/api/v1/suppliers/${s.id}/reliability`).set(member.auth).expect(200);
      // r = 1; otif = (1 + 5·0.5)/(1 + 5) = 0.58333; quality the same; certs 0 (none listed); fin = 1
      // score = 100·(0.5·0.58333 + 0.3·0.58333 + 0.1·0 + 0.1·1) = 56.667
      expect(res.body.asOf).toBe(today);
      expect(res.body.parts.otif).toBeCloseTo(3.5 / 6, 12);
      expect(res.body.parts.quality).toBeCloseTo(3.5 / 6, 12);
      expect(res.body.parts).toMatchObject({ certifications: 0, financial: 1 });
      expect(res.body.score).toBeCloseTo(56.6667, 4);
      expect(res.body.observations).toMatchObject({ deliveries: 1, incidents: 0 });
    });

    it('matches the pure function on a hand-made history, and asOf ignores later events', async () => {
      const certifications = [
        { name: 'ISO 9001', issuedOn: '2024-01-01', expiresOn: '2026-12-31' },
        { name: 'ISO 14001', issuedOn: '2020-01-01', expiresOn: '2025-06-30' },
      ];
      const s = await createSupplier(t, { certifications, financialRisk: 0.25 });
      const deliveries = [
        { date: '2025-01-10', onTime: true, inFull: true },
        { date: '2025-03-01', onTime: false, inFull: true },
        { date: '2025-09-15', onTime: true, inFull: true },
        { date: '2026-02-01', onTime: true, inFull: false },
        { date: '2026-10-01', onTime: true, inFull: true },
      ];
      const incidents = [
        { date: '2025-05-05', severity: 'major' as const },
        { date: '2026-08-03', severity: 'critical' as const },
      ];
      for (const d of deliveries) {
        await t.http.post(`/api/v1/suppliers/${s.id}/performance`).set(registrar.auth).send({ type: 'delivery', ...d }).expect(201);
      }
      for (const i of incidents) {
        await t.http
          .post(`/api/v1/suppliers/${s.id}/performance`)
          .set(registrar.auth)
          .send({ type: 'incident', ...i, description: 'hand-made' })
          .expect(201);
      }
      const policy = await policyReliability();
      expect(policy).toEqual(DEFAULT_POLICY.reliability);
      const asOf = '2026-06-30';
      const res = await t.http.get(`/api/v1/suppliers/${s.id}/reliability?asOf=${asOf}`).set(member.auth).expect(200);
      const expected = reliabilityScore({ asOf, deliveries, incidents, certifications, financialRisk: 0.25 }, policy);
      expect(res.body.score).toBeCloseTo(expected.score, 9);
      expect(res.body.parts.otif).toBeCloseTo(expected.parts.otif, 12);
      expect(res.body.parts.quality).toBeCloseTo(expected.parts.quality, 12);
      expect(res.body.parts.certifications).toBe(0.5); // ISO 14001 expired on 2025-06-30
      expect(res.body.parts.financial).toBe(0.75);
      // only what happened up to asOf: 4 deliveries, 1 incident
      expect(res.body.observations).toMatchObject({ deliveries: 4, incidents: 1, certificationsValid: 1, certificationsListed: 2 });
      const earlierOnly = reliabilityScore(
        { asOf, deliveries: deliveries.slice(0, 4), incidents: incidents.slice(0, 1), certifications, financialRisk: 0.25 },
        policy,
      );
      expect(res.body.score).toBeCloseTo(earlierOnly.score, 9);
      const now = await t.http.get(`/api/v1/suppliers/${s.id}/reliability`).set(member.auth).expect(200);
      expect(now.body.observations).toMatchObject({ deliveries: 5, incidents: 2 });
      expect(now.body.score).not.toBeCloseTo(res.body.score, 3);

      const bad = await t.http.get(`/api/v1/suppliers/${s.id}/reliability?asOf=2026-13-01&x=1`).set(member.auth).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['asOf', 'x']);
      await t.http.get('/api/v1/suppliers/00000000-0000-4000-8000-000000000000/reliability').set(member.auth).expect(404);
    });

    it('takes its constants from the policy', async () => {
      const s = await createSupplier(t, { certifications: [], financialRisk: 0 });
      await t.http.post(`/api/v1/suppliers/${s.id}/performance`).set(t.admin.auth).send({ type: 'delivery', date: '2026-01-01', onTime: true, inFull: true }).expect(201);
      const only = (reliability: object) => ({ reliability });
      await t.http.put('/api/v1/policy').set(t.admin.auth).send(only({ ...DEFAULT_POLICY.reliability, priorStrength: 10 })).expect(200);
      try {
        const res = await t.http.get(`/api/v1/suppliers/${s.id}/reliability?asOf=2026-01-01`).set(member.auth).expect(200);
        // k = 10: otif = (1 + 10·0.5)/(1 + 10) = 6/11
        expect(res.body.parts.otif).toBeCloseTo(6 / 11, 12);
        expect(res.body.score).toBeCloseTo(100 * (0.8 * (6 / 11) + 0.1), 9);
      } finally {
        await t.http.put('/api/v1/policy').set(t.admin.auth).send(only(DEFAULT_POLICY.reliability)).expect(200);
      }
    });
  });
});
