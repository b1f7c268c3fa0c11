/**
 * Report sources for specs and benchmarks: a typical case and, by parameters, a very large one.
 *
 * Everything is derived from a seeded generator, so a given size always yields the same source (and
 * therefore the same PDF bytes). The matrix, weights and sensitivity are computed here with the
 * design's formulas in a simplified form — enough for the numbers on the page to be consistent with
 * each other (contributions add up to totals, ranks follow totals); the real calculation lives in
 * the scoring domain.
 */
import { createHash } from 'node:crypto';

import Decimal from 'decimal.js';

import type { CriterionKind, CriterionSource, Direction, Normalization } from '../../domain/scoring';
import type { ReportSource } from './view/report-source';

export interface SampleOptions {
  suppliers?: number;
  criteria?: number;
  rounds?: number;
  /** The decider proposes the runner-up instead of the top-ranked supplier. */
  override?: boolean;
}

interface CriterionSpec {
  name: string;
  kind: CriterionKind;
  direction: Direction;
  source: CriterionSource;
  normalization: Normalization;
  weight: number;
  /** Raw value generator for one supplier (price is handled separately). */
  draw: (r: () => number) => number;
}

/** Shorthand for the table below: name, kind, direction, source, normalization, weight, draw. */
function criterion(
  name: string,
  kind: CriterionKind,
  direction: Direction,
  source: CriterionSource,
  normalization: Normalization,
  weight: number,
  draw: (r: () => number) => number,
): CriterionSpec {
  return { name, kind, direction, source, normalization, weight, draw };
}

const LOWER = 'lower_is_better';
const HIGHER = 'higher_is_better';
const oneDecimal = (x: number): number => Math.round(x * 10) / 10;

const BASE_CRITERIA: CriterionSpec[] = [
  criterion('Total cost of ownership', 'price', LOWER, 'offer.price', 'ratio', 40, () => 0),
  criterion('Lead time', 'delivery', LOWER, 'offer.leadTimeDays', 'ratio', 15, (r) => 10 + Math.floor(r() * 35)),
  criterion('Technical quality (panel assessment)', 'quality', HIGHER, 'evaluator', 'scale', 20, (r) =>
    oneDecimal(5 + r() * 4.5),
  ),
  criterion('Supplier reliability', 'reliability', HIGHER, 'reliability', 'scale', 10, (r) =>
    oneDecimal(55 + r() * 40),
  ),
  criterion('Warranty', 'service', HIGHER, 'offer.warrantyMonths', 'ratio', 8, (r) => 12 + 6 * Math.floor(r() * 7)),
  criterion('Payment terms', 'other', HIGHER, 'offer.paymentDays', 'minmax', 7, (r) => 30 + 15 * Math.floor(r() * 5)),
];

const EXTRA_CRITERIA = [
  'Energy efficiency and lifecycle emissions (Scope 3 reporting)',
  'After-sales service coverage',
  'Spare parts availability',
  'Integration with the existing maintenance system',
  'Operator training programme',
  'Ergonomics',
  'Packaging and logistics',
  'Innovation roadmap',
  'Local presence',
  'Documentation quality',
  'Data protection compliance',
  'Financial stability',
  'Social responsibility audit',
  'Modularity',
  'Noise level',
  'Safety certification depth',
  'Remote diagnostics',
  'Upgrade path',
  'Response time to incidents',
  'Customisation options',
];

const SUPPLIER_NAMES = [
  'Acme Industrial Supplies Ltd',
  'Suministros Técnicos Peñalara, S.L.',
  'Nordic Precision Components AB',
  'Compañía Española de Suministros Eléctricos y Automatización Industrial del Noroeste, S.A.U.',
  'Łódź Precision Components Sp. z o.o.',
  'Müller & Söhne Maschinenbau GmbH',
  'Électricité Générale de l\'Ouest SARL',
  'Bright Logistics',
  'Kowalski Engineering',
  'Atlantic Fluid Systems Inc.',
];

