import { type CaseRef, compose, type ComposedMessage, type Language } from './kinds';

/** The award, to every member of the buying center. */
export interface CaseAwarded {
  language: Language;
  case: CaseRef;
  recipientName: string;
  supplierName: string;
  amount: string;
  /** the stored decision report */
  link: string;
}

export function caseAwarded(input: CaseAwarded): ComposedMessage {
  const { reference, title } = input.case;
  if (input.language === 'es') {
    return compose('case.awarded', `[${reference}] Adjudicado a ${input.supplierName}: ${title}`, {
      language: 'es',
      heading: `Caso ${reference} adjudicado`,
      greeting: `Hola, ${input.recipientName}:`,
      paragraphs: ['La cadena de aprobación está completa. El informe de decisión queda guardado tal como se firmó.'],
      facts: [
        ['Caso', `${reference} · ${title}`],
        ['Proveedor', input.supplierName],
        ['Importe', input.amount],
      ],
      action: { label: 'Abrir el informe de decisión', url: input.link },
      footer: `Recibe este mensaje porque forma parte del centro de compras del caso ${reference}.`,
    });
  }
  return compose('case.awarded', `[${reference}] Awarded to ${input.supplierName}: ${title}`, {
    language: 'en',
    heading: `Case ${reference} is awarded`,
    greeting: `Hello ${input.recipientName},`,
    paragraphs: ['The approval chain is complete. The decision report is stored as signed.'],
    facts: [
      ['Case', `${reference} · ${title}`],
      ['Supplier', input.supplierName],
      ['Amount', input.amount],
    ],
    action: { label: 'Open the decision report', url: input.link },
    footer: `You receive this message because you are a member of the buying center of case ${reference}.`,
  });
}
