import type { DeclarationControl } from '../../../domain/approval/declarations';
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
  /** The total in the case's base currency, at the rate recorded on the case; null when no rate was recorded. */
  convertedTotal: DecimalString | null;
  /** Previous round's converted total minus this one: positive when the supplier lowered its price. */
  concession: DecimalString | null;
  /** The offer's terms; absent in sources that carry prices only. */
  terms?: ReportOfferTerms;
}

export interface ReportOfferTerms {
  leadTimeDays: number;
  warrantyMonths: number;
  paymentDays: number;
  validUntil: Instant;
  /** What the offer states per requirement (yes/no and text requirements), by the requirement's id. */
  compliance: Array<{ requirementId: string; met: boolean; note: string | null }>;
  submittedVia: 'buyer' | 'supplier';
  /** 1 for the first offer of the round; each revision adds one. */
  revision: number;
}

/** A supplier that took part in a round and was eliminated from it, with the reason recorded. */
export interface ReportElimination extends SupplierRef {
  at: Instant;
  reason: string | null;
}

export interface ReportRound {
  number: number;
  deadline: Instant;
  bestAndFinal: boolean;
  status: RoundStatus;
  offers: ReportOffer[];
  /** Eliminated from this round (they do not go on to the next). */
  eliminations?: ReportElimination[];
}

/** Units of the base currency per unit of `currency`, as recorded on the case. */
export interface ReportExchangeRate {
  currency: string;
  rate: DecimalString;
  setBy: string;
  setAt: Instant;
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
  /** the delegate who signed on the approver's behalf (README "Approver pages") */
  signedByName?: string | null;
  executive?: boolean;
  verdict: ApprovalVerdict;
  comment: string | null;
  at: Instant;
  snapshotHash: string;
  lapsed: boolean;
}

export interface ReportApprovals {
  /** The chain fixed when the case entered APPROVAL; before that, the policy band of the proposed (or top-ranked) amount. */
  required: number;
  executiveRequired: boolean;
  complete: boolean;
  items: ReportApproval[];
  /** Approvers of the case who may still sign the current proposal (segregation of duties applied). */
  pending?: Array<{ name: string; executive: boolean }>;
}

/** The controls the case went through, as recorded. */
export interface ReportControls {
  shortlistApproval: { by: string; at: Instant } | null;
  /** Every signature that counts was given by an approver segregation of duties allows (neither the proposer nor a buyer). */
  segregationHeld: boolean;
  /** Currencies offered in the decision round with no rate recorded (empty: every currency had one). */
  currenciesWithoutRate: string[];
  /** The conflict-of-interest declarations (absent in a report source made before they existed). */
  declarations?: DeclarationControl;
}

/** One evaluator's score of one supplier on one evaluator-scored criterion, with the comment given. */
export interface ReportScore {
  criterionId: string;
  supplierId: string;
  evaluatorName: string;
  /** 0-10, at most two decimals. */
  score: DecimalString | number;
  comment: string | null;
}

/** A ranked supplier's reliability score (0-100) with its parts (each 0-1), as of the matrix's date. */
export interface ReportReliability {
  supplierId: string;
  score: number;
  parts: { otif: number; quality: number; certifications: number; financial: number };
  deliveries: number;
  incidents: number;
  asOf: string;
}

/** Rank acceptability (SMAA-2), as the scoring domain computes it, with the policy it ran under. */
export interface ReportRobustness {
  samples: number;
  spread: number;
  suppliers: Array<{ supplierId: string; acceptability: number[]; firstRank: number; confidence: number }>;
}

export interface ReportAudit {
  /** The chain covered: events `firstSeq`..`lastSeq` (1..n), ending at `headHash`. */
  firstSeq?: number;
  lastSeq?: number;
  events: number;
  headHash: string | null;
  valid: boolean;
  recent: { seq: number; at: Instant; actor: string; action: string }[];
}

export interface ReportSource {
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
  /** Facts added for the decision summary and the evidence sections; absent in older sources. */
  exchangeRates?: ReportExchangeRate[];
  scores?: ReportScore[];
  reliability?: ReportReliability[];
  controls?: ReportControls;
  robustness?: ReportRobustness | null;
  /** The policy's thresholds the verdicts are judged by. */
  thresholds?: { sensitivePoints: number; closeCallPercent: number };
}
