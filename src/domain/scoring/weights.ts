import { DomainError } from '../errors';
import {
  BUILTIN_RELIABILITY_CRITERION_ID,
  DEFAULT_STRATEGIC_POLICY,
  type EffectiveWeightItem,
  type EffectiveWeights,
  isReliabilityCriterion,
  type StrategicPolicy,
  type WeightCriterion,
} from './types';

/** w_k / Σ w. Every weight must be a finite positive number; a criterion of weight 0 is no criterion. */
export function normalizeWeights(weights: number[]): number[] {
  if (weights.length === 0) {
    throw new DomainError('WEIGHTS_INVALID', 'At least one weight is needed');
  }
  const errors = weights.flatMap((w, i) =>
    Number.isFinite(w) && w > 0
      ? []
      : [{ field: `weights[${i}]`, message: `must be a finite number above 0, got ${String(w)}` }],
  );
  if (errors.length > 0) {
    throw new DomainError('WEIGHTS_INVALID', 'Weights must be positive numbers', { errors });
  }
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / sum);
}

const BUILTIN_CRITERION: Omit<WeightCriterion, 'weight'> = Object.freeze({
  id: BUILTIN_RELIABILITY_CRITERION_ID,
  name: 'Supplier reliability',
  kind: 'reliability',
  source: 'reliability',
  direction: 'higher_is_better',
  normalization: 'scale',
});

type DecidingTerm = 'multiplier' | 'floor' | 'preponderance' | 'cap';

/**
 * Base and effective weights. For a strategic case, with w the normalized base weights,
 * R = Σ w over reliability criteria, N = Σ w over the others (= 1 − R, but summed, so that a
 * reliability weight near 1 does not cancel N's digits) and w_max the largest other weight:
 *   R' = min(cap, max(m·R, f, w_max / (N + w_max)))
 * reliability criteria are scaled by R'/R (proportionally when there are several) and the
 * others by (1 − R')/N. The preponderance term is the least R' with R' ≥ w_max·(1 − R')/N,
 * i.e. reliability at least as heavy as any other single criterion after scaling.
 * No reliability criterion: the built-in one is added with base 0 (R = 0, N = 1).
 * The scaled weights are divided by their sum at the end, so they sum to 1 within rounding
 * (1e-12) whatever the ratio of the weights entered.
 * Not strategic, or every criterion a reliability criterion: effective = base.
 */
export function effectiveWeights(
  criteria: WeightCriterion[],
  strategic: boolean,
  policy: StrategicPolicy = DEFAULT_STRATEGIC_POLICY,
): EffectiveWeights {
  assertPolicy(policy);
  assertUniqueIds(criteria);
  const base = normalizeWeights(criteria.map((c) => c.weight));
  const isReliability = criteria.map(isReliabilityCriterion);

  const unchanged = (rule: string): EffectiveWeights => ({
    strategic,
    rule,
    addedBuiltin: false,
    items: criteria.map((c, k) => item(c, base[k], base[k])),
    criteria: criteria.map((c, k) => ({ ...c, weight: base[k] })),
  });

  if (!strategic) {
    return unchanged('Not a strategic purchase: the effective weights are the base weights.');
  }
  if (isReliability.every(Boolean)) {
    return unchanged(
      'Strategic purchase, but every criterion is a reliability criterion: the weights are unchanged.',
    );
  }

  const addedBuiltin = !isReliability.some(Boolean);
  // R and N from the weights as entered, each summed over its own criteria: N is not 1 − R, which
  // keeps one or two correct digits when reliability weighs 1 and price 1e-9 (the effective weights
  // then summed to 0.9999999916 and the matrix refused them).
  const entered = criteria.map((c) => c.weight);
  const reliabilitySum = entered.reduce((s, v, k) => (isReliability[k] ? s + v : s), 0);
  const otherSum = entered.reduce((s, v, k) => (isReliability[k] ? s : s + v), 0);
  const R = reliabilitySum / (reliabilitySum + otherSum);
  const N = otherSum / (reliabilitySum + otherSum);
  let heaviest = -1;
  for (let k = 0; k < criteria.length; k++) {
    if (!isReliability[k] && (heaviest < 0 || entered[k] > entered[heaviest])) heaviest = k;
  }
  const wMax = base[heaviest];

  const terms = {
    multiplier: policy.multiplier * R,
    floor: policy.floor,
    // w_max / (N + w_max) in the weights as entered: the ratio does not depend on their scale
    preponderance: entered[heaviest] / (otherSum + entered[heaviest]),
  };
  // Ties (within rounding) name the first term in this order.
  let term: DecidingTerm = 'multiplier';
  for (const t of ['floor', 'preponderance'] as const) {
    if (terms[t] > terms[term] + 1e-12) term = t;
  }
  let Rp = terms[term];
  if (Rp > policy.cap) {
    term = 'cap';
    Rp = policy.cap;
  }

  const reliabilityFactor = addedBuiltin ? 0 : Rp / R;
  const otherFactor = (1 - Rp) / N;
  // w_k·R'/R = R'·(v_k / Σ reliability v) and w_k·(1 − R')/N = (1 − R')·(v_k / Σ other v): each share
  // is taken within its own group, so no factor is a large number times a tiny one
  const scaled = entered.map((v, k) => (isReliability[k] ? Rp * (v / reliabilitySum) : (1 - Rp) * (v / otherSum)));
  if (addedBuiltin) scaled.push(Rp);
  // Σ scaled = R' + (1 − R') up to rounding; divided by its sum, it is 1 up to rounding whatever the ratios
  const total = scaled.reduce((s, w) => s + w, 0);
  const effective = scaled.map((w) => w / total);

  const items = criteria.map((c, k) => item(c, base[k], effective[k]));
  const scored = criteria.map((c, k) => ({ ...c, weight: effective[k] }));
  if (addedBuiltin) {
    items.push(item(BUILTIN_CRITERION, 0, effective[criteria.length]));
    scored.push({ ...BUILTIN_CRITERION, weight: effective[criteria.length] });
  }

  return {
    strategic,
    rule: strategicRule({
      R,
      Rp,
      N,
      wMax,
      heaviestName: criteria[heaviest].name,
      terms,
      term,
      policy,
      addedBuiltin,
      reliabilityFactor,
      otherFactor,
    }),
    addedBuiltin,
    items,
    criteria: scored,
  };
}

