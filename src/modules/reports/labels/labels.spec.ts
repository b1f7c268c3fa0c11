import { toDrawable } from '../pdf/fonts';
import { ENUM_LABELS, type Label } from './enum-labels';
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
});
