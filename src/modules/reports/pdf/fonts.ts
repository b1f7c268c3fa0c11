/** The report's fonts: DejaVu (Bitstream Vera licence, npm package dejavu-fonts-ttf), embedded and subset. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import PDFDocument from 'pdfkit';

/**
 * The report's faces, by the name they are registered under in every document. The standard PDF
 * fonts (Helvetica, Courier) only encode WinAnsi; DejaVu draws Latin with every European accent,
 * Greek, Cyrillic and the usual symbols, so supplier names come out as written. The condensed cut
 * is about as wide as Helvetica, so tables keep the column widths and page counts they had.
 */
const FONT_FILES = {
  Sans: 'DejaVuSansCondensed.ttf',
  'Sans-Bold': 'DejaVuSansCondensed-Bold.ttf',
  'Sans-Oblique': 'DejaVuSansCondensed-Oblique.ttf',
  Mono: 'DejaVuSansMono.ttf',
} as const;

export type FontName = keyof typeof FONT_FILES;

let fontData: Map<FontName, Buffer> | undefined;

/**
 * The font files, read once per process, found by package resolution. This module is CommonJS when
 * compiled (dist/) and ESM under Jest, where `__filename` does not exist and `import.meta` cannot be
 * written (the CommonJS build rejects it); so resolution starts from this file when it is known, then
 * from the working directory (the service and the tests start in the project), then from the entry
 * script's folder.
 */
