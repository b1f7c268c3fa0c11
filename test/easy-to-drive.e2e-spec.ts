import { decisionCase, putScores } from './factories/evaluation';
import { createSupplier, csv, CSV_HEADER, importCsv } from './factories/suppliers';
import { tableCounts } from './factories';
import { closeRound, negotiationCase, openRound, recordOffer } from './factories/negotiation';
import { caseInSpecification, putSpecification, specBody } from './factories/specification';
import { caseInShortlisting } from './factories/suppliers';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * Issue "Easy to drive": every error at once, no silent surprises. Each finding of the issue is
 * one describe block here, each failing on the main branch it was filed against.
 */
describe('easy to drive: every error at once, no silent surprises', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('finding 2: an offer with six mistakes gets one 400 naming all six', () => {
    it('lists the body rules and the specification rules together; requirements and criteria by their text, with their id', async () => {
      const n = await negotiationCase(t);
      await openRound(t, n);
      const [iso, lead] = n.requirements;
      const res = await recordOffer(t, n, 1, n.suppliers[0].id, {
        currency: 'eur', // 1. body rule: upper-case ISO 4217
        leadTimeDays: -3, // 2. body rule: ≥ 0
        totalPrice: '1000',
        lineItems: [{ description: 'compressor', quantity: '2', unitPrice: '400' }], // 3. adds up to 800, not 1000
        validUntil: '2020-01-01', // 4. before the round's deadline
        compliance: [{ requirementId: iso.id, met: true }], // 5. "Delivery within 30 days" unanswered
        values: [{ criterionId: n.criteria.energy, value: 12.5 }], // 6. no value for "Noise reduction (dB)"
      }).expect(400);
      const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field);
      expect(new Set(fields)).toEqual(new Set(['currency', 'leadTimeDays', 'lineItems', 'validUntil', 'compliance', 'values']));
      const messages = (res.body.errors as Array<{ field: string; message: string }>).map((e) => `${e.field}: ${e.message}`);
      expect(messages).toContain(`compliance: no answer for the mandatory requirement "${lead.text}" (id ${lead.id})`);
      expect(messages).toContain(`values: no value for the criterion "Noise reduction (dB)" (id ${n.criteria.noise}), which is sourced from offers`);
      // nothing was stored
      const stored = await t.db.query('SELECT count(*)::int AS n FROM offers');
      expect(stored[0].n).toBe(0);
    });

    it('a supplier not in the round and a body mistake come in the same answer; a valid offer still passes', async () => {
      const n = await negotiationCase(t);
      await openRound(t, n);
      const res = await recordOffer(t, n, 1, '00000000-0000-4000-8000-00000000abcd', { paymentDays: 'thirty' }).expect(400);
      expect(new Set((res.body.errors as Array<{ field: string }>).map((e) => e.field))).toEqual(new Set(['paymentDays', 'supplierId']));
      // a malformed supplier id is named once, by its format, and never reaches the database
      const malformed = await recordOffer(t, n, 1, 'not-a-uuid', { validUntil: '2020-01-01' }).expect(400);
      expect((malformed.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['supplierId', 'validUntil']);
      await recordOffer(t, n, 1, n.suppliers[0].id).expect(201);
    });

    it('the supplier portal answers the same way: body and specification problems together', async () => {
      const n = await negotiationCase(t);
      await openRound(t, n);
      const invitations = await t.http.post(`/api/v1/cases/${n.caseId}/rounds/1/invitations`).set(n.people.buyer.auth).send({}).expect(201);
      const token = (invitations.body as Array<{ token: string }>)[0].token;
      const res = await t.http
        .post('/api/v1/supplier-portal/offers')
        .set({ Authorization: `Bearer ${token}` })
        .send({
          totalPrice: '-1',
          currency: 'EUR',
          leadTimeDays: 21,
          warrantyMonths: 24,
          paymentDays: 30,
          validUntil: '2099-12-31',
          compliance: [],
          values: [],
        })
        .expect(400);
      expect(new Set((res.body.errors as Array<{ field: string }>).map((e) => e.field))).toEqual(new Set(['totalPrice', 'compliance', 'values']));
    });
  });

  describe('finding 2, beyond offers: a supplier and a case with body and cross-field mistakes get one 400', () => {
    it('a blocked supplier without a reason and a bad country are named together', async () => {
      const res = await t.http
        .post('/api/v1/suppliers')
        .set(t.admin.auth)
        .send({ legalName: 'Blocked GmbH', taxId: 'DE1234567', country: 'Germany', status: 'blocked' })
        .expect(400);
      expect(new Set((res.body.errors as Array<{ field: string }>).map((e) => e.field))).toEqual(new Set(['country', 'blockedReason']));
    });

    it('a change of a supplier: blocking it without a reason and a bad country are named together, and nothing changes', async () => {
      const supplier = await createSupplier(t);
      const res = await t.http.patch(`/api/v1/suppliers/${supplier.id}`).set(t.admin.auth).send({ status: 'blocked', country: 'Germany', colour: 'blue' }).expect(400);
      expect(new Set((res.body.errors as Array<{ field: string }>).map((e) => e.field))).toEqual(new Set(['country', 'blockedReason', 'colour']));
      expect((await t.http.get(`/api/v1/suppliers/${supplier.id}`).set(t.admin.auth).expect(200)).body).toMatchObject({ status: 'active', country: supplier.country });
    });

    it('a straight rebuy without a previous case and a bad budget are named together', async () => {
      const res = await t.http
        .post('/api/v1/cases')
        .set(t.admin.auth)
        .send({
          title: 'Rebuy',
          businessNeed: 'Same again',
          quantity: 1,
          unit: 'pcs',
          estimatedBudget: 'lots',
          currency: 'EUR',
          neededBy: '2027-01-01',
          category: 'compressors',
          purchaseType: 'straight_rebuy',
          profitImpact: 1,
          supplyRisk: 1,
        })
        .expect(400);
      expect(new Set((res.body.errors as Array<{ field: string }>).map((e) => e.field))).toEqual(new Set(['estimatedBudget', 'previousCaseId']));
    });

    it('a cancellation without a reason and an unknown field are named together, and the case stays where it was', async () => {
      const c = await caseInSpecification(t);
      const res = await t.http.post(`/api/v1/cases/${c.caseId}/transitions`).set(t.admin.auth).send({ to: 'CANCELLED', urgent: true }).expect(400);
      const errors = res.body.errors as Array<{ field: string; message: string }>;
      expect(new Set(errors.map((e) => e.field))).toEqual(new Set(['reason', 'urgent']));
      expect(errors.find((e) => e.field === 'reason')?.message).toBe('a cancellation needs a reason');
      const after = await t.http.get(`/api/v1/cases/${c.caseId}`).set(t.admin.auth).expect(200);
      expect(after.body.stage).toBe('SPECIFICATION');
      // a blank reason is no reason; a reason on another move is still only checked for its form
      await t.http.post(`/api/v1/cases/${c.caseId}/transitions`).set(t.admin.auth).send({ to: 'CANCELLED', reason: '' }).expect(400);
      const cancelled = await t.http.post(`/api/v1/cases/${c.caseId}/transitions`).set(t.admin.auth).send({ to: 'CANCELLED', reason: 'budget withdrawn' }).expect(200);
      expect(cancelled.body.stage).toBe('CANCELLED');
    });
  });

  describe('finding 2, the specification: body rules and the rules against the current version in one 400', () => {
    it('a draft: a bad weight, an unknown field and a duplicate criterion name are named together', async () => {
      const { caseId, people } = await caseInSpecification(t);
      const body = specBody();
      const criteria = [...body.criteria, { ...body.criteria[0], name: body.criteria[0].name.toUpperCase() }];
      criteria[1] = { ...criteria[1], weight: -5 };
      const res = await putSpecification(t, caseId, people.prescriber, { ...body, criteria, colour: 'blue' }, 400);
      expect(new Set((res.errors as Array<{ field: string }>).map((e) => e.field))).toEqual(new Set(['colour', 'criteria.1.weight', `criteria.${criteria.length - 1}.name`]));
      expect((await t.http.get(`/api/v1/cases/${caseId}/specification`).set(people.prescriber.auth)).status).toBe(404);
    });

    it('a frozen one: a revision without its reason, with a blank description and an id not of the current version', async () => {
      const { caseId, people } = await caseInShortlisting(t);
      const current = (await t.http.get(`/api/v1/cases/${caseId}/specification`).set(people.prescriber.auth).expect(200)).body;
      const body = specBody();
      const res = await putSpecification(
        t,
        caseId,
        people.prescriber,
        { ...body, description: '   ', criteria: body.criteria.map((k, i) => (i === 0 ? { ...k, id: '00000000-0000-4000-8000-000000000000' } : k)) },
        400,
      );
      expect(new Set((res.errors as Array<{ field: string }>).map((e) => e.field))).toEqual(new Set(['description', 'reason', 'criteria.0.id']));
      expect((await t.http.get(`/api/v1/cases/${caseId}/specification`).set(people.prescriber.auth).expect(200)).body.version).toBe(current.version);
    });
  });

  describe('finding 3: a matrix ranked before every qualitative criterion is scored says so', () => {
    it('warns per unscored criterion, lists the cells and flags the ranking provisional until they are scored', async () => {
      const d = await decisionCase(t);
      const url = `/api/v1/cases/${d.caseId}/matrix`;
      const before = await t.http.get(url).set(d.people.decider.auth).expect(200);
      expect(before.body.provisional).toBe(true);
      // Cumulus is excluded (expired ISO 9001): only the ranked suppliers are named, by name
      const ranked = [d.suppliers.atlas.name, d.suppliers.boreal.name].join(', ');
      expect(before.body.warnings).toEqual([`"Build quality" has no evaluator score for ${ranked}: counted as 0, so the ranking is provisional`]);
      expect(before.body.unscored).toHaveLength(2);
      expect(before.body.unscored[0]).toMatchObject({ criterionId: d.criteria.quality, criterionName: 'Build quality' });

      await putScores(t, d, d.people.evaluator, [{ supplierId: d.suppliers.atlas.id, criterionId: d.criteria.quality, score: 8 }]).expect(200);
      const half = await t.http.get(url).set(d.people.decider.auth).expect(200);
      expect(half.body.provisional).toBe(true);
      expect(half.body.warnings).toEqual([`"Build quality" has no evaluator score for ${d.suppliers.boreal.name}: counted as 0, so the ranking is provisional`]);

      await putScores(t, d, d.people.evaluator, [{ supplierId: d.suppliers.boreal.id, criterionId: d.criteria.quality, score: 6 }]).expect(200);
      const after = await t.http.get(url).set(d.people.decider.auth).expect(200);
      expect(after.body).toMatchObject({ provisional: false, unscored: [], warnings: [] });
    });
  });

  describe('finding 4: the CSV import names every problem of every row in one pass, in the file\'s column names', () => {
    const tax = () => `DRV${Math.random().toString(36).slice(2, 10).toUpperCase()}`;

    it('a duplicate of a row that has another problem is named in the same answer as that problem', async () => {
      const t1 = tax();
      const res = await importCsv(
        t,
        csv([
          CSV_HEADER,
          `Bad Email GmbH,${t1},DE,compressors,Ana,ana-at-example,,,0.1`,
          `Duplicate GmbH,${t1.toLowerCase()},de,compressors,,,,,0.1`,
        ]),
      ).expect(400);
      expect((res.body.errors as Array<{ line: number; column: string }>).map((e) => [e.line, e.column])).toEqual([
        [2, 'contactEmail'],
        [3, 'taxId'],
      ]);
      expect(res.body.errors[1].reason).toBe(`tax id ${t1} (DE) is already on line 2`);
    });

    it('says which column is missing for a contact, by the CSV column names', async () => {
      const res = await importCsv(
        t,
        csv([
          CSV_HEADER,
          `Name Only GmbH,${tax()},DE,compressors,Jana Vogt,,,,0.1`,
          `Email Only GmbH,${tax()},DE,compressors,,jana@example.com,,,0.1`,
          `Bad Email GmbH,${tax()},DE,compressors,Jana Vogt,jana-at-example,,,0.1`,
        ]),
      ).expect(400);
      const reasons = (res.body.errors as Array<{ line: number; column: string; reason: string }>).map((e) => [e.line, e.column, e.reason]);
      expect(reasons).toEqual([
        [2, 'contactEmail', 'contactEmail is required when contactName is given'],
        [3, 'contactName', 'contactName is required when contactEmail is given'],
        [4, 'contactEmail', expect.stringMatching(/^contactEmail must be an email/)],
      ]);
      for (const [, , reason] of reasons) expect(reason).not.toMatch(/contacts\./);
    });

    it('answers a success with the created and updated suppliers by line', async () => {
      const [t1, t2] = [tax(), tax()];
      const first = await importCsv(t, csv([CSV_HEADER, `One GmbH,${t1},DE,compressors,,,,,0.1`])).expect(200);
      const again = await importCsv(t, csv([CSV_HEADER, `Two GmbH,${t2},DE,compressors,,,,,0.1`, `One AG,${t1},DE,compressors,,,,,0.1`])).expect(200);
      const [two] = await t.db.query('SELECT id FROM suppliers WHERE tax_id_normalized = $1', [t2]);
      expect(again.body).toEqual({
        created: 1,
        updated: 1,
        rows: [
          { line: 2, supplierId: two.id, outcome: 'created' },
          { line: 3, supplierId: first.body.rows[0].supplierId, outcome: 'updated' },
        ],
      });
    });
  });

  describe('finding 7: amounts keep their currency\'s minor units wherever they are shown', () => {
    it('"990.20" EUR stays "990.20", a BHD offer shows "990.200", a converted total keeps its further digits', async () => {
      const n = await negotiationCase(t);
      const [a, b] = n.suppliers;
      await openRound(t, n);
      await recordOffer(t, n, 1, a.id, { totalPrice: '990.20', lineItems: [{ description: 'compressor', quantity: '2', unitPrice: '495.1' }] }).expect(201);
      await recordOffer(t, n, 1, b.id, { totalPrice: '990.2', currency: 'BHD' }).expect(201);
      await t.http.put(`/api/v1/cases/${n.caseId}/exchange-rates`).set(n.people.buyer.auth).send({ rates: [{ currency: 'BHD', rate: '2.43' }] }).expect(200);
      await closeRound(t, n, 1).expect(200);

      const offers = await t.http.get(`/api/v1/cases/${n.caseId}/rounds/1/offers`).set(n.people.buyer.auth).expect(200);
      const bySupplier = new Map((offers.body.items as Array<{ supplierId: string }>).map((o) => [o.supplierId, o as Record<string, unknown>]));
      expect(bySupplier.get(a.id)).toMatchObject({ totalPrice: '990.20', currency: 'EUR', convertedTotal: '990.20', lineItems: [{ quantity: '2', unitPrice: '495.10' }] });
      // 990.2 BHD × 2.43 = 2406.186 EUR: exact, with more digits than cents, never rounded
      expect(bySupplier.get(b.id)).toMatchObject({ totalPrice: '990.200', currency: 'BHD', convertedTotal: '2406.186' });

      const comparison = await t.http.get(`/api/v1/cases/${n.caseId}/rounds/1/comparison`).set(n.people.buyer.auth).expect(200);
      expect((comparison.body.items as Array<{ totalPrice: string }>).map((o) => o.totalPrice)).toEqual(['990.20', '990.200']);

      const matrix = await t.http.get(`/api/v1/cases/${n.caseId}/matrix`).set(n.people.buyer.auth).expect(200);
      const ranked = new Map((matrix.body.ranking as Array<{ supplierId: string; totalPrice: string; convertedTotal: string }>).map((r) => [r.supplierId, r]));
      expect(ranked.get(a.id)).toMatchObject({ totalPrice: '990.20', convertedTotal: '990.20' });
      expect(ranked.get(b.id)).toMatchObject({ totalPrice: '990.200', convertedTotal: '2406.186' });
    });

    it('a JPY case shows its budget without decimals; an offer with more decimals than numeric(20,4) holds is still refused', async () => {
      const n = await negotiationCase(t, { currency: 'JPY' });
      const c = await t.http.get(`/api/v1/cases/${n.caseId}`).set(n.people.buyer.auth).expect(200);
      expect(c.body.currency).toBe('JPY');
      expect(c.body.estimatedBudget).toMatch(/^\d+$/);
      await openRound(t, n);
      const refused = await recordOffer(t, n, 1, n.suppliers[0].id, { totalPrice: '990.12345', currency: 'JPY' }).expect(400);
      expect((refused.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(['totalPrice']);
      await recordOffer(t, n, 1, n.suppliers[0].id, { totalPrice: '990', currency: 'JPY' }).expect(201);
      await closeRound(t, n, 1).expect(200);
      const offers = await t.http.get(`/api/v1/cases/${n.caseId}/rounds/1/offers`).set(n.people.buyer.auth).expect(200);
      expect(offers.body.items[0]).toMatchObject({ totalPrice: '990', convertedTotal: '990' });
    });
  });

  describe.each([['/performance/batch'], ['/performance']])('finding 6: performance events in bulk through %s', (path) => {
    const events = (supplierId: string, body: object) => t.http.post(`/api/v1/suppliers/${supplierId}${path}`).set(t.admin.auth).send(body);

    it('records many events of one supplier in one call, in the order sent', async () => {
      const s = await createSupplier(t);
      const res = await events(s.id, {
        events: [
          { type: 'delivery', date: '2026-01-10', onTime: true, inFull: true },
          { type: 'delivery', date: '2026-02-10', onTime: false, inFull: true },
          { type: 'incident', date: '2026-02-12', severity: 'minor', description: 'Scratched housing' },
        ],
      }).expect(201);
      expect(res.body.total).toBe(3);
      expect((res.body.items as Array<{ date: string; type: string; supplierId: string }>).map((e) => [e.date, e.type, e.supplierId])).toEqual([
        ['2026-01-10', 'delivery', s.id],
        ['2026-02-10', 'delivery', s.id],
        ['2026-02-12', 'incident', s.id],
      ]);
      const list = await t.http.get(`/api/v1/suppliers/${s.id}/performance`).set(t.admin.auth).expect(200);
      expect(list.body.total).toBe(3);
    });

    it('refuses the whole call naming every bad event, and stores none', async () => {
      const s = await createSupplier(t);
      const before = await tableCounts(t);
      const res = await events(s.id, {
        events: [
          { type: 'delivery', date: '2026-01-10', onTime: true, inFull: true },
          { type: 'delivery', date: '2026-02-30', onTime: true, inFull: true },
          { type: 'incident', date: '2026-02-12', severity: 'fatal', description: 'x' },
        ],
      }).expect(400);
      expect(new Set((res.body.errors as Array<{ field: string }>).map((e) => e.field))).toEqual(new Set(['events.1.date', 'events.2.severity']));
      expect(await tableCounts(t)).toEqual(before);
    });

  });

  describe('finding 6: performance events in bulk', () => {
    const importEvents = (body: string) => t.http.post('/api/v1/suppliers/performance/import').set(t.admin.auth).set('Content-Type', 'text/csv').send(body);

    it('POST /suppliers/:id/performance takes one event (answered as the event) or a JSON array of them (answered as the list)', async () => {
      const s = await createSupplier(t);
      const one = await t.http.post(`/api/v1/suppliers/${s.id}/performance`).set(t.admin.auth).send({ type: 'delivery', date: '2026-01-10', onTime: true, inFull: true }).expect(201);
      expect(one.body).toMatchObject({ supplierId: s.id, type: 'delivery', date: '2026-01-10' });
      expect(one.body.items).toBeUndefined();
      const many = await t.http
        .post(`/api/v1/suppliers/${s.id}/performance`)
        .set(t.admin.auth)
        .send([
          { type: 'delivery', date: '2026-02-10', onTime: false, inFull: true },
          { type: 'incident', date: '2026-02-12', severity: 'minor', description: 'Scratched housing' },
        ])
        .expect(201);
      expect((many.body.items as Array<{ date: string }>).map((e) => e.date)).toEqual(['2026-02-10', '2026-02-12']);
      const before = await tableCounts(t);
      const mixed = await t.http.post(`/api/v1/suppliers/${s.id}/performance`).set(t.admin.auth).send({ type: 'delivery', events: [{ type: 'delivery', date: 'soon' }] }).expect(400);
      expect(new Set((mixed.body.errors as Array<{ field: string }>).map((e) => e.field))).toEqual(new Set(['type', 'events.0.date', 'events.0.onTime', 'events.0.inFull']));
      await t.http.post(`/api/v1/suppliers/${s.id}/performance`).set(t.admin.auth).send([]).expect(400);
      expect(await tableCounts(t)).toEqual(before);
    });

    it('imports the events of many suppliers from one CSV, all or nothing, every bad line named', async () => {
      const a = await createSupplier(t);
      const b = await createSupplier(t);
      const [ra] = await t.db.query('SELECT tax_id_normalized AS tax, country FROM suppliers WHERE id = $1', [a.id]);
      const [rb] = await t.db.query('SELECT tax_id_normalized AS tax, country FROM suppliers WHERE id = $1', [b.id]);
      const header = 'taxId,country,type,date,onTime,inFull,severity,description';
      const before = await tableCounts(t);
      const bad = await importEvents(
        csv([
          header,
          `${ra.tax},${ra.country},delivery,2026-01-10,true,true,,`,
          `XX999,DE,delivery,2026-01-11,true,true,,`,
          `${rb.tax},${rb.country},delivery,2026-13-01,true,true,,`,
          `${rb.tax},${rb.country},delivery,2026-01-12,true,true,minor,`,
          `${rb.tax},${rb.country},incident,2026-01-12,,,major,`,
        ]),
      ).expect(400);
      expect((bad.body.errors as Array<{ line: number; column: string }>).map((e) => [e.line, e.column])).toEqual([
        [3, 'taxId'],
        [4, 'date'],
        [5, 'severity'],
        [6, 'description'],
      ]);
      expect(bad.body.errors[0].reason).toBe('no supplier with tax id XX999 in DE in the registry');
      expect(await tableCounts(t)).toEqual(before);

      const good = await importEvents(
        csv([
          header,
          `${ra.tax},${ra.country},delivery,2026-01-10,true,true,,`,
          `${rb.tax.toLowerCase()},${rb.country.toLowerCase()},delivery,2026-01-11,yes,no,,`,
          `${rb.tax},${rb.country},incident,2026-01-12,,,major,"Leak, found at goods receipt"`,
        ]),
      ).expect(200);
      expect(good.body).toEqual({
        created: 3,
        rows: [
          { line: 2, eventId: expect.any(String), supplierId: a.id },
          { line: 3, eventId: expect.any(String), supplierId: b.id },
          { line: 4, eventId: expect.any(String), supplierId: b.id },
        ],
      });
      const listB = await t.http.get(`/api/v1/suppliers/${b.id}/performance`).set(t.admin.auth).expect(200);
      expect(listB.body.items).toEqual([
        expect.objectContaining({ type: 'incident', severity: 'major', description: 'Leak, found at goods receipt' }),
        expect.objectContaining({ type: 'delivery', onTime: true, inFull: false }),
      ]);
    });
  });
});
