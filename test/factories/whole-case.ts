import { randomUUID } from 'node:crypto';
import { type TestApp } from '../setup/test-app';
import { type BuyingCenter, caseWithBuyingCenter } from './index';

export interface WholeCase {
  caseId: string;
  reference: string;
  people: BuyingCenter;
  suppliers: Array<{ id: string; name: string }>;
  criteria: Array<{ id: string; name: string; source: string }>;
}

export interface WholeCaseOptions {
  /** the suppliers' best-and-final prices in EUR; the first is the cheapest by default */
  prices?: string[];
  title?: string;
  /** the offers' currency (default EUR, the case's base) and, when it differs, its rate to EUR */
  offerCurrency?: string;
  rate?: string;
  profitImpact?: number;
  supplyRisk?: number;
}

const call = async (t: TestApp, method: 'post' | 'put', path: string, auth: { Authorization: string }, body: object) => {
  const res = await t.http[method](`/api/v1${path}`).set(auth).send(body);
  if (res.status >= 300) throw new Error(`${method.toUpperCase()} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/**
 * A case driven through the real API from NEED to DECISION: specification, three suppliers with a
 * delivery record, shortlist approved by the gatekeeper, one negotiation round closed, both
 * evaluators' scores. Nothing is written with SQL. The decider has not proposed yet.
 */
export async function caseInDecision(t: TestApp, options: WholeCaseOptions = {}): Promise<WholeCase> {
  const prices = options.prices ?? ['9000.00', '9500.00', '9800.00'];
  const category = `valves-${randomUUID().slice(0, 8)}`;
  const { caseId, case: created, people } = await caseWithBuyingCenter(t, {
    title: options.title ?? 'Control valves for the cooling loop',
    category,
    profitImpact: options.profitImpact ?? 2,
    supplyRisk: options.supplyRisk ?? 2,
  });
  const on = (path: string) => `/cases/${caseId}${path}`;
  await call(t, 'post', on('/transitions'), people.initiator.auth, { to: 'SPECIFICATION' });
  const spec = await call(t, 'put', on('/specification'), people.prescriber.auth, {
    description: 'Twelve DN80 control valves with positioners',
    requirements: [{ text: 'Delivery within 60 days', type: 'max_lead_time_days', value: 60 }],
    criteria: [
      { name: 'Total cost', kind: 'price', direction: 'lower_is_better', source: 'offer.price', normalization: 'ratio', weight: 60 },
      { name: 'Build quality', kind: 'quality', direction: 'higher_is_better', source: 'evaluator', normalization: 'scale', weight: 25 },
      { name: 'Warranty', kind: 'service', direction: 'higher_is_better', source: 'offer.warrantyMonths', normalization: 'ratio', weight: 15 },
    ],
  });
  await call(t, 'post', on('/transitions'), people.prescriber.auth, { to: 'SHORTLISTING' });

  const suppliers: WholeCase['suppliers'] = [];
  for (const i of prices.keys()) {
    const name = `${['Valvulas Norte', 'Ventil Werk', 'Soupapes du Sud', 'Valvole Adriatico'][i % 4]} ${randomUUID().slice(0, 4)}`;
    const supplier = await call(t, 'post', '/suppliers', t.admin.auth, {
      legalName: name,
      taxId: `ES${randomUUID().replace(/-/g, '').slice(0, 10)}`,
      country: 'ES',
      categories: [category],
      contacts: [{ name: 'Sales', email: `sales-${i}-${randomUUID().slice(0, 6)}@example.com` }],
      certifications: [],
      financialRisk: 0.2,
    });
    suppliers.push({ id: supplier.id, name });
    await call(t, 'post', `/suppliers/${supplier.id}/performance`, t.admin.auth, {
      type: 'delivery',
      date: '2026-01-15',
      onTime: true,
      inFull: i !== 2,
    });
    await call(t, 'post', on('/shortlist'), people.buyer.auth, { supplierId: supplier.id });
  }
  await call(t, 'post', on('/shortlist/approval'), people.gatekeeper.auth, {});
  await call(t, 'post', on('/transitions'), people.buyer.auth, { to: 'NEGOTIATION' });

  if (options.offerCurrency && options.rate) {
    await call(t, 'put', on('/exchange-rates'), people.buyer.auth, { rates: [{ currency: options.offerCurrency, rate: options.rate }] });
  }
  await call(t, 'post', on('/rounds'), people.buyer.auth, { deadline: new Date(Date.now() + 3_600_000).toISOString() });
  const requirement = spec.requirements[0].id as string;
  for (const [i, s] of suppliers.entries()) {
    await call(t, 'post', on('/rounds/1/offers'), people.buyer.auth, {
      supplierId: s.id,
      totalPrice: prices[i],
      currency: options.offerCurrency ?? 'EUR',
      leadTimeDays: 30,
      warrantyMonths: 24,
      paymentDays: 30,
      validUntil: '2099-12-31',
      compliance: [{ requirementId: requirement, met: true }],
      values: [],
    });
  }
  await call(t, 'post', on('/rounds/1/close'), people.buyer.auth, {});
  await call(t, 'post', on('/transitions'), people.buyer.auth, { to: 'DECISION' });

  const criteria = (spec.criteria as Array<{ id: string; name: string; source: string }>).map(({ id, name, source }) => ({ id, name, source }));
  const quality = criteria.find((c) => c.source === 'evaluator')!;
  for (const evaluator of [people.evaluator, people.evaluator2]) {
    await call(t, 'put', on('/scores'), evaluator.auth, {
      scores: suppliers.map((s, i) => ({ supplierId: s.id, criterionId: quality.id, score: 8 - i })),
    });
  }
  return { caseId, reference: String(created.reference), people, suppliers, criteria };
}

/** The decider proposes the top-ranked supplier; returns its id. */
export async function proposeTopRanked(t: TestApp, w: WholeCase): Promise<string> {
  const matrix = await t.http.get(`/api/v1/cases/${w.caseId}/matrix`).set(w.people.decider.auth).expect(200);
  const winner = matrix.body.ranking[0].supplierId as string;
  await call(t, 'post', `/cases/${w.caseId}/decision`, w.people.decider.auth, {
    supplierId: winner,
    justification: 'Best weighted total: cheapest compliant offer with good quality marks.',
  });
  return winner;
}

/** The decider proposes the top-ranked supplier and moves the case to APPROVAL. */
export async function caseInApproval(t: TestApp, options: WholeCaseOptions = {}) {
  const w = await caseInDecision(t, options);
  const winner = await proposeTopRanked(t, w);
  await call(t, 'post', `/cases/${w.caseId}/transitions`, w.people.decider.auth, { to: 'APPROVAL' });
  return { ...w, winner };
}
