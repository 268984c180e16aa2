import { createRequire } from 'node:module';
import { documentFonts, readFont, type FontFile } from './fonts';
import { installFontCache } from './pdfFontCache';
import { installStyleCache } from './pdfStyleCache';
import { installLineRenderer } from './lineRenderer';
import { trackedFont } from './fontTracking';

// pdfmake with the documents' fonts, once per thread (pdfmake is a CommonJS singleton: its font table
// is one per thread, shared by the documents and the printable dashboard). Fonts: 'Body' (FangSong or
// the bundled Noto Serif SC), 'Title' (小标宋 / SimSun / Noto Serif SC Bold) and 'Rare0'…'RareN', the
// faces for characters the first two lack (fonts.ts). The metrics that fix the 22-line grid are read
// from the font files here, not from pdfkit's internals, so the layout is the same with the fast
// paths (pdfFontCache.ts, lineRenderer.ts) on or off. Every face is loaded with its advances
// narrowed for the 28-character line (fontTracking.ts).

type PdfMake = typeof import('pdfmake') & { virtualfs: { writeFileSync(name: string, data: Buffer): void } };
interface FontkitFont {
  ascent: number;
  descent: number;
  unitsPerEm: number;
  hasGlyphForCodePoint(cp: number): boolean;
}

/** The fast paths into pdfkit/pdfmake internals; ZHIXING_PDF_PATCHES=off renders without them (same pages, slower). */
export const PDF_PATCHES = process.env.ZHIXING_PDF_PATCHES !== 'off';

const requireCjs = createRequire(import.meta.url);

function fontkit(): { create(buf: Uint8Array, postscriptName?: string): FontkitFont & { fonts?: { postscriptName: string; familyName: string }[] } } {
  return requireCjs(requireCjs.resolve('fontkit', { paths: [requireCjs.resolve('pdfkit', { paths: [requireCjs.resolve('pdfmake')] })] })) as never;
}

export interface FaceInfo {
  /** pdfmake font name. */
  name: string;
  /** Line box height / font size (pdfkit's lineHeight without the gap): ascent − descent over the em. */
  lineFactor: number;
  font: FontkitFont;
}

export interface PdfEngine {
  pm: PdfMake;
  body: FaceInfo;
  title: FaceInfo;
  rare: FaceInfo[];
}

let engine: PdfEngine | null = null;

function face(name: string, f: FontFile, buf: Buffer): FaceInfo {
  const font = fontkit().create(buf, f.face);
  return { name, font, lineFactor: (font.ascent - font.descent) / font.unitsPerEm };
}

/** pdfmake set up with every font (synchronous; no warm-up). */
export function pdfEngine(): PdfEngine {
  if (engine) return engine;
  if (PDF_PATCHES) {
    installFontCache();
    installLineRenderer();
    installStyleCache();
  }
  const pm = requireCjs('pdfmake') as PdfMake;
  const fonts = documentFonts();
  const def = (name: string, f: FontFile) => (f.face ? [name, f.face] : name) as unknown as string;
  const table: Record<string, { normal: string; bold: string }> = {};
  const load = (name: string, file: string, f: FontFile): FaceInfo => {
    const original = readFont(f);
    // The face of a collection (.ttc) by its name, as pdfkit picks it.
    const faces = f.face ? fontkit().create(original).fonts : undefined;
    const index = faces ? Math.max(0, faces.findIndex((x) => x.postscriptName === f.face || x.familyName === f.face)) : 0;
    const buf = trackedFont(original, index) ?? original;
    pm.virtualfs.writeFileSync(file, buf);
    table[name] = { normal: def(file, f), bold: def(file, f) };
    return face(name, f, buf);
  };
  const body = load('Body', 'zx-body.ttf', fonts.body);
  const title = load('Title', 'zx-title.ttf', fonts.title);
  const rare = fonts.rare.map((f, i) => load(`Rare${i}`, `zx-rare-${i}.ttf`, f));
  pm.setFonts(table);
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(() => false);
  engine = { pm, body, title, rare };
  return engine;
}

let warm: Promise<PdfEngine> | null = null;

/** The engine after a warm-up page (parses the body and title fonts before the first real document). */
export function warmPdfEngine(): Promise<PdfEngine> {
  warm ??= (async () => {
    const e = pdfEngine();
    await e.pm.createPdf({ content: [{ text: '执', font: 'Body' }, { text: '执', font: 'Title' }] }).getBuffer();
    return e;
  })();
  return warm;
}

// ---- Characters the block's own face lacks ----

/** A run of text in one face: `font` undefined = the block's own face. */
export interface FaceRun {
  text: string;
  font?: FaceInfo;
}

export class MissingGlyphError extends Error {}

const NONE = 255;
const coverage = new Map<FaceInfo, { bmp: Uint8Array; astral: Map<number, number> }>();

/** 0 = the base face has it, 1 + i = rare face i, NONE = no face has it. */
function which(e: PdfEngine, base: FaceInfo, cp: number): number {
  let c = coverage.get(base);
  if (!c) coverage.set(base, (c = { bmp: new Uint8Array(0x10000).fill(254), astral: new Map() }));
  const cached = cp < 0x10000 ? c.bmp[cp]! : (c.astral.get(cp) ?? 254);
  if (cached !== 254) return cached;
  let v = NONE;
  // Controls and spaces are never drawn as glyphs.
  if (cp < 0x20 || base.font.hasGlyphForCodePoint(cp)) v = 0;
  else {
    const i = e.rare.findIndex((r) => r.font.hasGlyphForCodePoint(cp));
    if (i >= 0) v = 1 + i;
  }
  if (cp < 0x10000) c.bmp[cp] = v;
  else c.astral.set(cp, v);
  return v;
}

/**
 * Splits `text` into runs by face: most text is one run in the base face. A character no face has is
 * refused with the character named (a document must never print an empty box for a name).
 */
export function splitByFace(e: PdfEngine, base: FaceInfo, text: string): FaceRun[] {
  let runs: FaceRun[] | null = null;
  let start = 0;
  let current = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const f = which(e, base, cp);
    if (f === NONE) {
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      throw new MissingGlyphError(`文书中的字符“${String.fromCodePoint(cp)}”（U+${hex}）在本机字体和程序自带的备用字体中都没有字形，无法打印。请在本机安装含该字的字体（如 SimSun-ExtB）后重新制作`);
    }
    if (f !== current) {
      runs ??= [];
      if (i > start) runs.push(current === 0 ? { text: text.slice(start, i) } : { text: text.slice(start, i), font: e.rare[current - 1]! });
      start = i;
      current = f;
    }
    i += w;
  }
  if (!runs) return [{ text }];
  if (text.length > start) runs.push(current === 0 ? { text: text.slice(start) } : { text: text.slice(start), font: e.rare[current - 1]! });
  return runs;
}
