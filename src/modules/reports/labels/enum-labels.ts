import type { RequirementType } from '../../../domain/requirements';
import type { CaseRole, KraljicCategory, PurchaseType, Stage } from '../../../domain/lifecycle/stages';
import type { CriterionKind, CriterionSource, Direction, Normalization } from '../../../domain/scoring';
import type { RoundStatus } from '../../negotiation/negotiation.reader';
import type { ShortlistStatus } from '../../shortlist/shortlist-entry.entity';
import type { ApprovalVerdict } from '../view/report-source';
import type { ReportLang } from './labels';

/** One enumerated value, in every report language. */
export type Label = Record<ReportLang, string>;

/**
 * Translations of the domain's enumerated values. Each table is typed by the union it labels, so a
 * value the domain adds or renames without a label here is a compile error, not raw text in a PDF.
 */
export interface EnumLabelTables {
  purchaseType: Record<PurchaseType, Label>;
  kraljic: Record<KraljicCategory, Label>;
  stage: Record<Stage, Label>;
  role: Record<CaseRole, Label>;
  criterionKind: Record<CriterionKind, Label>;
  direction: Record<Direction, Label>;
  normalization: Record<Normalization, Label>;
  criterionSource: Record<CriterionSource, Label>;
  requirementType: Record<RequirementType, Label>;
  shortlistStatus: Record<ShortlistStatus, Label>;
  roundStatus: Record<RoundStatus, Label>;
  verdict: Record<ApprovalVerdict, Label>;
}

export const ENUM_LABELS: EnumLabelTables = {
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
    certification: { en: 'Certification', es: 'Certificación' },
    max_lead_time_days: { en: 'Maximum lead time (days)', es: 'Plazo de entrega máximo (días)' },
    min_warranty_months: { en: 'Minimum warranty (months)', es: 'Garantía mínima (meses)' },
    yes_no: { en: 'Yes/no', es: 'Sí/no' },
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
  },
};

export type EnumName = keyof EnumLabelTables;

/** The label of one value; the types leave no value without one, and one that slips past them at run time is shown as given. */
export function enumLabel<N extends EnumName>(name: N, value: keyof EnumLabelTables[N] & string, lang: ReportLang): string {
  const table = ENUM_LABELS[name] as Record<string, Label>;
  return Object.prototype.hasOwnProperty.call(table, value) ? table[value][lang] : value;
}
