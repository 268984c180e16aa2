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
    }
    return r;
  };
}

/** Line box height / font size of a parsed font (pdfkit's lineHeight without the gap). */
export function lineFactor(buffer: Uint8Array): number | null {
  const f = parsed.get(buffer);
  return f ? (f.ascent - f.descent) / f.unitsPerEm : null;
}
