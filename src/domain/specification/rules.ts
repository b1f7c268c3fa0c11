/**
 * The specification's own rules, free of Nest and the database: which id each submitted item
 * keeps, what a stored specification may not contain, and what changed between two versions.
 */
import { type FieldProblem } from '../errors';
import { matchKey } from '../names';
import { isRequirementType, type Requirement, requirementValueProblem } from '../requirements';
import {
  type AhpRecord,
  CRITERION_KINDS,
  CRITERION_SOURCES,
  type Criterion,
  DIRECTIONS,
  NORMALIZATIONS,
  SCALE_SOURCES,
} from './types';

/**
 * The id each submitted item keeps. An item sent with an id keeps it (it must be an item of the
 * current version, and be sent once); an item without one takes the id of the current item with
 * the same key (criterion name, requirement text) that no other item claimed, else a new id.
 * Keeping ids across versions is what lets offers' answers and evaluators' scores follow an item.
 */
export function assignIds(
  field: 'criteria' | 'requirements',
  items: ReadonlyArray<{ id?: string; key: string }>,
  current: ReadonlyArray<{ id: string; key: string }>,
  newId: () => string,
): { ids: string[]; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const currentIds = new Set(current.map((c) => c.id));
  const claimed = new Set<string>();
  items.forEach((item, i) => {
    if (item.id === undefined) return;
    const id = item.id.toLowerCase();
    if (!currentIds.has(id)) {
      errors.push({ field: `${field}.${i}.id`, message: `${id} is not an item of the current version` });
    } else if (claimed.has(id)) {
      errors.push({ field: `${field}.${i}.id`, message: `${id} is sent twice` });
    }
    claimed.add(id);
  });
  const ids = items.map((item) => {
    if (item.id !== undefined) return item.id.toLowerCase();
    const match = current.find((c) => !claimed.has(c.id) && c.key === item.key);
    if (match) {
      claimed.add(match.id);
      return match.id;
    }
    return newId();
  });
  return { ids, errors };
}

/** `scale` has full marks only for evaluator scores and the reliability score. */
export function normalizationProblem(normalization: string, source: string): string | null {
  return normalization === 'scale' && !(SCALE_SOURCES as readonly string[]).includes(source)
    ? `scale normalization applies only to the sources ${SCALE_SOURCES.join(', ')}, not ${source}`
    : null;
}

/**
 * Everything that keeps a stored specification from being used to score (the SPECIFICATION exit
 * precondition lists them). Input is validated on the way in; this also guards copies of older
 * cases and anything written before a rule existed.
 */
export function specificationProblems(spec: { criteria: Criterion[]; requirements: Requirement[] }): string[] {
  const problems: string[] = [];
  const names = new Map<string, string>();
  for (const c of spec.criteria) {
    const label = `criterion "${c.name}"`;
    if (!(typeof c.weight === 'number' && Number.isFinite(c.weight) && c.weight > 0)) {
      problems.push(`${label}: the weight must be a positive number (it is ${String(c.weight)})`);
    }
    if (!(CRITERION_KINDS as readonly string[]).includes(c.kind)) problems.push(`${label}: unknown kind ${String(c.kind)}`);
    if (!(DIRECTIONS as readonly string[]).includes(c.direction)) problems.push(`${label}: unknown direction ${String(c.direction)}`);
    if (!(CRITERION_SOURCES as readonly string[]).includes(c.source)) problems.push(`${label}: unknown source ${String(c.source)}`);
    if (!(NORMALIZATIONS as readonly string[]).includes(c.normalization)) {
      problems.push(`${label}: unknown normalization ${String(c.normalization)}`);
    } else {
      const p = normalizationProblem(c.normalization, c.source);
      if (p) problems.push(`${label}: ${p}`);
    }
    const key = matchKey(String(c.name));
    if (names.has(key)) problems.push(`${label}: the name is used twice`);
    names.set(key, c.id);
  }
  for (const r of spec.requirements) {
    if (!isRequirementType(r.type)) {
      problems.push(`requirement "${r.text}": unknown type ${String(r.type)}`);
      continue;
    }
    const p = requirementValueProblem(r.type, r.value);
    if (p) problems.push(`requirement "${r.text}": ${p}`);
  }
  return problems;
}

/** The weights normalized to sum 1, or null when one of them is not a positive number. */
export function normalizedWeights(criteria: ReadonlyArray<{ weight: number }>): number[] | null {
  if (!criteria.every((c) => Number.isFinite(c.weight) && c.weight > 0)) return null;
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  return Number.isFinite(sum) && sum > 0 ? criteria.map((c) => c.weight / sum) : null;
}

