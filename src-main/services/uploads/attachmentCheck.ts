import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, typeOfExtension, type AttachmentType } from '../../../src-shared/domain/attachments';
import { UploadFormatError } from '../../../src-shared/domain/uploadLimits';

// What an uploaded attachment must be before it is kept (run in the upload worker, never on the
// request thread). Every file is hostile until shown otherwise:
// - its type is what its first bytes say (PDF, JPEG, PNG, TIFF), and the name's extension must agree;
// - its structure is walked (PNG chunks and their CRCs, JPEG markers to the end-of-image, TIFF's first
//   directory, the PDF's trailer), so a file that is something else with a borrowed header fails;
// - polyglots are refused: a zip directory at the end (the file is also a zip, jar or docx), HTML or
//   script anywhere (a browser sniffing it would run it), a PDF header inside an image (Acrobat reads a
//   PDF that starts anywhere in the first kilobyte), bytes after a PDF's or PNG's end;
// - a PDF with active content (JavaScript, launch actions, embedded files, forms that submit) is
//   refused: a scan has none. Names hidden in compressed object streams or written with #xx escapes
//   are found too.

export interface AttachmentVerdict {
  type: AttachmentType;
  sha256: string;
  bytes: number;
}

const refuse = (message: string): never => {
  throw new UploadFormatError(message);
};

function sniff(b: Buffer): AttachmentType | null {
  if (b.length >= 8 && b.subarray(0, 5).toString('latin1') === '%PDF-' && /^\d\.\d$/.test(b.subarray(5, 8).toString('latin1'))) return 'pdf';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 8 && (b.subarray(0, 4).equals(Buffer.from([0x49, 0x49, 0x2a, 0x00])) || b.subarray(0, 4).equals(Buffer.from([0x4d, 0x4d, 0x00, 0x2a])))) return 'tiff';
  return null;
}

// CRC-32 (ISO-HDLC), the checksum of PNG chunks.
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function checkPng(b: Buffer): void {
  let at = 8;
  let first = true;
  for (let n = 0; ; n++) {
    if (n > 200_000 || at + 12 > b.length) refuse('PNG 图片结构不完整（缺少结束块）');
    const len = b.readUInt32BE(at);
    const type = b.subarray(at + 4, at + 8).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type) || at + 12 + len > b.length) refuse('PNG 图片的数据块损坏');
    if (first && type !== 'IHDR') refuse('PNG 图片缺少文件头块');
    first = false;
    const crc = b.readUInt32BE(at + 8 + len);
    if (crc32(b.subarray(at + 4, at + 8 + len)) !== crc) refuse(`PNG 图片的数据块校验失败（${type}）`);
    at += 12 + len;
    if (type === 'IEND') break;
  }
  if (at !== b.length) refuse('PNG 图片结束之后还有其他数据（可能夹带其他文件）');
}

function checkJpeg(b: Buffer): void {
  // Markers up to the start of scan, each with its length (ITU T.81 B.1.1).
  let at = 2;
  for (;;) {
    if (at + 4 > b.length) refuse('JPEG 图片结构不完整');
    if (b[at] !== 0xff) refuse('JPEG 图片的标记损坏');
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd9) refuse('JPEG 图片没有图像数据');
    const len = b.readUInt16BE(at + 2);
    if (len < 2 || at + 2 + len > b.length) refuse('JPEG 图片的标记段长度错误');
    at += 2 + len;
    if (marker === 0xda) break;
  }
  // The image ends with EOI; a camera may pad with zero bytes after it, nothing else.
  let end = b.length;
  while (end > at && b[end - 1] === 0x00) end--;
  if (end < at + 2 || b[end - 2] !== 0xff || b[end - 1] !== 0xd9) refuse('JPEG 图片没有正常结束（结束之后还有其他数据，或文件不完整）');
}

function checkTiff(b: Buffer): void {
  const le = b[0] === 0x49;
  const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const ifd = u32(4);
  if (ifd < 8 || ifd + 2 > b.length) refuse('TIFF 图片的目录位置错误');
  const entries = u16(ifd);
  if (entries === 0 || ifd + 2 + entries * 12 + 4 > b.length) refuse('TIFF 图片的目录不完整');
}

/** Names of PDF active content (ISO 32000-1 §12.6 actions, §7.11.4 embedded files, XFA forms). */
const PDF_ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData)(?=[\s/<>[\]()%{}]|$)/;

