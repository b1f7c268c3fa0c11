import { type Debrief } from '../../../domain/messages/debrief';
import { compose, type ComposedMessage, type Language } from './kinds';
import { type ToSupplier } from './supplier-kinds';

/** The award letter to the winner's contacts: the decision, nothing of the other offers. */
export interface AwardLetter extends ToSupplier {
  buyerName: string;
  /** the awarded amount as the winner offered it, formatted ("80,000.00 EUR") */
  amount: string;
}

export function awardLetter(input: AwardLetter): ComposedMessage {
  const { reference, title } = input.case;
  if (input.language === 'es') {
    return compose('award.letter', `[${reference}] Adjudicación: ${title}`, {
      language: 'es',
      heading: `Le adjudicamos el caso ${reference}`,
      greeting: `Estimado equipo de ${input.supplierName}:`,
      paragraphs: [`Su oferta ha sido elegida y la decisión está aprobada. ${input.buyerName} se pondrá en contacto para el pedido.`],
      facts: [
        ['Caso', `${reference} · ${title}`],
        ['Importe adjudicado', input.amount],
      ],
      action: null,
      footer: `Recibe este mensaje porque es contacto de ${input.supplierName}, proveedor adjudicatario del caso ${reference}. Responda a este correo para escribir al comprador.`,
    });
  }
  return compose('award.letter', `[${reference}] Award: ${title}`, {
    language: 'en',
    heading: `Case ${reference} is awarded to you`,
    greeting: `Dear ${input.supplierName} team,`,
    paragraphs: [`Your offer was chosen and the decision is approved. ${input.buyerName} will contact you about the order.`],
    facts: [
      ['Case', `${reference} · ${title}`],
      ['Awarded amount', input.amount],
    ],
    action: null,
    footer: `You receive this message because you are a contact of ${input.supplierName}, the supplier awarded case ${reference}. Reply to this e-mail to write to the buyer.`,
  });
}

/** The regret letter: the outcome and the recipient's own debrief (its rank and points), never another supplier's name or price. */
export interface RegretLetter extends ToSupplier {
  buyerName: string;
  /** null: not ranked, for `excludedFor` (the mandatory requirement its offer did not meet) */
  debrief: Debrief | null;
  excludedFor: string | null;
}

const NUMBER: Record<Language, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
  es: new Intl.NumberFormat('es-ES', { maximumFractionDigits: 1 }),
};

function debriefFacts(d: Debrief, language: Language): Array<[string, string]> {
  const n = (x: number) => NUMBER[language].format(x);
  const es = language === 'es';
  return [
    [es ? 'Su posición' : 'Your rank', es ? `${d.rank} de ${d.of}` : `${d.rank} of ${d.of}`],
    [es ? 'Su puntuación total' : 'Your total score', es ? `${n(d.total)} de 100` : `${n(d.total)} of 100`],
    ...d.criteria.map((k): [string, string] => [k.name, es ? `${n(k.points)} de ${n(k.weightPercent)} puntos` : `${n(k.points)} of ${n(k.weightPercent)} points`]),
  ];
}

export function regretLetter(input: RegretLetter): ComposedMessage {
  const { reference, title } = input.case;
  const es = input.language === 'es';
  const outcome = input.debrief
    ? es
      ? 'Su oferta no ha sido elegida. Abajo, su propia evaluación: su posición y sus puntos en cada criterio, sobre los puntos que el criterio podía dar.'
      : 'Your offer was not chosen. Below is your own evaluation: your rank and your points on each criterion, out of the points the criterion could give.'
    : es
      ? `Su oferta no pudo evaluarse: no cumple el requisito obligatorio «${input.excludedFor ?? ''}».`
      : `Your offer could not be ranked: it does not meet the mandatory requirement "${input.excludedFor ?? ''}".`;
  const facts: Array<[string, string]> = [[es ? 'Caso' : 'Case', `${reference} · ${title}`], ...(input.debrief ? debriefFacts(input.debrief, input.language) : [])];
  if (es) {
    return compose('regret.letter', `[${reference}] Resultado y su evaluación: ${title}`, {
      language: 'es',
      heading: `Resultado del caso ${reference}`,
      greeting: `Estimado equipo de ${input.supplierName}:`,
      paragraphs: [`Gracias por su oferta. ${outcome}`, `${input.buyerName} responde a sus preguntas sobre esta evaluación.`],
      facts,
      action: null,
      footer: `Recibe este mensaje porque es contacto de ${input.supplierName}, proveedor que ofertó en el caso ${reference}. Responda a este correo para escribir al comprador.`,
    });
  }
  return compose('regret.letter', `[${reference}] Outcome and your debrief: ${title}`, {
    language: 'en',
    heading: `The outcome of case ${reference}`,
    greeting: `Dear ${input.supplierName} team,`,
    paragraphs: [`Thank you for your offer. ${outcome}`, `${input.buyerName} answers your questions about this evaluation.`],
    facts,
    action: null,
    footer: `You receive this message because you are a contact of ${input.supplierName}, a supplier that quoted in case ${reference}. Reply to this e-mail to write to the buyer.`,
  });
}