function item(c: Omit<WeightCriterion, 'weight'>, base: number, effective: number): EffectiveWeightItem {
  return { criterionId: c.id, name: c.name, kind: c.kind, base, effective };
}

function strategicRule(a: {
  R: number;
  Rp: number;
  N: number;
  wMax: number;
  heaviestName: string;
  terms: Record<Exclude<DecidingTerm, 'cap'>, number>;
  term: DecidingTerm;
  policy: StrategicPolicy;
  addedBuiltin: boolean;
  reliabilityFactor: number;
  otherFactor: number;
}): string {
  const { R, Rp, N, wMax, terms, policy } = a;
  const m = `${num(policy.multiplier)} × ${pct(R)} = ${pct(terms.multiplier)}`;
  const f = `${pct(policy.floor)}`;
  const p = `${pct(wMax)} / (${pct(N)} + ${pct(wMax)}) = ${pct(terms.preponderance)}`;
  const why: Record<DecidingTerm, string> = {
    multiplier: `the multiplier (${m}; floor ${f}, preponderance ${p})`,
    floor: `the floor (${f}; multiplier ${m}, preponderance ${p})`,
    preponderance:
      `preponderance, so that reliability weighs at least as much as "${a.heaviestName}" ` +
      `(${p}; multiplier ${m}, floor ${f})`,
    cap:
      `the cap (${pct(policy.cap)}; otherwise max(multiplier ${m}, floor ${f}, ` +
      `preponderance ${p}) = ${pct(Math.max(terms.multiplier, terms.floor, terms.preponderance))})`,
  };
  const scaling = a.addedBuiltin
    ? `the other criteria are scaled by ${num(a.otherFactor)} (1 − ${pct(Rp)})`
    : `reliability criteria are scaled by ${num(a.reliabilityFactor)} (${pct(Rp)} / ${pct(R)}) ` +
      `and the others by ${num(a.otherFactor)} ((1 − ${pct(Rp)}) / ${pct(N)})`;
  if (a.addedBuiltin) {
    return (
      'Strategic purchase with no reliability criterion: the built-in "Supplier reliability" ' +
      `criterion is added with weight ${pct(Rp)}, decided by ${why[a.term]}; ${scaling}.`
    );
  }
  const movement =
    Math.abs(Rp - R) < 1e-12
      ? `stays at ${pct(Rp)}`
      : `${Rp > R ? 'raised' : 'lowered'} from ${pct(R)} to ${pct(Rp)}`;
  return `Strategic purchase: the reliability weight is ${movement}, decided by ${why[a.term]}; ${scaling}.`;
}

const pct = (x: number): string => `${+(100 * x).toFixed(2)}%`;
const num = (x: number): string => `${+x.toFixed(4)}`;

function assertPolicy(policy: StrategicPolicy): void {
  const { multiplier, floor, cap } = policy;
  const ok =
    Number.isFinite(multiplier) && multiplier >= 1 && cap > 0 && cap < 1 && floor >= 0 && floor <= cap;
  if (!ok) {
    throw new DomainError(
      'POLICY_INVALID',
      'Strategic policy needs multiplier ≥ 1 (the rule raises reliability) and 0 ≤ floor ≤ cap < 1',
      { policy },
    );
  }
}

function assertUniqueIds(criteria: WeightCriterion[]): void {
  const seen = new Set<string>();
  const errors = [];
  for (let k = 0; k < criteria.length; k++) {
    if (seen.has(criteria[k].id)) {
      errors.push({ field: `criteria[${k}].id`, message: `duplicate criterion id ${criteria[k].id}` });
    }
    seen.add(criteria[k].id);
  }
  if (errors.length > 0) {
    throw new DomainError('WEIGHTS_INVALID', 'Criterion ids must be unique', { errors });
  }
}
