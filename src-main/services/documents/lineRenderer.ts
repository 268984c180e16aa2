import { createRequire } from 'node:module';

// pdfmake breaks Chinese text into one "word" per character and draws each word with its own pdfkit
// text() call: a text object, a transform, a font selection, a colour and a fill for every character.
// That made drawing half the cost of a PDF and most of its content stream. This draws a line's words
// of the same font, size and colour as ONE text object: each word's glyphs are encoded exactly as
// pdfkit would (the same per-word shaping, cached), and the word's own position (pdfmake's layout,
// justification included) is reached with a TJ adjustment. Same glyphs, same places, same ToUnicode
// text; lines using anything else (links, outlines, sup/sub, opacity, font features, character
// spacing) are left to pdfmake's own renderLine.

interface Font {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string): [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];
}
interface Inline {
  text: string;
  x: number;
  font: Font;
  fontSize: number;
  color?: unknown;
  opacity?: number;
  characterSpacing?: number;
  link?: unknown;
  linkToPage?: unknown;
  linkToDestination?: unknown;
  fontFeatures?: unknown;
  sup?: boolean;
  sub?: boolean;
  _pageNodeRef?: unknown;
}
interface Line {
  inlines: Inline[];
  id?: unknown;
  _outline?: unknown;
  _pageNodeRef?: unknown;
  getHeight(): number;
  getAscenderHeight(): number;
}
interface Doc {
  page: { height: number; fonts: Record<string, unknown> };
  _font: Font | null;
  fontSize(size: number): void;
  opacity(o: number): void;
  fill(color: unknown): void;
  resolveColor(color: unknown, fallback: string): unknown;
  save(): void;
  restore(): void;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  addContent(s: string): void;
}
interface RendererProto {
  pdfDocument: Doc;
  renderLine(line: Line, x: number, y: number): void;
}
type Decorator = new (doc: Doc) => { drawBackground(line: Line, x: number, y: number): void; drawDecorations(line: Line, x: number, y: number): void };

const requireCjs = createRequire(import.meta.url);
let installed = false;

// pdfkit's number format (PDFObject.number): six decimals at most.
const num = (n: number) => Math.round(n * 1e6) / 1e6;

function simple(line: Line): boolean {
  if (line._outline || line._pageNodeRef || line.id) return false;
  for (const i of line.inlines) {
    if (i.link || i.linkToPage || i.linkToDestination || i.fontFeatures || i.sup || i.sub || i._pageNodeRef || i.characterSpacing) return false;
    if (typeof i.opacity === 'number' && i.opacity !== 1) return false;
  }
  return true;
}

/** Installs the run renderer on pdfmake's Renderer (once per thread); false if pdfmake is not as expected. */
export function installLineRenderer(): boolean {
  if (installed) return true;
  let Renderer: { prototype: RendererProto } | undefined;
  let TextDecorator: Decorator | undefined;
  try {
    const from = { paths: [requireCjs.resolve('pdfmake')] };
    Renderer = (requireCjs(requireCjs.resolve('pdfmake/js/Renderer', from)) as { default?: { prototype: RendererProto } }).default;
    TextDecorator = (requireCjs(requireCjs.resolve('pdfmake/js/TextDecorator', from)) as { default?: Decorator }).default;
  } catch {
    return false;
  }
  if (!Renderer || typeof Renderer.prototype.renderLine !== 'function' || typeof TextDecorator !== 'function') return false;
  installed = true;
  const original = Renderer.prototype.renderLine;
  Renderer.prototype.renderLine = function (this: RendererProto, line: Line, x = 0, y = 0) {
    if (!simple(line)) return original.call(this, line, x, y);
    const doc = this.pdfDocument;
    const runs: Run[] = [];
    const inlines = line.inlines;
    for (let start = 0; start < inlines.length; ) {
      const first = inlines[start]!;
      let end = start + 1;
      while (end < inlines.length && inlines[end]!.font === first.font && inlines[end]!.fontSize === first.fontSize && inlines[end]!.color === first.color) end++;
      const run = encodeRun(doc, inlines.slice(start, end), x);
      // A glyph placed off its advance (mark positioning, not met in Chinese text): pdfmake's own way.
      if (!run) return original.call(this, line, x, y);
      runs.push(run);
      start = end;
    }
    const lineHeight = line.getHeight();
    const descent = lineHeight - line.getAscenderHeight();
    const decorator = new TextDecorator!(doc);
    decorator.drawBackground(line, x, y);
    for (const run of runs) drawRun(doc, run, x, y, lineHeight, descent);
    decorator.drawDecorations(line, x, y);
  };
  return true;
}

interface Run {
  first: Inline;
  font: Font;
  /** TJ operands: hex glyph strings and adjustments (thousandths of the font size, positive = left). */
  commands: string[];
}

/** Encodes a run of inlines (one font, size, colour) as one TJ array, each word where pdfmake put it. */
function encodeRun(doc: Doc, run: Inline[], x: number): Run | null {
  const first = run[0]!;
  const size = first.fontSize;
  doc._font = first.font;
  const font = doc._font!; // a print file swaps in its own copy of the font (pdfFontCache.adoptForeignFonts)
  const scale = size / 1000;
  const commands: string[] = [];
  let hex = '';
  let pen = x + first.x; // where the next glyph goes if nothing moves it
  for (const inline of run) {
    const text = inline.text.replace(/\n/g, '');
    if (!text) continue;
    const target = x + inline.x;
    if (Math.abs(target - pen) > 1e-6) {
      if (hex) {
        commands.push(`<${hex}>`);
        hex = '';
      }
      commands.push(String(num((-(target - pen) * 1000) / size)));
      pen = target;
    }
    const [encoded, positions] = font.encode(text);
    for (let i = 0; i < encoded.length; i++) {
      const p = positions[i]!;
      if (p.xOffset || p.yOffset) return null;
      hex += encoded[i];
      // Kerning, as pdfkit writes it: the advance beyond the glyph's own width.
      const kern = p.xAdvance - p.advanceWidth;
      if (kern !== 0) {
        commands.push(`<${hex}>`, String(num(-kern)));
        hex = '';
      }
      pen += p.xAdvance * scale;
    }
  }
  if (hex) commands.push(`<${hex}>`);
  return { first, font, commands };
}

/** Writes one run as pdfkit's _fragment writes a word: colour, then a text object in unflipped space. */
function drawRun(doc: Doc, run: Run, x: number, y: number, lineHeight: number, descent: number): void {
  if (run.commands.length === 0) return;
  const { first, font, commands } = run;
  const size = first.fontSize;
  doc.opacity(1);
  doc.fill(doc.resolveColor(first.color, 'black'));
  doc._font = first.font;
  doc.fontSize(size);
  // pdfmake's shift to the baseline, then pdfkit's top baseline (the ascender), in PDF coordinates.
  const top = (font.ascender / 1000) * size;
  const pdfY = doc.page.height - (y + lineHeight - top - descent) - top;
  doc.save();
  doc.transform(1, 0, 0, -1, 0, doc.page.height);
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  doc.addContent('BT');
  doc.addContent(`1 0 0 1 ${num(x + first.x)} ${num(pdfY)} Tm`);
  doc.addContent(`/${font.id} ${num(size)} Tf`);
  doc.addContent(`[${commands.join(' ')}] TJ`);
  doc.addContent('ET');
  doc.restore();
}
