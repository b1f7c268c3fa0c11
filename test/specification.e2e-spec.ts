import { caseWithBuyingCenter, createCase, tableCounts } from './factories';
import {
  auditActions,
  caseInSpecification,
  caseWithSameBuyingCenter,
  leadTimeCriterion,
  priceCriterion,
  putSpecification,
  qualityCriterion,
  specBody,
  transition,
  warrantyCriterion,
} from './factories/specification';
import { startTestApp, type TestApp } from './setup/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BUILTIN_RELIABILITY = '00000000-0000-4000-8000-000000000001';

type Item = { id: string; name: string; weight: number };
const fields = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

describe('specification: versioned spec, requirements, criteria, AHP and effective weights', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Rows and the stored specification, to show that a refused request changed nothing. */
  const snapshot = async (caseId: string) => ({
    counts: await tableCounts(t),
    rows: await t.db.query('SELECT version, frozen_at, criteria, requirements, ahp, updated_at FROM specification_versions WHERE case_id = $1 ORDER BY version', [caseId]),
  });

  it('documents its endpoints in the OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    for (const path of ['specification', 'specification/versions', 'criteria/ahp', 'weights']) {
      expect(doc.paths[`/api/v1/cases/{id}/${path}`]).toBeDefined();
    }
  });

  describe('writing and reading', () => {
    it('the prescriber writes the draft: ids for every item, version 1, normalized weights; audited', async () => {
      const { caseId, people } = await caseInSpecification(t);
      const spec = await putSpecification(t, caseId, people.prescriber);
      expect(spec).toMatchObject({
        caseId,
        version: 1,
        frozen: false,
        frozenAt: null,
        quantity: 2,
        createdBy: { id: people.prescriber.id, name: 'Pablo Prescriber' },
      });
      expect(spec.id).toMatch(UUID);
      expect(spec.requirements).toHaveLength(5);
      for (const item of [...spec.requirements, ...spec.criteria]) expect(item.id).toMatch(UUID);
      expect(new Set([...spec.requirements, ...spec.criteria].map((i: { id: string }) => i.id)).size).toBe(8);
      expect(spec.requirements.map((r: { type: string; value: unknown }) => [r.type, r.value])).toEqual([
        ['certification', 'ISO 9001'],
        ['max_lead_time_days', 60],
        ['min_warranty_months', 24],
        ['yes_no', true],
        ['text', null],
      ]);
      // 50/30/20 out of 100
      expect(spec.criteria.map((c: { weight: number }) => c.weight)).toEqual([50, 30, 20]);
      expect(spec.criteria.map((c: { normalizedWeight: number }) => c.normalizedWeight)).toEqual([0.5, 0.3, 0.2]);
      expect(await auditActions(t, caseId)).toContain('specification.saved');

      const read = await t.http.get(`/api/v1/cases/${caseId}/specification`).set(people.evaluator.auth).expect(200);
      expect(read.body).toEqual(spec);
    });

    it('only the prescriber writes: every other role 403, an admin without a role 403, a non-member 404; nothing changes', async () => {
      const { caseId, people } = await caseInSpecification(t);
      const before = await snapshot(caseId);
      for (const role of ['initiator', 'buyer', 'evaluator', 'gatekeeper', 'decider', 'approver'] as const) {
        const res = await t.http.put(`/api/v1/cases/${caseId}/specification`).set(people[role].auth).send(specBody()).expect(403);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        await t.http.post(`/api/v1/cases/${caseId}/criteria/ahp`).set(people[role].auth).send({ criteria: [], matrix: [] }).expect(403);
      }
      await t.http.put(`/api/v1/cases/${caseId}/specification`).set(t.admin.auth).send(specBody()).expect(403);
      await t.http.put(`/api/v1/cases/${caseId}/specification`).set(people.outsider.auth).send(specBody()).expect(404);
      expect(await snapshot(caseId)).toEqual(before);
    });

    it('every role and an admin read the specification, its versions and the weights; a non-member gets 404', async () => {
      const { caseId, people } = await caseInSpecification(t);
      await putSpecification(t, caseId, people.prescriber);
      for (const role of ['initiator', 'prescriber', 'buyer', 'evaluator', 'gatekeeper', 'decider', 'approver'] as const) {
        await t.http.get(`/api/v1/cases/${caseId}/specification`).set(people[role].auth).expect(200);
        await t.http.get(`/api/v1/cases/${caseId}/specification/versions`).set(people[role].auth).expect(200);
        await t.http.get(`/api/v1/cases/${caseId}/weights`).set(people[role].auth).expect(200);
      }
      await t.http.get(`/api/v1/cases/${caseId}/specification`).set(t.admin.auth).expect(200);
      for (const path of ['specification', 'specification/versions', 'weights']) {
        await t.http.get(`/api/v1/cases/${caseId}/${path}`).set(people.outsider.auth).expect(404);
      }
    });

    it('refuses a PUT while the case is in NEED (409)', async () => {
      const { caseId, people } = await caseWithBuyingCenter(t);
      const res = await t.http.put(`/api/v1/cases/${caseId}/specification`).set(people.prescriber.auth).send(specBody()).expect(409);
      expect(res.body.code).toBe('STAGE_NOT_ALLOWED');
    });

    it('answers 404 problem+json before any specification exists, and an empty list of versions', async () => {
      const { caseId, people } = await caseWithBuyingCenter(t);
      const none = await t.http.get(`/api/v1/cases/${caseId}/specification`).set(people.prescriber.auth).expect(404);
      expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(none.body.detail).toBe('specification not found');
      await t.http.get(`/api/v1/cases/${caseId}/weights`).set(people.buyer.auth).expect(404);
      const versions = await t.http.get(`/api/v1/cases/${caseId}/specification/versions`).set(people.buyer.auth).expect(200);
      expect(versions.body).toEqual({ items: [], total: 0 });
    });

    /** The default draft, then saved again: price kept by id and renamed, quality matched by name, warranty new, one requirement matched by text. */
    async function savedTwice() {
      const { caseId, people } = await caseInSpecification(t);
      const first = await putSpecification(t, caseId, people.prescriber);
      const [price] = first.criteria as Item[];
      const second = await putSpecification(
        t,
        caseId,
        people.prescriber,
        specBody({
          requirements: [{ text: '  iso 9001   CERTIFIED ', type: 'certification', value: 'ISO 9001:2015' }],
          criteria: [
            { ...priceCriterion(40), id: price.id, name: 'Total cost of ownership' },
            { ...qualityCriterion(40), name: 'TECHNICAL QUALITY' },
            warrantyCriterion(20),
          ],
        }),
      );
      return { caseId, people, first, second };
    }

    it('saving again updates the draft: ids kept by id or by name, new items new ids', async () => {
      const { first, second } = await savedTwice();
      const [price, quality] = first.criteria as Item[];
      const iso = first.requirements[0];
      expect(second.version).toBe(1);
      expect(second.id).toBe(first.id);
      expect(second.criteria.map((c: Item) => c.id).slice(0, 2)).toEqual([price.id, quality.id]);
      expect(second.criteria[2].id).not.toBe(first.criteria[2].id);
      expect(second.requirements).toEqual([{ id: iso.id, text: 'iso 9001   CERTIFIED', type: 'certification', value: 'ISO 9001:2015' }]);
    });

    it('a PUT of exactly what is stored changes nothing: same updatedAt, no audit event', async () => {
      const { caseId, people, second } = await savedTwice();
      const events = (await auditActions(t, caseId)).length;
      const body = specBody({ requirements: second.requirements, criteria: second.criteria.map(({ normalizedWeight: _, ...c }: Item & { normalizedWeight: number }) => c) });
      const again = await putSpecification(t, caseId, people.prescriber, body);
      expect(again.updatedAt).toBe(second.updatedAt);
      expect((await auditActions(t, caseId)).length).toBe(events);
    });

    it('refuses an id that is not in the current version (400 naming it), changing nothing', async () => {
      const { caseId, people } = await caseInSpecification(t);
      await putSpecification(t, caseId, people.prescriber);
      const before = await snapshot(caseId);
      const res = await t.http
        .put(`/api/v1/cases/${caseId}/specification`)
        .set(people.prescriber.auth)
        .send(specBody({ criteria: [{ ...priceCriterion(), id: '8a3c1c3e-2f9b-4e4a-9c1d-1b2b3c4d5e6f' }] }))
        .expect(400);
      expect(fields(res.body)).toEqual(['criteria.0.id']);
      expect(await snapshot(caseId)).toEqual(before);
    });

    it('two concurrent first saves make one draft, not two (the case row is locked)', async () => {
      const { caseId, people } = await caseInSpecification(t);
      const put = (weight: number) =>
        t.http.put(`/api/v1/cases/${caseId}/specification`).set(people.prescriber.auth).send(specBody({ criteria: [priceCriterion(weight)] }));
      const results = await Promise.all([put(1), put(2)]);
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      const rows = await t.db.query('SELECT version FROM specification_versions WHERE case_id = $1', [caseId]);
      expect(rows).toEqual([{ version: 1 }]);
    });
  });

  describe('validation: 400 problem+json naming each field; nothing changes', () => {
    const bad: Array<[string, () => object, string[]]> = [
      ['a zero weight', () => specBody({ criteria: [priceCriterion(), qualityCriterion(), leadTimeCriterion(0)] }), ['criteria.2.weight']],
      ['a negative weight', () => specBody({ criteria: [priceCriterion(-1)] }), ['criteria.0.weight']],
      ['a weight given as a string', () => specBody({ criteria: [{ ...priceCriterion(), weight: '50' }] }), ['criteria.0.weight']],
      ['an unknown kind, direction, source and normalization', () =>
        specBody({ criteria: [{ ...priceCriterion(), kind: 'cheapness', direction: 'up', source: 'offer.colour', normalization: 'log' }] }),
        ['criteria.0.kind', 'criteria.0.direction', 'criteria.0.source', 'criteria.0.normalization']],
      ['scale normalization on an offer field', () => specBody({ criteria: [{ ...priceCriterion(), normalization: 'scale' }] }), ['criteria.0.normalization']],
      ['a duplicate criterion name (ignoring case)', () => specBody({ criteria: [priceCriterion(), { ...qualityCriterion(), name: 'total COST' }] }), ['criteria.1.name']],
      ['no criterion', () => specBody({ criteria: [] }), ['criteria']],
      ['41 criteria', () => specBody({ criteria: Array.from({ length: 41 }, (_, i) => ({ ...qualityCriterion(1), name: `Criterion ${i}` })) }), ['criteria']],
      ['41 requirements', () => specBody({ requirements: Array.from({ length: 41 }, (_, i) => ({ text: `Requirement ${i}`, type: 'text' })) }), ['requirements']],
      ['a criterion name over 200 characters and a blank one', () =>
        specBody({ criteria: [{ ...priceCriterion(), name: 'x'.repeat(201) }, { ...qualityCriterion(), name: '   ' }] }),
        ['criteria.0.name', 'criteria.1.name']],
      ['an unknown field, at the top and in a criterion', () => specBody({ colour: 'red', criteria: [{ ...priceCriterion(), colour: 'blue' }] }), ['colour', 'criteria.0.colour']],
      ['requirement values that do not fit their type', () =>
        specBody({
          requirements: [
            { text: 'Certified', type: 'certification' },
            { text: 'Fast', type: 'max_lead_time_days', value: 0 },
            { text: 'Warranty', type: 'min_warranty_months', value: 2.5 },
            { text: 'Spares', type: 'yes_no', value: 'yes' },
            { text: 'Quiet', type: 'text', value: 'very' },
            { text: 'Other', type: 'colour' },
          ],
        }),
        ['requirements.0.value', 'requirements.1.value', 'requirements.2.value', 'requirements.3.value', 'requirements.4.value', 'requirements.5.type']],
      ['a missing description and requirements list', () => ({ criteria: [priceCriterion()] }), ['description', 'requirements']],
      ['a criterion that is not an object', () => specBody({ criteria: [5] }), ['criteria.0']],
    ];

    it.each(bad)('refuses %s', async (_label, body, expected) => {
      const { caseId, people } = await caseInSpecification(t);
      await putSpecification(t, caseId, people.prescriber);
      const before = await snapshot(caseId);
      const res = await t.http.put(`/api/v1/cases/${caseId}/specification`).set(people.prescriber.auth).send(body()).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('VALIDATION');
      expect([...new Set(fields(res.body))].sort()).toEqual([...expected].sort());
      expect(await snapshot(caseId)).toEqual(before);
    });
  });

  describe('freezing and versions', () => {
    it('freezes the draft when the case moves to SHORTLISTING (audited); AHP is closed from then on', async () => {
      const { caseId, people } = await caseInSpecification(t);
      await putSpecification(t, caseId, people.prescriber);
      const moved = await transition(t, caseId, people.prescriber, 'SHORTLISTING');
      expect(moved.stage).toBe('SHORTLISTING');
      const frozen = (await t.http.get(`/api/v1/cases/${caseId}/specification`).set(people.buyer.auth).expect(200)).body;
      expect(frozen).toMatchObject({ version: 1, frozen: true });
      expect(frozen.frozenAt).not.toBeNull();
      expect(await auditActions(t, caseId)).toContain('specification.frozen');
      await t.http.post(`/api/v1/cases/${caseId}/criteria/ahp`).set(people.prescriber.auth).send({ criteria: [], matrix: [] }).expect(409);
    });

    /** The draft frozen in SHORTLISTING, one offer made against version 1, and a change of weights 50/30/20 → 60/20/20. */
    async function frozenWithOffer() {
      const { caseId, people } = await caseInSpecification(t);
      const draft = await putSpecification(t, caseId, people.prescriber);
      await transition(t, caseId, people.prescriber, 'SHORTLISTING');
      // Setup by SQL: offers are made in NEGOTIATION; this one stands for an offer against version 1 when the change comes.
      const [supplier] = await t.db.query(
        `INSERT INTO suppliers (legal_name, tax_id, tax_id_normalized, country) VALUES ('Kompressor AG', $1, $1, 'DE') RETURNING id`,
        [`DE${caseId.slice(0, 8).toUpperCase()}`],
      );
      const [round] = await t.db.query(
        `INSERT INTO negotiation_rounds (case_id, number, deadline, opened_by) VALUES ($1, 1, now() + interval '1 day', $2) RETURNING id`,
        [caseId, people.buyer.id],
      );
      await t.db.query(
        `INSERT INTO offers (round_id, supplier_id, revision, total_price, currency, lead_time_days, warranty_months, payment_days,
                             valid_until, submitted_via, submitted_by, specification_version)
         VALUES ($1, $2, 1, 80000, 'EUR', 45, 24, 30, '2030-01-01', 'buyer', $3, 1)`,
        [round.id, supplier.id, people.buyer.id],
      );
      const changed = specBody({
        criteria: [
          { ...priceCriterion(60), id: draft.criteria[0].id },
          { ...qualityCriterion(20), id: draft.criteria[1].id },
          { ...leadTimeCriterion(20), id: draft.criteria[2].id },
        ],
      });
      const reason = 'The plant manager asked for more weight on price after the budget review';
      return { caseId, people, draft, round, changed, reason };
    }

    it('refuses a change of the frozen specification without a reason (400 naming it), changing nothing', async () => {
      const { caseId, people, changed } = await frozenWithOffer();
      const before = await snapshot(caseId);
      const noReason = await t.http.put(`/api/v1/cases/${caseId}/specification`).set(people.prescriber.auth).send(changed).expect(400);
      expect(fields(noReason.body)).toEqual(['reason']);
      expect(await snapshot(caseId)).toEqual(before);
    });

    it('a change with a reason makes version 2, frozen, with the same item ids; the older offer is marked; audited', async () => {
      const { caseId, people, draft, round, changed, reason } = await frozenWithOffer();
      const v2 = await putSpecification(t, caseId, people.prescriber, { ...changed, reason });
      expect(v2).toMatchObject({ version: 2, frozen: true, reason });
      expect(v2.criteria.map((c: Item) => c.id)).toEqual(draft.criteria.map((c: Item) => c.id));
      expect(v2.requirements.map((c: Item) => c.id)).toEqual(draft.requirements.map((c: Item) => c.id));
      const [offer] = await t.db.query('SELECT needs_reconfirmation FROM offers WHERE round_id = $1', [round.id]);
      expect(offer.needs_reconfirmation).toBe(true);
      const [revised] = await t.db.query(
        `SELECT data FROM audit_events WHERE case_id = $1 AND action = 'specification.revised'`,
        [caseId],
      );
      expect(revised.data).toMatchObject({ version: 2, previousVersion: 1, reason, offersNeedingReconfirmation: 1 });
    });

    it('the same PUT again is not another change: still version 2', async () => {
      const { caseId, people, changed, reason } = await frozenWithOffer();
      await putSpecification(t, caseId, people.prescriber, { ...changed, reason });
      const again = await putSpecification(t, caseId, people.prescriber, { ...changed, reason });
      expect(again.version).toBe(2);
    });

    it('lists the versions with who, why and the diff against the previous one; pages them; reads an old one', async () => {
      const { caseId, people, draft, changed, reason } = await frozenWithOffer();
      await putSpecification(t, caseId, people.prescriber, { ...changed, reason });
      const versions = (await t.http.get(`/api/v1/cases/${caseId}/specification/versions`).set(people.decider.auth).expect(200)).body;
      expect(versions.total).toBe(2);
      const [one, two] = versions.items;
      expect(one).toMatchObject({ version: 1, frozen: true, reason: null, diff: null, criteria: 3, requirements: 5 });
      expect(one.createdBy).toEqual({ id: people.prescriber.id, name: 'Pablo Prescriber' });
      expect(two).toMatchObject({ version: 2, frozen: true, reason, createdBy: { name: 'Pablo Prescriber' } });
      expect(two.diff).toMatchObject({
        changed: true,
        criteria: { added: [], removed: [], changed: [] },
        requirements: { added: [], removed: [], changed: [] },
      });
      // base weights 50/30/20 → 60/20/20 (of 100 both times)
      expect(two.diff.weights).toEqual([
        { criterionId: draft.criteria[0].id, name: 'Total cost', from: 50, to: 60, baseFrom: 0.5, baseTo: 0.6 },
        { criterionId: draft.criteria[1].id, name: 'Technical quality', from: 30, to: 20, baseFrom: 0.3, baseTo: 0.2 },
      ]);
      const paged = (await t.http.get(`/api/v1/cases/${caseId}/specification/versions?limit=1&offset=1`).set(people.buyer.auth).expect(200)).body;
      expect(paged.items.map((v: { version: number }) => v.version)).toEqual([2]);
      const old = (await t.http.get(`/api/v1/cases/${caseId}/specification?version=1`).set(people.buyer.auth).expect(200)).body;
      expect(old.criteria.map((c: Item) => c.weight)).toEqual([50, 30, 20]);
    });

    it('keeps the SPECIFICATION exit unmet while a stored criterion has no positive weight', async () => {
      const { caseId, people } = await caseInSpecification(t);
      await putSpecification(t, caseId, people.prescriber);
      // Setup by SQL: the API refuses such a weight; a copied or older specification could still hold one.
      await t.db.query(
        `UPDATE specification_versions SET criteria = jsonb_set(criteria, '{0,weight}', '0') WHERE case_id = $1`,
        [caseId],
      );
      const res = await transition(t, caseId, people.prescriber, 'SHORTLISTING', 409);
      expect(res.unmet).toEqual([
        { code: 'SPECIFICATION_INVALID', message: 'criterion "Total cost": the weight must be a positive number (it is 0)' },
      ]);
      const [row] = await t.db.query('SELECT frozen_at FROM specification_versions WHERE case_id = $1', [caseId]);
      expect(row.frozen_at).toBeNull();
    });
  });

  describe('rebuys', () => {
    /** A case whose specification is frozen, then marked AWARDED directly in SQL. */
    async function awardedCaseWithSpecification() {
      const { caseId, people } = await caseInSpecification(t);
      const spec = await putSpecification(t, caseId, people.prescriber);
      await transition(t, caseId, people.prescriber, 'SHORTLISTING');
      // Setup via SQL: the path to AWARDED (shortlist, rounds, decision, approvals) belongs to other modules.
      await t.db.query(`UPDATE cases SET stage = 'AWARDED' WHERE id = $1`, [caseId]);
      const [{ reference }] = await t.db.query('SELECT reference FROM cases WHERE id = $1', [caseId]);
      return { caseId, people, spec, reference };
    }

    it('a straight rebuy copies the previous specification frozen and passes SPECIFICATION by itself', async () => {
      const previous = await awardedCaseWithSpecification();
      const rebuy = await caseWithSameBuyingCenter(t, previous.people, { purchaseType: 'straight_rebuy', previousCaseId: previous.caseId });
      const moved = await transition(t, rebuy.id, previous.people.initiator, 'SPECIFICATION');
      expect(moved.stage).toBe('SHORTLISTING');

      const copy = (await t.http.get(`/api/v1/cases/${rebuy.id}/specification`).set(previous.people.buyer.auth).expect(200)).body;
      expect(copy).toMatchObject({ version: 1, frozen: true, description: previous.spec.description, quantity: 2 });
      expect(copy.reason).toContain(previous.reference);
      const strip = (items: Array<Record<string, unknown>>) => items.map(({ id: _id, ...rest }) => rest);
      expect(strip(copy.criteria)).toEqual(strip(previous.spec.criteria));
      expect(strip(copy.requirements)).toEqual(strip(previous.spec.requirements));
      // new ids: criterion and requirement ids belong to one case
      const oldIds = new Set([...previous.spec.criteria, ...previous.spec.requirements].map((i: Item) => i.id));
      for (const item of [...copy.criteria, ...copy.requirements]) expect(oldIds.has(item.id)).toBe(false);
      expect(await auditActions(t, rebuy.id)).toEqual(
        expect.arrayContaining(['specification.copied', 'case.transition']),
      );
      const transitions = await t.db.query(
        `SELECT data->>'from' AS "from", data->>'to' AS "to" FROM audit_events WHERE case_id = $1 AND action = 'case.transition' ORDER BY seq`,
        [rebuy.id],
      );
      expect(transitions).toEqual([
        { from: 'NEED', to: 'SPECIFICATION' },
        { from: 'SPECIFICATION', to: 'SHORTLISTING' },
      ]);
    });

    it('a straight rebuy of a case without a specification cannot pass SPECIFICATION: 409, nothing changes', async () => {
      const { caseId, people } = await caseWithBuyingCenter(t);
      // Setup via SQL (see above): an AWARDED case that, unlike any real one, has no specification.
      await t.db.query(`UPDATE cases SET stage = 'AWARDED' WHERE id = $1`, [caseId]);
      const rebuy = await caseWithSameBuyingCenter(t, people, { purchaseType: 'straight_rebuy', previousCaseId: caseId });
      const before = await tableCounts(t);
      const res = await transition(t, rebuy.id, people.initiator, 'SPECIFICATION', 409);
      expect(res.unmet.map((u: { code: string }) => u.code)).toEqual(['NO_SPECIFICATION']);
      expect(await tableCounts(t)).toEqual(before);
      const after = await t.http.get(`/api/v1/cases/${rebuy.id}`).set(people.initiator.auth).expect(200);
      expect(after.body.stage).toBe('NEED');
    });

    it('a modified rebuy starts from an editable copy, then edits it', async () => {
      const previous = await awardedCaseWithSpecification();
      const rebuy = await caseWithSameBuyingCenter(t, previous.people, { purchaseType: 'modified_rebuy', previousCaseId: previous.caseId });
      const moved = await transition(t, rebuy.id, previous.people.initiator, 'SPECIFICATION');
      expect(moved.stage).toBe('SPECIFICATION');
      const copy = (await t.http.get(`/api/v1/cases/${rebuy.id}/specification`).set(previous.people.prescriber.auth).expect(200)).body;
      expect(copy).toMatchObject({ version: 1, frozen: false });
      expect(copy.criteria.map((c: Item) => [c.name, c.weight])).toEqual([
        ['Total cost', 50],
        ['Technical quality', 30],
        ['Lead time', 20],
      ]);

      const edited = await putSpecification(
        t,
        rebuy.id,
        previous.people.prescriber,
        specBody({ criteria: [priceCriterion(40), qualityCriterion(30), warrantyCriterion(30)] }),
      );
      expect(edited).toMatchObject({ version: 1, frozen: false });
      // matched by name to the copy: price and quality keep the copy's ids; warranty is new
      expect(edited.criteria.map((c: Item) => c.id).slice(0, 2)).toEqual(copy.criteria.map((c: Item) => c.id).slice(0, 2));
      expect(copy.criteria.map((c: Item) => c.id)).not.toContain(edited.criteria[2].id);
      // the previous case's specification is untouched
      const original = (await t.http.get(`/api/v1/cases/${previous.caseId}/specification`).set(previous.people.prescriber.auth).expect(200)).body;
      expect(original.criteria.map((c: Item) => c.weight)).toEqual([50, 30, 20]);
    });
  });

  describe('AHP', () => {
    const ahp = (caseId: string, auth: Record<string, string>, body: object) => t.http.post(`/api/v1/cases/${caseId}/criteria/ahp`).set(auth).send(body);

    it('applies the weights of a consistent 3×3 matrix to the draft', async () => {
      const { caseId, people } = await caseInSpecification(t);
      const spec = await putSpecification(t, caseId, people.prescriber);
      const ids = spec.criteria.map((c: Item) => c.id);
      // The textbook 3×3 example (price 3× quality, 5× lead time; quality 3× lead time).
      // For n = 3 the principal eigenvector is the normalized row geometric mean:
      //   (15^(1/3), 1, 15^(−1/3)) = (2.4662, 1, 0.4055) / 3.8717 = (.637, .258, .105);
      //   λmax = 1 + 3/2.4662 + 5/2.4662² = 3.0385, CI = .0385/2 = .0193, CR = .0193/.58 = .033.
      const res = await ahp(caseId, people.prescriber.auth, {
        criteria: ids,
        matrix: [
          [1, 3, 5],
          [1 / 3, 1, 3],
          [1 / 5, 1 / 3, 1],
        ],
      }).expect(200);
      expect(res.body.weights.map((w: number) => +w.toFixed(3))).toEqual([0.637, 0.258, 0.105]);
      expect(res.body.lambdaMax).toBeCloseTo(3.0385, 4);
      expect(res.body.ci).toBeCloseTo(0.0193, 4);
      expect(res.body.cr).toBeCloseTo(0.033, 3);
      expect(res.body.consistent).toBe(true);

      const after = (await t.http.get(`/api/v1/cases/${caseId}/specification`).set(people.buyer.auth).expect(200)).body;
      expect(after.criteria.map((c: Item) => c.weight)).toEqual(res.body.weights);
      expect(after.ahp).toMatchObject({ criteria: ids, consistent: true, acceptedInconsistency: false, weights: res.body.weights });
      expect(await auditActions(t, caseId)).toContain('criteria.ahp_applied');
    });

    it('maps the weights by the order of the criteria sent (perfectly consistent 1:2:4 → 4/7, 2/7, 1/7)', async () => {
      const { caseId, people } = await caseInSpecification(t);
      const spec = await putSpecification(t, caseId, people.prescriber);
      const [price, quality, lead] = spec.criteria.map((c: Item) => c.id);
      // lead time 2× quality and 4× price: w ∝ (4, 2, 1) over (lead, quality, price), λmax = 3, CR = 0
      const res = await ahp(caseId, people.prescriber.auth, {
        criteria: [lead, quality, price],
        matrix: [
          [1, 2, 4],
          [0.5, 1, 2],
          [0.25, 0.5, 1],
        ],
      }).expect(200);
      expect(res.body.weights[0]).toBeCloseTo(4 / 7, 12);
      expect(res.body.weights[1]).toBeCloseTo(2 / 7, 12);
      expect(res.body.weights[2]).toBeCloseTo(1 / 7, 12);
      expect(res.body.cr).toBeCloseTo(0, 12);
      const after = (await t.http.get(`/api/v1/cases/${caseId}/specification`).set(people.buyer.auth).expect(200)).body;
      const weightOf = Object.fromEntries(after.criteria.map((c: Item) => [c.id, c.weight]));
      expect(weightOf[price]).toBeCloseTo(1 / 7, 12);
      expect(weightOf[quality]).toBeCloseTo(2 / 7, 12);
      expect(weightOf[lead]).toBeCloseTo(4 / 7, 12);
    });

    it('drops the AHP record when a weight is then edited by hand: it no longer describes the weights', async () => {
      const { caseId, people } = await caseInSpecification(t);
      const spec = await putSpecification(t, caseId, people.prescriber);
      const [price, quality, lead] = spec.criteria.map((c: Item) => c.id);
      const applied = await ahp(caseId, people.prescriber.auth, {
        criteria: [lead, quality, price],
        matrix: [
          [1, 2, 4],
          [0.5, 1, 2],
          [0.25, 0.5, 1],
        ],
      }).expect(200);
      expect(applied.body.consistent).toBe(true);
      const hand = await putSpecification(t, caseId, people.prescriber, specBody());
      expect(hand.ahp).toBeNull();
    });

    /** Four criteria, and a matrix consistent with w ∝ (8, 4, 2, 1) except price vs warranty: 1/8 typed instead of 8. */
    async function inconsistent() {
      const { caseId, people } = await caseInSpecification(t);
      const spec = await putSpecification(t, caseId, people.prescriber, specBody({ criteria: [priceCriterion(), qualityCriterion(), leadTimeCriterion(), warrantyCriterion()] }));
      const ids = spec.criteria.map((c: Item) => c.id);
      // w = (.2176, .3017, .1508, .3299), CR = 1.0128; the reversed cell deviates most:
      // judgement 1/8 against the implied w_1/w_4 = .2176/.3299 = .6597.
      const matrix = [
        [1, 2, 4, 1 / 8],
        [1 / 2, 1, 2, 4],
        [1 / 4, 1 / 2, 1, 2],
        [8, 1 / 4, 1 / 2, 1],
      ];
      return { caseId, people, ids, matrix };
    }

    it('refuses an inconsistent matrix with 422 naming the pair that deviates most, changing nothing', async () => {
      const { caseId, people, ids, matrix } = await inconsistent();
      const before = await snapshot(caseId);
      const events = await auditActions(t, caseId);
      const res = await ahp(caseId, people.prescriber.auth, { criteria: ids, matrix }).expect(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('AHP_INCONSISTENT');
      expect(res.body.cr).toBeCloseTo(1.0128, 4);
      expect(res.body.mostInconsistentPair).toMatchObject({
        field: 'matrix[0][3]',
        criteria: [
          { criterionId: ids[0], name: 'Total cost' },
          { criterionId: ids[3], name: 'Warranty' },
        ],
        judgement: 0.125,
      });
      expect(res.body.mostInconsistentPair.implied).toBeCloseTo(0.6597, 4);
      expect(res.body.detail).toContain('"Total cost" vs "Warranty"');
      expect(await snapshot(caseId)).toEqual(before);
      expect(await auditActions(t, caseId)).toEqual(events);
    });

    it('accepting the inconsistency needs a reason (400 naming it), changing nothing', async () => {
      const { caseId, people, ids, matrix } = await inconsistent();
      const before = await snapshot(caseId);
      const noReason = await ahp(caseId, people.prescriber.auth, { criteria: ids, matrix, acceptInconsistency: true }).expect(400);
      expect(fields(noReason.body)).toEqual(['reason']);
      expect(await snapshot(caseId)).toEqual(before);
    });

    it('applies an inconsistent matrix accepted with a reason, and stores and audits the reason', async () => {
      const { caseId, people, ids, matrix } = await inconsistent();
      const reason = 'Warranty matters more than price for this line; accepted after review';
      const accepted = await ahp(caseId, people.prescriber.auth, { criteria: ids, matrix, acceptInconsistency: true, reason }).expect(200);
      expect(accepted.body).toMatchObject({ consistent: false, acceptedInconsistency: true });
      expect(accepted.body.weights.map((w: number) => +w.toFixed(4))).toEqual([0.2176, 0.3017, 0.1508, 0.3299]);
      const after = (await t.http.get(`/api/v1/cases/${caseId}/specification`).set(people.buyer.auth).expect(200)).body;
      expect(after.ahp).toMatchObject({ acceptedInconsistency: true, reason, consistent: false });
      const [event] = await t.db.query(`SELECT data FROM audit_events WHERE case_id = $1 AND action = 'criteria.ahp_applied'`, [caseId]);
      expect(event.data).toMatchObject({ acceptedInconsistency: true, reason });
    });

    const invalid: Array<[string, (ids: string[]) => object, string[]]> = [
      ['a matrix that is not square', (ids) => ({ criteria: ids, matrix: [[1, 2, 3], [0.5, 1], [1 / 3, 1, 1]] }), ['matrix[1]']],
      ['a matrix with too few rows', (ids) => ({ criteria: ids, matrix: [[1, 2, 3], [0.5, 1, 1]] }), ['matrix']],
      ['a matrix that is not reciprocal', (ids) => ({ criteria: ids, matrix: [[1, 2, 3], [2, 1, 1], [1 / 3, 1, 1]] }), ['matrix[1][0]']],
      ['a diagonal other than 1', (ids) => ({ criteria: ids, matrix: [[2, 2, 3], [0.5, 1, 1], [1 / 3, 1, 1]] }), ['matrix[0][0]']],
      ['a judgement of 10 (Saaty’s scale ends at 9)', (ids) => ({ criteria: ids, matrix: [[1, 10, 3], [0.1, 1, 1], [1 / 3, 1, 1]] }), ['matrix[0][1]', 'matrix[1][0]']],
      ['a value that is not a number', (ids) => ({ criteria: ids, matrix: [[1, '2', 3], [0.5, 1, 1], [1 / 3, 1, 1]] }), ['matrix[0][1]']],
      ['a criterion missing from the list', (ids) => ({ criteria: ids.slice(0, 2), matrix: [[1, 2], [0.5, 1]] }), ['criteria']],
      ['a criterion listed twice', (ids) => ({ criteria: [ids[0], ids[1], ids[1]], matrix: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] }), ['criteria.2', 'criteria']],
      ['an id that is not a criterion of the draft', (ids) => ({ criteria: [ids[0], ids[1], '8a3c1c3e-2f9b-4e4a-9c1d-1b2b3c4d5e6f'], matrix: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] }), ['criteria.2', 'criteria']],
      ['an id that is not a UUID and an unknown field', (ids) => ({ criteria: [ids[0], ids[1], 'x'], matrix: [[1]], colour: 'red' }), ['criteria', 'colour']],
    ];

    it.each(invalid)('refuses %s with 400 naming the fields, changing nothing', async (_label, body, expected) => {
      const { caseId, people } = await caseInSpecification(t);
      const spec = await putSpecification(t, caseId, people.prescriber);
      const before = await snapshot(caseId);
      const res = await ahp(caseId, people.prescriber.auth, body(spec.criteria.map((c: Item) => c.id))).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect([...new Set(fields(res.body))].sort()).toEqual([...expected].sort());
      expect(await snapshot(caseId)).toEqual(before);
    });
  });

  describe('effective weights', () => {
    it('a strategic case without a reliability criterion gets the built-in one, with the rule explained', async () => {
      const { caseId, people } = await caseInSpecification(t, { profitImpact: 4, supplyRisk: 4 });
      const spec = await putSpecification(t, caseId, people.prescriber);
      const res = await t.http.get(`/api/v1/cases/${caseId}/weights`).set(people.evaluator.auth).expect(200);
      // base .5/.3/.2, R = 0, N = 1, w_max = .5: R' = max(2·0, .30, .5/(1 + .5) = 1/3) = 1/3 (preponderance);
      // the others are scaled by (1 − 1/3)/1 = 2/3 → 1/3, .2, 2/15; the built-in criterion takes 1/3.
      expect(res.body).toMatchObject({ strategic: true, kraljicCategory: 'strategic', specificationVersion: 1, addedBuiltin: true });
      expect(res.body.rule).toContain('built-in "Supplier reliability"');
      expect(res.body.rule).toContain('preponderance');
      const items = res.body.items as Array<{ criterionId: string; name: string; kind: string; base: number; effective: number }>;
      expect(items.map((i) => [i.criterionId, i.name, i.kind])).toEqual([
        [spec.criteria[0].id, 'Total cost', 'price'],
        [spec.criteria[1].id, 'Technical quality', 'quality'],
        [spec.criteria[2].id, 'Lead time', 'delivery'],
        [BUILTIN_RELIABILITY, 'Supplier reliability', 'reliability'],
      ]);
      const expected = [
        [0.5, 1 / 3],
        [0.3, 0.2],
        [0.2, 2 / 15],
        [0, 1 / 3],
      ];
      items.forEach((item, k) => {
        expect(item.base).toBeCloseTo(expected[k][0], 12);
        expect(item.effective).toBeCloseTo(expected[k][1], 12);
      });
      expect(items.reduce((s, i) => s + i.effective, 0)).toBeCloseTo(1, 12);
    });

    it('follows the policy: a floor of .45 decides instead', async () => {
      const { caseId, people } = await caseInSpecification(t, { profitImpact: 5, supplyRisk: 3 });
      await putSpecification(t, caseId, people.prescriber);
      const { strategic, reliability, approval, sensitivity } = (await t.http.get('/api/v1/policy').set(t.admin.auth).expect(200)).body;
      // the whole policy is sent back with the floor changed (a PUT of `strategic` alone works too)
      const put = (floor: number) =>
        t.http.put('/api/v1/policy').set(t.admin.auth).send({ strategic: { ...strategic, floor }, reliability, approval, sensitivity }).expect(200);
      await put(0.45);
      try {
        const res = await t.http.get(`/api/v1/cases/${caseId}/weights`).set(people.buyer.auth).expect(200);
        // R' = max(0, .45, 1/3) = .45; others × .55 → .275, .165, .11
        expect(res.body.rule).toContain('floor');
        expect(res.body.items.map((i: { effective: number }) => +i.effective.toFixed(12))).toEqual([0.275, 0.165, 0.11, 0.45]);
      } finally {
        await put(strategic.floor);
      }
    });

    it('a routine case keeps its base weights', async () => {
      const { caseId, people } = await caseInSpecification(t, { profitImpact: 2, supplyRisk: 2 });
      await putSpecification(t, caseId, people.prescriber);
      const res = await t.http.get(`/api/v1/cases/${caseId}/weights`).set(people.decider.auth).expect(200);
      expect(res.body).toMatchObject({ strategic: false, kraljicCategory: 'routine', addedBuiltin: false });
      expect(res.body.rule).toBe('Not a strategic purchase: the effective weights are the base weights.');
      expect(res.body.items.map((i: { base: number; effective: number }) => [i.base, i.effective])).toEqual([
        [0.5, 0.5],
        [0.3, 0.3],
        [0.2, 0.2],
      ]);
    });

    it('GET /weights for a case without a specification is 404', async () => {
      const initiator = (await caseInSpecification(t)).people.initiator;
      const c = await createCase(t, initiator);
      await t.http.get(`/api/v1/cases/${c.id}/weights`).set(initiator.auth).expect(404);
    });
  });
});
