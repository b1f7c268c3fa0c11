import { type CaseRef, type ComposedMessage, type Language } from './kinds';
import { renderLayout } from './layout';

/** The buying center's sign-off messages (README "Approver pages"): each has one link, the decision page's sign-in link. */
export type ApproverMessageKind = 'approval.signature_awaited' | 'approval.reminder' | 'approval.escalation';

/** "A decision awaits your signature" (and its reminder): to the approver whose turn it is. */
export interface SignatureAwaited {
  language: Language;
  case: CaseRef;
  recipientName: string;
  supplierName: string;
  /** the proposed amount as the report prints it ("48,500.00 EUR") */
  amount: string;
  /** days waited, for the reminder; 0 for the first request */
  waitedDays: number;
  link: string;
  /** the absent approver the recipient signs for, when they are a delegate */
  onBehalfOf: string | null;
}

/** To the admins: a signature has waited past the policy's escalation days. */
export interface SignatureEscalation {
  language: Language;
  case: CaseRef;
  recipientName: string;
  approverName: string;
  waitedDays: number;
  link: string;
}

const compose = (kind: ApproverMessageKind, subject: string, layout: Parameters<typeof renderLayout>[0]): ComposedMessage => ({
  kind,
  subject,
  ...renderLayout(layout),
});

export function signatureAwaited(input: SignatureAwaited): ComposedMessage {
  const { reference, title } = input.case;
  const reminder = input.waitedDays > 0;
  const kind = reminder ? 'approval.reminder' : 'approval.signature_awaited';
  if (input.language === 'es') {
    return compose(kind, `[${reference}] ${reminder ? 'Recordatorio: ' : ''}Una decisión espera su firma: ${title}`, {
      language: 'es',
      heading: 'Una decisión espera su firma',
      greeting: `Hola, ${input.recipientName}:`,
      paragraphs: [
        `La decisión del caso ${reference} está lista para su aprobación${input.onBehalfOf ? `, en nombre de ${input.onBehalfOf}` : ''}.`,
        ...(reminder ? [`Espera desde hace ${input.waitedDays} días.`] : []),
        'El enlace abre la página de la decisión; nada se firma hasta que usted pulse Aprobar o Rechazar. Sirve una sola vez y caduca.',
      ],
      facts: [
        ['Caso', `${reference} · ${title}`],
        ['Proveedor propuesto', input.supplierName],
        ['Importe', input.amount],
      ],
      action: { label: 'Abrir la decisión', url: input.link },
      footer: `Recibe este mensaje porque es aprobador del caso ${reference}.`,
    });
  }
  return compose(kind, `[${reference}] ${reminder ? 'Reminder: ' : ''}A decision awaits your signature: ${title}`, {
    language: 'en',
    heading: 'A decision awaits your signature',
    greeting: `Hello ${input.recipientName},`,
    paragraphs: [
      `The decision of case ${reference} is ready for your sign-off${input.onBehalfOf ? `, on behalf of ${input.onBehalfOf}` : ''}.`,
      ...(reminder ? [`It has waited ${input.waitedDays} days.`] : []),
      'The link opens the decision page; nothing is signed until you press Approve or Reject. It works once and expires.',
    ],
    facts: [
      ['Case', `${reference} · ${title}`],
      ['Proposed supplier', input.supplierName],
      ['Amount', input.amount],
    ],
    action: { label: 'Open the decision', url: input.link },
    footer: `You receive this message because you are an approver of case ${reference}.`,
  });
}

export function signatureEscalation(input: SignatureEscalation): ComposedMessage {
  const { reference, title } = input.case;
  if (input.language === 'es') {
    return compose('approval.escalation', `[${reference}] Firma pendiente desde hace ${input.waitedDays} días: ${title}`, {
      language: 'es',
      heading: 'Una firma lleva demasiado tiempo pendiente',
      greeting: `Hola, ${input.recipientName}:`,
      paragraphs: [`${input.approverName} no ha firmado la decisión del caso ${reference} en ${input.waitedDays} días. Puede nombrar un delegado si está ausente.`],
      facts: [
        ['Caso', `${reference} · ${title}`],
        ['Aprobador', input.approverName],
      ],
      action: { label: 'Ver las firmas', url: input.link },
      footer: 'Recibe este mensaje porque es administrador.',
    });
  }
  return compose('approval.escalation', `[${reference}] Signature waiting for ${input.waitedDays} days: ${title}`, {
    language: 'en',
    heading: 'A signature has waited too long',
    greeting: `Hello ${input.recipientName},`,
    paragraphs: [`${input.approverName} has not signed the decision of case ${reference} in ${input.waitedDays} days. You may name a delegate if they are away.`],
    facts: [
      ['Case', `${reference} · ${title}`],
      ['Approver', input.approverName],
    ],
    action: { label: 'See the signatures', url: input.link },
    footer: 'You receive this message because you are an admin.',
  });
}
