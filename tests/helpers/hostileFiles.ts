import { crc32, createDeflateRaw } from 'node:zlib';
import { zipArchive, zipEntry, type ZipEntry } from '../../src-main/services/documents/zipWriter';

// Hostile upload files, as an attacker would craft them against the feedback import: tiny archives
// that declare or expand to enormous sheets, XML that makes a naive scanner quadratic, and plain
// text that explodes into millions of rows. Shared by the integration tests and the bench.

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="反馈" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

const sheetXml = (body: string, head = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${head}<sheetData>${body}</sheetData></worksheet>`;

/** A minimal, valid xlsx package around the given sheet XML (and optional shared strings). */
export function xlsxPackage(sheet: string, sharedStrings?: string, extra: ZipEntry[] = []): Buffer {
  const entries = [zipEntry('[Content_Types].xml', CONTENT_TYPES), zipEntry('xl/workbook.xml', WORKBOOK), zipEntry('xl/_rels/workbook.xml.rels', RELS), zipEntry('xl/worksheets/sheet1.xml', sheet)];
  if (sharedStrings !== undefined) entries.push(zipEntry('xl/sharedStrings.xml', sharedStrings));
  return zipArchive([...entries, ...extra], new Date(2026, 0, 1));
}

/** ~1 KB: one cell in row 200,000,000 (a reader that allocates every row up to it runs out of memory). */
export function farRowXlsx(): Buffer {
  return xlsxPackage(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>批次号</t></is></c></row><row r="200000000"><c r="A200000000"><v>1</v></c></row>'));
}

/** A sheet that declares a dimension of a million rows by 16,384 columns. */
export function hugeDimensionXlsx(): Buffer {
  return xlsxPackage(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', '<dimension ref="A1:XFD1048576"/>'));
}

/** ~2.5 KB of `<row>` tags that are never closed (a lazy regex rescans to the end for each: quadratic). */
export function unclosedRowsXlsx(count = 350): Buffer {
  return xlsxPackage(sheetXml('<row>'.repeat(count) + '<c><v>1</v></c>'));
}

/** The same attack on a larger scale: the raw sheet XML of `count` unclosed rows inside a valid package. */
export function unclosedRowsXml(count: number): string {
  return sheetXml('<row>'.repeat(count));
}

/** One cell with a shared string of `chars` characters. */
export function longSharedStringXlsx(chars: number): Buffer {
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>${'执'.repeat(chars)}</t></si></sst>`;
  return xlsxPackage(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), sst);
}

/** A shared-string table of `count` tiny entries (the table alone, never referenced). */
export function manySharedStringsXlsx(count: number): Buffer {
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>x</t></si>'.repeat(count)}</sst>`;
  return xlsxPackage(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'), sst);
}

/** A cell in column XFD (16,384) — far beyond any feedback layout. */
export function wideXlsx(): Buffer {
  return xlsxPackage(sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>'));
}

/** Deflates the pieces in order as one stream, never holding the expanded data; also their CRC-32 and size. */
export async function deflatePieces(pieces: Iterable<Buffer>): Promise<{ data: Buffer; crc: number; size: number }> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((ok, fail) => {
    z.on('end', ok);
    z.on('error', fail);
  });
  let crc = 0;
  let size = 0;
  for (const p of pieces) {
    crc = crc32(p, crc);
    size += p.length;
    if (!z.write(p)) await new Promise((ok) => z.once('drain', ok));
  }
  z.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}

function* repeated(unit: string, bytes: number): Generator<Buffer> {
  const chunk = Buffer.alloc(1 << 20, unit);
  for (let left = bytes; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
}

/**
 * A zip bomb: the sheet entry inflates to `bytes` bytes of whitespace inside a valid worksheet. With
 * `lie`, its headers declare 1 KB (a reader trusting the declared size is fooled into inflating it all).
 */
export async function zipBombXlsx(bytes: number, opts: { lie?: boolean } = {}): Promise<Buffer> {
  const head = Buffer.from(sheetXml('').replace('<sheetData></sheetData></worksheet>', ''));
  const tail = Buffer.from('<sheetData></sheetData></worksheet>');
  const z = await deflatePieces([head, ...repeated(' ', bytes), tail]);
  const entry: ZipEntry = { name: Buffer.from('xl/worksheets/sheet1.xml'), crc: z.crc, size: opts.lie ? 1024 : z.size % 2 ** 32, data: z.data };
  return zipArchive([zipEntry('[Content_Types].xml', CONTENT_TYPES), zipEntry('xl/workbook.xml', WORKBOOK), zipEntry('xl/_rels/workbook.xml.rels', RELS), entry], new Date(2026, 0, 1));
}

/** `bytes` bytes of newlines: forty million empty csv rows in 40 MB. */
export function newlineCsv(bytes: number): Buffer {
  return Buffer.alloc(bytes, '\n');
}