const ROLES_BY_MEMBER: ReportSource['members'][number]['roles'][] = [
  ['initiator'],
  ['prescriber'],
  ['buyer'],
  ['evaluator'],
  ['evaluator', 'gatekeeper'],
  ['decider'],
  ['approver'],
  ['approver'],
];
const MEMBER_NAMES = [
  'María José Fernández Ruiz',
  'Jürgen Weiß',
  'Priya Natarajan',
  'Zoë Ó Briain',
  'Tomás Ibáñez',
  'Claire Dubois',
  'Ana Belén Muñoz',
  'Robert Okafor',
];

/** Park–Miller generator: small, seedable, identical on every platform. */
function random(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

const RECENT_ACTIONS = [
  'score.recorded',
  'score.recorded',
  'decision.proposed',
  'case.transitioned',
  'approval.recorded',
  'snapshot.changed',
  'approval.recorded',
  'approval.recorded',
];

function asciiFirstName(name: string): string {
  return name.split(' ')[0].normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function supplierName(i: number): string {
  if (i < SUPPLIER_NAMES.length) return SUPPLIER_NAMES[i];
  const stems = ['Iberia', 'Baltic', 'Alpine', 'Delta', 'Meridian', 'Orion', 'Vega', 'Castilla', 'Rhône', 'Danube'];
  const trades = ['Components', 'Industrial Services', 'Maquinaria', 'Automation', 'Supply Chain Solutions', 'Técnica'];
  return `${stems[i % stems.length]} ${trades[Math.floor(i / stems.length) % trades.length]} ${Math.floor(i / 60) + 1}`;
}

function criteriaSpecs(count: number): CriterionSpec[] {
  const specs = BASE_CRITERIA.slice(0, Math.min(count, BASE_CRITERIA.length));
  for (let i = specs.length; i < count; i++) {
    const name = EXTRA_CRITERIA[(i - BASE_CRITERIA.length) % EXTRA_CRITERIA.length];
    specs.push({
      name,
      kind: i % 3 === 0 ? 'sustainability' : 'technical',
      direction: HIGHER,
      source: 'evaluator',
      normalization: 'scale',
      weight: 2 + (i % 4),
      draw: (r) => Math.round((4 + r() * 6) * 10) / 10,
    });
  }
  return specs;
}

/** Strategic rule of the design (§4.3) with the default policy m = 2, f = 0.30. */
function effectiveWeights(base: number[], kinds: CriterionKind[]): number[] {
  const isRel = kinds.map((k) => k === 'reliability');
  const R = base.reduce((s, w, i) => s + (isRel[i] ? w : 0), 0);
  const N = 1 - R;
  if (R === 0 || N === 0) return base;
  const wMax = Math.max(...base.filter((_, i) => !isRel[i]));
  const Rp = Math.min(0.9, Math.max(2 * R, 0.3, wMax / (N + wMax)));
  return base.map((w, i) => (isRel[i] ? (w * Rp) / R : (w * (1 - Rp)) / N));
}

function normalize(values: number[], spec: CriterionSpec): number[] {
  const max = Math.max(...values);
  const min = Math.min(...values);
  switch (spec.normalization) {
    case 'ratio':
      return values.map((x) => (spec.direction === LOWER ? min / x : x / max));
    case 'minmax':
      if (max === min) return values.map(() => 1);
      return values.map((x) => (spec.direction === LOWER ? max - x : x - min) / (max - min));
    case 'scale':
      return values.map((x) => (spec.source === 'reliability' ? x / 100 : x / 10));
  }
}

function totals(raw: number[][], specs: CriterionSpec[], weights: number[]): { norm: number[][]; total: number[] } {
  const norm = specs.map((spec, k) => normalize(raw.map((row) => row[k]), spec));
  const total = raw.map((_, j) => specs.reduce((s, _spec, k) => s + weights[k] * norm[k][j], 0));
  return { norm, total };
}

export function sampleReportSource(options: SampleOptions = {}): ReportSource {
  const supplierCount = options.suppliers ?? 5;
  const criterionCount = Math.max(1, options.criteria ?? 6);
  const roundCount = Math.max(1, options.rounds ?? 2);
  const r = random(supplierCount * 7919 + criterionCount * 104729 + roundCount * 13);
  const currency = 'EUR';

  // suppliers: the last one fails a mandatory requirement, one is excluded at shortlisting
  const suppliers = Array.from({ length: supplierCount }, (_, i) => ({
    supplierId: `sup-${String(i + 1).padStart(3, '0')}`,
    supplierName: supplierName(i),
  }));
  const excludedAtShortlist = supplierCount >= 4 ? suppliers[supplierCount - 1] : null;
  const active = excludedAtShortlist ? suppliers.slice(0, -1) : suppliers;
  const failsRequirement = active.length >= 3 ? active[active.length - 1] : null;

  // negotiation: prices fall a little each round; supplier 2 quotes in USD
  const usdRate = new Decimal('0.92');
  const rounds: ReportSource['rounds'] = [];
  const lastConverted = new Map<string, Decimal>();
  for (let n = 1; n <= roundCount; n++) {
    const offers = active
      .filter((_, i) => n === 1 || i % 7 !== 6 || n < 3) // a few drop out after round 2
      .map((s, i) => {
        const previous = lastConverted.get(s.supplierId);
        const converted = previous
          ? previous.times(1 - r() * 0.06).toDecimalPlaces(2)
          : new Decimal(80000 + Math.floor(r() * 60000)).plus(new Decimal(Math.floor(r() * 100)).div(100));
        lastConverted.set(s.supplierId, converted);
        const inUsd = i === 2;
        return {
          supplierId: s.supplierId,
          supplierName: s.supplierName,
          totalPrice: (inUsd ? converted.div(usdRate).toDecimalPlaces(2) : converted).toFixed(2),
          currency: inUsd ? 'USD' : currency,
          convertedTotal: converted.toFixed(2),
          concession: previous ? previous.minus(converted).toFixed(2) : null,
        };
      });
    rounds.push({
      number: n,
      deadline: new Date(Date.UTC(2026, 1, 2 + 7 * n, 17, 0)).toISOString(),
      bestAndFinal: n === roundCount && roundCount > 1,
      status: 'closed',
      offers,
    });
  }

  // specification and weights
  const specs = criteriaSpecs(criterionCount);
  const weightSum = specs.reduce((s, c) => s + c.weight, 0);
  const base = specs.map((c) => c.weight / weightSum);
  const kinds = specs.map((c) => c.kind);
  const effective = effectiveWeights(base, kinds);
  const criterionIds = specs.map((_, k) => `crit-${String(k + 1).padStart(2, '0')}`);

  // matrix over the suppliers that offered in the last round and passed the requirements
  const lastRound = rounds[rounds.length - 1];
  const ranked = lastRound.offers.filter((o) => o.supplierId !== failsRequirement?.supplierId);
  const raw = ranked.map((o) =>
    specs.map((spec) => (spec.source === 'offer.price' ? Number(o.convertedTotal) : spec.draw(r))),
  );
  const { norm, total } = totals(raw, specs, effective);
  const order = ranked.map((_, j) => j).sort((a, b) => total[b] - total[a]);
  const ranking = order.map((j, position) => ({
    supplierId: ranked[j].supplierId,
    supplierName: ranked[j].supplierName,
    rank: position + 1,
    total: total[j] * 100,
    tie: false,
    cells: specs.map((_, k) => ({
      criterionId: criterionIds[k],
      raw: raw[j][k],
      normalized: norm[k][j],
      contribution: effective[k] * norm[k][j],
    })),
  }));

  const winner = ranking[0];
  const runnerUp = ranking[1] ?? null;
  const sensitivity = sensitivityOf(order, total, norm, effective, criterionIds, ranked);
  const priceCut = runnerUp && specs[0].source === 'offer.price' ? priceCutToWin(raw, specs, effective, order) : null;

  const proposed = options.override && runnerUp ? runnerUp : winner;
  const snapshotHash = sha(`snapshot:${supplierCount}:${criterionCount}:${roundCount}:${proposed.supplierId}`);
  const generatedFor = '2026-03-20T16:45:00.000Z';
  const events = 42 + supplierCount * roundCount;

  return {
    reportHash: sha(`report:${supplierCount}:${criterionCount}:${roundCount}:${options.override ?? false}`),
    generatedFor,
    case: {
      reference: 'PC-2026-0001',
      title: 'Replacement of the packaging line palletizers at the Zaragoza plant',
      businessNeed:
        'The two palletizers on line 3 are past their service life (installed 2009); unplanned stops cost about ' +
        '14 hours a month. We need two new palletizers, installed and commissioned, with operator training, ' +
        'before the summer peak.',
      purchaseType: 'new_task',
      kraljicCategory: 'strategic',
      stage: 'APPROVAL',
      currency,
      quantity: '2',
      unit: 'units',
      estimatedBudget: '250000.00',
      neededBy: '2026-06-30',
      category: 'Industrial machinery / packaging',
    },
    members: MEMBER_NAMES.map((name, i) => ({
      name,
      email: `${asciiFirstName(name)}.${i + 1}@buyer.example.com`,
      roles: ROLES_BY_MEMBER[i],
    })),
    specification: {
      version: 2,
      frozenAt: '2026-01-28T09:30:00.000Z',
      description:
        'Two fully automatic layer palletizers for 25 kg bags, 1,200 bags/hour each, CE marked, with safety ' +
        'fencing, integration with the existing Siemens S7 line control, and on-site commissioning.',
      requirements: [
        { id: 'req-1', text: 'ISO 9001 certified', type: 'certification', value: 'ISO 9001:2015' },
        { id: 'req-2', text: 'Delivery within 90 days of order', type: 'max_lead_time_days', value: 90 },
        { id: 'req-3', text: 'Warranty of at least 24 months on parts and labour', type: 'min_warranty_months', value: 24 },
        { id: 'req-4', text: 'CE marking under the Machinery Regulation (EU) 2023/1230', type: 'yes_no', value: true },
        { id: 'req-5', text: 'Safety fencing to ISO 14120, described in the offer', type: 'text', value: null },
      ],
      criteria: specs.map((c, k) => ({
        id: criterionIds[k],
        name: c.name,
        kind: c.kind,
        direction: c.direction,
        source: c.source,
        normalization: c.normalization,
        weight: c.weight,
      })),
    },
    shortlist: [
      ...active.map((s) => ({
        supplierId: s.supplierId,
        name: s.supplierName,
        status: 'shortlisted' as const,
        reason: null,
      })),
      ...(excludedAtShortlist
        ? [{
            supplierId: excludedAtShortlist.supplierId,
            name: excludedAtShortlist.supplierName,
            status: 'excluded' as const,
            reason: 'ISO 9001 certificate expired on 2025-11-30; renewal audit not yet scheduled.',
          }]
        : []),
    ],
    soleSourceJustification: null,
    rounds,
    weights: {
      strategic: true,
      rule: null,
      policy: { multiplier: 2, floor: 0.3, cap: 0.9 },
      addedBuiltin: false,
      items: specs.map((c, k) => ({
        criterionId: criterionIds[k],
        name: c.name,
        kind: c.kind,
        base: base[k],
        effective: effective[k],
      })),
    },
    matrix: {
      ranking,
      excluded: failsRequirement
        ? [{
            supplierId: failsRequirement.supplierId,
            supplierName: failsRequirement.supplierName,
            requirementId: 'req-2',
            requirementText: 'Delivery within 90 days of order',
            reason: 'Offered delivery in 120 days.',
          }]
        : [],
    },
    sensitivity: {
      winner: winner.supplierId,
      runnerUp: runnerUp?.supplierId ?? null,
      ...sensitivity,
      priceCutToWin: priceCut && runnerUp
        ? { supplierId: runnerUp.supplierId, fromPrice: priceCut.from, toPrice: priceCut.to, cut: priceCut.cut }
        : null,
    },
    decision: {
      supplierId: proposed.supplierId,
      supplierName: proposed.supplierName,
      justification: options.override
        ? 'The top-ranked supplier has no service engineer within 400 km of the plant, and the previous ' +
          'contract showed response times above 72 hours. The proposed supplier keeps two engineers in ' +
          'Zaragoza and commits to a 24-hour response in the contract, which the matrix cannot express. ' +
          'The price difference is covered by the lower expected downtime.'
        : 'Highest total score with a clear margin; price, quality and reliability all above the field median.',
      override: Boolean(options.override && runnerUp),
      proposedBy: 'Claire Dubois',
      proposedAt: '2026-03-12T10:15:00.000Z',
      snapshotHash,
      stale: false,
    },
    approvals: {
      required: 2,
      executiveRequired: true,
      complete: false,
      items: [
        {
          approverName: 'Ana Belén Muñoz',
          verdict: 'approve',
          comment: 'Approved; please attach the service-level annex to the contract.',
          at: '2026-03-13T08:02:00.000Z',
          snapshotHash: sha('snapshot:previous'),
          lapsed: true,
        },
        {
          approverName: 'Ana Belén Muñoz',
          verdict: 'approve',
          comment: null,
          at: '2026-03-18T11:40:00.000Z',
          snapshotHash,
          lapsed: false,
        },
        {
          approverName: 'Robert Okafor',
          verdict: 'approve',
          comment: 'Budget line confirmed with finance (cost centre 4120).',
          at: generatedFor,
          snapshotHash,
          lapsed: false,
        },
      ],
    },
    audit: {
      events,
      headHash: sha(`audit-head:${events}`),
      valid: true,
      recent: Array.from({ length: 8 }, (_, i) => ({
        seq: events - 7 + i,
        at: new Date(Date.parse(generatedFor) - (7 - i) * 3_600_000).toISOString(),
        actor: MEMBER_NAMES[(i * 3) % MEMBER_NAMES.length],
        action: RECENT_ACTIONS[i],
      })),
    },
  };
}

/** §4.6 in brief: per criterion, the smallest feasible weight change that lets another supplier tie. */
function sensitivityOf(
  order: number[],
  total: number[],
  norm: number[][],
  weights: number[],
  ids: string[],
  ranked: { supplierId: string }[],
): Pick<NonNullable<ReportSource['sensitivity']>, 'criteria' | 'mostCritical' | 'sensitive'> {
  const w = order[0];
  const criteria = weights.map((wk, k) => {
    let best: { delta: number; j: number } | null = null;
    for (const j of order.slice(1)) {
      const diff = norm[k][j] - norm[k][w];
      if (Math.abs(diff) < 1e-12) continue;
      const delta = (total[w] - total[j]) / diff;
      if (wk + delta < 0) continue;
      if (best === null || Math.abs(delta) < Math.abs(best.delta)) best = { delta, j };
    }
    return {
      criterionId: ids[k],
      delta: best?.delta ?? null,
      percent: best ? (best.delta / wk) * 100 : null,
      feasible: best !== null,
      overtakenBy: best ? ranked[best.j].supplierId : null,
    };
  });
  const feasible = criteria.filter((c) => c.delta !== null);
  const critical = feasible.sort((a, b) => Math.abs(a.delta as number) - Math.abs(b.delta as number))[0] ?? null;
  return {
    criteria,
    mostCritical: critical?.criterionId ?? null,
    sensitive: critical !== null && Math.abs(critical.delta as number) < 0.1,
  };
}

/** Bisection on the runner-up's price: every price score moves with it under ratio normalization. */
function priceCutToWin(
  raw: number[][],
  specs: CriterionSpec[],
  weights: number[],
  order: number[],
): { from: string; to: string; cut: string } | null {
  const [w, j] = order;
  const from = raw[j][0];
  const margin = (price: number): number => {
    const trial = raw.map((row, i) => (i === j ? [price, ...row.slice(1)] : row));
    const { total } = totals(trial, specs, weights);
    return total[j] - total[w];
  };
  let lo = 0.01;
  let hi = from;
  if (margin(lo) < 0) return null;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (margin(mid) >= 0) lo = mid;
    else hi = mid;
  }
  const to = new Decimal(lo).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const fromD = new Decimal(from).toDecimalPlaces(2);
  return { from: fromD.toFixed(2), to: to.toFixed(2), cut: fromD.minus(to).toFixed(2) };
}
