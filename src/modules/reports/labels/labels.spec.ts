import { toDrawable } from '../pdf/fonts';
import { ENUM_LABELS, type EnumLabelTables, type Label } from './enum-labels';
import { LABELS } from './labels';

describe('label tables', () => {
  it('has every label in both languages, non-empty', () => {
    for (const lang of ['en', 'es'] as const) {
      for (const [key, text] of Object.entries(LABELS[lang])) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
    expect(Object.keys(LABELS.es).sort()).toEqual(Object.keys(LABELS.en).sort());
  });

  it('only uses characters the report fonts can draw', () => {
    const strings = [
      ...Object.values(LABELS.en),
      ...Object.values(LABELS.es),
      ...Object.values(ENUM_LABELS).flatMap((table: Record<string, Label>) => Object.values(table).flatMap((v) => [v.en, v.es])),
    ];
    for (const text of strings) {
      for (const font of ['Sans', 'Sans-Bold'] as const) expect(toDrawable(text, font)).toBe(text);
    }
  });

  it('writes Spanish with its accents', () => {
    expect(LABELS.es.specification).toBe('Especificación');
    expect(LABELS.es.criteria).toBe('Criterios de evaluación');
    expect(LABELS.es.pageOf).toBe('Página {page} de {pages}');
    expect(LABELS.es.matrix).toBe('Matriz de decisión');
  });

  it("labels the requirement types by the domain's own names, in both languages", () => {
    // the domain's vocabulary (src/domain, RequirementType); a third one printed raw values such as "yes_no"
    expect(Object.keys(ENUM_LABELS.requirementType).sort()).toEqual(
      ['certification', 'max_lead_time_days', 'min_warranty_months', 'text', 'yes_no'],
    );
    expect(ENUM_LABELS.requirementType.max_lead_time_days).toEqual({ en: 'Maximum lead time (days)', es: 'Plazo de entrega máximo (días)' });
    expect(ENUM_LABELS.requirementType.min_warranty_months).toEqual({ en: 'Minimum warranty (months)', es: 'Garantía mínima (meses)' });
    expect(ENUM_LABELS.requirementType.yes_no).toEqual({ en: 'Yes/no', es: 'Sí/no' });
  });

  it('refuses, at compile time, a label table that misses a value or names one the domain does not have', () => {
    const { certification, text } = ENUM_LABELS.requirementType;
    // @ts-expect-error every requirement type needs its label
    const missing: EnumLabelTables['requirementType'] = { certification, text };
    // @ts-expect-error a value the domain does not have (the old "max") has no place in the table
    const stale: EnumLabelTables['requirementType'] = { ...ENUM_LABELS.requirementType, max: { en: 'Maximum', es: 'Máximo' } };
    // @ts-expect-error nor does a purchase type the case cannot have
    const unknown: EnumLabelTables['purchaseType'] = { ...ENUM_LABELS.purchaseType, tender: { en: 'Tender', es: 'Licitación' } };
    expect([missing, stale, unknown].every((table) => typeof table === 'object')).toBe(true);
  });
});
