import { compose, type ComposedMessage, when } from './kinds';
import { type ToSupplier } from './supplier-kinds';

/**
 * The amendment notice to an invitee of the open round: the specification's new version and why,
 * and what the invitee does about it before the deadline. Nothing of any offer: the round is sealed.
 */
export interface AmendmentNotice extends ToSupplier {
  buyerName: string;
  round: number;
  deadline: Date;
  version: number;
  reason: string;
  /** the invitee has an offer made against an older version: it re-confirms or revises it */
  hasOffer: boolean;
}

export function amendmentNotice(input: AmendmentNotice): ComposedMessage {
  const { reference, title } = input.case;
  const deadline = when(input.deadline, input.language);
  if (input.language === 'es') {
    return compose(
      'amendment.notice',
      input.hasOffer
        ? `[${reference}] Especificación modificada (versión ${input.version}): reconfirme su oferta antes del ${deadline}`
        : `[${reference}] Especificación modificada (versión ${input.version}): oferte según ella antes del ${deadline}`,
      {
        language: 'es',
        heading: `La especificación ha cambiado: versión ${input.version}`,
        greeting: `Estimado equipo de ${input.supplierName}:`,
        paragraphs: [
          `${input.buyerName} ha modificado la especificación del caso ${reference} mientras la ronda ${input.round} está abierta. La versión vigente es la ${input.version}.`,
          input.hasOffer
            ? 'Su oferta se hizo según una versión anterior y debe reconfirmarse. Abra el portal con el enlace de su invitación: reconfirme la oferta sin cambios si responde a la nueva versión, o presente una oferta revisada, antes del plazo.'
            : 'Abra el portal con el enlace de su invitación: muestra la nueva versión. Su oferta debe responder a ella.',
        ],
        facts: [
          ['Caso', `${reference} · ${title}`],
          ['Ronda', String(input.round)],
          ['Versión de la especificación', String(input.version)],
          ['Motivo del cambio', input.reason],
          ['Plazo', deadline],
        ],
        action: null,
        footer: `Recibe este mensaje porque es contacto de ${input.supplierName}, proveedor invitado a la ronda ${input.round} del caso ${reference}. Responda a este correo para escribir al comprador.`,
      },
    );
  }
  return compose(
    'amendment.notice',
    input.hasOffer
      ? `[${reference}] Specification amended (version ${input.version}): re-confirm your offer by ${deadline}`
      : `[${reference}] Specification amended (version ${input.version}): quote against it by ${deadline}`,
    {
      language: 'en',
      heading: `The specification has changed: version ${input.version}`,
      greeting: `Dear ${input.supplierName} team,`,
      paragraphs: [
        `${input.buyerName} has amended the specification of case ${reference} while round ${input.round} is open. The specification in force is version ${input.version}.`,
        input.hasOffer
          ? 'Your offer was made against an earlier version and must be re-confirmed. Open the portal with the link in your invitation: re-confirm the offer unchanged if it answers the new version, or submit a revised offer, before the deadline.'
          : 'Open the portal with the link in your invitation: it shows the new version. Your offer must answer it.',
      ],
      facts: [
        ['Case', `${reference} · ${title}`],
        ['Round', String(input.round)],
        ['Specification version', String(input.version)],
        ['Reason for the change', input.reason],
        ['Deadline', deadline],
      ],
      action: null,
      footer: `You receive this message because you are a contact of ${input.supplierName}, a supplier invited to round ${input.round} of case ${reference}. Reply to this e-mail to write to the buyer.`,
    },
  );
}

/** The elimination notice: this supplier is not invited to the next round, and its own reason; nothing of any other supplier. */
export interface EliminationNotice extends ToSupplier {
  buyerName: string;
  round: number;
  reason: string;
}

export function eliminationNotice(input: EliminationNotice): ComposedMessage {
  const { reference, title } = input.case;
  const next = input.round + 1;
  if (input.language === 'es') {
    return compose('elimination.notice', `[${reference}] Resultado de la ronda ${input.round}: no pasa a la ronda ${next}: ${title}`, {
      language: 'es',
      heading: `No pasa a la ronda ${next}`,
      greeting: `Estimado equipo de ${input.supplierName}:`,
      paragraphs: [
        `Gracias por su oferta en la ronda ${input.round} del caso ${reference}. ${input.buyerName} ha decidido no invitarle a la ronda ${next}, por el motivo que se indica.`,
        'No tiene que hacer nada más en este caso. Responda a este correo si desea comentar el motivo con el comprador.',
      ],
      facts: [
        ['Caso', `${reference} · ${title}`],
        ['Ronda', String(input.round)],
        ['Motivo', input.reason],
      ],
      action: null,
      footer: `Recibe este mensaje porque es contacto de ${input.supplierName}, proveedor de la ronda ${input.round} del caso ${reference}. Responda a este correo para escribir al comprador.`,
    });
  }
  return compose('elimination.notice', `[${reference}] Outcome of round ${input.round}: not invited to round ${next}: ${title}`, {
    language: 'en',
    heading: `You are not invited to round ${next}`,
    greeting: `Dear ${input.supplierName} team,`,
    paragraphs: [
      `Thank you for your offer in round ${input.round} of case ${reference}. ${input.buyerName} has decided not to invite you to round ${next}, for the reason below.`,
      'Nothing more is needed from you on this case. Reply to this e-mail if you wish to discuss the reason with the buyer.',
    ],
    facts: [
      ['Case', `${reference} · ${title}`],
      ['Round', String(input.round)],
      ['Reason', input.reason],
    ],
    action: null,
    footer: `You receive this message because you are a contact of ${input.supplierName}, a supplier in round ${input.round} of case ${reference}. Reply to this e-mail to write to the buyer.`,
  });
}
