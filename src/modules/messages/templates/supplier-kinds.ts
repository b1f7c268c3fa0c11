import { type CaseRef, compose, type ComposedMessage, type Language, when } from './kinds';

/** What every message to a supplier's contacts says who it is for. */
export interface ToSupplier {
  language: Language;
  case: CaseRef;
  supplierName: string;
}

/** The clarification answer to every invitee's contacts: the question as published and the answer; never who asked. */
export interface ClarificationAnswer extends ToSupplier {
  buyerName: string;
  round: number;
  deadline: Date;
  question: string;
  answer: string;
}

export function clarificationAnswer(input: ClarificationAnswer): ComposedMessage {
  const { reference, title } = input.case;
  const deadline = when(input.deadline, input.language);
  if (input.language === 'es') {
    return compose('clarification.answer', `[${reference}] Aclaración para todos los ofertantes: ${title}`, {
      language: 'es',
      heading: 'Aclaración para todos los ofertantes',
      greeting: `Estimado equipo de ${input.supplierName}:`,
      paragraphs: [
        `Un proveedor invitado a la ronda ${input.round} del caso ${reference} hizo una pregunta. ${input.buyerName} la responde para todos los invitados; no se nombra a quien preguntó.`,
        'Tenga en cuenta la respuesta en su oferta; el plazo no cambia.',
      ],
      facts: [
        ['Pregunta', input.question],
        ['Respuesta', input.answer],
        ['Caso', `${reference} · ${title}`],
        ['Plazo de la ronda', deadline],
      ],
      action: null,
      footer: `Recibe este mensaje porque es contacto de ${input.supplierName}, proveedor invitado al caso ${reference}. Responda a este correo para escribir al comprador.`,
    });
  }
  return compose('clarification.answer', `[${reference}] Clarification for all bidders: ${title}`, {
    language: 'en',
    heading: 'A clarification for all bidders',
    greeting: `Dear ${input.supplierName} team,`,
    paragraphs: [
      `A supplier invited to round ${input.round} of case ${reference} asked a question. ${input.buyerName} answers it for all invitees; the asker is not named.`,
      'Take the answer into account in your offer; the deadline is unchanged.',
    ],
    facts: [
      ['Question', input.question],
      ['Answer', input.answer],
      ['Case', `${reference} · ${title}`],
      ['Round deadline', deadline],
    ],
    action: null,
    footer: `You receive this message because you are a contact of ${input.supplierName}, a supplier invited to case ${reference}. Reply to this e-mail to write to the buyer.`,
  });
}

/** The deadline reminder to an invitee that has neither submitted nor declined. */
export interface DeadlineReminder extends ToSupplier {
  round: number;
  deadline: Date;
}

export function deadlineReminder(input: DeadlineReminder): ComposedMessage {
  const { reference, title } = input.case;
  const deadline = when(input.deadline, input.language);
  if (input.language === 'es') {
    return compose('deadline.reminder', `[${reference}] Recordatorio: su oferta vence el ${deadline}: ${title}`, {
      language: 'es',
      heading: 'Su oferta vence pronto',
      greeting: `Estimado equipo de ${input.supplierName}:`,
      paragraphs: [
        `La ronda ${input.round} del caso ${reference} cierra el ${deadline} y aún no hemos recibido su oferta.`,
        'Preséntela con el enlace de su invitación. Si no va a ofertar, indíquelo en el portal y no recibirá más recordatorios.',
      ],
      facts: [
        ['Caso', `${reference} · ${title}`],
        ['Ronda', String(input.round)],
        ['Plazo', deadline],
      ],
      action: null,
      footer: `Recibe este mensaje porque es contacto de ${input.supplierName}, proveedor invitado al caso ${reference} que aún no ha ofertado. Responda a este correo para escribir al comprador.`,
    });
  }
  return compose('deadline.reminder', `[${reference}] Reminder: your offer is due ${deadline}: ${title}`, {
    language: 'en',
    heading: 'Your offer is due soon',
    greeting: `Dear ${input.supplierName} team,`,
    paragraphs: [
      `Round ${input.round} of case ${reference} closes on ${deadline}, and we have not received your offer yet.`,
      'Submit it with the link in your invitation. If you do not intend to bid, say so in the portal and you will get no further reminders.',
    ],
    facts: [
      ['Case', `${reference} · ${title}`],
      ['Round', String(input.round)],
      ['Deadline', deadline],
    ],
    action: null,
    footer: `You receive this message because you are a contact of ${input.supplierName}, a supplier invited to case ${reference} that has not submitted an offer yet. Reply to this e-mail to write to the buyer.`,
  });
}
