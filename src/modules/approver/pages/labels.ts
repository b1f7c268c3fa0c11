import { type LinkRefusal } from '../../../domain/approval/sign-in-link';

export type PageLang = 'en' | 'es';

/** The approver pages' own words; the decision itself comes in the report's labels (the same view model). */
export interface PageLabels {
  inboxTitle: string;
  awaiting: string;
  awaitingNone: string;
  signed: string;
  signedNone: string;
  waited: string;
  waitedDays: string;
  waitedHours: string;
  onBehalfOf: string;
  open: string;
  caseCol: string;
  supplierCol: string;
  amountCol: string;
  verdictCol: string;
  dateCol: string;
  verdicts: Record<'approve' | 'reject', string>;
  /** the form's choices, as verbs */
  choices: Record<'approve' | 'reject', string>;
  signedInAs: string;
  switchTo: string;
  otherLanguage: string;
  skip: string;
  ranking: string;
  robustness: string;
  offers: string;
  signatures: string;
  pdf: string;
  signHeading: string;
  verdictLegend: string;
  comment: string;
  commentHint: string;
  returnTo: string;
  returnToDecision: string;
  returnToNegotiation: string;
  submit: string;
  declareHeading: string;
  declareWhy: string;
  declareLegend: string;
  declareNone: string;
  declareConflict: string;
  declareSupplier: string;
  declareText: string;
  declareSubmit: string;
  declared: string;
  notYours: string;
  signedDone: string;
  backToInbox: string;
  errorTitle: string;
  signInHint: string;
  linkRefused: string;
  refusals: Record<LinkRefusal, string>;
}

export const PAGE_LABELS: Record<PageLang, PageLabels> = {
  en: {
    inboxTitle: 'Decisions to sign',
    awaiting: 'Awaiting your signature',
    awaitingNone: 'Nothing awaits your signature.',
    signed: 'Signed',
    signedNone: 'You have signed nothing yet.',
    waited: 'Waiting',
    waitedDays: '{n} d',
    waitedHours: '{n} h',
    onBehalfOf: 'on behalf of {name}',
    open: 'Open',
    caseCol: 'Case',
    supplierCol: 'Proposed supplier',
    amountCol: 'Amount',
    verdictCol: 'Verdict',
    dateCol: 'Date',
    verdicts: { approve: 'Approved', reject: 'Rejected' },
    choices: { approve: 'Approve', reject: 'Reject' },
    signedInAs: 'Signed in as {name}',
    switchTo: 'Español',
    otherLanguage: 'es',
    skip: 'Skip to the content',
    ranking: 'Ranking and contributions',
    robustness: 'How robust the ranking is',
    offers: 'Offers and their key terms',
    signatures: 'Signatures',
    pdf: 'The full decision report (PDF)',
    signHeading: 'Your signature',
    verdictLegend: 'Your verdict',
    comment: 'Comment',
    commentHint: 'Required when you reject.',
    returnTo: 'If you reject, the case goes back to',
    returnToDecision: 'Decision: the decider proposes again',
    returnToNegotiation: 'Negotiation: a new round with the suppliers',
    submit: 'Sign',
    declareHeading: 'Declare your conflicts of interest',
    declareWhy: 'Before you sign, the policy asks you to declare whether you have a conflict of interest with a supplier of this case.',
    declareLegend: 'Your declaration',
    declareNone: 'I have no conflict of interest with any supplier of this case',
    declareConflict: 'I have a conflict of interest with the supplier below',
    declareSupplier: 'Supplier (with a conflict)',
    declareText: 'What the conflict is (with a conflict)',
    declareSubmit: 'Declare',
    declared: 'Your declaration is recorded.',
    notYours: 'You do not sign this decision now.',
    signedDone: 'Your signature is recorded: {verdict}. The case is now in stage {stage}.',
    backToInbox: 'Back to the decisions to sign',
    errorTitle: 'This could not be done',
    signInHint: 'Open the link in your e-mail to sign in.',
    linkRefused: 'This link no longer opens the decision',
    refusals: {
      unknown: 'This link is not one we sent, or it was mistyped.',
      used: 'This link was already used to sign. Each link works once.',
      expired: 'This link has expired. A reminder will bring a new one.',
      closed: 'The case is no longer awaiting signatures.',
      stale: 'The decision changed after this link was sent: the new one needs a new signature.',
      removed: 'You are no longer an approver of this case.',
      foreign: 'This link was sent to someone else than the person signed in on this browser.',
    },
  },
  es: {
    inboxTitle: 'Decisiones por firmar',
    awaiting: 'Esperan su firma',
    awaitingNone: 'Nada espera su firma.',
    signed: 'Firmadas',
    signedNone: 'Aún no ha firmado nada.',
    waited: 'Espera',
    waitedDays: '{n} d',
    waitedHours: '{n} h',
    onBehalfOf: 'en nombre de {name}',
    open: 'Abrir',
    caseCol: 'Caso',
    supplierCol: 'Proveedor propuesto',
    amountCol: 'Importe',
    verdictCol: 'Veredicto',
    dateCol: 'Fecha',
    verdicts: { approve: 'Aprobada', reject: 'Rechazada' },
    choices: { approve: 'Aprobar', reject: 'Rechazar' },
    signedInAs: 'Sesión de {name}',
    switchTo: 'English',
    otherLanguage: 'en',
    skip: 'Saltar al contenido',
    ranking: 'Clasificación y contribuciones',
    robustness: 'Solidez de la clasificación',
    offers: 'Ofertas y sus condiciones clave',
    signatures: 'Firmas',
    pdf: 'El informe de decisión completo (PDF)',
    signHeading: 'Su firma',
    verdictLegend: 'Su veredicto',
    comment: 'Comentario',
    commentHint: 'Obligatorio si rechaza.',
    returnTo: 'Si rechaza, el caso vuelve a',
    returnToDecision: 'Decisión: el decisor propone de nuevo',
    returnToNegotiation: 'Negociación: una nueva ronda con los proveedores',
    submit: 'Firmar',
    declareHeading: 'Declare sus conflictos de interés',
    declareWhy: 'Antes de firmar, la política le pide declarar si tiene un conflicto de interés con algún proveedor de este caso.',
    declareLegend: 'Su declaración',
    declareNone: 'No tengo ningún conflicto de interés con los proveedores de este caso',
    declareConflict: 'Tengo un conflicto de interés con el proveedor indicado abajo',
    declareSupplier: 'Proveedor (si hay conflicto)',
    declareText: 'En qué consiste el conflicto (si lo hay)',
    declareSubmit: 'Declarar',
    declared: 'Su declaración ha quedado registrada.',
    notYours: 'Usted no firma esta decisión ahora.',
    signedDone: 'Su firma ha quedado registrada: {verdict}. El caso está ahora en la etapa {stage}.',
    backToInbox: 'Volver a las decisiones por firmar',
    errorTitle: 'No se ha podido hacer',
    signInHint: 'Abra el enlace de su correo para iniciar sesión.',
    linkRefused: 'Este enlace ya no abre la decisión',
    refusals: {
      unknown: 'Este enlace no es uno de los que enviamos, o está mal copiado.',
      used: 'Este enlace ya se usó para firmar. Cada enlace sirve una vez.',
      expired: 'Este enlace ha caducado. Un recordatorio le traerá uno nuevo.',
      closed: 'El caso ya no espera firmas.',
      stale: 'La decisión cambió después de enviar este enlace: la nueva necesita una nueva firma.',
      removed: 'Ya no es aprobador de este caso.',
      foreign: 'Este enlace se envió a otra persona que la que tiene la sesión abierta en este navegador.',
    },
  },
};