/** A PDF name written with #xx escapes (/J#61vaScript) reads as the name it spells. */
function decodeNames(text: string): string {
  return text.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * The PDF's text outside its streams: names live in dictionaries, and a stream's compressed bytes
 * would match a short name like /JS by chance in a large scan.
 */
function outsideStreams(text: string): string {
  const parts: string[] = [];
  let at = 0;
  for (;;) {
    const s = text.indexOf('stream', at);
    if (s < 0) break;
    if (text.slice(s - 3, s) === 'end') {
      parts.push(text.slice(at, s + 6));
      at = s + 6;
      continue;
    }
    const e = text.indexOf('endstream', s + 6);
    if (e < 0) break;
    parts.push(text.slice(at, s));
    at = e + 9;
  }
  parts.push(text.slice(at));
  return parts.join(' ');
}

function checkPdf(b: Buffer): void {
  const tail = b.subarray(Math.max(0, b.length - 1024)).toString('latin1');
  const eof = tail.lastIndexOf('%%EOF');
  if (eof < 0) refuse('PDF 文件不完整（没有文件结束标记）');
  if (tail.slice(eof + 5).trim() !== '') refuse('PDF 文件结束之后还有其他数据（可能夹带其他文件）');
  const text = b.toString('latin1');
  if (PDF_ACTIVE.test(decodeNames(outsideStreams(text)))) refuse('PDF 文件含有脚本、启动程序、嵌入文件或表单提交等活动内容，不能作为附件');
  // Objects inside compressed object streams (PDF 1.5 ObjStm) hide their names from a plain scan.
  let inflated = 0;
  for (let at = text.indexOf('/ObjStm'); at >= 0; at = text.indexOf('/ObjStm', at + 7)) {
    const start = text.indexOf('stream', at);
    const end = text.indexOf('endstream', start);
    if (start < 0 || end < 0) refuse('PDF 文件的对象流损坏');
    let from = start + 6;
    if (text[from] === '\r') from++;
    if (text[from] === '\n') from++;
    let objects: Buffer;
    try {
      objects = inflateSync(b.subarray(from, end), { maxOutputLength: 32 * 1024 * 1024 });
    } catch {
      return refuse('PDF 文件的对象流无法解压（损坏或超过大小上限）');
    }
    inflated += objects.length;
    if (inflated > 64 * 1024 * 1024) refuse('PDF 文件的对象流解压后过大');
    if (PDF_ACTIVE.test(decodeNames(objects.toString('latin1')))) refuse('PDF 文件含有脚本、启动程序、嵌入文件或表单提交等活动内容，不能作为附件');
  }
}

/** Markers of HTML and script: a file that holds them would run if anything ever opened it as a page. */
const MARKUP = /<(script|html|iframe|svg|object|embed|body|meta|link)[\s>/]|javascript:|<\?php/i;

/** The checks every type gets: the file must not also be another kind of file. */
function checkPolyglot(b: Buffer, type: AttachmentType): void {
  // A zip reader looks for the end-of-central-directory record in the last 64 KB + 22 bytes.
  const zipTail = b.subarray(Math.max(0, b.length - 65_557));
  if (zipTail.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))) refuse('文件末尾夹带压缩包目录（同时是压缩文件的伪装文件），不能作为附件');
  if (MARKUP.test(b.toString('latin1'))) refuse('文件中夹带网页或脚本代码，不能作为附件');
  if (type !== 'pdf' && b.includes(Buffer.from('%PDF-', 'latin1'))) refuse(`${ATTACHMENT_TYPES[type].label}中夹带 PDF 文件头（同时是 PDF 的伪装文件），不能作为附件`);
}

export function checkAttachment(b: Buffer, fileName: string): AttachmentVerdict {
  if (b.length === 0) refuse('文件内容为空');
  if (b.length > ATTACHMENT_MAX_BYTES) refuse(`文件超过附件大小上限 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`);
  const type = sniff(b);
  if (!type) refuse('文件内容不是 PDF、JPEG、PNG 或 TIFF（按文件开头的字节识别），只能上传这四种文件');
  const t = type!;
  const byName = typeOfExtension(fileName);
  if (byName !== t) refuse(`文件扩展名与文件内容不符：内容是${ATTACHMENT_TYPES[t].label}，扩展名应为 .${ATTACHMENT_TYPES[t].extensions[0]}`);
  if (t === 'png') checkPng(b);
  else if (t === 'jpeg') checkJpeg(b);
  else if (t === 'tiff') checkTiff(b);
  else checkPdf(b);
  checkPolyglot(b, t);
  return { type: t, sha256: createHash('sha256').update(b).digest('hex'), bytes: b.length };
}