function fontFiles(): Map<FontName, Buffer> {
  if (fontData !== undefined) return fontData;
  const here = typeof __filename === 'string' ? __filename : undefined;
  const anchors = [here, join(process.cwd(), 'package.json'), process.argv[1]].filter((a): a is string => !!a);
  let directory: string | undefined;
  for (const anchor of anchors) {
    try {
      directory = join(dirname(createRequire(anchor).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
      break;
    } catch {
      // not resolvable from here: try the next anchor
    }
  }
  if (directory === undefined) {
    throw new Error(`The report fonts (npm package dejavu-fonts-ttf) cannot be found from ${anchors.join(' or ')}`);
  }
  const dir = directory;
  fontData = new Map(
    (Object.entries(FONT_FILES) as [FontName, string][]).map(([name, file]) => [name, readFileSync(join(dir, file))]),
  );
  return fontData;
}

/** What pdfkit keeps of an embedded font: the fontkit font and its cache of laid-out words (pdfkit 0.20 internals, pinned exactly). */
interface LoadedFont {
  _font?: { font?: FontkitFont; layoutCache?: Record<string, unknown> };
}

/** The part of a fontkit font this module uses; pdfkit takes the object itself as a font source. */
interface FontkitFont {
  layout: (...args: never[]) => unknown;
  hasGlyphForCodePoint: (codePoint: number) => boolean;
}

let parsed: Map<FontName, FontkitFont> | undefined;

/**
 * The faces parsed once per process. pdfkit parses a font file with fontkit every time a document
 * first uses it (about 40 ms of CPU for the four faces, more than the rest of a typical report); a
 * parsed fontkit font given to `registerFont` is used as it is. Each document still makes its own
 * subset of the glyphs it draws, so sharing the parsed font changes no byte of the output (a spec
 * checks it). Parsed through a throwaway document, so fontkit is reached only through pdfkit.
 */
function parsedFonts(): Map<FontName, FontkitFont> {
  if (parsed !== undefined) return parsed;
  const probe = new PDFDocument({ autoFirstPage: false });
  for (const [name, data] of fontFiles()) probe.registerFont(name, data);
  parsed = new Map(
    (Object.keys(FONT_FILES) as FontName[]).map((name): [FontName, FontkitFont] => {
      const font = (probe.font(name) as unknown as LoadedFont)._font?.font;
      if (typeof font?.layout !== 'function' || typeof font.hasGlyphForCodePoint !== 'function') {
        throw new Error('pdfkit no longer exposes the embedded font: check parsedFonts');
      }
      return [name, font];
    }),
  );
  return parsed;
}

/**
 * Laid-out words per face, shared by every document of the process. pdfkit lays out each word once
 * per document (fontkit's shaping is most of a report's CPU); a word's glyphs and advances depend
 * only on the face, and pdfkit copies what it changes (word spacing), so one cache serves all. The
 * subset a document embeds is still its own. Bounded: past the limit it starts again.
 */
const layoutCaches = new Map<FontName, Record<string, unknown>>();
const LAYOUT_CACHE_WORDS = 50_000;
let documents = 0;

/**
 * Registers the report's faces on a document (the layout specs measure with them too), and makes
 * each current once so its layout cache is the shared one; so every document numbers the faces
 * F1-F4 in the same order, whatever it draws first.
 */
export function registerReportFonts(doc: PDFKit.PDFDocument): void {
  // counted now and then: a count on every word would cost what the cache saves
  documents += 1;
  if (documents % 50 === 0 && [...layoutCaches.values()].reduce((n, c) => n + Object.keys(c).length, 0) > LAYOUT_CACHE_WORDS) {
    layoutCaches.clear();
  }
  for (const [name, font] of parsedFonts()) {
    // pdfkit accepts a fontkit font as a source (its typings only list paths and buffers)
    doc.registerFont(name, font as unknown as Buffer);
    const embedded = (doc.font(name) as unknown as LoadedFont)._font;
    if (embedded?.layoutCache === undefined) throw new Error('pdfkit no longer keeps a layout cache: check registerReportFonts');
    let shared = layoutCaches.get(name);
    if (shared === undefined) {
      shared = Object.create(null) as Record<string, unknown>;
      layoutCaches.set(name, shared);
    }
    embedded.layoutCache = shared;
  }
}

/** Per face and code point of the Basic Multilingual Plane: 0 not asked yet, 1 drawn, 2 missing. */
const glyphKnown = new Map<FontName, Uint8Array>();

/** Whether a face has a glyph for a code point, answered by the font file itself (once per code point). */
function hasGlyph(font: FontName, codePoint: number): boolean {
  if (codePoint > 0xffff) return (parsedFonts().get(font) as FontkitFont).hasGlyphForCodePoint(codePoint);
  let known = glyphKnown.get(font);
  if (known === undefined) {
    known = new Uint8Array(0x10000);
    glyphKnown.set(font, known);
  }
  if (known[codePoint] === 0) known[codePoint] = (parsedFonts().get(font) as FontkitFont).hasGlyphForCodePoint(codePoint) ? 1 : 2;
  return known[codePoint] === 1;
}

/**
 * Whether `toDrawable` leaves the text as it is without looking further: every character is below
 * U+0300 (where composing changes nothing and nothing is invisible), none is a control character,
 * and the face draws each one.
 */
function drawnAsIs(text: string, font: FontName): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x300 || code < 0x20 || (code >= 0x7f && code < 0xa0) || !hasGlyph(font, code)) return false;
  }
  return true;
}

/** Marks that draw nothing on their own: combining accents, zero-width joiners, variation selectors. */
const INVISIBLE = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u200b-\u200f\u2060-\u2064\ufe00-\ufe0f\ufeff]|\udb40[\udd00-\uddef]/;
const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/**
 * The text as the report font can draw it. Composed first (NFC), so "o" + combining acute is the
 * one letter "ó"; invisible marks are dropped (combining marks left over after composing, zero-width
 * joiners, variation selectors); a letter the face lacks falls back to its base letter if the face
 * has that, else to "?". DejaVu covers Latin (every European accent), Greek, Cyrillic, Armenian,
 * Georgian, Hebrew, Arabic letters and most symbols, but no CJK: Chinese, Japanese and Korean names
 * come out as "?" (accepted: a CJK face would add megabytes to every report).
 */
export function toDrawable(text: string, font: FontName = 'Sans'): string {
  if (drawnAsIs(text, font)) return text;
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) as number;
    if (code === 0x0a) out += '\n';
    else if (INVISIBLE.test(char)) continue;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' ';
    else if (hasGlyph(font, code)) out += char;
    else {
      const base = char.normalize('NFKD').replace(COMBINING, '');
      const drawable = base !== '' && [...base].every((c) => hasGlyph(font, c.codePointAt(0) as number));
      out += drawable ? base : '?';
    }
  }
  return out;
}
