import { randomUUID } from 'node:crypto';
import { canonicalJson, sha256 } from '../src/domain/audit/canonical-json';
import { BUILTIN_RELIABILITY_CRITERION_ID } from '../src/domain/scoring';
import { tableCounts } from './factories';
import { type DecisionCase, decisionCase, justification, putScores } from './factories/evaluation';
import { startTestApp, type TestApp } from './setup/test-app';

type Cell = { criterionId: string; raw: number | string | null; normalized: number; contribution: number; [k: string]: unknown };
type Row = { supplierId: string; rank: number; total: number; tie: boolean; cells: Cell[]; [k: string]: unknown };

const cell = (row: Row, criterionId: string) => row.cells.find((c) => c.criterionId === criterionId)!;
const todayUtc = () => new Date().toISOString().slice(0, 10);

describe('evaluation: scores, decision matrix, sensitivity, proposal', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** The decision case with both evaluators' Build quality marks: Atlas 8 and 6, Boreal 6 and 9 (the hand calculation below). */
  async function scored() {
    const d = await decisionCase(t);
    const { atlas, boreal } = d.suppliers;
    await putScores(t, d, d.people.evaluator, [
      { supplierId: atlas.id, criterionId: d.criteria.quality, score: 8, comment: 'solid castings' },
      { supplierId: boreal.id, criterionId: d.criteria.quality, score: 6 },
    ]).expect(200);
    await putScores(t, d, d.people.evaluator2, [
      { supplierId: atlas.id, criterionId: d.criteria.quality, score: 6 },
      { supplierId: boreal.id, criterionId: d.criteria.quality, score: 9 },
    ]).expect(200);
    return d;
  }

  describe('a case walked from NEED to a proposal through HTTP', () => {
    it('cannot leave DECISION yet: no proposal, and no evaluator score for either ranked supplier (Cumulus is excluded)', async () => {
      const d = await decisionCase(t);
      const { atlas, boreal } = d.suppliers;
      const early = await t.http.post(`/api/v1/cases/${d.caseId}/transitions`).set(d.people.decider.auth).send({ to: 'APPROVAL' }).expect(409);
      expect(early.body.unmet).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'NO_PROPOSAL' }),
          { code: 'SCORE_MISSING', message: `Build quality for ${atlas.name}` },
          { code: 'SCORE_MISSING', message: `Build quality for ${boreal.name}` },
        ]),
      );
      expect(early.body.unmet.filter((u: { code: string }) => u.code === 'SCORE_MISSING')).toHaveLength(2);
    });

    it('ranks the suppliers as the hand calculation does', async () => {
      const d = await scored();
      const { atlas, boreal, cumulus } = d.suppliers;
      // Hand calculation (routine case: effective = base weights .5 / .3 / .2; Cumulus excluded, so
      // normalization runs over Atlas and Boreal only):
      //   price (ratio, lower):   min 10000 → Atlas 10000/10000 = 1, Boreal 10000/12000 = .833333
      //   quality (scale):        Atlas (8+6)/2 = 7 → .7, Boreal (6+9)/2 = 7.5 → .75
      //   lead time (minmax, lower): max 20, min 10 → Atlas (20−20)/10 = 0, Boreal (20−10)/10 = 1
      //   S_Atlas  = .5·1       + .3·.7  + .2·0 = .5      + .21  + 0  = .71     → 71
      //   S_Boreal = .5·.833333 + .3·.75 + .2·1 = .416667 + .225 + .2 = .841667 → 84.1667
      const matrix = await t.http.get(`/api/v1/cases/${d.caseId}/matrix`).set(d.people.decider.auth).expect(200);
      expect(matrix.body.asOf).toBe(todayUtc()); // the round closed today
      expect(matrix.body.rule).toMatch(/Not a strategic purchase/);
      expect(matrix.body.weights).toEqual([
        expect.objectContaining({ criterionId: d.criteria.price, base: expect.closeTo(0.5, 12), effective: expect.closeTo(0.5, 12) }),
        expect.objectContaining({ criterionId: d.criteria.quality, base: expect.closeTo(0.3, 12), effective: expect.closeTo(0.3, 12) }),
        expect.objectContaining({ criterionId: d.criteria.leadTime, base: expect.closeTo(0.2, 12), effective: expect.closeTo(0.2, 12) }),
      ]);
      const [first, second] = matrix.body.ranking as Row[];
      expect(matrix.body.ranking).toHaveLength(2);
      expect(first).toMatchObject({ supplierId: boreal.id, rank: 1, tie: false, supplierName: boreal.name, convertedTotal: '12000.00' });
      expect(first.total).toBeCloseTo(84.166667, 5);
      expect(second).toMatchObject({ supplierId: atlas.id, rank: 2, tie: false });
      expect(second.total).toBeCloseTo(71, 9);
      expect(cell(first, d.criteria.price)).toMatchObject({ raw: '12000.00', rawAmount: '12000.00', normalized: expect.closeTo(0.833333, 6) });
      expect(cell(first, d.criteria.price).contribution).toBeCloseTo(0.416667, 6);
      expect(cell(first, d.criteria.quality)).toMatchObject({ raw: 7.5, normalized: 0.75, scoreCount: 2, scoreSpread: 3, consensusNeeded: false });
      expect(cell(first, d.criteria.leadTime)).toMatchObject({ raw: 10, normalized: 1, contribution: expect.closeTo(0.2, 12) });
      expect(cell(second, d.criteria.leadTime)).toMatchObject({ raw: 20, normalized: 0, contribution: 0 });
      expect(matrix.body.excluded).toEqual([
        {
          supplierId: cumulus.id,
          supplierName: cumulus.name,
          requirementId: d.requirements.iso,
          requirement: 'ISO 9001 certified',
          reason: `the "ISO 9001" certification expired on 2024-12-31 (checked on ${todayUtc()})`,
        },
      ]);
    });

    it('reports the sensitivity of the ranking and the price cut that would make the runner-up win', async () => {
      const d = await scored();
      const { atlas, boreal } = d.suppliers;
      // Sensitivity (T&S): W = Boreal, j = Atlas, S_W − S_j = .841667 − .71 = .131667.
      //   lead time: δ = .131667 / (0 − 1) = −.131667, .2 − .131667 ≥ 0 → feasible, −65.83 % of .2
      //   quality:   δ = .131667 / (.7 − .75) = −2.633 → weight below 0 → infeasible
      // Price cut: Atlas already has the lowest price (its price score stays 1) and Boreal's falls to
      // p/12000; Atlas wins when .5·p/12000 + .3·.75 + .2 ≤ .71 → p ≤ 6840.
      const s = await t.http.get(`/api/v1/cases/${d.caseId}/sensitivity`).set(d.people.evaluator.auth).expect(200);
      expect(s.body).toMatchObject({ winner: boreal.id, runnerUp: atlas.id, mostCritical: d.criteria.leadTime, sensitive: false });
      const lead = s.body.criteria.find((c: { criterionId: string }) => c.criterionId === d.criteria.leadTime);
      expect(lead).toMatchObject({ feasible: true, overtakenBy: atlas.id });
      expect(lead.delta).toBeCloseTo(-0.131667, 6);
      expect(lead.percent).toBeCloseTo(-65.8333, 3);
      expect(s.body.criteria.find((c: { criterionId: string }) => c.criterionId === d.criteria.quality)).toMatchObject({ feasible: false, delta: null });
      expect(s.body.priceCutToWin).toMatchObject({ supplierId: atlas.id, criterionId: d.criteria.price, currency: 'EUR', fromPrice: '10000.00' });
      expect(Number(s.body.priceCutToWin.toPrice)).toBeGreaterThan(6839.98);
      expect(Number(s.body.priceCutToWin.toPrice)).toBeLessThanOrEqual(6840);
      expect(Number(s.body.priceCutToWin.cut) + Number(s.body.priceCutToWin.toPrice)).toBe(10000);
    });

    it('refuses an override (Atlas is rank 2) with less than 200 characters of justification, changing nothing', async () => {
      const d = await scored();
      const before = await tableCounts(t);
      const refused = await t.http
        .post(`/api/v1/cases/${d.caseId}/decision`)
        .set(d.people.decider.auth)
        .send({ supplierId: d.suppliers.atlas.id, justification: justification(199) })
        .expect(400);
      expect(refused.body.errors).toEqual([{ field: 'justification', message: expect.stringMatching(/override.*at least 200 characters \(it has 199\)/) }]);
      expect(await tableCounts(t)).toEqual(before);
    });

    it('accepts an override with 200 characters and flags it', async () => {
      const d = await scored();
      const { decider } = d.people;
      const base = `/api/v1/cases/${d.caseId}`;
      const override = await t.http.post(`${base}/decision`).set(decider.auth).send({ supplierId: d.suppliers.atlas.id, justification: justification(200) }).expect(201);
      expect(override.body).toMatchObject({ supplierId: d.suppliers.atlas.id, override: true, stale: false, rank: 2, proposedBy: decider.id });
      expect(override.body.snapshotHash).toMatch(/^[0-9a-f]{64}$/);
      const flagged = await t.http.get(`${base}/decision`).set(t.admin.auth).expect(200);
      expect(flagged.body).toMatchObject({ id: override.body.id, override: true, stale: false, snapshotHash: override.body.snapshotHash });
    });

    it('a proposal of the top-ranked supplier needs no long justification and supersedes the previous one; the stored snapshot is what was hashed; both are audited', async () => {
      const d = await scored();
      const { atlas, boreal, cumulus } = d.suppliers;
      const { decider } = d.people;
      const base = `/api/v1/cases/${d.caseId}`;
      const override = await t.http.post(`${base}/decision`).set(decider.auth).send({ supplierId: atlas.id, justification: justification(200) }).expect(201);
      const proposal = await t.http
        .post(`${base}/decision`)
        .set(decider.auth)
        .send({ supplierId: boreal.id, justification: 'Best total with a clear margin.' })
        .expect(201);
      expect(proposal.body).toMatchObject({ supplierId: boreal.id, override: false, stale: false, rank: 1 });
      const rows = await t.db.query('SELECT id, superseded_at, snapshot, snapshot_hash FROM decisions WHERE case_id = $1 ORDER BY created_at, superseded_at NULLS LAST', [d.caseId]);
      expect(rows.map((r: { id: string; superseded_at: Date | null }) => [r.id, r.superseded_at !== null])).toEqual([
        [override.body.id, true],
        [proposal.body.id, false],
      ]);
      // the stored snapshot is what was hashed: canonical JSON of matrix input, weights + rule, ranking, exclusions, proposal
      const stored = rows[1];
      expect(sha256(canonicalJson(stored.snapshot))).toBe(stored.snapshot_hash);
      expect(stored.snapshot_hash).toBe(proposal.body.snapshotHash);
      expect(stored.snapshot).toMatchObject({
        asOf: todayUtc(),
        weights: { strategic: false, rule: expect.stringMatching(/Not a strategic/) },
        ranking: [
          { supplierId: boreal.id, rank: 1, tie: false },
          { supplierId: atlas.id, rank: 2, tie: false },
        ],
        excluded: [{ supplierId: cumulus.id, requirementId: d.requirements.iso }],
        proposal: { supplierId: boreal.id, justification: 'Best total with a clear margin.', override: false },
      });
      const audit = await t.db.query(`SELECT data FROM audit_events WHERE case_id = $1 AND action = 'decision.proposed' ORDER BY seq`, [d.caseId]);
      expect(audit.map((a: { data: { snapshotHash: string; override: boolean } }) => [a.data.snapshotHash, a.data.override])).toEqual([
        [override.body.snapshotHash, true],
        [proposal.body.snapshotHash, false],
      ]);
    });

    /** Scored, proposed (Boreal, the top), then evaluator 2 lowers Boreal's mark from 9 to 4. */
    async function staleProposal() {
      const d = await scored();
      const proposal = await t.http
        .post(`/api/v1/cases/${d.caseId}/decision`)
        .set(d.people.decider.auth)
        .send({ supplierId: d.suppliers.boreal.id, justification: 'Best total with a clear margin.' })
        .expect(201);
      await putScores(t, d, d.people.evaluator2, [{ supplierId: d.suppliers.boreal.id, criterionId: d.criteria.quality, score: 4 }]).expect(200);
      return { d, proposal };
    }

    it('a later score change makes the proposal stale, and DECISION cannot be left', async () => {
      const { d, proposal } = await staleProposal();
      const base = `/api/v1/cases/${d.caseId}`;
      const stale = await t.http.get(`${base}/decision`).set(d.people.decider.auth).expect(200);
      expect(stale.body).toMatchObject({ id: proposal.body.id, stale: true, snapshotHash: proposal.body.snapshotHash });
      expect(stale.body.currentHash).not.toBe(proposal.body.snapshotHash);
      const blocked = await t.http.post(`${base}/transitions`).set(d.people.decider.auth).send({ to: 'APPROVAL' }).expect(409);
      expect(blocked.body.unmet).toEqual([expect.objectContaining({ code: 'PROPOSAL_STALE' })]);
    });

    it('proposed again on the new matrix, the case moves on to APPROVAL', async () => {
      const { d } = await staleProposal();
      const { decider } = d.people;
      const base = `/api/v1/cases/${d.caseId}`;
      // Boreal: quality (6+4)/2 = 5 → S = .416667 + .15 + .2 = .766667, still first
      const again = await t.http.post(`${base}/decision`).set(decider.auth).send({ supplierId: d.suppliers.boreal.id, justification: 'Still the best total.' }).expect(201);
      expect(again.body).toMatchObject({ override: false, stale: false });
      expect(again.body.total).toBeCloseTo(76.6667, 3);
      await t.http.post(`${base}/transitions`).set(decider.auth).send({ to: 'APPROVAL' }).expect(200);
      expect((await t.http.get(`${base}/decision`).set(decider.auth).expect(200)).body.stale).toBe(false);
    });
  });

  describe('the stale rule: a proposal goes stale when an exclusion or a weight changes, not when nothing does', () => {
    /** Atlas 7 and Boreal 7.5 from one evaluator, Boreal proposed. */
    async function proposed() {
      const d = await decisionCase(t);
      const base = `/api/v1/cases/${d.caseId}`;
      await putScores(t, d, d.people.evaluator, [
        { supplierId: d.suppliers.atlas.id, criterionId: d.criteria.quality, score: 7 },
        { supplierId: d.suppliers.boreal.id, criterionId: d.criteria.quality, score: 7.5 },
      ]).expect(200);
      const propose = () => t.http.post(`${base}/decision`).set(d.people.decider.auth).send({ supplierId: d.suppliers.boreal.id, justification: 'Best total.' }).expect(201);
      const staleness = async () => (await t.http.get(`${base}/decision`).set(d.people.decider.auth).expect(200)).body.stale;
      const first = await propose();
      expect(await staleness()).toBe(false);
      return { d, base, first, propose, staleness };
    }

    it('renaming a supplier changes nothing the decision stands on', async () => {
      const { d, staleness } = await proposed();
      await t.http.patch(`/api/v1/suppliers/${d.suppliers.atlas.id}`).set(t.admin.auth).send({ legalName: `${d.suppliers.atlas.name} (renamed)` }).expect(200);
      expect(await staleness()).toBe(false);
    });

    it('proposing the same on the same data gives the same snapshot hash', async () => {
      const { first, propose } = await proposed();
      expect((await propose()).body.snapshotHash).toBe(first.body.snapshotHash);
    });

    it('Cumulus renewing its ISO 9001 lifts its exclusion: the proposal is stale and all three are ranked', async () => {
      const { d, base, staleness } = await proposed();
      await t.http
        .patch(`/api/v1/suppliers/${d.suppliers.cumulus.id}`)
        .set(t.admin.auth)
        .send({ certifications: [{ name: 'ISO 9001', issuedOn: '2025-01-01', expiresOn: '2029-12-31' }] })
        .expect(200);
      expect(await staleness()).toBe(true);
      const matrix = await t.http.get(`${base}/matrix`).set(d.people.decider.auth).expect(200);
      expect(matrix.body.excluded).toEqual([]);
      expect(matrix.body.ranking).toHaveLength(3);
    });

    it('the prescriber changing a weight (a new specification version, with its reason) makes it stale', async () => {
      const { d, base, staleness } = await proposed();
      const spec = (await t.http.get(`${base}/specification`).set(d.people.prescriber.auth).expect(200)).body;
      await t.http
        .put(`${base}/specification`)
        .set(d.people.prescriber.auth)
        .send({
          description: spec.description,
          reason: 'quality matters more than we thought',
          requirements: spec.requirements.map((r: Record<string, unknown>) => ({ id: r.id, text: r.text, type: r.type, value: r.value })),
          criteria: spec.criteria.map((c: Record<string, unknown>) => ({
            id: c.id,
            name: c.name,
            kind: c.kind,
            direction: c.direction,
            source: c.source,
            normalization: c.normalization,
            weight: c.id === d.criteria.quality ? 40 : c.weight,
          })),
        })
        .expect(200);
      expect(await staleness()).toBe(true);
    });
  });

  describe('independent scoring: an evaluator sees the others only after scoring every ranked supplier; other roles see all', () => {
    const item = (d: DecisionCase, body: { items: Array<{ criterionId: string; supplierId: string }> }, supplierId: string) =>
      body.items.find((i) => i.criterionId === d.criteria.quality && i.supplierId === supplierId) as Record<string, unknown>;
    /** Evaluator 2 has scored Atlas 2 ("porous castings") and Boreal 9; evaluator 1 nothing yet. */
    async function secondEvaluatorDone() {
      const d = await decisionCase(t);
      await putScores(t, d, d.people.evaluator2, [
        { supplierId: d.suppliers.atlas.id, criterionId: d.criteria.quality, score: 2, comment: 'porous castings' },
        { supplierId: d.suppliers.boreal.id, criterionId: d.criteria.quality, score: 9 },
      ]).expect(200);
      return d;
    }
    /** …and evaluator 1 Atlas 8, then Boreal 7: both ranked suppliers (Cumulus is excluded and need not be). */
    async function bothDone() {
      const d = await secondEvaluatorDone();
      await putScores(t, d, d.people.evaluator, [{ supplierId: d.suppliers.atlas.id, criterionId: d.criteria.quality, score: 8 }]).expect(200);
      await putScores(t, d, d.people.evaluator, [{ supplierId: d.suppliers.boreal.id, criterionId: d.criteria.quality, score: 7 }]).expect(200);
      return d;
    }

    it('before scoring, an evaluator sees no one else’s score, nor the aggregates', async () => {
      const d = await secondEvaluatorDone();
      const blind = await t.http.get(`/api/v1/cases/${d.caseId}/scores`).set(d.people.evaluator.auth).expect(200);
      expect(item(d, blind.body, d.suppliers.atlas.id)).toMatchObject({ visible: false, own: null, scores: [], mean: null, count: null, spread: null, consensusNeeded: null });
      expect(blind.body.criteria).toEqual([{ criterionId: d.criteria.quality, name: 'Build quality', completedByYou: false }]);
    });

    it('with one of the two ranked suppliers scored, an evaluator still sees only their own score', async () => {
      const d = await secondEvaluatorDone();
      const partial = await putScores(t, d, d.people.evaluator, [{ supplierId: d.suppliers.atlas.id, criterionId: d.criteria.quality, score: 8 }]).expect(200);
      expect(item(d, partial.body, d.suppliers.atlas.id)).toMatchObject({ visible: false, own: { score: 8 }, mean: null });
      expect((item(d, partial.body, d.suppliers.atlas.id).scores as unknown[]).length).toBe(1);
      expect(item(d, partial.body, d.suppliers.boreal.id)).toMatchObject({ visible: false, scores: [] });
    });

    it('with both ranked suppliers scored, everything shows: means, spreads, the consensus flag, the others’ comments', async () => {
      const d = await bothDone();
      const open = await t.http.get(`/api/v1/cases/${d.caseId}/scores`).set(d.people.evaluator.auth).expect(200);
      // Atlas: 8 and 2 → mean 5, spread 6 > 3 → consensus needed; Boreal: 7 and 9 → mean 8, spread 2
      expect(item(d, open.body, d.suppliers.atlas.id)).toMatchObject({ visible: true, mean: 5, count: 2, spread: 6, consensusNeeded: true });
      expect(item(d, open.body, d.suppliers.boreal.id)).toMatchObject({ visible: true, mean: 8, count: 2, spread: 2, consensusNeeded: false });
      expect(item(d, open.body, d.suppliers.atlas.id).scores).toEqual(
        expect.arrayContaining([expect.objectContaining({ evaluatorId: d.people.evaluator2.id, score: 2, comment: 'porous castings' })]),
      );
      expect(item(d, open.body, d.suppliers.cumulus.id)).toMatchObject({ ranked: false });
    });

    it('the decider is no evaluator: sees every score without scoring anything', async () => {
      const d = await bothDone();
      const decidersView = await t.http.get(`/api/v1/cases/${d.caseId}/scores`).set(d.people.decider.auth).expect(200);
      expect(item(d, decidersView.body, d.suppliers.atlas.id)).toMatchObject({ visible: true, mean: 5, count: 2 });
      expect(decidersView.body.criteria[0].completedByYou).toBeNull();
    });

    it('the matrix flags the consensus discussion on the cell', async () => {
      const d = await bothDone();
      const matrix = await t.http.get(`/api/v1/cases/${d.caseId}/matrix`).set(d.people.decider.auth).expect(200);
      const atlasRow = (matrix.body.ranking as Row[]).find((r) => r.supplierId === d.suppliers.atlas.id)!;
      expect(cell(atlasRow, d.criteria.quality)).toMatchObject({ raw: 5, consensusNeeded: true, scoreSpread: 6 });
    });
  });

  it('answers text/csv by the Accept header, one row per supplier × criterion and one per exclusion', async () => {
    const d = await decisionCase(t);
    await putScores(t, d, d.people.evaluator, [
      { supplierId: d.suppliers.atlas.id, criterionId: d.criteria.quality, score: 7 },
      { supplierId: d.suppliers.boreal.id, criterionId: d.criteria.quality, score: 7.5 },
    ]).expect(200);
    const res = await t.http.get(`/api/v1/cases/${d.caseId}/matrix`).set(d.people.buyer.auth).set('Accept', 'text/csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe(
      'status,rank,supplier_id,supplier_name,total,tie,criterion_id,criterion_name,base_weight,effective_weight,raw,normalized,contribution,requirement_id,reason',
    );
    expect(lines.slice(1, -1)).toHaveLength(2 * 3 + 1);
    // Boreal first: 84.166667 (see the hand calculation above); its price is the exact decimal string
    expect(lines[1]).toBe(`ranked,1,${d.suppliers.boreal.id},${d.suppliers.boreal.name},84.166667,false,${d.criteria.price},Total cost,0.5,0.5,12000.00,0.833333,0.416667,,`);
    expect(lines[7]).toMatch(new RegExp(`^excluded,,${d.suppliers.cumulus.id},.*,${d.requirements.iso},"the ""ISO 9001"" certification expired on 2024-12-31`));
    expect(lines[8]).toBe('');
    const json = await t.http.get(`/api/v1/cases/${d.caseId}/matrix`).set(d.people.buyer.auth).set('Accept', 'application/json').expect(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
  });

  describe('the permission table both ways, and a closed round', () => {
    it('the matrix and the sensitivity need a closed round (409 while round 1 is open)', async () => {
      const open = await decisionCase(t, { closeRound: false });
      // matrix from NEGOTIATION on, but only on a closed round
      const noRound = await t.http.get(`/api/v1/cases/${open.caseId}/matrix`).set(open.people.buyer.auth).expect(409);
      expect(noRound.body.detail).toMatch(/no negotiation round has closed/);
      await t.http.get(`/api/v1/cases/${open.caseId}/sensitivity`).set(open.people.buyer.auth).expect(409);
    });

    it('the matrix is read from NEGOTIATION on, scores are written only from DECISION on', async () => {
      const d = await decisionCase(t, { stage: 'NEGOTIATION' });
      const base = `/api/v1/cases/${d.caseId}`;
      const score = [{ supplierId: d.suppliers.atlas.id, criterionId: d.criteria.quality, score: 7 }];
      await t.http.get(`${base}/matrix`).set(d.people.initiator.auth).expect(200);
      await putScores(t, d, d.people.evaluator, score).expect(409); // scores open in DECISION
      await t.http.post(`${base}/transitions`).set(d.people.buyer.auth).send({ to: 'DECISION' }).expect(200);
      await putScores(t, d, d.people.evaluator, score).expect(200);
    });

    it('only an evaluator writes scores: the decider and an admin 403, an outsider 404', async () => {
      const d = await decisionCase(t);
      const score = [{ supplierId: d.suppliers.atlas.id, criterionId: d.criteria.quality, score: 7 }];
      await putScores(t, d, d.people.evaluator, score).expect(200);
      await putScores(t, d, d.people.decider, score).expect(403);
      await putScores(t, d, t.admin, score).expect(403);
      await putScores(t, d, d.people.outsider, score).expect(404);
    });

    it('every role and an admin read scores, matrix and sensitivity; an outsider gets 404; no proposal yet is 404', async () => {
      const d = await decisionCase(t);
      const base = `/api/v1/cases/${d.caseId}`;
      await t.http.get(`${base}/scores`).set(d.people.outsider.auth).expect(404);
      await t.http.get(`${base}/scores`).set(t.admin.auth).expect(200);
      await t.http.get(`${base}/matrix`).set(d.people.outsider.auth).expect(404);
      await t.http.get(`${base}/matrix`).set(t.admin.auth).expect(200);
      await t.http.get(`${base}/sensitivity`).set(d.people.gatekeeper.auth).expect(200);
      await t.http.get(`${base}/decision`).set(d.people.decider.auth).expect(404); // nothing proposed yet
    });

    it('only the decider proposes; any role reads the proposal, an outsider gets 404', async () => {
      const d = await decisionCase(t);
      const base = `/api/v1/cases/${d.caseId}`;
      await putScores(t, d, d.people.evaluator, [{ supplierId: d.suppliers.atlas.id, criterionId: d.criteria.quality, score: 7 }]).expect(200);
      // only Atlas is scored, so Atlas leads (Boreal's missing quality score normalizes to 0)
      const body = { supplierId: d.suppliers.atlas.id, justification: 'Best total.' };
      await t.http.post(`${base}/decision`).set(d.people.evaluator.auth).send(body).expect(403);
      await t.http.post(`${base}/decision`).set(d.people.approver.auth).send(body).expect(403);
      await t.http.post(`${base}/decision`).set(t.admin.auth).send(body).expect(403);
      await t.http.post(`${base}/decision`).set(d.people.outsider.auth).send(body).expect(404);
      await t.http.post(`${base}/decision`).set(d.people.decider.auth).send(body).expect(201);
      await t.http.get(`${base}/decision`).set(d.people.approver.auth).expect(200);
      await t.http.get(`${base}/decision`).set(d.people.outsider.auth).expect(404);
    });
  });

  describe('bad input: 400 naming each field, and nothing changes', () => {
    it('refuses bad scores', async () => {
      const d = await decisionCase(t);
      const { atlas, boreal, cumulus } = d.suppliers;
      const q = d.criteria.quality;
      const before = await tableCounts(t);
      const expectFields = async (body: object, fields: string[]) => {
        const res = await t.http.put(`/api/v1/cases/${d.caseId}/scores`).set(d.people.evaluator.auth).send(body).expect(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual(fields);
      };
      await expectFields({ scores: [{ supplierId: atlas.id, criterionId: q, score: 11 }] }, ['scores.0.score']);
      await expectFields({ scores: [{ supplierId: atlas.id, criterionId: q, score: -1 }] }, ['scores.0.score']);
      await expectFields({ scores: [{ supplierId: atlas.id, criterionId: q, score: 7.125 }] }, ['scores.0.score']);
      await expectFields({ scores: [{ supplierId: atlas.id, criterionId: q, score: '7' }] }, ['scores.0.score']);
      await expectFields({ scores: [{ supplierId: atlas.id, criterionId: randomUUID(), score: 5 }] }, ['scores.0.criterionId']);
      await expectFields({ scores: [{ supplierId: atlas.id, criterionId: d.criteria.price, score: 5 }] }, ['scores.0.criterionId']);
      await expectFields({ scores: [{ supplierId: atlas.id, criterionId: BUILTIN_RELIABILITY_CRITERION_ID, score: 5 }] }, ['scores.0.criterionId']);
      await expectFields({ scores: [{ supplierId: randomUUID(), criterionId: q, score: 5 }] }, ['scores.0.supplierId']);
      await expectFields({ scores: [{ supplierId: atlas.id, criterionId: q, score: 5, weight: 3 }] }, ['scores.0.weight']);
      await expectFields({ scores: [{ supplierId: atlas.id, criterionId: q, score: 5 }], evaluatorId: randomUUID() }, ['evaluatorId']);
      await expectFields({ scores: [] }, ['scores']);
      await expectFields(
        {
          scores: [
            { supplierId: boreal.id, criterionId: q, score: 5 },
            { supplierId: boreal.id, criterionId: q, score: 6 },
          ],
        },
        ['scores.1'],
      );
      // one bad entry refuses the whole request: the good one is not stored either
      await expectFields(
        {
          scores: [
            { supplierId: boreal.id, criterionId: q, score: 5 },
            { supplierId: cumulus.id, criterionId: d.criteria.leadTime, score: 5 },
          ],
        },
        ['scores.1.criterionId'],
      );
      await t.http.put(`/api/v1/cases/not-a-uuid/scores`).set(d.people.evaluator.auth).send({ scores: [] }).expect(400);
      for (const odd of [{ scores: [null] }, { scores: 'all tens' }, { scores: [[1, 2]] }, [], {}]) {
        await t.http.put(`/api/v1/cases/${d.caseId}/scores`).set(d.people.evaluator.auth).send(odd).expect(400);
      }
      await t.http.put(`/api/v1/cases/${d.caseId}/scores`).set(d.people.evaluator.auth).set('Content-Type', 'application/json').send('{"scores": [').expect(400);
      expect(await tableCounts(t)).toEqual(before);
    });

    it('refuses bad proposals, and an excluded supplier with 422', async () => {
      const d = await decisionCase(t);
      const { boreal, cumulus } = d.suppliers;
      const before = await tableCounts(t);
      const propose = (body: object) => t.http.post(`/api/v1/cases/${d.caseId}/decision`).set(d.people.decider.auth).send(body);
      const fieldsOf = (res: { body: { errors: Array<{ field: string }> } }) => [...new Set(res.body.errors.map((e) => e.field))];
      expect(fieldsOf(await propose({ supplierId: boreal.id }).expect(400))).toEqual(['justification']);
      expect(fieldsOf(await propose({ supplierId: boreal.id, justification: '   ' }).expect(400))).toEqual(['justification']);
      expect(fieldsOf(await propose({ supplierId: 'boreal', justification: 'x' }).expect(400))).toEqual(['supplierId']);
      expect(fieldsOf(await propose({ supplierId: randomUUID(), justification: 'x' }).expect(400))).toEqual(['supplierId']);
      expect(fieldsOf(await propose({ supplierId: boreal.id, justification: 'x', override: false }).expect(400))).toEqual(['override']);
      // Cumulus has an offer but is excluded by the ISO 9001 requirement
      const excluded = await propose({ supplierId: cumulus.id, justification: justification(250) }).expect(422);
      expect(excluded.body.errors).toEqual([{ field: 'supplierId', message: expect.stringMatching(/ISO 9001/) }]);
      expect(await tableCounts(t)).toEqual(before);
    });
  });

  it('weights a strategic case with the built-in reliability criterion, scored as of the round’s close date', async () => {
    const d = await decisionCase(t, { strategic: true, stage: 'NEGOTIATION' });
    const { atlas } = d.suppliers;
    for (const event of [
      { type: 'delivery', date: '2026-03-01', onTime: true, inFull: true },
      { type: 'delivery', date: '2026-04-01', onTime: true, inFull: true },
      { type: 'incident', date: '2026-09-01', severity: 'critical', description: 'cracked housing' },
    ]) {
      await t.http.post(`/api/v1/suppliers/${atlas.id}/performance`).set(t.admin.auth).send(event).expect(201);
    }
    // as if the round had closed on 1 June: the September incident came later and must not count
    await t.db.query(`UPDATE negotiation_rounds SET closed_at = '2026-06-01T10:00:00Z' WHERE case_id = $1`, [d.caseId]);
    const matrix = await t.http.get(`/api/v1/cases/${d.caseId}/matrix`).set(d.people.buyer.auth).expect(200);
    expect(matrix.body.asOf).toBe('2026-06-01');
    expect(matrix.body.rule).toMatch(/Strategic purchase with no reliability criterion/);
    const builtin = matrix.body.weights.find((w: { criterionId: string }) => w.criterionId === BUILTIN_RELIABILITY_CRITERION_ID);
    expect(builtin).toMatchObject({ name: 'Supplier reliability', base: 0 });
    expect(builtin.effective).toBeGreaterThan(0);
    const sum = matrix.body.weights.reduce((s: number, w: { effective: number }) => s + w.effective, 0);
    expect(sum).toBeCloseTo(1, 12);

    const thenScore = (await t.http.get(`/api/v1/suppliers/${atlas.id}/reliability?asOf=2026-06-01`).set(t.admin.auth).expect(200)).body.score;
    const todayScore = (await t.http.get(`/api/v1/suppliers/${atlas.id}/reliability`).set(t.admin.auth).expect(200)).body.score;
    expect(todayScore).not.toBeCloseTo(thenScore, 3);
    const atlasRow = (matrix.body.ranking as Row[]).find((r) => r.supplierId === atlas.id)!;
    expect(atlasRow.reliability).toBe(thenScore);
    expect(cell(atlasRow, BUILTIN_RELIABILITY_CRITERION_ID)).toMatchObject({ raw: thenScore, normalized: thenScore / 100 });
  });
});
