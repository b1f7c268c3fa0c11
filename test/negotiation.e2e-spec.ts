import { tableCounts } from './factories';
import {
  closeRound,
  expireRound,
  inMinutes,
  type NegotiationCase,
  negotiationCase,
  offerBody,
  openRound,
  recordOffer,
} from './factories/negotiation';
import { NegotiationReader } from '../src/modules/negotiation/negotiation.reader';
import { startTestApp, type TestApp } from './setup/test-app';
import { specBody, transition } from './factories/specification';
import { caseInShortlisting, createSupplier } from './factories/suppliers';

const RECEIPT_KEYS = ['revision', 'submittedAt', 'submittedVia', 'supplierId', 'supplierName'];

describe('negotiation: rounds, sealed offers, invitations, currencies, concessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const url = (n: NegotiationCase, path = '') => `/api/v1/cases/${n.caseId}${path}`;

  async function invite(n: NegotiationCase, round: number) {
    const res = await t.http.post(url(n, `/rounds/${round}/invitations`)).set(n.people.buyer.auth).send({}).expect(201);
    return new Map<string, string>((res.body as Array<{ supplierId: string; token: string }>).map((i) => [i.supplierId, i.token]));
  }

  const portal = (token: string) => ({ Authorization: `Bearer ${token}` });

  describe('opening rounds', () => {
    it('refuses a deadline in the past, one that is not a date, and unknown fields', async () => {
      const n = await negotiationCase(t);
      await t.http.post(url(n, '/rounds')).set(n.people.buyer.auth).send({ deadline: inMinutes(-1) }).expect(400);
      await t.http.post(url(n, '/rounds')).set(n.people.buyer.auth).send({ deadline: 'tomorrow' }).expect(400);
      await t.http.post(url(n, '/rounds')).set(n.people.buyer.auth).send({ deadline: inMinutes(60), extra: 1 }).expect(400);
    });

    it('opens round 1 with the shortlisted suppliers; a second round waits until the first closes', async () => {
      const n = await negotiationCase(t);
      const r1 = await openRound(t, n);
      expect(r1).toMatchObject({ number: 1, status: 'open', bestAndFinal: false, offersReceived: 0 });
      expect(r1.participants.map((p) => p.supplierId).sort()).toEqual(n.suppliers.map((s) => s.id).sort());
      const second = await t.http.post(url(n, '/rounds')).set(n.people.buyer.auth).send({ deadline: inMinutes(60) }).expect(409);
      expect(second.body.detail).toMatch(/round 1 is still open/);
    });

    it('numbers the rounds 1, 2, … and lists them with their status; an unknown number is 404, a malformed one 400', async () => {
      const n = await negotiationCase(t);
      await openRound(t, n);
      await closeRound(t, n, 1).expect(200);
      const r2 = await openRound(t, n);
      expect(r2.number).toBe(2);
      const list = await t.http.get(url(n, '/rounds')).set(n.people.decider.auth).expect(200);
      expect(list.body.items.map((r: { number: number; status: string }) => [r.number, r.status])).toEqual([
        [1, 'closed'],
        [2, 'open'],
      ]);
      await t.http.get(url(n, '/rounds/3')).set(n.people.buyer.auth).expect(404);
      await t.http.get(url(n, '/rounds/0')).set(n.people.buyer.auth).expect(400);
      await t.http.get(url(n, '/rounds/abc')).set(n.people.buyer.auth).expect(400);
    });
  });

  describe('sealed offers: hidden from everyone while the round is open, shown after close', () => {
    /** Round 1 open with A's offer recorded by the buyer (98765.4321) and B's through the portal (87654.3219). */
    async function sealedRound() {
      const n = await negotiationCase(t);
      await openRound(t, n);
      const [a, b] = n.suppliers;
      const receipt = await recordOffer(t, n, 1, a.id, { totalPrice: '98765.4321' }).expect(201);
      const tokens = await invite(n, 1);
      await t.http.post('/api/v1/supplier-portal/offers').set(portal(tokens.get(b.id)!)).send(offerBody(n, { totalPrice: '87654.3219' })).expect(201);
      return { n, a, b, receipt };
    }

    it('the submission answers with a receipt, without the contents', async () => {
      const { a, receipt } = await sealedRound();
      expect(receipt.body).toMatchObject({ round: 1, supplierId: a.id, revision: 1, submittedVia: 'buyer', specificationVersion: 1 });
      expect(JSON.stringify(receipt.body)).not.toContain('98765');
    });

    it('the buyer, the decider and an admin see only who submitted and when; no comparison yet', async () => {
      const { n, a } = await sealedRound();
      for (const who of [n.people.buyer.auth, n.people.decider.auth, t.admin.auth]) {
        const offers = await t.http.get(url(n, '/rounds/1/offers')).set(who).expect(200);
        expect(offers.body.sealed).toBe(true);
        expect(offers.body.total).toBe(2);
        for (const item of offers.body.items) expect(Object.keys(item).sort()).toEqual(RECEIPT_KEYS);
        expect(offers.body.items.map((i: { submittedVia: string }) => i.submittedVia).sort()).toEqual(['buyer', 'supplier']);
        const text = JSON.stringify(offers.body);
        expect(text).not.toMatch(/98765|87654|totalPrice|leadTimeDays|compliance/);
        // the round view shows only who submitted and when
        const round = await t.http.get(url(n, '/rounds/1')).set(who).expect(200);
        expect(round.body.offersReceived).toBe(2);
        expect(JSON.stringify(round.body)).not.toMatch(/98765|87654/);
        await t.http.get(url(n, '/rounds/1/comparison')).set(who).expect(409);
        const revisions = await t.http.get(url(n, `/rounds/1/offers/${a.id}/revisions`)).set(who).expect(200);
        expect(revisions.body.sealed).toBe(true);
        expect(JSON.stringify(revisions.body)).not.toContain('98765');
      }
    });

    it('the audit trail records each submission (who, round, revision, when), never the sealed contents', async () => {
      const { n } = await sealedRound();
      const audit = await t.http.get(url(n, '/audit?limit=500')).set(n.people.buyer.auth).expect(200);
      const submitted = audit.body.items.filter((e: { action: string }) => e.action === 'offer.submitted');
      expect(submitted).toHaveLength(2);
      expect(Object.keys(submitted[0].data).sort()).toEqual(['number', 'revision', 'submittedAt', 'submittedVia', 'supplierId']);
      expect(JSON.stringify(audit.body)).not.toMatch(/98765|87654/);
    });

    it('after close, everyone sees every field of every offer', async () => {
      const { n, a, b } = await sealedRound();
      await closeRound(t, n, 1).expect(200);
      for (const who of [n.people.buyer.auth, n.people.decider.auth, t.admin.auth]) {
        const offers = await t.http.get(url(n, '/rounds/1/offers')).set(who).expect(200);
        expect(offers.body.sealed).toBe(false);
        const byId = new Map(offers.body.items.map((i: { supplierId: string }) => [i.supplierId, i]));
        expect(byId.get(a.id)).toMatchObject({
          totalPrice: '98765.4321',
          currency: 'EUR',
          convertedTotal: '98765.4321',
          concession: null,
          leadTimeDays: 21,
          warrantyMonths: 24,
          paymentDays: 30,
          validUntil: '2099-12-31',
          submittedVia: 'buyer',
          submittedBy: n.people.buyer.id,
          specificationVersion: 1,
          needsReconfirmation: false,
          compliant: true,
        });
        expect(byId.get(b.id)).toMatchObject({ totalPrice: '87654.3219', submittedVia: 'supplier', submittedBy: null });
      }
    });

    it('after close, the comparison orders the offers by converted total', async () => {
      const { n, a, b } = await sealedRound();
      await closeRound(t, n, 1).expect(200);
      const comparison = await t.http.get(url(n, '/rounds/1/comparison')).set(n.people.decider.auth).expect(200);
      expect(comparison.body.items.map((i: { supplierId: string; position: number }) => [i.position, i.supplierId])).toEqual([
        [1, b.id],
        [2, a.id],
      ]);
    });
  });

  describe('revisions: every one is kept, the latest counts', () => {
    /** A's offer three times: 1000 and 990.5 by the buyer, 980 through the portal. */
    async function threeRevisions() {
      const n = await negotiationCase(t);
      await openRound(t, n);
      const [a] = n.suppliers;
      await recordOffer(t, n, 1, a.id, { totalPrice: '1000' }).expect(201);
      const second = await recordOffer(t, n, 1, a.id, { totalPrice: '990.5', leadTimeDays: 14 }).expect(201);
      const tokens = await invite(n, 1);
      const third = await t.http.post('/api/v1/supplier-portal/offers').set(portal(tokens.get(a.id)!)).send(offerBody(n, { totalPrice: '980' })).expect(201);
      return { n, a, second, third };
    }

    it('numbers the revisions, stores them all and marks the latest as current', async () => {
      const { n, a, second, third } = await threeRevisions();
      expect(second.body.revision).toBe(2);
      expect(third.body).toMatchObject({ revision: 3, submittedVia: 'supplier' });
      const [{ n: stored }] = await t.db.query(
        `SELECT count(*)::int AS n FROM offers o JOIN negotiation_rounds r ON r.id = o.round_id WHERE r.case_id = $1`,
        [n.caseId],
      );
      expect(stored).toBe(3);
      const sealed = await t.http.get(url(n, `/rounds/1/offers/${a.id}/revisions`)).set(n.people.buyer.auth).expect(200);
      expect(sealed.body.items.map((r: { revision: number; isCurrent: boolean }) => [r.revision, r.isCurrent])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ]);
    });

    it('after close, the history shows every revision; the offers list only the latest', async () => {
      const { n, a } = await threeRevisions();
      await closeRound(t, n, 1).expect(200);
      const history = await t.http.get(url(n, `/rounds/1/offers/${a.id}/revisions`)).set(n.people.buyer.auth).expect(200);
      expect(history.body.items.map((r: { totalPrice: string; submittedVia: string }) => [r.totalPrice, r.submittedVia])).toEqual([
        ['1000.00', 'buyer'],
        ['990.50', 'buyer'],
        ['980.00', 'supplier'],
      ]);
      const offers = await t.http.get(url(n, '/rounds/1/offers')).set(n.people.buyer.auth).expect(200);
      expect(offers.body.items).toHaveLength(1);
      expect(offers.body.items[0]).toMatchObject({ revision: 3, totalPrice: '980.00' });
    });
  });

  describe('the deadline (moved into the past with SQL: the API refuses past deadlines)', () => {
    /** Round 1 with A's offer, invitations issued, then the deadline passes. */
    async function lateRound() {
      const n = await negotiationCase(t);
      await openRound(t, n);
      const [a, b] = n.suppliers;
      await recordOffer(t, n, 1, a.id).expect(201);
      const tokens = await invite(n, 1);
      await expireRound(t, n, 1);
      return { n, a, b, tokens };
    }

    it('refuses a late offer, from the buyer (409 ROUND_CLOSED) and through the portal (401), storing nothing', async () => {
      const { n, b, tokens } = await lateRound();
      const before = await tableCounts(t);
      const late = await recordOffer(t, n, 1, b.id).expect(409);
      expect(late.body.code).toBe('ROUND_CLOSED');
      expect(late.headers['content-type']).toMatch(/application\/problem\+json/);
      await t.http.post('/api/v1/supplier-portal/offers').set(portal(tokens.get(b.id)!)).send(offerBody(n)).expect(401);
      expect(await tableCounts(t)).toEqual(before);
    });

    it('closes the round for every read, and it cannot be closed again by hand', async () => {
      const { n, a } = await lateRound();
      const round = await t.http.get(url(n, '/rounds/1')).set(n.people.decider.auth).expect(200);
      expect(round.body.status).toBe('closed');
      const offers = await t.http.get(url(n, '/rounds/1/offers')).set(n.people.decider.auth).expect(200);
      expect(offers.body).toMatchObject({ sealed: false, total: 1 });
      expect(offers.body.items[0]).toMatchObject({ supplierId: a.id, totalPrice: '1000.00' });
      await closeRound(t, n, 1).expect(409);
    });

    it('the next write persists the close at the deadline, so a new round can open', async () => {
      const { n } = await lateRound();
      const r2 = await openRound(t, n);
      expect(r2.number).toBe(2);
      const [row] = await t.db.query(`SELECT closed_at = deadline AS "atDeadline" FROM negotiation_rounds WHERE case_id = $1 AND number = 1`, [n.caseId]);
      expect(row.atDeadline).toBe(true);
    });
  });

  describe('invitation tokens: only for their supplier and round, until the deadline', () => {
    it('issues one token per participant, stored only as its hash', async () => {
      const n = await negotiationCase(t);
      await openRound(t, n);
      const tokens = await invite(n, 1);
      expect(tokens.size).toBe(3);
      const tokenRows = await t.db.query(
        `SELECT token_hash FROM invitations i JOIN negotiation_rounds r ON r.id = i.round_id WHERE r.case_id = $1`,
        [n.caseId],
      );
      for (const token of tokens.values()) {
        expect(token).toMatch(/^inv_/);
        expect(JSON.stringify(tokenRows)).not.toContain(token);
      }
    });

    it('shows the supplier its round and what to answer', async () => {
      const n = await negotiationCase(t);
      await openRound(t, n);
      const [a] = n.suppliers;
      const tokens = await invite(n, 1);
      const view = await t.http.get('/api/v1/supplier-portal/invitation').set(portal(tokens.get(a.id)!)).expect(200);
      expect(view.body).toMatchObject({ supplierId: a.id, round: { number: 1 }, currentOffer: null, baseCurrency: 'EUR' });
      expect(view.body.requirements.map((r: { id: string }) => r.id)).toEqual(n.requirements.map((r) => r.id));
      expect(view.body.offerCriteria.map((k: { id: string }) => k.id).sort()).toEqual([n.criteria.energy, n.criteria.noise].sort());
    });

    it('a token cannot speak for another supplier (the body has no supplierId field); its offer is stored as the supplier’s', async () => {
      const n = await negotiationCase(t);
      await openRound(t, n);
      const [a, b] = n.suppliers;
      const tokens = await invite(n, 1);
      const other = await t.http
        .post('/api/v1/supplier-portal/offers')
        .set(portal(tokens.get(a.id)!))
        .send({ ...offerBody(n), supplierId: b.id })
        .expect(400);
      expect(other.body.errors.map((e: { field: string }) => e.field)).toContain('supplierId');
      await t.http.post('/api/v1/supplier-portal/offers').set(portal(tokens.get(a.id)!)).send(offerBody(n)).expect(201);
      const rows = await t.db.query(
        `SELECT o.supplier_id AS "supplierId", o.submitted_via AS via FROM offers o JOIN negotiation_rounds r ON r.id = o.round_id WHERE r.case_id = $1`,
        [n.caseId],
      );
      expect(rows).toEqual([{ supplierId: a.id, via: 'supplier' }]);
    });

    it('every refusal is the same 401: no token, an unknown one, a user token, an expired one, a closed round’s, an eliminated supplier’s', async () => {
      const n = await negotiationCase(t);
      await openRound(t, n);
      const [, b, c] = n.suppliers;
      const tokens = await invite(n, 1);
      const refusals: Array<{ status: number; body: Record<string, unknown> }> = [];
      const attempt = async (headers: Record<string, string>) => {
        const res = await t.http.post('/api/v1/supplier-portal/offers').set(headers).send(offerBody(n));
        refusals.push({ status: res.status, body: res.body });
      };
      await attempt({});
      await attempt(portal('inv_not-a-real-token'));
      await attempt(portal(n.people.buyer.token)); // a user token is not an invitation

      // an expired token (its expiry moved into the past)
      await t.db.query(
        `UPDATE invitations SET expires_at = now() - interval '1 second' WHERE supplier_id = $1 AND round_id IN (SELECT id FROM negotiation_rounds WHERE case_id = $2)`,
        [c.id, n.caseId],
      );
      await attempt(portal(tokens.get(c.id)!));

      // a round-1 token after round 1 closed and round 2 opened
      await closeRound(t, n, 1).expect(200);
      await openRound(t, n);
      await attempt(portal(tokens.get(b.id)!));

      // an eliminated supplier's token
      const n2 = await negotiationCase(t);
      await openRound(t, n2);
      const t1 = await t.http.post(url(n2, '/rounds/1/invitations')).set(n2.people.buyer.auth).send({}).expect(201);
      await closeRound(t, n2, 1).expect(200);
      await t.http
        .post(url(n2, '/rounds/1/eliminations'))
        .set(n2.people.buyer.auth)
        .send({ supplierId: n2.suppliers[0].id, reason: 'price far above the others' })
        .expect(200);
      await openRound(t, n2);
      const byId = new Map((t1.body as Array<{ supplierId: string; token: string }>).map((i) => [i.supplierId, i.token]));
      await attempt(portal(byId.get(n2.suppliers[0].id)!));

      expect(refusals.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401]);
      const shapes = new Set(refusals.map((r) => JSON.stringify({ ...r.body, instance: undefined })));
      expect(shapes.size).toBe(1);
    });

    it('round 2’s token works once round 2 is open, and issuing again supersedes the earlier tokens of the round', async () => {
      const n = await negotiationCase(t);
      await openRound(t, n);
      const [, b] = n.suppliers;
      await closeRound(t, n, 1).expect(200);
      await openRound(t, n);
      const tokens2 = await invite(n, 2);
      await t.http.post('/api/v1/supplier-portal/offers').set(portal(tokens2.get(b.id)!)).send(offerBody(n)).expect(201);
      const again = await invite(n, 2);
      await t.http.post('/api/v1/supplier-portal/offers').set(portal(tokens2.get(b.id)!)).send(offerBody(n)).expect(401);
      await t.http.post('/api/v1/supplier-portal/offers').set(portal(again.get(b.id)!)).send(offerBody(n)).expect(201);
    });
  });

  describe('issuing invitations', () => {
    it('is refused before the gatekeeper approved the shortlist (409), and to anyone but the buyer, changing nothing', async () => {
      const n = await negotiationCase(t, { approved: false });
      await openRound(t, n);
      const before = await tableCounts(t);
      const refused = await t.http.post(url(n, '/rounds/1/invitations')).set(n.people.buyer.auth).send({}).expect(409);
      expect(refused.body.detail).toMatch(/approv/);
      await t.http.post(url(n, '/rounds/1/invitations')).set(n.people.gatekeeper.auth).send({}).expect(403);
      await t.http.post(url(n, '/rounds/1/invitations')).set(n.people.outsider.auth).send({}).expect(404);
      expect(await tableCounts(t)).toEqual(before);
    });

    it('gives the buyer one token per participant once the gatekeeper approved the shortlist, valid until the deadline', async () => {
      const n = await negotiationCase(t);
      await openRound(t, n);
      const issued = await t.http.post(url(n, '/rounds/1/invitations')).set(n.people.buyer.auth).send({}).expect(201);
      expect(issued.body).toHaveLength(3);
      for (const i of issued.body) expect(new Date(i.expiresAt).getTime()).toBeGreaterThan(Date.now());
    });
  });

  describe('three rounds with eliminations and concessions; nothing follows a best-and-final round', () => {
    /** Round 1: A 1000, B 1200, C 1500, closed; C eliminated. */
    async function firstRound() {
      const n = await negotiationCase(t);
      const [a, b, c] = n.suppliers;
      await openRound(t, n);
      await recordOffer(t, n, 1, a.id, { totalPrice: '1000' }).expect(201);
      await recordOffer(t, n, 1, b.id, { totalPrice: '1200' }).expect(201);
      await recordOffer(t, n, 1, c.id, { totalPrice: '1500' }).expect(201);
      await closeRound(t, n, 1).expect(200);
      await t.http.post(url(n, '/rounds/1/eliminations')).set(n.people.buyer.auth).send({ supplierId: c.id, reason: 'price 25% above the best offer' }).expect(200);
      return { n, a, b, c };
    }
    /** …round 2: A 950, B 1100.25, closed; round 3 best and final: A 900, B 1100.25, closed. */
    async function threeRounds() {
      const r = await firstRound();
      const { n, a, b } = r;
      await openRound(t, n);
      await recordOffer(t, n, 2, a.id, { totalPrice: '950' }).expect(201);
      await recordOffer(t, n, 2, b.id, { totalPrice: '1100.25' }).expect(201);
      await closeRound(t, n, 2).expect(200);
      const r3 = await openRound(t, n, { bestAndFinal: true });
      await recordOffer(t, n, 3, a.id, { totalPrice: '900' }).expect(201);
      await recordOffer(t, n, 3, b.id, { totalPrice: '1100.25' }).expect(201);
      const closed3 = await closeRound(t, n, 3).expect(200);
      return { ...r, r3, closed3 };
    }

    it('eliminates a supplier only after the close, and only once; round 1 has no concessions', async () => {
      const n = await negotiationCase(t);
      const [a, b, c] = n.suppliers;
      await openRound(t, n);
      await recordOffer(t, n, 1, a.id, { totalPrice: '1000' }).expect(201);
      await recordOffer(t, n, 1, b.id, { totalPrice: '1200' }).expect(201);
      await recordOffer(t, n, 1, c.id, { totalPrice: '1500' }).expect(201);
      // eliminations come after the close
      await t.http.post(url(n, '/rounds/1/eliminations')).set(n.people.buyer.auth).send({ supplierId: c.id, reason: 'too expensive' }).expect(409);
      const closed1 = await closeRound(t, n, 1).expect(200);
      expect(closed1.body.status).toBe('closed');
      expect(closed1.body.comparison.items.map((i: { supplierId: string; concession: string | null }) => [i.supplierId, i.concession])).toEqual([
        [a.id, null],
        [b.id, null],
        [c.id, null],
      ]);
      const elimination = await t.http
        .post(url(n, '/rounds/1/eliminations'))
        .set(n.people.buyer.auth)
        .send({ supplierId: c.id, reason: 'price 25% above the best offer' })
        .expect(200);
      expect(elimination.body.participants.find((p: { supplierId: string }) => p.supplierId === c.id)).toMatchObject({
        eliminated: true,
        eliminatedReason: 'price 25% above the best offer',
      });
      await t.http.post(url(n, '/rounds/1/eliminations')).set(n.people.buyer.auth).send({ supplierId: c.id, reason: 'again' }).expect(409);
    });

    it('takes into round 2 only the suppliers not eliminated; the eliminated one cannot offer', async () => {
      const { n, a, b, c } = await firstRound();
      const r2 = await openRound(t, n);
      expect(r2.participants.map((p) => p.supplierId).sort()).toEqual([a.id, b.id].sort());
      const excluded = await recordOffer(t, n, 2, c.id).expect(400);
      expect(excluded.body.errors[0].field).toBe('supplierId');
    });

    it('ends eliminations for round 2 once round 3 is open', async () => {
      const { n, b, r3 } = await threeRounds();
      expect(r3).toMatchObject({ number: 3, bestAndFinal: true });
      await t.http.post(url(n, '/rounds/2/eliminations')).set(n.people.buyer.auth).send({ supplierId: b.id, reason: 'late' }).expect(409);
    });

    it('gives each supplier’s concession against its previous round, in the comparison, the offers and the revisions', async () => {
      const { n, a, b, closed3 } = await threeRounds();
      expect(
        closed3.body.comparison.items.map((i: { position: number; supplierId: string; convertedTotal: string; concession: string }) => [
          i.position,
          i.supplierId,
          i.convertedTotal,
          i.concession,
        ]),
      ).toEqual([
        [1, a.id, '900.00', '50.00'],
        [2, b.id, '1100.25', '0.00'],
      ]);
      const round2 = await t.http.get(url(n, '/rounds/2/offers')).set(n.people.decider.auth).expect(200);
      expect(
        round2.body.items.map((i: { supplierId: string; concession: string }) => [i.supplierId, i.concession]).sort(),
      ).toEqual([
        [a.id, '50.00'],
        [b.id, '99.75'],
      ].sort());
      const revisionsB = await t.http.get(url(n, `/rounds/2/offers/${b.id}/revisions`)).set(n.people.buyer.auth).expect(200);
      expect(revisionsB.body.items).toEqual([expect.objectContaining({ revision: 1, isCurrent: true, totalPrice: '1100.25', concession: '99.75' })]);
    });

    it('opens nothing after a best-and-final round', async () => {
      const { n } = await threeRounds();
      const refused = await t.http.post(url(n, '/rounds')).set(n.people.buyer.auth).send({ deadline: inMinutes(60) }).expect(409);
      expect(refused.body.detail).toMatch(/best-and-final/);
    });

    it('gives the evaluation and report modules the decision round and the history (NegotiationReader)', async () => {
      const { n, a, b } = await threeRounds();
      const reader = t.app.get(NegotiationReader);
      const decision = await reader.decisionRound(t.db.manager, n.caseId);
      expect(decision?.round).toMatchObject({ number: 3, bestAndFinal: true });
      expect(decision?.offers.map((o) => [o.supplierId, o.convertedTotal, o.revision])).toEqual([
        [a.id, '900', 1],
        [b.id, '1100.25', 1],
      ]);
      expect(decision?.offers[0]).toMatchObject({
        totalPrice: '900',
        currency: 'EUR',
        leadTimeDays: 21,
        validUntil: '2099-12-31',
        needsReconfirmation: false,
        values: [
          { criterionId: n.criteria.energy, value: 12.5 },
          { criterionId: n.criteria.noise, value: 0 },
        ],
      });
      const history = await reader.history(t.db.manager, n.caseId);
      expect(history.map((h) => [h.number, h.status, h.offers.map((o) => o.concession)])).toEqual([
        [1, 'closed', [null, null, null]],
        [2, 'closed', ['50', '99.75']],
        [3, 'closed', ['50', '0']],
      ]);
    });

    it('leaves a supplier eliminated after the last round out of the decision round', async () => {
      const { n, a, b } = await threeRounds();
      await t.http.post(url(n, '/rounds/3/eliminations')).set(n.people.buyer.auth).send({ supplierId: b.id, reason: 'fails the site audit' }).expect(200);
      const after = await t.app.get(NegotiationReader).decisionRound(t.db.manager, n.caseId);
      expect(after?.offers.map((o) => o.supplierId)).toEqual([a.id]);
    });

    it('lets the case on to DECISION on the real rounds, every round and elimination audited', async () => {
      const { n, b } = await threeRounds();
      await t.http.post(url(n, '/rounds/3/eliminations')).set(n.people.buyer.auth).send({ supplierId: b.id, reason: 'fails the site audit' }).expect(200);
      // the lifecycle reads the real rounds: NEGOTIATION → DECISION now allowed
      await t.http.post(url(n, '/transitions')).set(n.people.buyer.auth).send({ to: 'DECISION' }).expect(200);
      const trail = await t.http.get(url(n, '/audit?limit=500')).set(n.people.buyer.auth).expect(200);
      const actions = trail.body.items.map((e: { action: string }) => e.action);
      expect(actions.filter((x: string) => x === 'round.opened')).toHaveLength(3);
      expect(actions.filter((x: string) => x === 'round.closed')).toHaveLength(3);
      expect(actions.filter((x: string) => x === 'round.supplier_eliminated')).toHaveLength(2);
    });
  });

  it('refuses to leave NEGOTIATION while a round is open or without a closed round with a compliant offer', async () => {
    const n = await negotiationCase(t);
    const none = await t.http.post(url(n, '/transitions')).set(n.people.buyer.auth).send({ to: 'DECISION' }).expect(409);
    expect(none.body.unmet.map((u: { code: string }) => u.code)).toEqual(['NO_COMPLIANT_OFFER']);
    await openRound(t, n);
    const failing = n.requirements.map((r, i) => ({ requirementId: r.id, met: i === 0 }));
    await recordOffer(t, n, 1, n.suppliers[0].id, { compliance: failing }).expect(201);
    const open = await t.http.post(url(n, '/transitions')).set(n.people.buyer.auth).send({ to: 'DECISION' }).expect(409);
    expect(open.body.unmet.map((u: { code: string }) => u.code)).toEqual(['ROUND_OPEN', 'NO_COMPLIANT_OFFER']);
    await closeRound(t, n, 1).expect(200);
    const notCompliant = await t.http.post(url(n, '/transitions')).set(n.people.buyer.auth).send({ to: 'DECISION' }).expect(409);
    expect(notCompliant.body.unmet.map((u: { code: string }) => u.code)).toEqual(['NO_COMPLIANT_OFFER']);
    const comparison = await t.http.get(url(n, '/rounds/1/comparison')).set(n.people.buyer.auth).expect(200);
    expect(comparison.body.items[0].compliant).toBe(false);
  });

  it('converts a USD offer on a EUR case exactly (decimal, not binary floating point)', async () => {
    const n = await negotiationCase(t, { currency: 'EUR' });
    await openRound(t, n);
    const [a, b, c] = n.suppliers;
    // 100 USD × 1.15 = 115 exactly; as doubles 100 * 1.15 = 114.99999999999999
    await recordOffer(t, n, 1, a.id, { totalPrice: '100', currency: 'USD' }).expect(201);
    // line items 0.1 + 0.2 = 0.3 exactly (doubles: 0.30000000000000004); in GBP at 1.1 → 0.33
    await recordOffer(t, n, 1, b.id, {
      totalPrice: '0.3',
      currency: 'GBP',
      lineItems: [
        { description: 'filter set', quantity: '1', unitPrice: '0.1' },
        { description: 'gasket', quantity: 1, unitPrice: '0.2' },
      ],
    }).expect(201);
    // 1.0001 CHF × 0.5 = 0.50005 → 4 decimals half-to-even → 0.5 (half-up would give 0.5001)
    await recordOffer(t, n, 1, c.id, { totalPrice: '1.0001', currency: 'CHF' }).expect(201);
    await t.http
      .put(url(n, '/exchange-rates'))
      .set(n.people.buyer.auth)
      .send({ rates: [{ currency: 'USD', rate: '1.15' }, { currency: 'GBP', rate: '1.1' }, { currency: 'CHF', rate: '0.5' }] })
      .expect(200);
    const closed = await closeRound(t, n, 1).expect(200);
    const byId = new Map(closed.body.comparison.items.map((i: { supplierId: string }) => [i.supplierId, i]));
    // amounts keep their currency's minor units (README "Money"), and every further digit
    expect(byId.get(a.id)).toMatchObject({ totalPrice: '100.00', currency: 'USD', rate: '1.15', convertedTotal: '115.00' });
    expect(byId.get(b.id)).toMatchObject({ totalPrice: '0.30', currency: 'GBP', rate: '1.1', convertedTotal: '0.33' });
    expect(byId.get(c.id)).toMatchObject({ totalPrice: '1.0001', currency: 'CHF', convertedTotal: '0.50' });
    expect(closed.body.comparison).toMatchObject({ baseCurrency: 'EUR', pendingRateCurrencies: [] });
    expect(closed.body.comparison.items.map((i: { supplierId: string }) => i.supplierId)).toEqual([b.id, c.id, a.id]);
    const offers = await t.http.get(url(n, '/rounds/1/offers')).set(n.people.buyer.auth).expect(200);
    const offerB = offers.body.items.find((i: { supplierId: string }) => i.supplierId === b.id);
    expect(offerB.lineItems).toEqual([
      { description: 'filter set', quantity: '1', unitPrice: '0.10' },
      { description: 'gasket', quantity: '1', unitPrice: '0.20' },
    ]);
  });

  it('blocks closing while an offer has a currency with no rate, naming the currencies', async () => {
    const n = await negotiationCase(t);
    await openRound(t, n);
    await recordOffer(t, n, 1, n.suppliers[0].id, { totalPrice: '500', currency: 'USD' }).expect(201);
    await recordOffer(t, n, 1, n.suppliers[1].id, { totalPrice: '400', currency: 'JPY' }).expect(201);
    await recordOffer(t, n, 1, n.suppliers[2].id, { totalPrice: '450' }).expect(201);
    const blocked = await closeRound(t, n, 1).expect(409);
    expect(blocked.body.currencies).toEqual(['JPY', 'USD']);
    expect(blocked.body.detail).toMatch(/JPY, USD/);
    await t.http.put(url(n, '/exchange-rates')).set(n.people.buyer.auth).send({ rates: [{ currency: 'USD', rate: '0.92' }] }).expect(200);
    const still = await closeRound(t, n, 1).expect(409);
    expect(still.body.currencies).toEqual(['JPY']);
    await t.http.put(url(n, '/exchange-rates')).set(n.people.buyer.auth).send({ rates: [{ currency: 'JPY', rate: '0.0061' }] }).expect(200);
    const closed = await closeRound(t, n, 1).expect(200);
    expect(closed.body.comparison.items.map((i: { convertedTotal: string }) => i.convertedTotal)).toEqual(['2.44', '450.00', '460.00']);
  });

  describe('exchange rates', () => {
    it('refuses the base currency, duplicates and bad rates (400 naming rates), changing nothing', async () => {
      const n = await negotiationCase(t);
      const before = await tableCounts(t);
      const bad = [
        { rates: [{ currency: 'EUR', rate: '1' }] },
        { rates: [{ currency: 'USD', rate: '0.9' }, { currency: 'USD', rate: '0.91' }] },
        { rates: [{ currency: 'USD', rate: '0.12345678901' }] },
        { rates: [{ currency: 'USD', rate: '0' }] },
        { rates: [{ currency: 'USD', rate: '-1' }] },
        { rates: [{ currency: 'USD', rate: 0.9 }] },
        { rates: [{ currency: 'ZZZ', rate: '1.2' }] },
        { rates: [{ currency: 'usd', rate: '1.2' }] },
        { rates: [] },
        { rates: [{ currency: 'USD', rate: '1', extra: true }] },
      ];
      for (const body of bad) {
        const res = await t.http.put(url(n, '/exchange-rates')).set(n.people.buyer.auth).send(body).expect(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors.length).toBeGreaterThan(0);
        expect(res.body.errors[0].field).toMatch(/^rates/);
      }
      expect(await tableCounts(t)).toEqual(before);
    });

    it('records rates with who and when, updates them, and audits each change with the previous rate', async () => {
      const n = await negotiationCase(t);
      await t.http.put(url(n, '/exchange-rates')).set(n.people.buyer.auth).send({ rates: [{ currency: 'USD', rate: '0.9000' }] }).expect(200);
      const updated = await t.http
        .put(url(n, '/exchange-rates'))
        .set(n.people.buyer.auth)
        .send({ rates: [{ currency: 'USD', rate: '0.9215634127' }, { currency: 'GBP', rate: '1.17' }] })
        .expect(200);
      expect(updated.body.items.map((r: { currency: string; rate: string }) => [r.currency, r.rate])).toEqual([
        ['GBP', '1.17'],
        ['USD', '0.9215634127'],
      ]);
      const list = await t.http.get(url(n, '/exchange-rates')).set(n.people.decider.auth).expect(200);
      expect(list.body).toMatchObject({ baseCurrency: 'EUR', total: 2 });
      expect(list.body.items[1]).toMatchObject({ setBy: n.people.buyer.id, setByName: n.people.buyer.name });
      expect(new Date(list.body.items[1].setAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      const trail = await t.http.get(url(n, '/audit?limit=500')).set(n.people.buyer.auth).expect(200);
      const events = trail.body.items.filter((e: { action: string }) => e.action === 'exchange_rates.set');
      expect(events).toHaveLength(2);
      expect(events[1].data.rates).toEqual([
        { currency: 'USD', rate: '0.9215634127', previous: '0.9' },
        { currency: 'GBP', rate: '1.17', previous: null },
      ]);
    });

    it('only the buyer sets rates (the decider and an admin 403); an outsider cannot read them (404)', async () => {
      const n = await negotiationCase(t);
      await t.http.put(url(n, '/exchange-rates')).set(n.people.decider.auth).send({ rates: [{ currency: 'USD', rate: '1' }] }).expect(403);
      await t.http.put(url(n, '/exchange-rates')).set(t.admin.auth).send({ rates: [{ currency: 'USD', rate: '1' }] }).expect(403);
      await t.http.get(url(n, '/exchange-rates')).set(n.people.outsider.auth).expect(404);
    });
  });

  describe('bad offers: 400 problem+json naming the fields, and nothing stored', () => {
    /** Round 1 open: the deadline's date, the day before it, and the first supplier. */
    async function roundOpen() {
      const n = await negotiationCase(t);
      const round = await openRound(t, n);
      const deadlineDate = String(round.deadline).slice(0, 10);
      const dayBefore = new Date(new Date(String(round.deadline)).getTime() - 86_400_000).toISOString().slice(0, 10);
      return { n, deadlineDate, dayBefore, s: n.suppliers[0].id };
    }

    it('refuses each bad field of the offer body', async () => {
      const { n, dayBefore, s } = await roundOpen();
      const cases: Array<[string, Record<string, unknown>, string]> = [
        ['negative amount', { totalPrice: '-100' }, 'totalPrice'],
        ['zero amount', { totalPrice: '0' }, 'totalPrice'],
        ['amount as a number', { totalPrice: 100 }, 'totalPrice'],
        ['40 decimal places', { totalPrice: `1.${'1'.repeat(40)}` }, 'totalPrice'],
        ['exponent', { totalPrice: '1e5' }, 'totalPrice'],
        ['unknown currency', { currency: 'ZZZ' }, 'currency'],
        ['lower-case currency', { currency: 'usd' }, 'currency'],
        ['validity before the deadline', { validUntil: dayBefore }, 'validUntil'],
        ['impossible date', { validUntil: '2099-02-30' }, 'validUntil'],
        [
          'line items that do not add up',
          { totalPrice: '100', lineItems: [{ description: 'x', quantity: '3', unitPrice: '33.33' }] },
          'lineItems',
        ],
        ['negative unit price', { lineItems: [{ description: 'x', quantity: '1', unitPrice: '-1000' }] }, 'lineItems.0.unitPrice'],
        ['zero quantity', { lineItems: [{ description: 'x', quantity: '0', unitPrice: '1000' }] }, 'lineItems.0.quantity'],
        ['negative lead time', { leadTimeDays: -1 }, 'leadTimeDays'],
        ['fractional warranty', { warrantyMonths: 1.5 }, 'warrantyMonths'],
        ['absurd payment days', { paymentDays: 100000 }, 'paymentDays'],
        ['unknown field', { discount: '5%' }, 'discount'],
        ['unknown field in a line item', { lineItems: [{ description: 'x', quantity: '1', unitPrice: '1000', vat: 1 }] }, 'lineItems.0.vat'],
        ['missing compliance answer', { compliance: [{ requirementId: n.requirements[0].id, met: true }] }, 'compliance'],
        [
          'unknown requirement',
          { compliance: [...n.requirements.map((r) => ({ requirementId: r.id, met: true })), { requirementId: 'nope', met: true }] },
          'compliance.2.requirementId',
        ],
        ['compliance answer not boolean', { compliance: n.requirements.map((r) => ({ requirementId: r.id, met: 'yes' })) }, 'compliance.0.met'],
        ['missing criterion value', { values: [{ criterionId: n.criteria.energy, value: 3 }] }, 'values'],
        [
          'unknown criterion',
          {
            values: [
              { criterionId: n.criteria.energy, value: 3 },
              { criterionId: n.criteria.noise, value: 3 },
              { criterionId: 'ghost', value: 1 },
            ],
          },
          'values.2.criterionId',
        ],
        [
          'zero for a ratio criterion',
          {
            values: [
              { criterionId: n.criteria.energy, value: 0 },
              { criterionId: n.criteria.noise, value: 3 },
            ],
          },
          'values.0.value',
        ],
        ['missing field', { leadTimeDays: undefined }, 'leadTimeDays'],
      ];
      const before = await tableCounts(t);
      for (const [label, overrides, field] of cases) {
        const res = await recordOffer(t, n, 1, s, overrides);
        expect({ label, status: res.status }).toEqual({ label, status: 400 });
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect({ label, fields: res.body.errors.map((e: { field: string }) => e.field) }).toEqual({
          label,
          fields: expect.arrayContaining([field]),
        });
      }
      expect(await tableCounts(t)).toEqual(before);
    });

    it('answers odd shapes with 400 too, never 500', async () => {
      const { n, s } = await roundOpen();
      const before = await tableCounts(t);
      const odd: unknown[] = [
        [],
        { ...offerBody(n), supplierId: s, compliance: [null] },
        { ...offerBody(n), supplierId: s, values: [{ criterionId: n.criteria.energy, value: '3' }] },
        { ...offerBody(n), supplierId: s, lineItems: 'abc' },
        { ...offerBody(n), supplierId: s, totalPrice: { amount: 1 } },
        { ...offerBody(n), supplierId: s, validUntil: 20991231 },
        { ...offerBody(n), supplierId: 'not-a-uuid' },
        { ...offerBody(n), supplierId: '7f0c6a1e-0000-4000-8000-000000000000' },
        { ...offerBody(n), supplierId: s, values: [{ criterionId: n.criteria.energy, value: 1e300 }, { criterionId: n.criteria.noise, value: 1 }] },
      ];
      for (const body of odd) {
        const res = await t.http.post(url(n, '/rounds/1/offers')).set(n.people.buyer.auth).send(body as object);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
      }
      await t.http.post(url(n, '/rounds/1/offers')).set(n.people.buyer.auth).set('Content-Type', 'application/json').send('{"totalPrice": ').expect(400);
      expect(await tableCounts(t)).toEqual(before);
    });

    it('refuses impossible, out-of-range, numeric and empty deadlines', async () => {
      const { n } = await roundOpen();
      const before = await tableCounts(t);
      for (const deadline of ['2027-02-30T10:00:00Z', '+275760-09-13T00:00:00Z', 12345, '']) {
        const res = await t.http.post(url(n, '/rounds')).set(n.people.buyer.auth).send({ deadline });
        expect({ deadline, status: res.status }).toEqual({ deadline, status: 400 });
      }
      expect(await tableCounts(t)).toEqual(before);
    });

    it('refuses bad paging, supplier ids and round numbers in the offer paths', async () => {
      const { n } = await roundOpen();
      await t.http.get(url(n, '/rounds/1/offers?limit=0')).set(n.people.buyer.auth).expect(400);
      await t.http.get(url(n, '/rounds/1/offers/not-a-uuid/revisions')).set(n.people.buyer.auth).expect(400);
      await t.http.get(url(n, '/rounds/9999999/offers')).set(n.people.buyer.auth).expect(400);
    });

    it('validates the supplier portal the same way, storing no offer', async () => {
      const { n, dayBefore, s } = await roundOpen();
      const before = await tableCounts(t);
      const tokens = await invite(n, 1);
      const afterInvite = await tableCounts(t);
      const viaPortal = await t.http.post('/api/v1/supplier-portal/offers').set(portal(tokens.get(s)!)).send(offerBody(n, { totalPrice: '-5' })).expect(400);
      expect(viaPortal.body.errors[0].field).toBe('totalPrice');
      await t.http.post('/api/v1/supplier-portal/offers').set(portal(tokens.get(s)!)).send(offerBody(n, { validUntil: dayBefore })).expect(400);
      // the invitations' case events and the organization trail's links of their heads are the only change
      expect(await tableCounts(t)).toEqual({ ...before, invitations: afterInvite.invitations, audit_events: afterInvite.audit_events, org_audit_events: afterInvite.org_audit_events });
      expect(afterInvite.offers).toBe(before.offers);
    });

    it('accepts an offer valid until exactly the deadline’s date', async () => {
      const { n, deadlineDate, s } = await roundOpen();
      await recordOffer(t, n, 1, s, { validUntil: deadlineDate }).expect(201);
    });
  });

  describe('roles both ways', () => {
    const deadline = () => ({ deadline: inMinutes(60) });

    it('only the buyer opens a round: other roles and an admin 403, an outsider 404', async () => {
      const n = await negotiationCase(t);
      const p = n.people;
      for (const who of [p.decider, p.prescriber, p.gatekeeper, p.initiator]) {
        await t.http.post(url(n, '/rounds')).set(who.auth).send(deadline()).expect(403);
      }
      await t.http.post(url(n, '/rounds')).set(p.outsider.auth).send(deadline()).expect(404);
      await t.http.post(url(n, '/rounds')).set(t.admin.auth).send(deadline()).expect(403);
    });

    it('only the buyer records an offer', async () => {
      const n = await negotiationCase(t);
      const p = n.people;
      await openRound(t, n);
      const s = n.suppliers[0].id;
      for (const who of [p.evaluator, p.decider, p.gatekeeper]) await recordOffer(t, n, 1, s, {}, who).expect(403);
      await recordOffer(t, n, 1, s, {}, p.outsider).expect(404);
      await recordOffer(t, n, 1, s, {}, { ...t.admin }).expect(403);
      await recordOffer(t, n, 1, s).expect(201);
    });

    it('every role and an admin read the rounds and the offers; an outsider gets 404', async () => {
      const n = await negotiationCase(t);
      const p = n.people;
      await openRound(t, n);
      await recordOffer(t, n, 1, n.suppliers[0].id).expect(201);
      for (const who of [p.buyer, p.evaluator, p.decider, p.approver, p.initiator]) {
        await t.http.get(url(n, '/rounds')).set(who.auth).expect(200);
        await t.http.get(url(n, '/rounds/1/offers')).set(who.auth).expect(200);
      }
      await t.http.get(url(n, '/rounds')).set(t.admin.auth).expect(200);
      await t.http.get(url(n, '/rounds')).set(p.outsider.auth).expect(404);
      await t.http.get(url(n, '/rounds/1/offers')).set(p.outsider.auth).expect(404);
    });

    it('only the buyer closes, invites, eliminates and re-confirms', async () => {
      const n = await negotiationCase(t);
      const p = n.people;
      await openRound(t, n);
      const s = n.suppliers[0].id;
      await recordOffer(t, n, 1, s).expect(201);
      await t.http.post(url(n, '/rounds/1/close')).set(p.decider.auth).send({}).expect(403);
      await t.http.post(url(n, '/rounds/1/close')).set(t.admin.auth).send({}).expect(403);
      await t.http.post(url(n, '/rounds/1/invitations')).set(p.decider.auth).send({}).expect(403);
      await closeRound(t, n, 1).expect(200);
      await t.http.post(url(n, '/rounds/1/eliminations')).set(p.decider.auth).send({ supplierId: s, reason: 'x' }).expect(403);
      await t.http.post(url(n, `/rounds/1/offers/${s}/reconfirm`)).set(p.decider.auth).send({}).expect(403);
    });

    it('the stage gates it too: outside NEGOTIATION no round is opened or read', async () => {
      const early = await negotiationCase(t);
      await t.db.query(`UPDATE cases SET stage = 'SHORTLISTING' WHERE id = $1`, [early.caseId]);
      await t.http.post(url(early, '/rounds')).set(early.people.buyer.auth).send(deadline()).expect(409);
      await t.http.get(url(early, '/rounds')).set(early.people.buyer.auth).expect(409);
    });
  });

  describe('re-confirmation after a specification change', () => {
    /** Round 1 open with A's and B's offers against version 1. */
    async function twoOffers() {
      const n = await negotiationCase(t);
      await openRound(t, n);
      const [a, b] = n.suppliers;
      await recordOffer(t, n, 1, a.id).expect(201);
      await recordOffer(t, n, 1, b.id).expect(201);
      return { n, a, b };
    }
    /** What the specification module does on a change in NEGOTIATION: a new frozen version copied from `from`, earlier offers marked. */
    async function newVersion(n: NegotiationCase, version: number, reason: string, extra: object[] = []) {
      await t.db.query(
        `INSERT INTO specification_versions (case_id, version, frozen_at, requirements, criteria, reason, created_by)
         SELECT case_id, $2::int, now(), requirements || $4::jsonb, criteria, $3, created_by FROM specification_versions WHERE case_id = $1 AND version = $2::int - 1`,
        [n.caseId, version, reason, JSON.stringify(extra)],
      );
      await t.db.query(
        `UPDATE offers SET needs_reconfirmation = true WHERE specification_version < $2 AND round_id IN (SELECT id FROM negotiation_rounds WHERE case_id = $1)`,
        [n.caseId, version],
      );
    }

    it('has nothing to re-confirm before a change (409)', async () => {
      const { n, a } = await twoOffers();
      await t.http.post(url(n, `/rounds/1/offers/${a.id}/reconfirm`)).set(n.people.buyer.auth).send({}).expect(409);
    });

    it('the buyer and the supplier re-confirm a marked offer against the new version, once', async () => {
      const { n, a, b } = await twoOffers();
      await newVersion(n, 2, 'quieter units');
      const reconfirmed = await t.http.post(url(n, `/rounds/1/offers/${a.id}/reconfirm`)).set(n.people.buyer.auth).send({}).expect(200);
      expect(reconfirmed.body).toMatchObject({ supplierId: a.id, revision: 1, specificationVersion: 2, needsReconfirmation: false });
      const tokens = await invite(n, 1);
      const viaPortal = await t.http.post('/api/v1/supplier-portal/offers/reconfirm').set(portal(tokens.get(b.id)!)).send({}).expect(200);
      expect(viaPortal.body).toMatchObject({ supplierId: b.id, specificationVersion: 2, submittedVia: 'supplier' });
      await t.http.post('/api/v1/supplier-portal/offers/reconfirm').set(portal(tokens.get(b.id)!)).send({}).expect(409);
    });

    it('a version that asks for more needs a revision: the supplier is refused at once (422 naming it), the buyer at close (the offer is sealed)', async () => {
      const { n, a, b } = await twoOffers();
      await newVersion(n, 2, 'quieter units');
      // version 3 adds a requirement: re-confirming unchanged is not enough, a revision is
      const extra = { id: '7f0c6a1e-0000-4000-8000-00000000abcd', text: 'CE marking', type: 'yes_no', value: true };
      await newVersion(n, 3, 'CE marking', [extra]);
      // the supplier knows its own offer: the portal answers what is missing at once, changing nothing
      const tokens = await invite(n, 1);
      const before = await tableCounts(t);
      const refused = await t.http.post('/api/v1/supplier-portal/offers/reconfirm').set(portal(tokens.get(b.id)!)).send({}).expect(422);
      expect(refused.body.errors).toEqual([{ field: 'compliance', message: expect.stringContaining(extra.id) }]);
      expect(await tableCounts(t)).toEqual(before);
      // the buyer may not learn anything of a sealed offer: the re-confirmation is taken, and checked at close
      await t.http.post(url(n, `/rounds/1/offers/${b.id}/reconfirm`)).set(n.people.buyer.auth).send({}).expect(200);
      const compliance = [...n.requirements.map((r) => ({ requirementId: r.id, met: true })), { requirementId: extra.id, met: true }];
      const revised = await recordOffer(t, n, 1, a.id, { compliance }).expect(201);
      expect(revised.body).toMatchObject({ revision: 2, specificationVersion: 3, needsReconfirmation: false });
      await closeRound(t, n, 1).expect(200);
      const offers = await t.http.get(url(n, '/rounds/1/offers')).set(n.people.buyer.auth).expect(200);
      const flags = new Map(offers.body.items.map((o: { supplierId: string; needsReconfirmation: boolean }) => [o.supplierId, o.needsReconfirmation]));
      expect(flags.get(a.id)).toBe(false);
      expect(flags.get(b.id)).toBe(true);
      const [closedCheck] = await t.db.query(`SELECT data FROM audit_events WHERE case_id = $1 AND action = 'offer.reconfirmation_refused'`, [n.caseId]);
      expect(closedCheck.data).toMatchObject({ supplierId: b.id, errors: [{ field: 'compliance', message: expect.stringContaining(extra.id) }] });
    });
  });

  describe('on the real path: specification, shortlist and approval through their endpoints, a spec change in NEGOTIATION, then DECISION', () => {
    /** Three registry suppliers shortlisted and approved; round 1 open; two offers through the portal (80000 and 78500.5). */
    async function portalOffers() {
      const { caseId, people } = await caseInShortlisting(t, { currency: 'EUR' });
      const suppliers = [await createSupplier(t), await createSupplier(t), await createSupplier(t)];
      for (const s of suppliers) {
        await t.http.post(`/api/v1/cases/${caseId}/shortlist`).set(people.buyer.auth).send({ supplierId: s.id }).expect(201);
      }
      await t.http.post(`/api/v1/cases/${caseId}/shortlist/approval`).set(people.gatekeeper.auth).send({}).expect(200);
      await transition(t, caseId, people.buyer, 'NEGOTIATION');
      const spec = await t.http.get(`/api/v1/cases/${caseId}/specification`).set(people.buyer.auth).expect(200);
      const requirements: Array<{ id: string; text: string }> = spec.body.requirements;
      const answers = requirements.map((r) => ({ requirementId: r.id, met: true }));
      const body = { totalPrice: '80000', currency: 'EUR', leadTimeDays: 30, warrantyMonths: 24, paymentDays: 30, validUntil: '2099-12-31', compliance: answers, values: [] };

      const round = await t.http.post(`/api/v1/cases/${caseId}/rounds`).set(people.buyer.auth).send({ deadline: inMinutes(60) }).expect(201);
      const issued = await t.http.post(`/api/v1/cases/${caseId}/rounds/1/invitations`).set(people.buyer.auth).send({}).expect(201);
      const tokens = new Map<string, string>(issued.body.map((i: { supplierId: string; token: string }) => [i.supplierId, i.token]));
      await t.http.post('/api/v1/supplier-portal/offers').set(portal(tokens.get(suppliers[0].id)!)).send(body).expect(201);
      await t.http.post('/api/v1/supplier-portal/offers').set(portal(tokens.get(suppliers[1].id)!)).send({ ...body, totalPrice: '78500.5' }).expect(201);
      return { caseId, people, suppliers, round, tokens };
    }
    /** The prescriber revises the specification in NEGOTIATION: the specification module marks the offers. */
    async function revise(caseId: string, people: { prescriber: { auth: { Authorization: string } } }) {
      await t.http
        .put(`/api/v1/cases/${caseId}/specification`)
        .set(people.prescriber.auth)
        // same requirement texts, so their ids stay (the specification matches them by text); only the description changes
        .send({ ...specBody({ description: 'Two oil-free screw compressors, 55 kW, low-noise' }), reason: 'plant floor noise limit' })
        .expect(200);
    }

    it('opens round 1 with the shortlisted registry suppliers', async () => {
      const { round, suppliers } = await portalOffers();
      expect(round.body.participants.map((p: { supplierId: string }) => p.supplierId).sort()).toEqual(suppliers.map((s) => s.id).sort());
    });

    it('a specification change marks the offers made; the supplier and the buyer re-confirm them', async () => {
      const { caseId, people, suppliers, tokens } = await portalOffers();
      await revise(caseId, people);
      const [{ marked }] = await t.db.query(
        `SELECT count(*) FILTER (WHERE needs_reconfirmation)::int AS marked FROM offers o JOIN negotiation_rounds r ON r.id = o.round_id WHERE r.case_id = $1`,
        [caseId],
      );
      expect(marked).toBe(2);
      const again = await t.http.post('/api/v1/supplier-portal/offers/reconfirm').set(portal(tokens.get(suppliers[0].id)!)).send({}).expect(200);
      expect(again.body).toMatchObject({ specificationVersion: 2, needsReconfirmation: false });
      await t.http.post(`/api/v1/cases/${caseId}/rounds/1/offers/${suppliers[1].id}/reconfirm`).set(people.buyer.auth).send({}).expect(200);
    });

    it('closing compares the offers by converted total; the case moves to DECISION with a valid audit chain', async () => {
      const { caseId, people, suppliers, tokens } = await portalOffers();
      await revise(caseId, people);
      await t.http.post('/api/v1/supplier-portal/offers/reconfirm').set(portal(tokens.get(suppliers[0].id)!)).send({}).expect(200);
      await t.http.post(`/api/v1/cases/${caseId}/rounds/1/offers/${suppliers[1].id}/reconfirm`).set(people.buyer.auth).send({}).expect(200);
      const closed = await t.http.post(`/api/v1/cases/${caseId}/rounds/1/close`).set(people.buyer.auth).send({}).expect(200);
      expect(closed.body.comparison.items.map((i: { supplierId: string; convertedTotal: string }) => [i.supplierId, i.convertedTotal])).toEqual([
        [suppliers[1].id, '78500.50'],
        [suppliers[0].id, '80000.00'],
      ]);
      await transition(t, caseId, people.buyer, 'DECISION');
      const verify = await t.http.get(`/api/v1/cases/${caseId}/audit/verify`).set(people.buyer.auth).expect(200);
      expect(verify.body.valid).toBe(true);
    });
  });

  it('opens no round when every supplier has been eliminated', async () => {
    const n = await negotiationCase(t, { suppliers: 1 });
    await openRound(t, n);
    await closeRound(t, n, 1).expect(200);
    await t.http.post(url(n, '/rounds/1/eliminations')).set(n.people.buyer.auth).send({ supplierId: n.suppliers[0].id, reason: 'withdrew' }).expect(200);
    const refused = await t.http.post(url(n, '/rounds')).set(n.people.buyer.auth).send({ deadline: inMinutes(60) }).expect(409);
    expect(refused.body.detail).toMatch(/no supplier/);
  });

  it('refuses to eliminate a supplier that takes no part in the round (400 naming supplierId)', async () => {
    const n = await negotiationCase(t, { suppliers: 1 });
    await openRound(t, n);
    await closeRound(t, n, 1).expect(200);
    const stranger = await t.http
      .post(url(n, '/rounds/1/eliminations'))
      .set(n.people.buyer.auth)
      .send({ supplierId: '7f0c6a1e-0000-4000-8000-000000000000', reason: 'x' })
      .expect(400);
    expect(stranger.body.errors[0].field).toBe('supplierId');
  });
});
