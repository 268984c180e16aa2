import { inflateSync } from 'node:zlib';

// GB/T 9704 sets 28 characters of 3号 (16 pt) on the 156 mm line; 28 × 16 pt is 448 pt, the line is
// 442 pt, so the characters are set closer: Word and WPS by the run's character spacing (w:spacing,
// −0.4 pt at 3号), the PDF by the same narrowing built into the font's advance widths, here, in
// memory, before pdfmake sees the font: every advance is reduced by TRACKING_EM of the em. pdfmake
// then measures, breaks and justifies lines with the narrower advances and the embedded subset
// carries them, so the PDF's glyphs sit where Word puts them, with no patch into the layout engine.

/**
 * Narrowing of every advance, as a fraction of the em: 0.4 pt at 16 pt — 28 characters take 436.8 pt
 * of the 442.2 pt line, 29 would take 452.4. 1/40 em is exact in both files: 25 font units of a
 * 1000-unit em, and a whole number of twips (DOCX w:spacing) at every even point size (8 at 3号).
 */
export const TRACKING_EM = 0.025;

/** The DOCX character spacing (twentieths of a point) that matches the tracking at a font size. */
export function trackingTwips(sizePt: number): number {
  return Math.round(-TRACKING_EM * sizePt * 20);
}

/** WOFF 1.0 → plain sfnt (TrueType/OpenType), tables decompressed; other formats are returned as they are. */
export function toSfnt(buf: Buffer): Buffer {
  if (buf.toString('latin1', 0, 4) !== 'wOFF') return buf;
  const flavor = buf.readUInt32BE(4);
  const numTables = buf.readUInt16BE(12);
  const tables: { tag: string; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const tag = buf.toString('latin1', at, at + 4);
    const offset = buf.readUInt32BE(at + 4);
    const compLength = buf.readUInt32BE(at + 8);
    const origLength = buf.readUInt32BE(at + 12);
    const raw = buf.subarray(offset, offset + compLength);
    tables.push({ tag, checksum: buf.readUInt32BE(at + 16), data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw) });
  }
  const pow = 2 ** Math.floor(Math.log2(numTables));
  const head = Buffer.alloc(12 + numTables * 16);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(numTables, 4);
  head.writeUInt16BE(pow * 16, 6);
  head.writeUInt16BE(Math.log2(pow), 8);
  head.writeUInt16BE(numTables * 16 - pow * 16, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tables.forEach((t, i) => {
    const r = 12 + i * 16;
    head.write(t.tag, r, 'latin1');
    head.writeUInt32BE(t.checksum, r + 4);
    head.writeUInt32BE(offset, r + 8);
    head.writeUInt32BE(t.data.length, r + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

function tableOf(buf: Buffer, dir: number, tag: string): { offset: number; length: number } | null {
  const n = buf.readUInt16BE(dir + 4);
  for (let i = 0; i < n; i++) {
    const r = dir + 12 + i * 16;
    if (buf.toString('latin1', r, r + 4) === tag) return { offset: buf.readUInt32BE(r + 8), length: buf.readUInt32BE(r + 12) };
  }
  return null;
}

/**
 * A copy of the font (WOFF decompressed) with every horizontal advance reduced by TRACKING_EM of
 * the em. `faceIndex` picks the face of a collection (.ttc); tables a collection shares are narrowed
 * once. Returns null for a font without the tables (it is then used as it is).
 */
export function trackedFont(input: Buffer, faceIndex = 0): Buffer | null {
  const buf = Buffer.from(toSfnt(input));
  const dir = buf.toString('latin1', 0, 4) === 'ttcf' ? buf.readUInt32BE(12 + 4 * faceIndex) : 0;
  const head = tableOf(buf, dir, 'head');
  const hhea = tableOf(buf, dir, 'hhea');
  const hmtx = tableOf(buf, dir, 'hmtx');
  if (!head || !hhea || !hmtx) return null;
  const upem = buf.readUInt16BE(head.offset + 18);
  const units = Math.round(TRACKING_EM * upem);
  const metrics = buf.readUInt16BE(hhea.offset + 34);
  for (let i = 0; i < metrics; i++) {
    const at = hmtx.offset + i * 4;
    const advance = buf.readUInt16BE(at);
    if (advance > 0) buf.writeUInt16BE(Math.max(0, advance - units), at);
  }
  return buf;
}
