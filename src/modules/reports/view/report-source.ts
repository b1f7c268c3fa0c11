/**
 * `ReportSource`: the plain data the reports service gathers from the database for one report.
 * The view builder turns it into a `ReportView`; neither ever sees the database. Wherever the
 * domain has a type for a part (criteria, weights, the matrix, sensitivity, the case's
 * vocabulary), the source uses it as it is; what it adds is names and exact decimal strings.
 */
import type { ApprovalSignature } from '../../../domain/approval/approval-chain';
import type { RequirementToCheck } from '../../../domain/requirements';
import type { CaseRole, KraljicCategory, PurchaseType, Stage } from '../../../domain/lifecycle/stages';
import type {
  EffectiveWeightItem,
  MatrixResult,
  RankedSupplier,
  SensitivityResult,
  StrategicPolicy,
  WeightCriterion,
} from '../../../domain/scoring';
import type { RoundStatus } from '../../negotiation/negotiation.reader';
import type { ShortlistStatus } from '../../shortlist/shortlist-entry.entity';

/** An exact decimal amount as a string ("12500.00"); never a binary float. */
export type DecimalString = string;
/** A point in time: a Date or an ISO 8601 string. Plain dates ("2026-05-31") are accepted too. */
export type Instant = Date | string;

export type ApprovalVerdict = ApprovalSignature['verdict'];

export interface SupplierRef {
  supplierId: string;
  supplierName: string;
}

export interface ReportCase {
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
}

export interface ReportMember {
  name: string;
  email: string;
  roles: CaseRole[];
}

export interface ReportSpecification {
  version: number;
  frozenAt: Instant | null;
  description: string;
  /** As the domain checks them: `value` is a certification name, a day or month limit, the required yes/no answer, or null. */
  requirements: RequirementToCheck[];
  /** As entered: `weight` is the positive number before normalization. */
  criteria: WeightCriterion[];
}

export interface ReportShortlistEntry {
  supplierId: string;
  name: string;
  status: ShortlistStatus;
  reason: string | null;
}

export interface ReportOffer extends SupplierRef {
  totalPrice: DecimalString;
  currency: string;
  /** The total in the case's base currency, at the rate recorded on the case. */
  convertedTotal: DecimalString;
  /** Previous round's converted total minus this one: positive when the supplier lowered its price. */
  concession: DecimalString | null;
}

export interface ReportRound {
  number: number;
  deadline: Instant;
  bestAndFinal: boolean;
  status: RoundStatus;
  offers: ReportOffer[];
}

export interface ReportWeights {
  strategic: boolean;
  /** The domain's own (English) explanation of the rule; shown only when `policy` is not given. */
  rule: string | null;
  /** The strategic-rule policy in force, so the rule can be stated in either language with the numbers that applied. */
  policy?: StrategicPolicy;
  /** True when the built-in "Supplier reliability" criterion was added because the case had none. */
  addedBuiltin?: boolean;
  /** `base` and `effective` are normalized weights (each set sums to 1). */
  items: EffectiveWeightItem[];
}

/** Sorted by rank. `total` is on the 0-100 scale; `normalized` in [0, 1]; `contribution` is w' · n on the 0-1 scale. */
export type ReportRankedSupplier = SupplierRef & RankedSupplier;

export type ReportExclusion = SupplierRef & MatrixResult['excluded'][number] & { requirementText: string };

export interface ReportMatrix {
  ranking: ReportRankedSupplier[];
  excluded: ReportExclusion[];
  /** "<criterion> for <supplier>" per evaluator-scored cell with no score yet; any → the ranking is provisional */
  unscored?: string[];
}

/** The price cut for the runner-up to win, in the base currency; `percent` is derived from `cut / fromPrice` when absent. */
export interface ReportPriceCut {
  supplierId: string;
  fromPrice: DecimalString | number;
  toPrice: DecimalString | number;
  cut: DecimalString | number;
  percent?: number;
}

/**
 * The scoring domain's sensitivity result as it is (suppliers by id: their names are looked up in
 * the matrix, the shortlist and the offers), with the price cut in exact amounts.
 */
export type ReportSensitivity = Omit<SensitivityResult, 'priceCutToWin'> & { priceCutToWin: ReportPriceCut | null };

export interface ReportDecision extends SupplierRef {
  justification: string;
  override: boolean;
  proposedBy: string;
  proposedAt: Instant;
  snapshotHash: string;
  stale: boolean;
}

export interface ReportApproval {
  approverName: string;
  verdict: ApprovalVerdict;
  comment: string | null;
  at: Instant;
  snapshotHash: string;
  lapsed: boolean;
}

export interface ReportApprovals {
  required: number;
  executiveRequired: boolean;
  complete: boolean;
  items: ReportApproval[];
}

export interface ReportAudit {
  events: number;
  headHash: string | null;
  valid: boolean;
  recent: { seq: number; at: Instant; actor: string; action: string }[];
}

export interface ReportSource {
  /** SHA-256 the service computed for this report; printed on the cover. */
  reportHash: string;
  /** The case's last audit event time: the report's "as of" and the PDF's creation date. */
  generatedFor: Instant;
  case: ReportCase;
  members: ReportMember[];
  specification: ReportSpecification | null;
  shortlist: ReportShortlistEntry[];
  soleSourceJustification: string | null;
  rounds: ReportRound[];
  weights: ReportWeights | null;
  matrix: ReportMatrix | null;
  sensitivity: ReportSensitivity | null;
  decision: ReportDecision | null;
  approvals: ReportApprovals;
  audit: ReportAudit;
}
