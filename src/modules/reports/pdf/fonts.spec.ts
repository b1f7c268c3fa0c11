import { toDrawable } from './fonts';

describe('toDrawable', () => {
  it('keeps every character the embedded font can draw, and shows "?" for the rest', () => {
    for (const text of ['Łódź − ≥ 5 → ok', 'Señor Müller €', 'Ελληνικές Βαλβίδες ΑΕ', 'ООО Клапан', 'İstanbul Ştefan Čapek Ő']) {
      for (const font of ['Sans', 'Sans-Bold', 'Sans-Oblique', 'Mono'] as const) expect(toDrawable(text, font)).toBe(text);
    }
    // DejaVu has no CJK: those names degrade to "?"
    expect(toDrawable('東京')).toBe('??');
    expect(toDrawable('株式会社 Tokyo')).toBe('???? Tokyo');
    // decomposed accents compose; marks left over, joiners and variation selectors draw nothing
    expect(toDrawable('Lo\u0301dz\u0301')).toBe('Lódź');
    expect(toDrawable('q\u0301')).toBe('q');
    expect(toDrawable('a\u200db\ufe0fc\u{e0101}')).toBe('abc');
    expect(toDrawable('a\u0007b\nc')).toBe('a b\nc');
  });
});
