import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';

// Joins the print file's chunks into one PDF without parsing their content: each chunk is a PDF that
// pdfkit wrote (classic xref table, plain-text object dictionaries, streams with a direct /Length),
// so its objects are copied byte for byte with their numbers shifted, and each chunk's page tree
// becomes a branch of one new page tree (PDF 32000-1 §7.7.3: a Pages node may hold Pages nodes).
// pdf-lib did the same by loading every object of 8,000 pages into memory: seconds on one core at the
// end of the batch. Anything not in pdfkit's shape is refused (null) and the caller uses pdf-lib.

interface Chunk {
  buf: Buffer;
  /** Byte offsets of objects 1..size-1. */
  offsets: number[];
  pages: number;
  pagesId: number;
  catalogId: number;
}

function parse(buf: Buffer): Chunk | null {
  const tail = buf.subarray(Math.max(0, buf.length - 64)).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) return null;
  const xref = Number(m[1]);
  const head = /^xref\n0 (\d+)\n/.exec(buf.subarray(xref, xref + 32).toString('latin1'));
  if (!head) return null;
  const size = Number(head[1]);
  const entriesAt = xref + head[0].length;
  const offsets: number[] = [];
  for (let i = 1; i < size; i++) {
    const e = buf.subarray(entriesAt + i * 20, entriesAt + i * 20 + 18).toString('latin1');
    if (!/^\d{10} \d{5} n$/.test(e)) return null;
    offsets.push(Number(e.slice(0, 10)));
  }
  const trailer = buf.subarray(entriesAt + size * 20, buf.length).toString('latin1');
  const root = /\/Root (\d+) 0 R/.exec(trailer);
  if (!root) return null;
  const catalog = objectParts(buf, offsets, Number(root[1]));
  const pagesRef = catalog && /\/Pages (\d+) 0 R/.exec(catalog.dict);
  if (!pagesRef) return null;
  const pagesId = Number(pagesRef[1]);
  const pagesDict = objectParts(buf, offsets, pagesId)?.dict;
  const count = pagesDict && /\/Type \/Pages\n\/Count (\d+)\n/.exec(pagesDict);
  if (!count) return null;
  return { buf, offsets, pages: Number(count[1]), pagesId, catalogId: Number(root[1]) };
}

/** An object's dictionary (or value) text and its stream bytes, as pdfkit lays them out. */
function objectParts(buf: Buffer, offsets: number[], id: number): { dict: string; stream: Buffer | null } | null {
  const at = offsets[id - 1];
  if (at === undefined) return null;
  const header = `${id} 0 obj\n`;
  if (buf.toString('latin1', at, at + header.length) !== header) return null;
  const start = at + header.length;
  const endObj = buf.indexOf('\nendobj\n', start, 'latin1');
  const streamAt = buf.indexOf('\nstream\n', start, 'latin1');
  if (endObj < 0) return null;
  if (streamAt < 0 || streamAt > endObj) return { dict: buf.toString('latin1', start, endObj), stream: null };
  const dict = buf.toString('latin1', start, streamAt);
  const len = /\/Length (\d+)\n/.exec(dict);
  if (!len) return null;
  const dataAt = streamAt + '\nstream\n'.length;
  const dataEnd = dataAt + Number(len[1]);
  if (buf.toString('latin1', dataEnd, dataEnd + '\nendstream\nendobj\n'.length) !== '\nendstream\nendobj\n') return null;
  return { dict, stream: buf.subarray(dataAt, dataEnd) };
}

/** A PDF text string (UTF-16BE with its byte order mark, as hex). */
function textString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/**
 * Writes the chunks one after another as one PDF at `output`; returns its page count, or null (nothing
 * written) when a chunk is not a pdfkit PDF.
 */
export function concatPdfkitFiles(inputs: string[], output: string, title: string): number | null {
  const chunks: Chunk[] = [];
  for (const f of inputs) {
    const c = parse(readFileSync(f));
    if (!c) return null;
    chunks.push(c);
  }
  // Check every object first, so a refusal never leaves a half-written file.
  const parts = chunks.map((c) => c.offsets.map((_, i) => objectParts(c.buf, c.offsets, i + 1)));
  if (parts.some((list) => list.some((p) => p === null))) return null;
  const total = chunks.reduce((a, c) => a + c.offsets.length, 0);
  const rootPages = total + 1;
  const catalog = total + 2;
  const info = total + 3;
  const fd = openSync(output, 'w');
  try {
    const offsets: number[] = [];
    let pos = 0;
    const put = (data: string | Buffer) => {
      const b = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
      writeSync(fd, b);
      pos += b.length;
    };
    put('%PDF-1.3\n%\xFF\xFF\xFF\xFF\n');
    let base = 0;
    chunks.forEach((c, k) => {
      const shift = (dict: string) => dict.replace(/(\d+) 0 R/g, (_, n: string) => `${Number(n) + base} 0 R`);
      parts[k]!.forEach((p, i) => {
        const id = i + 1;
        // The chunk's own catalog gives way to the joined file's (an object may be null, §7.3.9).
        let dict = id === c.catalogId ? 'null' : shift(p!.dict);
        if (id === c.pagesId) dict = dict.replace(/^<<\n/, `<<\n/Parent ${rootPages} 0 R\n`);
        offsets.push(pos);
        put(`${id + base} 0 obj\n${dict}\n`);
        if (p!.stream) {
          put('stream\n');
          put(p!.stream);
          put('\nendstream\n');
        }
        put('endobj\n');
      });
      base += c.offsets.length;
    });
    let kids = '';
    base = 0;
    for (const c of chunks) {
      kids += `${c.pagesId + base} 0 R `;
      base += c.offsets.length;
    }
    const pages = chunks.reduce((a, c) => a + c.pages, 0);
    offsets.push(pos);
    put(`${rootPages} 0 obj\n<<\n/Type /Pages\n/Count ${pages}\n/Kids [${kids.trim()}]\n>>\nendobj\n`);
    offsets.push(pos);
    put(`${catalog} 0 obj\n<<\n/Type /Catalog\n/Pages ${rootPages} 0 R\n>>\nendobj\n`);
    offsets.push(pos);
    put(`${info} 0 obj\n<<\n/Title ${textString(title)}\n/Creator ${textString('执行案件管理系统')}\n/Producer (Zhixing)\n>>\nendobj\n`);
    const xref = pos;
    put(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`);
    put(offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join(''));
    put(`trailer\n<<\n/Size ${offsets.length + 1}\n/Root ${catalog} 0 R\n/Info ${info} 0 R\n>>\nstartxref\n${xref}\n%%EOF\n`);
    fsyncSync(fd); // on the render thread, before the register names it (renderTask.ts: write)
    return pages;
  } finally {
    closeSync(fd);
  }
}
