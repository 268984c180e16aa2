import { createRequire } from 'node:module';

// pdfkit parses the font file again for every document (fontkit.create on 15 MB of CJK outlines) and
// throws its glyph cache away with it: most of the cost of a one-page notice. This keeps one parsed
// font per buffer for the life of the thread and gives each new document a fresh EmbeddedFont
// (its own subset) over it, so the output is unchanged: only the parsing is shared.
// It relies on pdfkit's `font()` mixin and EmbeddedFont constructor (pdfkit 0.17); if either is not
// what we expect the patch stays off and pdfkit works as before, just slower.

type FontkitFont = { postscriptName: string; unitsPerEm: number; ascent: number; descent: number };
interface PdfKitDoc {
  _font: { font?: FontkitFont; constructor: new (doc: PdfKitDoc, font: FontkitFont, id: string) => PdfKitDoc['_font'] } | null;
  _fontFamilies: Record<string, PdfKitDoc['_font']>;
  _fontCount: number;
  _fontSource: unknown;
  _fontFamily: unknown;
  fontSize(size: number): void;
}

const requireCjs = createRequire(import.meta.url);
const parsed = new Map<Uint8Array, FontkitFont>();
let embeddedFont: (new (doc: PdfKitDoc, font: FontkitFont, id: string) => PdfKitDoc['_font']) | null = null;
let installed = false;

export function installFontCache(): void {
  if (installed) return;
  installed = true;
  const PDFKit = requireCjs(requireCjs.resolve('pdfkit', { paths: [requireCjs.resolve('pdfmake')] })) as { prototype: { font: (this: PdfKitDoc, src: unknown, family?: unknown, size?: unknown) => PdfKitDoc } };
  const original = PDFKit.prototype.font;
  if (typeof original !== 'function') return;
  PDFKit.prototype.font = function (this: PdfKitDoc, src: unknown, family?: unknown, size?: unknown) {
    const font = src instanceof Uint8Array ? parsed.get(src) : undefined;
    if (font && embeddedFont) {
      const key = `zhixing:${font.postscriptName}:${parsed.size}:${[...parsed.values()].indexOf(font)}`;
      let ef = this._fontFamilies[key];
      if (!ef) {
        ef = new embeddedFont(this, font, `F${++this._fontCount}`);
        if (ef) shareLayoutCache(ef as { layoutCache?: Record<string, unknown> }, font);
        this._fontFamilies[key] = ef;
      }
      this._font = ef;
      this._fontSource = src;
      this._fontFamily = typeof family === 'string' ? family : null;
      const s = typeof family === 'number' ? family : size;
      if (typeof s === 'number') this.fontSize(s);
      return this;
    }
    const r = original.call(this, src, family, size);
    const f = this._font;
    if (src instanceof Uint8Array && f?.font && typeof f.constructor === 'function') {
      embeddedFont = f.constructor;
      parsed.set(src, f.font);
      skipSimpleGlyphDecoding(f.font);
    }
    return r;
  };
}

// pdfkit keeps the shaped runs of a font (fontkit layout, the costliest step of measuring CJK text) in
// a cache per document; templates repeat most of their text, so one cache per parsed font serves every
// document of the thread. A run's glyphs and scaled positions depend only on the font and the text, not
// on the document's subset (glyph ids are mapped to the subset later, in encode()).
const layoutCaches = new Map<FontkitFont, Record<string, unknown>>();
const LAYOUT_CACHE_MAX = 50_000;
let shared = 0;

function shareLayoutCache(ef: { layoutCache?: Record<string, unknown> }, font: FontkitFont): void {
  if (!ef.layoutCache) return; // the document asked for no cache
  let cache = layoutCaches.get(font);
  // Most words are single characters and fixed phrases, but numbers (ID numbers, amounts) are unique:
  // now and then the cache is measured and started afresh when it has grown too large.
  if (cache && ++shared % 256 === 0 && Object.keys(cache).length > LAYOUT_CACHE_MAX) cache = undefined;
  if (!cache) {
    cache = Object.create(null) as Record<string, unknown>;
    layoutCaches.set(font, cache);
  }
  ef.layoutCache = cache;
}

// fontkit's TrueType subsetter decodes every glyph's outline (all its points) only to ask whether it
// is a composite glyph, then copies the glyph's bytes unchanged. CJK outlines are large and a notice
// uses hundreds of them, so this was half of writing a PDF. The answer is the sign of the glyph's first
// int16 (numberOfContours): for a simple glyph the subsetter is given just that; composites, variable
// fonts and anything unexpected take fontkit's own path. The bytes written are the same.
interface TtfSubset {
  font: {
    _variationProcessor?: unknown;
    loca?: { offsets?: number[] };
    _getTableStream(tag: string): { pos: number; buffer: Uint8Array } | null;
    getGlyph(gid: number): { _decode?: () => unknown };
  };
  _addGlyph(gid: number): number;
}
const patchedSubsets = new Set<object>();

function skipSimpleGlyphDecoding(font: FontkitFont): void {
  const create = (font as { createSubset?: () => TtfSubset }).createSubset;
  if (typeof create !== 'function') return;
  const proto = Object.getPrototypeOf(create.call(font)) as TtfSubset;
  if (patchedSubsets.has(proto) || typeof proto._addGlyph !== 'function' || !Object.prototype.hasOwnProperty.call(proto, '_addGlyph')) return;
  patchedSubsets.add(proto);
  const original = proto._addGlyph;
  proto._addGlyph = function (this: TtfSubset, gid: number): number {
    const f = this.font;
    const offsets = f.loca?.offsets;
    const stream = offsets && !f._variationProcessor ? f._getTableStream('glyf') : null;
    if (!offsets || !stream || offsets[gid] === offsets[gid + 1]) return original.call(this, gid);
    const at = stream.pos + offsets[gid]!;
    const contours = (((stream.buffer[at]! << 8) | stream.buffer[at + 1]!) << 16) >> 16;
    if (contours < 0) return original.call(this, gid);
    const glyph = f.getGlyph(gid);
    glyph._decode = () => ({ numberOfContours: contours });
    try {
      return original.call(this, gid);
    } finally {
      delete glyph._decode;
    }
  };
}

/**
 * Lets `doc` draw text laid out in other documents (the print file redraws each document's pages):
 * a font object of another document is swapped for this document's own EmbeddedFont over the same
 * parsed font, registered so that pdfkit embeds its subset when the document ends.
 */
export function adoptForeignFonts(doc: object): void {
  const d = doc as { _fontFamilies: Record<string, unknown>; _fontCount: number };
  const own = new Map<object, ForeignFont>();
  let current: unknown = (doc as { _font?: unknown })._font ?? null;
  Object.defineProperty(doc, '_font', {
    configurable: true,
    get: () => current,
    set(f: ForeignFont | null) {
      if (!f || f.document === doc || !f.font) {
        current = f;
        return;
      }
      let mine = own.get(f.font);
      if (!mine) {
        mine = new f.constructor(doc, f.font, `F${++d._fontCount}`);
        shareLayoutCache(mine, f.font);
        d._fontFamilies[`zhixing-adopted:${mine.id}`] = mine;
        own.set(f.font, mine);
      }
      current = mine;
    },
  });
}
interface ForeignFont {
  document: object;
  font: FontkitFont;
  id: string;
  layoutCache?: Record<string, unknown>;
  constructor: new (doc: object, font: FontkitFont, id: string) => ForeignFont;
}
