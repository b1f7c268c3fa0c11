import { type CaseBuilder, type PerformanceEvent, type PersonPlan, type SupplierPlan } from './case-builder';

/*
 * The demo's case (`npm run demo`): a realistic strategic purchase of two compressors, with ten
 * people, four suppliers with two years of record, two rounds (one offer in USD, one through the
 * supplier portal) and three approvers. The demo walks it and prints each step; the OCDS spec walks
 * the same plan, so "the demo case validates" is what it checks.
 */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

export const DEMO_PEOPLE: PersonPlan[] = [
  { key: 'initiator', name: 'Ines Ortega (plant manager)', roles: ['initiator'] },
  { key: 'prescriber', name: 'Pedro Salas (maintenance engineer)', roles: ['prescriber'] },
  { key: 'buyer', name: 'Beatriz Núñez (category buyer)', roles: ['buyer'] },
  { key: 'evaluator1', name: 'Elena Ruiz (quality)', roles: ['evaluator'] },
  { key: 'evaluator2', name: 'Erik Lund (operations)', roles: ['evaluator'] },
  { key: 'gatekeeper', name: 'Gonzalo Prieto (procurement lead)', roles: ['gatekeeper'] },
  { key: 'decider', name: 'Diana Morales (head of operations)', roles: ['decider'] },
  { key: 'approver1', name: 'Alberto Gil (finance controller)', roles: ['approver'] },
  { key: 'approver2', name: 'Amaia Etxeberria (plant director)', roles: ['approver'] },
  { key: 'cfo', name: 'Carmen Vidal (CFO)', roles: ['approver'], executive: true },
];

/** Four suppliers with two years of monthly deliveries (the first `onTime` share on time) and some incidents. */
function suppliers(run: string, category: string): SupplierPlan[] {
  const specs = [
    { key: 'nord', legalName: 'Kompressorenwerk Nord GmbH', country: 'DE', onTime: 0.97, incidents: 0, iso: true, risk: 0.1 },
    { key: 'iberica', legalName: 'Compresores Ibéricos S.A.', country: 'ES', onTime: 0.85, incidents: 2, iso: true, risk: 0.25 },
    { key: 'atlantic', legalName: 'Atlantic Air Systems Ltd', country: 'GB', onTime: 0.92, incidents: 1, iso: true, risk: 0.15 },
    { key: 'budget', legalName: 'Budget Pneumatics Inc.', country: 'US', onTime: 0.7, incidents: 4, iso: false, risk: 0.4 },
  ];
  return specs.map((s, i) => {
    const performance: PerformanceEvent[] = [];
    for (let d = 0; d < 24; d++) performance.push({ type: 'delivery', date: daysAgo(20 + d * 30), onTime: d / 24 < s.onTime, inFull: true });
    for (let k = 0; k < s.incidents; k++) {
      performance.push({ type: 'incident', date: daysAgo(60 + k * 90), severity: k % 2 ? 'major' : 'minor', description: 'Pressure valve out of tolerance at goods receipt' });
    }
    return {
      key: s.key,
      legalName: s.legalName,
      taxId: `${s.country}${run.toUpperCase()}${i}`,
      country: s.country,
      categories: [category],
      contacts: [{ name: 'Sales desk', email: `sales${i}.${run}@supplier.example` }],
      certifications: s.iso ? [{ name: 'ISO 9001', issuedOn: daysAgo(700), expiresOn: daysAgo(-400) }] : [],
      financialRisk: s.risk,
      performance,
    };
  });
}

/** price, currency, lead time (days), warranty (months) */
type Terms = readonly [string, string, number, number];
const offer = (supplier: string, [totalPrice, currency, leadTimeDays, warrantyMonths]: Terms, via: 'buyer' | 'portal' = 'buyer') => ({
  supplier,
  via,
  totalPrice,
  currency,
  leadTimeDays,
  warrantyMonths,
  paymentDays: 60,
  validUntil: daysAgo(-120),
});

