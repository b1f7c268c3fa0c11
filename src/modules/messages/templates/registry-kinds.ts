import { compose, type ComposedMessage, type Language } from './kinds';

/**
 * The quality-incident notice to a supplier's quality contacts: the incident as the registry
 * recorded it (date, severity, description), and the one thing asked: the supplier's corrective action.
 */
export interface QualityIncident {
  language: Language;
  supplierName: string;
  /** the event's date, YYYY-MM-DD */
  date: string;
  severity: 'minor' | 'major' | 'critical';
  description: string;
  recordedBy: string;
}

const SEVERITY: Record<Language, Record<QualityIncident['severity'], string>> = {
  en: { minor: 'minor', major: 'major', critical: 'critical' },
  es: { minor: 'leve', major: 'grave', critical: 'crítica' },
};

export function qualityIncident(input: QualityIncident): ComposedMessage {
  const severity = SEVERITY[input.language][input.severity];
  if (input.language === 'es') {
    return compose('quality.incident', `[Incidencia de calidad ${input.date}] Envíe su acción correctiva: incidencia ${severity} de ${input.supplierName}`, {
      language: 'es',
      heading: `Incidencia de calidad ${severity} registrada`,
      greeting: `Estimado equipo de calidad de ${input.supplierName}:`,
      paragraphs: [
        `${input.recordedBy} ha registrado una incidencia de calidad de ${input.supplierName} en nuestro registro de proveedores. Cuenta en su puntuación de fiabilidad.`,
        'Responda a este correo con la causa y su acción correctiva.',
      ],
      facts: [
        ['Fecha', input.date],
        ['Gravedad', severity],
        ['Descripción', input.description],
      ],
      action: null,
      footer: `Recibe este mensaje porque es contacto de calidad de ${input.supplierName} en nuestro registro de proveedores. Responda a este correo para escribir a quien registró la incidencia.`,
    });
  }
  return compose('quality.incident', `[Quality incident ${input.date}] Send your corrective action: ${severity} incident at ${input.supplierName}`, {
    language: 'en',
    heading: `A ${severity} quality incident is recorded`,
    greeting: `Dear ${input.supplierName} quality team,`,
    paragraphs: [
      `${input.recordedBy} has recorded a quality incident of ${input.supplierName} in our supplier registry. It counts in your reliability score.`,
      'Reply to this e-mail with its cause and your corrective action.',
    ],
    facts: [
      ['Date', input.date],
      ['Severity', severity],
      ['Description', input.description],
    ],
    action: null,
    footer: `You receive this message because you are the quality contact of ${input.supplierName} in our supplier registry. Reply to this e-mail to write to whoever recorded the incident.`,
  });
}
