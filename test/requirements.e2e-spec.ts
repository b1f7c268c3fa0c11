import { type BuyingCenter } from './factories';
import { inMinutes } from './factories/negotiation';
import { leadTimeCriterion, priceCriterion, qualityCriterion, transition } from './factories/specification';
import { caseInShortlisting, createSupplier } from './factories/suppliers';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * One requirement check for every caller (README "Mandatory requirements"): the shortlist
 * suggestions, the round comparison and the decision matrix give the same verdict on the same
 * supplier. Each case is walked through the HTTP API from NEED to a closed round.
 */
interface Participant {
  name: string;
  certifications: Array<{ name: string; issuedOn: string; expiresOn: string }>;
  leadTimeDays: number;
  warrantyMonths: number;
}

interface NegotiatedCase {
  caseId: string;
  people: BuyingCenter;
  supplierIds: Map<string, string>;
}

const VALID_ISO = [{ name: 'ISO 9001', issuedOn: '2024-01-01', expiresOn: '2099-12-31' }];

describe('one requirement check: shortlist suggestions, round comparison and matrix agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** A case in SHORTLISTING with the given requirements and registry suppliers, shortlisted; the suggestions are read there. */
  async function shortlistedCase(requirements: object[], participants: Participant[]) {
    const criteria = [priceCriterion(), qualityCriterion(), leadTimeCriterion()];
    const bc = await caseInShortlisting(t, {}, { description: 'Two oil-free screw compressors', requirements, criteria });
    const supplierIds = new Map<string, string>();
    for (const p of participants) {
      const s = await createSupplier(t, { legalName: `${p.name} ${Math.random().toString(36).slice(2, 8)}`, certifications: p.certifications });
      supplierIds.set(p.name, s.id);
      await t.http.post(`/api/v1/cases/${bc.caseId}/shortlist`).set(bc.people.buyer.auth).send({ supplierId: s.id }).expect(201);
    }
    return { caseId: bc.caseId, people: bc.people, supplierIds };
  }

  /** From SHORTLISTING through one round with one offer per participant (every answer "met"), closed by the buyer. */
  async function negotiate(c: NegotiatedCase, participants: Participant[]) {
    const base = `/api/v1/cases/${c.caseId}`;
    await t.http.post(`${base}/shortlist/approval`).set(c.people.gatekeeper.auth).send({}).expect(200);
    await transition(t, c.caseId, c.people.buyer, 'NEGOTIATION');
    await t.http.post(`${base}/rounds`).set(c.people.buyer.auth).send({ deadline: inMinutes(60) }).expect(201);
    const spec = await t.http.get(`${base}/specification`).set(c.people.buyer.auth).expect(200);
    const compliance = spec.body.requirements.map((r: { id: string }) => ({ requirementId: r.id, met: true }));
    for (const p of participants) {
      await t.http
        .post(`${base}/rounds/1/offers`)
        .set(c.people.buyer.auth)
        .send({
          supplierId: c.supplierIds.get(p.name),
          totalPrice: '10000',
          currency: 'EUR',
          leadTimeDays: p.leadTimeDays,
          warrantyMonths: p.warrantyMonths,
          paymentDays: 30,
          validUntil: '2099-12-31',
          compliance,
          values: [],
        })
        .expect(201);
    }
    await t.http.post(`${base}/rounds/1/close`).set(c.people.buyer.auth).send({}).expect(200);
  }

  async function matrixVerdicts(c: NegotiatedCase): Promise<Map<string, 'ranked' | 'excluded'>> {
    const matrix = await t.http.get(`/api/v1/cases/${c.caseId}/matrix`).set(c.people.decider.auth).expect(200);
    const verdicts = new Map<string, 'ranked' | 'excluded'>();
    for (const r of matrix.body.ranking as Array<{ supplierId: string }>) verdicts.set(r.supplierId, 'ranked');
    for (const e of matrix.body.excluded as Array<{ supplierId: string }>) verdicts.set(e.supplierId, 'excluded');
    return verdicts;
  }

  describe('a certification requirement written "ISO  9001" (two spaces)', () => {
    const participants: Participant[] = [
      { name: 'Atlas', certifications: VALID_ISO, leadTimeDays: 20, warrantyMonths: 24 },
      { name: 'Boreal', certifications: [{ name: 'iso 9001', issuedOn: '2024-01-01', expiresOn: '2099-12-31' }], leadTimeDays: 20, warrantyMonths: 24 },
      { name: 'Cumulus', certifications: [], leadTimeDays: 20, warrantyMonths: 24 },
    ];
    let c: NegotiatedCase;
    let suggestions: Map<string, { fails: unknown[]; eligible: boolean }>;
    beforeAll(async () => {
      c = await shortlistedCase([{ text: 'ISO 9001 certified', type: 'certification', value: 'ISO  9001' }], participants);
      const res = await t.http.get(`/api/v1/cases/${c.caseId}/shortlist/suggestions?limit=100`).set(c.people.buyer.auth).expect(200);
      suggestions = new Map(res.body.items.map((i: { supplierId: string; fails: unknown[]; eligible: boolean }) => [i.supplierId, i]));
      await negotiate(c, participants);
    });

    it('passes a supplier holding "ISO 9001" in the suggestions and in the matrix alike', async () => {
      const verdicts = await matrixVerdicts(c);
      for (const name of ['Atlas', 'Boreal']) {
        const id = c.supplierIds.get(name)!;
        expect([name, suggestions.get(id)?.fails, verdicts.get(id)]).toEqual([name, [], 'ranked']);
      }
    });

    it('fails a supplier without it in the suggestions and in the matrix alike', async () => {
      const id = c.supplierIds.get('Cumulus')!;
      expect(suggestions.get(id)?.fails).toHaveLength(1);
      expect((await matrixVerdicts(c)).get(id)).toBe('excluded');
    });
  });

  describe("the round comparison's compliant is the matrix's verdict", () => {
    // max lead time 120 days, min warranty 24 months, ISO 9001 valid on the day the round closed
    const requirements = [
      { text: 'ISO 9001 certified', type: 'certification', value: 'ISO 9001' },
      { text: 'Delivery within 120 days', type: 'max_lead_time_days', value: 120 },
      { text: 'Warranty of at least 24 months', type: 'min_warranty_months', value: 24 },
    ];
    const participants: Participant[] = [
      { name: 'Atlas', certifications: VALID_ISO, leadTimeDays: 120, warrantyMonths: 24 },
      { name: 'Boreal', certifications: VALID_ISO, leadTimeDays: 125, warrantyMonths: 36 },
      { name: 'Cumulus', certifications: VALID_ISO, leadTimeDays: 30, warrantyMonths: 18 },
      { name: 'Delta', certifications: [{ name: 'ISO 9001', issuedOn: '2021-01-01', expiresOn: '2024-12-31' }], leadTimeDays: 30, warrantyMonths: 24 },
    ];
    let c: NegotiatedCase;
    let comparison: Map<string, boolean>;
    let offers: Map<string, boolean>;
    let verdicts: Map<string, 'ranked' | 'excluded'>;
    beforeAll(async () => {
      c = await shortlistedCase(requirements, participants);
      await negotiate(c, participants);
      const base = `/api/v1/cases/${c.caseId}/rounds/1`;
      const cmp = await t.http.get(`${base}/comparison`).set(c.people.decider.auth).expect(200);
      comparison = new Map(cmp.body.items.map((i: { supplierId: string; compliant: boolean }) => [i.supplierId, i.compliant]));
      const list = await t.http.get(`${base}/offers`).set(c.people.decider.auth).expect(200);
      offers = new Map(list.body.items.map((i: { supplierId: string; compliant: boolean }) => [i.supplierId, i.compliant]));
      verdicts = await matrixVerdicts(c);
    });

    const expectVerdict = (name: string, compliant: boolean) => {
      const id = c.supplierIds.get(name)!;
      expect({ name, comparison: comparison.get(id), offers: offers.get(id), matrix: verdicts.get(id) }).toEqual({
        name,
        comparison: compliant,
        offers: compliant,
        matrix: compliant ? 'ranked' : 'excluded',
      });
    };

    it('is compliant and ranked at both limits (120 days ≤ 120, 24 months ≥ 24, valid certificate)', () => {
      expectVerdict('Atlas', true);
    });

    it('is not compliant, and excluded, with a 125-day lead time against a 120-day maximum', () => {
      expectVerdict('Boreal', false);
    });

    it('is not compliant, and excluded, with an 18-month warranty against a 24-month minimum', () => {
      expectVerdict('Cumulus', false);
    });

    it('is not compliant, and excluded, with a certificate that expired before the round closed', () => {
      expectVerdict('Delta', false);
    });

    it('says the same in the revisions of an offer', async () => {
      const id = c.supplierIds.get('Boreal')!;
      const res = await t.http.get(`/api/v1/cases/${c.caseId}/rounds/1/offers/${id}/revisions`).set(c.people.decider.auth).expect(200);
      expect(res.body.items.map((i: { compliant: boolean }) => i.compliant)).toEqual([false]);
    });
  });
});
