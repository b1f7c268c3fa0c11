/**
 * The report's English labels. Their keys are the label keys: the Spanish table is typed against
 * them, so a label missing from either language is a compile error rather than a blank in a PDF.
 */
export const en = {
  reportTitle: 'Supplier decision report',
  pageOf: 'Page {page} of {pages}',
  asOf: 'As of {date}',

  // cover
  coverKicker: 'Purchase case',
  reference: 'Case reference',
  caseTitle: 'Title',
  businessNeed: 'Business need',
  purchaseType: 'Purchase type',
  strategicClass: 'Strategic class (Kraljic)',
  status: 'Status',
  baseCurrency: 'Base currency',
  quantity: 'Quantity',
  estimatedBudget: 'Estimated budget',
  neededBy: 'Needed by',
  category: 'Category',
  reportHash: 'Report hash (SHA-256)',
  generatedFor: 'State of the case as of',
  notSet: 'not set',

  // buying center
  buyingCenter: 'Buying center',
  memberName: 'Name',
  memberEmail: 'Email',
  memberRoles: 'Roles',
  noMembers: 'No members recorded.',

  // specification
  specification: 'Specification',
  specVersion: 'Version',
  specFrozenAt: 'Frozen at',
  specNotFrozen: 'not frozen',
  specDescription: 'Description',
  requirements: 'Mandatory requirements',
  requirementText: 'Requirement',
  requirementType: 'Type',
  requirementValue: 'Value',
  noRequirements: 'No mandatory requirements.',
  criteria: 'Evaluation criteria',
  criterionName: 'Criterion',
  criterionKind: 'Kind',
  criterionDirection: 'Direction',
  criterionSource: 'Source',
  criterionNormalization: 'Normalization',
  criterionWeight: 'Weight',
  noSpecification: 'No specification has been written yet.',

  // shortlist
  shortlist: 'Shortlist and exclusions',
  supplier: 'Supplier',
  shortlistStatus: 'Status',
  reason: 'Reason',
  noShortlist: 'No suppliers have been shortlisted.',
  soleSource: 'Sole-source justification',

  // negotiation
  negotiation: 'Negotiation history',
  round: 'Round {n}',
  roundShort: 'R{n}',
  deadline: 'Deadline',
  roundStatus: 'Status',
  bestAndFinal: 'best and final',
  offeredPrice: 'Offered price',
  convertedPrice: 'Converted ({currency})',
  concession: 'Concession ({currency})',
  noOffers: 'No offers in this round.',
  noRounds: 'No negotiation rounds yet.',
  priceChart: 'Converted price per supplier across rounds ({currency})',
  concessionNote: 'Concession: price reduction against the supplier\'s previous round, in the base currency.',

  // weights
  weights: 'Base and effective weights',
  baseWeight: 'Base weight',
  effectiveWeight: 'Effective weight',
  weightChange: 'Change',
  ruleApplied: 'Rule applied',
  ruleNone: 'Non-strategic purchase: the effective weights are the base weights.',
  ruleAllReliability: 'Every criterion is a reliability criterion: the weights are kept as given.',
  ruleStrategic:
    'Strategic purchase: the reliability weight is raised from {from} to {to} ' +
    "(R' = min({cap}, max(m·R, f, w_max / (N + w_max))) with m = {m} and f = {f}); " +
    'every other criterion is scaled by the same factor so the weights still sum to 100%.',
  ruleBuiltIn: 'The case had no reliability criterion, so the built-in "Supplier reliability" criterion was added.',
  noWeights: 'Weights are not available yet.',

  // matrix
  matrix: 'Decision matrix',
  ranking: 'Ranking',
  rank: 'Rank',
  total: 'Total (0-100)',
  tie: 'Tie',
  tied: 'tied',
  matrixDetail: 'Values per criterion',
  matrixDetailNote:
    'Raw: the value compared; Norm.: normalized to 0-1; Pts: contribution to the total (effective weight × normalized × 100).',
  raw: 'Raw',
  normalized: 'Norm.',
  contribution: 'Pts',
  excludedFromRanking: 'Excluded from the ranking (failed a mandatory requirement)',
  failedRequirement: 'Failed requirement',
  noMatrix: 'The decision matrix is not available yet.',
  provisionalRanking: 'Provisional ranking: no evaluator score yet for {gaps}. These cells count as 0, so the order may still change.',
  totalsChart: 'Total score per supplier (0-100)',

  // sensitivity
  sensitivity: 'Sensitivity of the decision',
  winner: 'Top-ranked supplier',
  runnerUp: 'Runner-up',
  weightChangeToFlip: 'Weight change that flips the decision',
  percentOfWeight: '% of its weight',
  overtakenBy: 'Overtaken by',
  feasible: 'Feasible',
  notFeasible: 'no feasible change',
  mostCritical: 'Most critical criterion',
  priceCutToWin: 'Price cut for the runner-up to win',
  priceCutText: '{supplier} would need to lower its price from {from} to {to} (a cut of {cut}, {percent}).',
  sensitiveYes:
    'SENSITIVE: the winner changes under a weight change of less than 10 percentage points.',
  sensitiveNo: 'Robust: no weight change below 10 percentage points changes the winner.',
  noSensitivity: 'Sensitivity is not available yet.',
  none: 'none',

  // decision
  proposal: 'Proposal',
  proposedSupplier: 'Proposed supplier',
  justification: 'Justification',
  proposedBy: 'Proposed by',
  proposedAt: 'Proposed at',
  snapshotHash: 'Decision snapshot hash',
  overrideFlag:
    'OVERRIDE: the proposed supplier is not the top-ranked supplier ({top}). The justification below is mandatory.',
  staleFlag: 'STALE: the matrix inputs changed after this proposal; its snapshot no longer matches.',
  noDecision: 'No supplier has been proposed yet.',

  // approvals
  approvals: 'Approvals',
  approvalsRequired: 'Approvals required',
  executiveRequired: 'Executive approval required',
  approvalsComplete: 'Complete',
  approver: 'Approver',
  verdict: 'Verdict',
  comment: 'Comment',
  signedAt: 'Signed at',
  signedHash: 'Signed snapshot hash',
  lapsed: 'lapsed',
  noApprovals: 'No approvals recorded.',

  // audit
  audit: 'Audit trail digest',
  auditEvents: 'Events',
  auditHeadHash: 'Head hash',
  auditChain: 'Hash chain',
  auditChainValid: 'valid',
  auditChainBroken: 'BROKEN',
  auditRecent: 'Most recent events',
  auditSeq: 'Seq.',
  auditAt: 'Time',
  auditActor: 'Actor',
  auditAction: 'Action',

  yes: 'yes',
  no: 'no',
} as const;

export type LabelKey = keyof typeof en;
export type Labels = Record<LabelKey, string>;
