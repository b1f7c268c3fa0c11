import { type ApproverMessageKind } from './approver-kinds';
import { type RegistryKind, type SupplierKind } from '../../../domain/messages/audiences';
import { type MessageLayout, renderLayout } from './layout';

export type Language = 'en' | 'es';

/** What a message is about: the case as the reader may see it (never sealed content). */
export interface CaseRef {
  reference: string;
  title: string;
}

export interface ComposedMessage {
  kind: MessageKind;
  subject: string;
  text: string;
  html: string;
}

export type MessageKind = 'shortlist.awaiting_approval' | 'case.awarded' | 'scores.needed' | 'scores.reminder' | SupplierKind | RegistryKind | ApproverMessageKind;

/** "shortlist awaits approval": to each gatekeeper of the case (buying center). */
export interface ShortlistAwaitingApproval {
  language: Language;
  case: CaseRef;
  recipientName: string;
  buyerName: string;
  shortlisted: number;
  solesource: boolean;
  link: string;
}

/** The RFQ invitation to a supplier's contacts, with its one link: the portal. */
export interface RfqInvitation {
  language: Language;
  case: CaseRef;
  supplierName: string;
  buyerName: string;
  round: number;
  deadline: Date;
  bestAndFinal: boolean;
  portalUrl: string;
}

// made once: building an Intl formatter costs more than the rest of a message
const DATE_TIME: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }),
  es: new Intl.DateTimeFormat('es-ES', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }),
};

export function when(date: Date, language: Language): string {
  return `${DATE_TIME[language].format(date)} UTC`;
}

export const compose = (kind: MessageKind, subject: string, layout: MessageLayout): ComposedMessage => ({ kind, subject, ...renderLayout(layout) });

export function shortlistAwaitingApproval(input: ShortlistAwaitingApproval): ComposedMessage {
  const { reference, title } = input.case;
  if (input.language === 'es') {
    return compose('shortlist.awaiting_approval', `[${reference}] Aprobar la lista corta: ${title}`, {
      language: 'es',
      heading: 'La lista corta espera su aprobación',
      greeting: `Hola, ${input.recipientName}:`,
      paragraphs: [
        `${input.buyerName} ha preparado la lista corta del caso ${reference}. Las invitaciones a los proveedores salen solo después de su aprobación.`,
      ],
      facts: [
        ['Caso', `${reference} · ${title}`],
        ['Proveedores en la lista', String(input.shortlisted)],
        ...(input.solesource ? ([['Proveedor único', 'con justificación escrita']] as Array<[string, string]>) : []),
      ],
      action: { label: 'Revisar la lista corta', url: input.link },
      footer: `Recibe este mensaje porque es gatekeeper del caso ${reference}.`,
    });
  }
  return compose('shortlist.awaiting_approval', `[${reference}] Approve the shortlist: ${title}`, {
    language: 'en',
    heading: 'The shortlist awaits your approval',
    greeting: `Hello ${input.recipientName},`,
    paragraphs: [`${input.buyerName} has prepared the shortlist of case ${reference}. Invitations go to the suppliers only after your approval.`],
    facts: [
      ['Case', `${reference} · ${title}`],
      ['Suppliers on the shortlist', String(input.shortlisted)],
      ...(input.solesource ? ([['Sole source', 'with a written justification']] as Array<[string, string]>) : []),
    ],
    action: { label: 'Review the shortlist', url: input.link },
    footer: `You receive this message because you are the gatekeeper of case ${reference}.`,
  });
}

export function rfqInvitation(input: RfqInvitation): ComposedMessage {
  const { reference, title } = input.case;
  const deadline = when(input.deadline, input.language);
  if (input.language === 'es') {
    return compose('rfq.invitation', `[${reference}] Solicitud de oferta: ${title} — plazo ${deadline}`, {
      language: 'es',
      heading: `Le invitamos a ofertar: ${title}`,
      greeting: `Estimado equipo de ${input.supplierName}:`,
      paragraphs: [
        `${input.buyerName} le invita a presentar su oferta en la ronda ${input.round}${input.bestAndFinal ? ' (oferta final)' : ''} del caso ${reference}.`,
        'El portal muestra la especificación y los requisitos obligatorios, y recibe su oferta sellada hasta el plazo.',
      ],
      facts: [
        ['Caso', `${reference} · ${title}`],
        ['Ronda', `${input.round}${input.bestAndFinal ? ' (final)' : ''}`],
        ['Plazo', deadline],
      ],
      action: { label: 'Abrir el portal de ofertas', url: input.portalUrl },
      footer: `Recibe este mensaje porque es contacto de ${input.supplierName}, proveedor invitado al caso ${reference}. Responda a este correo para escribir al comprador.`,
    });
  }
  return compose('rfq.invitation', `[${reference}] Request for quotation: ${title} — due ${deadline}`, {
    language: 'en',
    heading: `You are invited to quote: ${title}`,
    greeting: `Dear ${input.supplierName} team,`,
    paragraphs: [
      `${input.buyerName} invites you to submit your offer in round ${input.round}${input.bestAndFinal ? ' (best and final)' : ''} of case ${reference}.`,
      'The portal shows the specification and the mandatory requirements, and takes your sealed offer until the deadline.',
    ],
    facts: [
      ['Case', `${reference} · ${title}`],
      ['Round', `${input.round}${input.bestAndFinal ? ' (best and final)' : ''}`],
      ['Deadline', deadline],
    ],
    action: { label: 'Open the offer portal', url: input.portalUrl },
    footer: `You receive this message because you are a contact of ${input.supplierName}, a supplier invited to case ${reference}. Reply to this e-mail to write to the buyer.`,
  });
}
