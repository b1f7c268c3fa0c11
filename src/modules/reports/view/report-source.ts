/**
 * `ReportSource`: the plain data the reports service gathers from the database for one report.
 * The view builder turns it into a `ReportView`; neither ever sees the database.
 */
import type { CaseRole as BuyingCenterRole, KraljicCategory, PurchaseType, Stage } from '../../../domain/lifecycle/stages';
import type { CriterionKind, Direction, Normalization } from '../../../domain/scoring';

/** An exact decimal amount as a string ("12500.00"); never a binary float. */
export type DecimalString = string;
/** A point in time: a Date or an ISO 8601 string. Plain dates ("2026-05-31") are accepted too. */
export type Instant = Date | string;

// the vocabulary of the case and the scoring core, re-exported for the layout code
export type { CaseRole as BuyingCenterRole, KraljicCategory, PurchaseType, Stage } from '../../../domain/lifecycle/stages';
export type { CriterionKind, Direction, Normalization } from '../../../domain/scoring';

export interface SupplierRef {
  supplierId: string;
  supplierName: string;
}

export interface ReportSource {
  /** SHA-256 the service computed for this report; printed on the cover. */
  reportHash: string;
  /** The case's last audit event time: the report's "as of" and the PDF's creation date. */
  generatedFor: Instant;
  case: {
    reference: string;
    title: string;
    businessNeed: string;
    purchaseType: PurchaseType;
    kraljicCategory: KraljicCategory;
    stage: Stage;
    /** Base currency (ISO 4217). */
    currency: string;
    quantity: DecimalString | number;
    unit: string;
    estimatedBudget: DecimalString;
    neededBy: Instant | null;
    category: string;
  };
  members: { name: string; email: string; roles: BuyingCenterRole[] }[];
  specification: {
    version: number;
    frozenAt: Instant | null;
    description: string;
    /** `type` is the requirement's check (e.g. boolean, min, max, certification); shown translated when known. */
    requirements: { id: string; text: string; type: string; value: string | null }[];
    /**
     * `source` is where the value comes from, as the scoring domain names it (offer.price,
     * offer.leadTimeDays, offer.warrantyMonths, offer.paymentDays, offer.value, evaluator,
     * reliability); `weight` is the positive number as entered.
     */
    criteria: {
      id: string;
      name: string;
      kind: CriterionKind;
      direction: Direction;
      source: string;
      normalization: Normalization;
      weight: number;
    }[];
  } | null;
  shortlist: { supplierId: string; name: string; status: 'shortlisted' | 'excluded'; reason: string | null }[];
  soleSourceJustification: string | null;
  rounds: {
    number: number;
    deadline: Instant;
    bestAndFinal: boolean;
    status: 'open' | 'closed';
    offers: {
      supplierId: string;
      supplierName: string;
      totalPrice: DecimalString;
      currency: string;
      /** The total in the case's base currency, at the rate recorded on the case. */
      convertedTotal: DecimalString;
      /** Previous round's converted total minus this one: positive when the supplier lowered its price. */
      concession: DecimalString | null;
    }[];
  }[];
  weights: {
    strategic: boolean;
    /** The domain's own (English) explanation of the rule; shown only when `policy` is not given. */
    rule: string | null;
    /**
     * The strategic-rule policy in force (multiplier m, floor f, cap), so the rule can be stated in
     * either language with the numbers that applied.
     */
    policy?: { multiplier: number; floor: number; cap?: number };
    /** True when the built-in "Supplier reliability" criterion was added because the case had none. */
    addedBuiltin?: boolean;
    /** `base` and `effective` are normalized weights (each set sums to 1). */
    items: { criterionId: string; name: string; kind: CriterionKind; base: number; effective: number }[];
  } | null;
  matrix: {
    /**
     * Sorted by rank. `total` is on the 0-100 scale; `normalized` in [0, 1]; `contribution` is
     * w' · n on the 0-1 scale.
     */
    ranking: (SupplierRef & {
      rank: number;
      total: number;
      tie: boolean;
      cells: { criterionId: string; raw: number | null; normalized: number; contribution: number }[];
    })[];
    excluded: (SupplierRef & { requirementId: string; requirementText: string; reason: string })[];
  } | null;
  /**
   * The scoring domain's sensitivity result as it is: suppliers by id (their names are looked up in
   * the matrix, the shortlist and the offers).
   */
  sensitivity: {
    winner: string | null;
    runnerUp: string | null;
    /**
     * Per criterion, the smallest feasible weight change (0-1 scale) that makes another supplier equal
     * the winner; `percent` is 100 · delta / effective weight (e.g. -32.5).
     */
    criteria: {
      criterionId: string;
      delta: number | null;
      percent: number | null;
      feasible: boolean;
      overtakenBy: string | null;
    }[];
    mostCritical: string | null;
    /** Prices in the base currency; `percent` is derived from `cut / fromPrice` when absent. */
    priceCutToWin: {
      supplierId: string;
      fromPrice: DecimalString | number;
      toPrice: DecimalString | number;
      cut: DecimalString | number;
      percent?: number;
    } | null;
    sensitive: boolean;
  } | null;
  decision: (SupplierRef & {
    justification: string;
    override: boolean;
    proposedBy: string;
    proposedAt: Instant;
    snapshotHash: string;
    stale: boolean;
  }) | null;
  approvals: {
    required: number;
    executiveRequired: boolean;
    complete: boolean;
    items: {
      approverName: string;
      /** The domain says approve/reject; the past forms are accepted too. */
      verdict: 'approve' | 'reject' | 'approved' | 'rejected';
      comment: string | null;
      at: Instant;
      snapshotHash: string;
      lapsed: boolean;
    }[];
  };
  audit: {
    events: number;
    headHash: string | null;
    valid: boolean;
    recent: { seq: number; at: Instant; actor: string; action: string }[];
  };
}
