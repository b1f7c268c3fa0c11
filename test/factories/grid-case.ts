import { randomUUID } from 'node:crypto';
import { type CriterionPlan } from '../../src/tools/case-builder';
import { type TestApp } from '../setup/test-app';

/** A case in DECISION of `suppliers` × `criteria` (price, three offer terms, reliability, the rest alternately evaluator-scored and offer values), two evaluators' scores everywhere. */
export async function gridCase(t: TestApp, suppliers: number, criteria: number) {
  const category = `grid-${randomUUID().slice(0, 8)}`;
  const plan: CriterionPlan[] = [
    { name: 'Total cost', kind: 'price', source: 'offer.price', direction: 'lower_is_better', normalization: 'ratio', weight: 30 },
    { name: 'Lead time', kind: 'delivery', source: 'offer.leadTimeDays', direction: 'lower_is_better', normalization: 'minmax', weight: 10 },
    { name: 'Warranty', kind: 'service', source: 'offer.warrantyMonths', direction: 'higher_is_better', normalization: 'ratio', weight: 10 },
    { name: 'Payment terms', kind: 'other', source: 'offer.paymentDays', direction: 'higher_is_better', normalization: 'ratio', weight: 5 },
    { name: 'Supplier reliability', kind: 'reliability', source: 'reliability', direction: 'higher_is_better', normalization: 'scale', weight: 15 },
  ];
  for (let k = plan.length; k < criteria; k++) {
    plan.push(
      k % 2
        ? { name: `Quality ${k}`, kind: 'quality', source: 'evaluator', direction: 'higher_is_better', normalization: 'scale', weight: 3 + (k % 5) }
        : { name: `Value ${k}`, kind: 'technical', source: 'offer.value', direction: 'lower_is_better', normalization: k % 4 ? 'ratio' : 'minmax', weight: 2 + (k % 3) },
    );
  }
  const values = plan.filter((c) => c.source === 'offer.value').map((c) => c.name);
  const built = await t
    .builder()
    .withCase({ title: `Grid ${suppliers}×${criteria}`, category, profitImpact: 2, supplyRisk: 2 })
    .withSpecification({ description: 'A grid of suppliers and criteria', requirements: [], criteria: plan })
    .withSuppliers(
      Array.from({ length: suppliers }, (_, j) => ({
        key: `s${j}`,
        legalName: `Grid Supplier ${j} ${randomUUID().slice(0, 4)}`,
        taxId: `DE${randomUUID().replace(/-/g, '').slice(0, 10)}`,
        country: 'DE',
        categories: [category],
        contacts: [{ name: 'Sales', email: `grid-${j}-${randomUUID().slice(0, 6)}@example.com` }],
        certifications: [],
        financialRisk: (1 + (j % 4)) / 10,
        performance: [{ type: 'delivery' as const, date: '2026-01-15', onTime: j % 3 !== 0, inFull: true }],
      })),
    )
    .withRounds([
      {
        offers: Array.from({ length: suppliers }, (_, j) => ({
          supplier: `s${j}`,
          totalPrice: (9000 + ((j * 7919) % 2000) + 0.37 * j).toFixed(2),
          leadTimeDays: 10 + ((j * 13) % 40),
          warrantyMonths: 12 + ((j * 5) % 24),
          paymentDays: 30 + ((j * 11) % 60),
          values: Object.fromEntries(values.map((v, i) => [v, 1 + ((j * 31 + i * 17) % 97) / 3])),
        })),
      },
    ])
    .withScores(({ evaluatorIndex, supplierIndex, criterionIndex }) => ((supplierIndex * 37 + criterionIndex * 11 + evaluatorIndex * 53) % 1001) / 100)
    .build('scored');
  return { caseId: built.caseId, decider: built.person('decider'), evaluator: built.person('evaluator'), admin: t.admin, suppliers: built.suppliers };
}