/** The content of a version that a diff compares; `quantity` in canonical decimal form. */
export interface SpecificationContent {
  description: string;
  deliverables: string;
  quantity: string | null;
  requirements: Requirement[];
  criteria: Criterion[];
}

interface ListDiff<T> {
  added: T[];
  removed: T[];
  changed: Array<T & { fields: string[] }>;
  reordered: boolean;
}

export interface SpecificationDiff {
  /** anything at all differs */
  changed: boolean;
  description: boolean;
  deliverables: boolean;
  quantity: boolean;
  requirements: ListDiff<{ id: string; text: string }>;
  criteria: ListDiff<{ id: string; name: string }>;
  /** criteria in both versions whose weight (as entered, or normalized to sum 1) differs */
  weights: Array<{ criterionId: string; name: string; from: number; to: number; baseFrom: number | null; baseTo: number | null }>;
}

const WEIGHT_TOLERANCE = 1e-12;

function listDiff<T extends { id: string }, R>(
  before: readonly T[],
  after: readonly T[],
  ref: (item: T) => R,
  fields: ReadonlyArray<keyof T & string>,
): ListDiff<R> {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Set(after.map((item) => item.id));
  const changed: Array<R & { fields: string[] }> = [];
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) continue;
    const differing = fields.filter((f) => !Object.is(previous[f] ?? null, item[f] ?? null));
    if (differing.length > 0) changed.push({ ...ref(item), fields: differing });
  }
  const kept = (list: readonly T[], other: { has(id: string): boolean }) => list.filter((item) => other.has(item.id)).map((item) => item.id);
  const keptBefore = kept(before, now);
  const keptAfter = kept(after, old);
  return {
    added: after.filter((item) => !old.has(item.id)).map(ref),
    removed: before.filter((item) => !now.has(item.id)).map(ref),
    changed,
    reordered: keptBefore.some((id, i) => keptAfter[i] !== id),
  };
}

/** What changed from `before` to `after`, item by item (items are matched by id). */
export function diffSpecifications(before: SpecificationContent, after: SpecificationContent): SpecificationDiff {
  const requirements = listDiff(before.requirements, after.requirements, (r) => ({ id: r.id, text: r.text }), ['text', 'type', 'value']);
  const criteria = listDiff(before.criteria, after.criteria, (c) => ({ id: c.id, name: c.name }), [
    'name',
    'kind',
    'direction',
    'source',
    'normalization',
  ]);
  const baseBefore = normalizedWeights(before.criteria);
  const baseAfter = normalizedWeights(after.criteria);
  const weights: SpecificationDiff['weights'] = [];
  after.criteria.forEach((c, k) => {
    const j = before.criteria.findIndex((p) => p.id === c.id);
    if (j < 0) return;
    const from = before.criteria[j].weight;
    const baseFrom = baseBefore ? baseBefore[j] : null;
    const baseTo = baseAfter ? baseAfter[k] : null;
    const baseMoved = baseFrom === null || baseTo === null ? baseFrom !== baseTo : Math.abs(baseFrom - baseTo) > WEIGHT_TOLERANCE;
    if (from !== c.weight || baseMoved) weights.push({ criterionId: c.id, name: c.name, from, to: c.weight, baseFrom, baseTo });
  });
  const description = before.description !== after.description;
  const deliverables = before.deliverables !== after.deliverables;
  const quantity = before.quantity !== after.quantity;
  const listChanged = (d: ListDiff<unknown>) => d.added.length + d.removed.length + d.changed.length > 0 || d.reordered;
  return {
    changed:
      description || deliverables || quantity || listChanged(requirements) || listChanged(criteria) || weights.length > 0,
    description,
    deliverables,
    quantity,
    requirements,
    criteria,
    weights,
  };
}

/**
 * The AHP record, kept while it still describes the weights: the criteria are the ones it weighed,
 * in any order, each with the weight it gave. Otherwise the weights were edited by hand since: null.
 */
export function keptAhp(ahp: unknown, criteria: readonly Criterion[]): AhpRecord | null {
  const record = ahp as Partial<AhpRecord> | null;
  if (!record || !Array.isArray(record.criteria) || !Array.isArray(record.weights)) return null;
  if (record.criteria.length !== criteria.length) return null;
  const weights = record.weights;
  const applies = record.criteria.every((id, i) => criteria.some((c) => c.id === id && c.weight === weights[i]));
  return applies ? (record as AhpRecord) : null;
}