/**
 * The demo's plan on `builder` (made with an admin's token); `run` makes its tax ids, e-mail
 * addresses and category unique, so the demo can run again on the same database.
 */
export function demoCase(builder: CaseBuilder, run: string): CaseBuilder {
  const category = `compressors-${run}`;
  const deadline = new Date(Date.now() + 3_600_000).toISOString();
  // marks of the two qualitative criteria (technical quality, after-sales service); the second evaluator gives half a point less
  const marks: Record<string, [number, number]> = { nord: [9, 8.5], iberica: [7, 6.5], atlantic: [8, 8] };
  return (
    builder
      .withPeople(DEMO_PEOPLE)
      .withSuppliers(suppliers(run, category))
      .withCase({
        title: 'Two oil-free screw compressors for plant 2',
        businessNeed: 'The two compressors of the paint line reach end of life; an outage stops the line. Replace before the winter shutdown.',
        quantity: 2,
        unit: 'pcs',
        estimatedBudget: '180000.00',
        currency: 'EUR',
        neededBy: daysAgo(-150),
        category,
        purchaseType: 'new_task',
        profitImpact: 4,
        supplyRisk: 4,
      })
      .withSpecification({
        description: 'Oil-free rotary screw compressors, 90 kW, class 0 air, with installation and commissioning.',
        deliverables: 'Two compressors installed, commissioned and documented; operator training.',
        requirements: [
          { text: 'ISO 9001 certified manufacturer', type: 'certification', value: 'ISO 9001' },
          { text: 'Delivery within 120 days of order', type: 'max_lead_time_days', value: 120 },
          { text: 'Class 0 oil-free air certificate (ISO 8573-1)', type: 'yes_no', value: true },
        ],
        criteria: [
          { name: 'Total cost', kind: 'price', direction: 'lower_is_better', source: 'offer.price', normalization: 'ratio', weight: 40 },
          { name: 'Lead time', kind: 'delivery', direction: 'lower_is_better', source: 'offer.leadTimeDays', normalization: 'ratio', weight: 15 },
          { name: 'Warranty', kind: 'quality', direction: 'higher_is_better', source: 'offer.warrantyMonths', normalization: 'ratio', weight: 10 },
          { name: 'Technical quality', kind: 'technical', direction: 'higher_is_better', source: 'evaluator', normalization: 'scale', weight: 20 },
          { name: 'After-sales service', kind: 'service', direction: 'higher_is_better', source: 'evaluator', normalization: 'scale', weight: 15 },
        ],
      })
      // NEGOTIATION: two rounds, one offer in USD, one submitted by the supplier through its invitation
      .withExchangeRates({ USD: '0.9215' })
      .withRounds([
        {
          deadline,
          offers: [
            offer('nord', ['162000.00', 'EUR', 90, 36], 'portal'),
            offer('iberica', ['149500.00', 'EUR', 110, 24]),
            offer('atlantic', ['155800.00', 'EUR', 100, 30]),
            offer('budget', ['158000.00', 'USD', 75, 12]),
          ],
          eliminate: [{ supplier: 'budget', reason: 'No ISO 9001 certification and the longest warranty gap' }],
        },
        {
          deadline,
          bestAndFinal: true,
          offers: [offer('nord', ['154900.00', 'EUR', 85, 36]), offer('iberica', ['146000.00', 'EUR', 105, 24]), offer('atlantic', ['149900.00', 'EUR', 95, 36])],
        },
      ])
      .withScores(({ supplier, criterionIndex, evaluatorIndex }) => marks[supplier][criterionIndex] - evaluatorIndex * 0.5)
      .withProposal({
        justification: 'Top of the weighted matrix: strongest delivery record and technical marks, within budget after the best-and-final round.',
      })
      // the amount needs two approvers plus an executive
      .withApprovals({ comment: 'Approved.' })
  );
}
