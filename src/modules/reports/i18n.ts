/**
 * Label tables and number conventions for the decision report (English and Spanish).
 *
 * The English table defines the keys; the Spanish table is typed against them, so a label missing
 * from either language is a compile error rather than a blank in a PDF.
 * Every string here must stay inside WinAnsi (Latin-1 plus a few typographic marks): the report uses
 * the PDF standard fonts, which cannot draw anything else (no "≥", "→", "−" or Greek letters).
 */

export type ReportLang = 'en' | 'es';

const en = {
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

const es: Labels = {
  reportTitle: 'Informe de decisión de proveedor',
  pageOf: 'Página {page} de {pages}',
  asOf: 'A fecha de {date}',

  coverKicker: 'Expediente de compra',
  reference: 'Referencia del expediente',
  caseTitle: 'Título',
  businessNeed: 'Necesidad de negocio',
  purchaseType: 'Tipo de compra',
  strategicClass: 'Clasificación estratégica (Kraljic)',
  status: 'Estado',
  baseCurrency: 'Moneda base',
  quantity: 'Cantidad',
  estimatedBudget: 'Presupuesto estimado',
  neededBy: 'Fecha de necesidad',
  category: 'Categoría',
  reportHash: 'Hash del informe (SHA-256)',
  generatedFor: 'Estado del expediente a fecha de',
  notSet: 'sin definir',

  buyingCenter: 'Centro de compras',
  memberName: 'Nombre',
  memberEmail: 'Correo electrónico',
  memberRoles: 'Funciones',
  noMembers: 'No hay miembros registrados.',

  specification: 'Especificación',
  specVersion: 'Versión',
  specFrozenAt: 'Congelada el',
  specNotFrozen: 'no congelada',
  specDescription: 'Descripción',
  requirements: 'Requisitos obligatorios',
  requirementText: 'Requisito',
  requirementType: 'Tipo',
  requirementValue: 'Valor',
  noRequirements: 'Sin requisitos obligatorios.',
  criteria: 'Criterios de evaluación',
  criterionName: 'Criterio',
  criterionKind: 'Clase',
  criterionDirection: 'Sentido',
  criterionSource: 'Origen',
  criterionNormalization: 'Normalización',
  criterionWeight: 'Peso',
  noSpecification: 'Todavía no se ha redactado la especificación.',

  shortlist: 'Preselección y exclusiones',
  supplier: 'Proveedor',
  shortlistStatus: 'Estado',
  reason: 'Motivo',
  noShortlist: 'No se ha preseleccionado ningún proveedor.',
  soleSource: 'Justificación de proveedor único',

  negotiation: 'Historial de negociación',
  round: 'Ronda {n}',
  roundShort: 'R{n}',
  deadline: 'Plazo',
  roundStatus: 'Estado',
  bestAndFinal: 'oferta final',
  offeredPrice: 'Precio ofertado',
  convertedPrice: 'Convertido ({currency})',
  concession: 'Concesión ({currency})',
  noOffers: 'No hay ofertas en esta ronda.',
  noRounds: 'Todavía no hay rondas de negociación.',
  priceChart: 'Precio convertido por proveedor en cada ronda ({currency})',
  concessionNote: 'Concesión: reducción de precio respecto a la ronda anterior del proveedor, en la moneda base.',

  weights: 'Pesos base y efectivos',
  baseWeight: 'Peso base',
  effectiveWeight: 'Peso efectivo',
  weightChange: 'Cambio',
  ruleApplied: 'Regla aplicada',
  ruleNone: 'Compra no estratégica: los pesos efectivos son los pesos base.',
  ruleAllReliability: 'Todos los criterios son de fiabilidad: los pesos se mantienen tal como se dieron.',
  ruleStrategic:
    'Compra estratégica: el peso de la fiabilidad sube de {from} a {to} ' +
    "(R' = min({cap}; max(m·R; f; w_max / (N + w_max))) con m = {m} y f = {f}); " +
    'los demás criterios se escalan por el mismo factor para que los pesos sigan sumando 100 %.',
  ruleBuiltIn:
    'El expediente no tenía ningún criterio de fiabilidad, así que se añadió el criterio integrado "Fiabilidad del proveedor".',
  noWeights: 'Los pesos todavía no están disponibles.',

  matrix: 'Matriz de decisión',
  ranking: 'Clasificación',
  rank: 'Puesto',
  total: 'Total (0-100)',
  tie: 'Empate',
  tied: 'empate',
  matrixDetail: 'Valores por criterio',
  matrixDetailNote:
    'Bruto: el valor comparado; Norm.: normalizado a 0-1; Ptos: aportación al total (peso efectivo × normalizado × 100).',
  raw: 'Bruto',
  normalized: 'Norm.',
  contribution: 'Ptos',
  excludedFromRanking: 'Excluidos de la clasificación (no cumplen un requisito obligatorio)',
  failedRequirement: 'Requisito incumplido',
  noMatrix: 'La matriz de decisión todavía no está disponible.',
  totalsChart: 'Puntuación total por proveedor (0-100)',

  sensitivity: 'Sensibilidad de la decisión',
  winner: 'Proveedor mejor clasificado',
  runnerUp: 'Segundo clasificado',
  weightChangeToFlip: 'Cambio de peso que invierte la decisión',
  percentOfWeight: '% de su peso',
  overtakenBy: 'Lo supera',
  feasible: 'Factible',
  notFeasible: 'ningún cambio factible',
  mostCritical: 'Criterio más crítico',
  priceCutToWin: 'Rebaja de precio para que gane el segundo',
  priceCutText: '{supplier} tendría que bajar su precio de {from} a {to} (una rebaja de {cut}, {percent}).',
  sensitiveYes:
    'SENSIBLE: el ganador cambia con una variación de peso inferior a 10 puntos porcentuales.',
  sensitiveNo: 'Robusta: ninguna variación de peso inferior a 10 puntos porcentuales cambia el ganador.',
  noSensitivity: 'El análisis de sensibilidad todavía no está disponible.',
  none: 'ninguno',

  proposal: 'Propuesta',
  proposedSupplier: 'Proveedor propuesto',
  justification: 'Justificación',
  proposedBy: 'Propuesto por',
  proposedAt: 'Propuesto el',
  snapshotHash: 'Hash de la instantánea de la decisión',
  overrideFlag:
    'ANULACIÓN: el proveedor propuesto no es el mejor clasificado ({top}). La justificación siguiente es obligatoria.',
  staleFlag:
    'DESACTUALIZADA: los datos de la matriz cambiaron tras esta propuesta; su instantánea ya no coincide.',
  noDecision: 'Todavía no se ha propuesto ningún proveedor.',

  approvals: 'Aprobaciones',
  approvalsRequired: 'Aprobaciones necesarias',
  executiveRequired: 'Requiere aprobación ejecutiva',
  approvalsComplete: 'Completas',
  approver: 'Aprobador',
  verdict: 'Dictamen',
  comment: 'Comentario',
  signedAt: 'Firmada el',
  signedHash: 'Hash de instantánea firmado',
  lapsed: 'caducada',
  noApprovals: 'No hay aprobaciones registradas.',

  audit: 'Resumen del registro de auditoría',
  auditEvents: 'Eventos',
  auditHeadHash: 'Hash de cabecera',
  auditChain: 'Cadena de hashes',
  auditChainValid: 'válida',
  auditChainBroken: 'ROTA',
  auditRecent: 'Eventos más recientes',
  auditSeq: 'Sec.',
  auditAt: 'Hora',
  auditActor: 'Actor',
  auditAction: 'Acción',

  yes: 'sí',
  no: 'no',
};

export const LABELS: Record<ReportLang, Labels> = { en, es };

/** Translations of the domain's enumerated values; unknown values are shown as given. */
type EnumTable = Record<string, Record<ReportLang, string>>;

export const ENUM_LABELS = {
  purchaseType: {
    new_task: { en: 'New task', es: 'Compra nueva' },
    modified_rebuy: { en: 'Modified rebuy', es: 'Recompra modificada' },
    straight_rebuy: { en: 'Straight rebuy', es: 'Recompra directa' },
  },
  kraljic: {
    strategic: { en: 'Strategic', es: 'Estratégico' },
    leverage: { en: 'Leverage', es: 'Apalancamiento' },
    bottleneck: { en: 'Bottleneck', es: 'Cuello de botella' },
    routine: { en: 'Routine', es: 'Rutinario' },
  },
  stage: {
    NEED: { en: 'Need', es: 'Necesidad' },
    SPECIFICATION: { en: 'Specification', es: 'Especificación' },
    SHORTLISTING: { en: 'Shortlisting', es: 'Preselección' },
    NEGOTIATION: { en: 'Negotiation', es: 'Negociación' },
    DECISION: { en: 'Decision', es: 'Decisión' },
    APPROVAL: { en: 'Approval', es: 'Aprobación' },
    AWARDED: { en: 'Awarded', es: 'Adjudicado' },
    CANCELLED: { en: 'Cancelled', es: 'Cancelado' },
  },
  role: {
    initiator: { en: 'Initiator', es: 'Iniciador' },
    prescriber: { en: 'Prescriber', es: 'Prescriptor' },
    buyer: { en: 'Buyer', es: 'Comprador' },
    evaluator: { en: 'Evaluator', es: 'Evaluador' },
    gatekeeper: { en: 'Gatekeeper', es: 'Filtro' },
    decider: { en: 'Decider', es: 'Decisor' },
    approver: { en: 'Approver', es: 'Aprobador' },
  },
  criterionKind: {
    price: { en: 'Price', es: 'Precio' },
    quality: { en: 'Quality', es: 'Calidad' },
    delivery: { en: 'Delivery', es: 'Entrega' },
    reliability: { en: 'Reliability', es: 'Fiabilidad' },
    technical: { en: 'Technical', es: 'Técnico' },
    service: { en: 'Service', es: 'Servicio' },
    sustainability: { en: 'Sustainability', es: 'Sostenibilidad' },
    other: { en: 'Other', es: 'Otro' },
  },
  direction: {
    higher_is_better: { en: 'Higher is better', es: 'Mayor es mejor' },
    lower_is_better: { en: 'Lower is better', es: 'Menor es mejor' },
  },
  normalization: {
    ratio: { en: 'Ratio', es: 'Cociente' },
    minmax: { en: 'Min-max', es: 'Mín-máx' },
    scale: { en: 'Scale', es: 'Escala' },
  },
  criterionSource: {
    'offer.price': { en: 'Offer: total price', es: 'Oferta: precio total' },
    'offer.leadTimeDays': { en: 'Offer: lead time (days)', es: 'Oferta: plazo de entrega (días)' },
    'offer.warrantyMonths': { en: 'Offer: warranty (months)', es: 'Oferta: garantía (meses)' },
    'offer.paymentDays': { en: 'Offer: payment terms (days)', es: 'Oferta: plazo de pago (días)' },
    'offer.value': { en: 'Offer: stated value', es: 'Oferta: valor declarado' },
    evaluator: { en: 'Evaluator scores (0-10)', es: 'Puntuaciones de evaluadores (0-10)' },
    reliability: { en: 'Reliability score (0-100)', es: 'Puntuación de fiabilidad (0-100)' },
  },
  requirementType: {
    boolean: { en: 'Yes/no', es: 'Sí/no' },
    min: { en: 'Minimum', es: 'Mínimo' },
    max: { en: 'Maximum', es: 'Máximo' },
    certification: { en: 'Certification', es: 'Certificación' },
    document: { en: 'Document', es: 'Documento' },
    text: { en: 'Statement', es: 'Declaración' },
  },
  shortlistStatus: {
    shortlisted: { en: 'Shortlisted', es: 'Preseleccionado' },
    excluded: { en: 'Excluded', es: 'Excluido' },
  },
  roundStatus: {
    open: { en: 'Open', es: 'Abierta' },
    closed: { en: 'Closed', es: 'Cerrada' },
  },
  verdict: {
    approve: { en: 'Approved', es: 'Aprobada' },
    reject: { en: 'Rejected', es: 'Rechazada' },
    approved: { en: 'Approved', es: 'Aprobada' },
    rejected: { en: 'Rejected', es: 'Rechazada' },
  },
} satisfies Record<string, EnumTable>;

export type EnumName = keyof typeof ENUM_LABELS;

export function enumLabel(name: EnumName, value: string, lang: ReportLang): string {
  const table: EnumTable = ENUM_LABELS[name];
  return Object.prototype.hasOwnProperty.call(table, value) ? table[value][lang] : value;
}

/** Replaces `{name}` placeholders; a placeholder without a value is left visible so it gets noticed. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole,
  );
}

/**
 * Number conventions. Spanish uses a decimal comma and a point for thousands (RAE accepts both the
 * point and a space; the point is what Spanish procurement documents use), and a space before "%".
 */
export interface NumberConvention {
  decimal: string;
  group: string;
  percentSuffix: string;
  pointsSuffix: string;
}

export const NUMBER_CONVENTIONS: Record<ReportLang, NumberConvention> = {
  en: { decimal: '.', group: ',', percentSuffix: '%', pointsSuffix: ' pp' },
  es: { decimal: ',', group: '.', percentSuffix: ' %', pointsSuffix: ' p.p.' },
};
