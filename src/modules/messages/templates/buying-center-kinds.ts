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

/** "Scores needed": to an evaluator who has not scored every ranked supplier on every evaluator-scored criterion. */
export interface ScoresNeeded {
  language: Language;
  case: CaseRef;
  recipientName: string;
  /** per criterion the evaluator has left open, the suppliers it has no score of theirs for */
  missing: Array<{ criterion: string; suppliers: string[] }>;
  /** where the scores are read and written */
  link: string;
  /** a reminder: the days since the evaluator was first asked */
  waitedDays?: number;
}

export function scoresNeeded(input: ScoresNeeded): ComposedMessage {
  const { reference, title } = input.case;
  const count = input.missing.reduce((n, k) => n + k.suppliers.length, 0);
  const facts = input.missing.map(({ criterion, suppliers }) => [criterion, suppliers.join(', ')] as [string, string]);
  const kind = input.waitedDays === undefined ? 'scores.needed' : 'scores.reminder';
  if (input.language === 'es') {
    const since = input.waitedDays === undefined ? '' : ` Se le pidieron hace ${input.waitedDays} días.`;
    return compose(kind, `[${reference}] ${input.waitedDays === undefined ? '' : 'Recordatorio: '}Faltan sus puntuaciones (${count}): ${title}`, {
      language: 'es',
      heading: 'Se necesitan sus puntuaciones',
      greeting: `Hola, ${input.recipientName}:`,
      paragraphs: [
        `El caso ${reference} está en la fase de decisión. La propuesta solo puede avanzar cuando cada criterio cualitativo tenga puntuaciones.${since} Le faltan ${count}, por criterio y proveedor:`,
      ],
      facts: [['Caso', `${reference} · ${title}`], ...facts],
      action: { label: 'Abrir las puntuaciones del caso', url: input.link },
      footer: `Recibe este mensaje porque es evaluador del caso ${reference} y aún no ha puntuado todo lo que le corresponde.`,
    });
  }
  const since = input.waitedDays === undefined ? '' : ` You were asked ${input.waitedDays} days ago.`;
  return compose(kind, `[${reference}] ${input.waitedDays === undefined ? '' : 'Reminder: '}Your scores are needed (${count} missing): ${title}`, {
    language: 'en',
    heading: 'Your scores are needed',
    greeting: `Hello ${input.recipientName},`,
    paragraphs: [
      `Case ${reference} is in its decision stage. The proposal can move on only once every qualitative criterion has scores.${since} ${count} of yours are missing, by criterion and supplier:`,
    ],
    facts: [['Case', `${reference} · ${title}`], ...facts],
    action: { label: 'Open the case scores', url: input.link },
    footer: `You receive this message because you are an evaluator of case ${reference} and have not yet scored everything that is yours to score.`,
  });
}
