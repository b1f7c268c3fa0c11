import { canonicalJson, sha256 } from '../audit/canonical-json';
import { type MatrixInput, type MatrixResult, TIE_TOLERANCE } from '../scoring';

/**
 * The decision snapshot (DESIGN §3, "Approval"): what a proposal was made on and what approvers
 * sign. Its SHA-256 over canonical JSON is the snapshot hash; recomputing it from today's data and
 * comparing tells whether the proposal is stale. Only ids, numbers, exact decimal strings and the
 * texts that decide (rule, reasons, justification) go in, never display names, so renaming a
 * supplier does not invalidate a decision while any change of scores, offers, weights or
 * exclusions does.
 */

export interface SnapshotParts {
  caseId: string;
  baseCurrency: string;
  /** the calendar date reliability and certifications were evaluated on */
  asOf: string;
  round: { id: string; number: number };
  input: MatrixInput;
  /** exact amounts behind the matrix's price numbers */
  offers: ReadonlyArray<{ supplierId: string; totalPrice: string; currency: string; convertedTotal: string | null }>;
  weights: { strategic: boolean; rule: string; items: ReadonlyArray<{ criterionId: string; base: number; effective: number }> };
  result: MatrixResult;
  proposal: { supplierId: string; justification: string; override: boolean };
}

export const SNAPSHOT_VERSION = 1;

export interface DecisionSnapshot {
  version: number;
  caseId: string;
  baseCurrency: string;
  asOf: string;
  round: { id: string; number: number };
  matrixInput: MatrixInput;
  offers: Array<{ supplierId: string; totalPrice: string; currency: string; convertedTotal: string | null }>;
  weights: { strategic: boolean; rule: string; items: Array<{ criterionId: string; base: number; effective: number }> };
  ranking: Array<{ supplierId: string; rank: number; total: number; tie: boolean }>;
  excluded: Array<{ supplierId: string; requirementId: string; reason: string }>;
  proposal: { supplierId: string; justification: string; override: boolean };
}

const byId = <T extends { supplierId: string }>(a: T, b: T) => (a.supplierId < b.supplierId ? -1 : a.supplierId > b.supplierId ? 1 : 0);

export function decisionSnapshot(parts: SnapshotParts): DecisionSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    caseId: parts.caseId,
    baseCurrency: parts.baseCurrency,
    asOf: parts.asOf,
    round: { id: parts.round.id, number: parts.round.number },
    matrixInput: {
      criteria: parts.input.criteria.map((c) => ({ ...c })),
      suppliers: [...parts.input.suppliers].sort(byId).map((s) => ({
        supplierId: s.supplierId,
        raw: { ...s.raw },
        reliability: s.reliability,
        totalCost: s.totalCost,
        failedRequirements: s.failedRequirements.map((f) => ({ requirementId: f.requirementId, reason: f.reason })),
      })),
    },
    offers: [...parts.offers].sort(byId).map((o) => ({
      supplierId: o.supplierId,
      totalPrice: o.totalPrice,
      currency: o.currency,
      convertedTotal: o.convertedTotal,
    })),
    weights: {
      strategic: parts.weights.strategic,
      rule: parts.weights.rule,
      items: parts.weights.items.map((i) => ({ criterionId: i.criterionId, base: i.base, effective: i.effective })),
    },
    ranking: parts.result.ranking.map((r) => ({ supplierId: r.supplierId, rank: r.rank, total: r.total, tie: r.tie })),
    excluded: [...parts.result.excluded]
      .sort((a, b) => byId(a, b) || (a.requirementId < b.requirementId ? -1 : a.requirementId > b.requirementId ? 1 : 0))
      .map((e) => ({ supplierId: e.supplierId, requirementId: e.requirementId, reason: e.reason })),
    proposal: { ...parts.proposal },
  };
}

export function snapshotHash(snapshot: DecisionSnapshot): string {
  return sha256(canonicalJson(snapshot));
}

/**
 * The hash of the decision snapshot without its proposal: what the ranking stands on (matrix input,
 * offers, weights and rule, ranking, exclusions), the same before and after a proposal and whoever
 * is proposed. It seeds the rank acceptability draws, so the same case gives the same figures (and
 * the same report), and any change that could move them draws anew.
 */
export function rankingSnapshotHash(parts: Omit<SnapshotParts, 'proposal'>): string {
  const { proposal: _proposal, ...ranking } = decisionSnapshot({ ...parts, proposal: { supplierId: '', justification: '', override: false } });
  return sha256(canonicalJson(ranking));
}

/**
 * Proposing anyone but the top-ranked supplier is an override. Suppliers tied with the top total
 * (|ΔS| < 1e-9) count as top-ranked: their display order is only the tie-break, not a verdict.
 */
export function isOverride(result: MatrixResult, supplierId: string): boolean {
  const top = result.ranking[0];
  if (!top) return true;
  if (top.supplierId === supplierId) return false;
  const chosen = result.ranking.find((r) => r.supplierId === supplierId);
  if (!chosen || !top.tie || !chosen.tie) return true;
  // the top tie group is every supplier within 1e-9 (0–1 scale; totals are ×100) of the highest
  // total; ties do not chain, so a supplier just within 1e-9 of the second is not in it
  const highest = Math.max(...result.ranking.map((r) => r.total));
  return highest - chosen.total >= 100 * TIE_TOLERANCE;
}

/** An override needs a justification of real length (counted in characters, surrounding blanks ignored). */
export const OVERRIDE_JUSTIFICATION_MIN = 200;

export function justificationLength(text: string): number {
  return [...text.trim()].length;
}
