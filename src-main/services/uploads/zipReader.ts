import { createInflateRaw, crc32 } from 'node:zlib';
import { UploadFormatError, UploadLimitError, UPLOAD_LIMITS } from '../../../src-shared/domain/uploadLimits';

// A guarded reader of zip archives (PKWARE APPNOTE 6.3: end of central directory, central
// directory, local headers; DEFLATE or stored). An xlsx is a zip, and a zip is where a few
// kilobytes turn into gigabytes: every entry is inflated as a stream, counted as it comes, and
// stopped the moment it passes its own declared size, the part's limit or what is left of the
// archive's inflation budget — never trusting the sizes the archive declares. The CRC-32 of every
// entry read is checked. Encrypted entries and ZIP64 archives (over 4 GB) are refused.

export interface ZipEntryInfo {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipReader {
  private readonly entries = new Map<string, ZipEntryInfo>();
  /** Bytes still allowed to be inflated from this archive (UPLOAD_LIMITS.inflatedBytes in all). */
  private budget: number = UPLOAD_LIMITS.inflatedBytes;

  constructor(private readonly bytes: Buffer) {
    const damaged = () => new UploadFormatError('无法读取 Excel 文件（压缩包已损坏或不是 .xlsx 格式）');
    const from = Math.max(0, bytes.length - 22 - 0xffff);
    let at = -1;
    for (let i = bytes.length - 22; i >= from; i--) {
      if (bytes.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw damaged();
    const count = bytes.readUInt16LE(at + 10);
    const cdSize = bytes.readUInt32LE(at + 12);
    const cdOffset = bytes.readUInt32LE(at + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) throw new UploadFormatError('不支持 ZIP64 格式的压缩包（超过 4 GB 的文件）');
    if (count > UPLOAD_LIMITS.zipEntries) throw new UploadLimitError('zipEntries', `压缩包内有 ${count} 个文件`);
    if (cdOffset + cdSize > at) throw damaged();
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > at || bytes.readUInt32LE(p) !== CENTRAL) throw damaged();
      const flags = bytes.readUInt16LE(p + 8);
      const nameLen = bytes.readUInt16LE(p + 28);
      const extraLen = bytes.readUInt16LE(p + 30);
      const commentLen = bytes.readUInt16LE(p + 32);
      if (p + 46 + nameLen > at) throw damaged();
      const name = bytes.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
      this.entries.set(name, {
        name,
        flags,
        method: bytes.readUInt16LE(p + 10),
        crc: bytes.readUInt32LE(p + 16),
        compressedSize: bytes.readUInt32LE(p + 20),
        size: bytes.readUInt32LE(p + 24),
        localOffset: bytes.readUInt32LE(p + 42),
      });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * The entry's content, chunk by chunk, as it inflates. `maxBytes` caps this entry (the limit named
   * when it is passed); the archive's inflation budget caps all entries read together.
   */
  async *chunks(name: string, maxBytes: number, limit: 'partBytes' | 'inflatedBytes'): AsyncGenerator<Buffer> {
    const e = this.entries.get(name);
    if (!e) throw new UploadFormatError(`Excel 文件缺少 ${name}`);
    const damaged = () => new UploadFormatError(`Excel 文件已损坏（${name} 无法解压）`);
    if (e.flags & 1) throw new UploadFormatError('不支持加密的 Excel 文件，请另存为不加密的 .xlsx');
    if (e.method !== 0 && e.method !== 8) throw new UploadFormatError(`Excel 文件使用了不支持的压缩方式（${e.method}）`);
    const cap = Math.min(maxBytes, this.budget);
    const capLimit = maxBytes <= this.budget ? limit : 'inflatedBytes';
    if (e.size > cap) throw new UploadLimitError(capLimit, `${name} 声明解压后 ${e.size} 字节`);
    const lh = e.localOffset;
    if (lh + 30 > this.bytes.length || this.bytes.readUInt32LE(lh) !== LOCAL) throw damaged();
    const start = lh + 30 + this.bytes.readUInt16LE(lh + 26) + this.bytes.readUInt16LE(lh + 28);
    if (start + e.compressedSize > this.bytes.length) throw damaged();
    const data = this.bytes.subarray(start, start + e.compressedSize);
    let seen = 0;
    let crc = 0;
    const count = (chunk: Buffer) => {
      seen += chunk.length;
      // The declared size is a promise the archive made: inflating past it is a lie (a bomb in disguise).
      if (seen > e.size) throw new UploadFormatError(`Excel 文件已损坏或被篡改（${name} 解压后的大小超过其声明的 ${e.size} 字节）`);
      crc = crc32(chunk, crc);
    };
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw damaged();
      count(data);
      this.budget -= data.length;
      yield data;
    } else {
      const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
      inflater.end(data);
      try {
        for await (const chunk of inflater as AsyncIterable<Buffer>) {
          count(chunk);
          this.budget -= chunk.length;
          yield chunk;
        }
      } catch (err) {
        if (err instanceof UploadFormatError || err instanceof UploadLimitError) throw err;
        throw damaged();
      } finally {
        inflater.destroy();
      }
    }
    if (seen !== e.size || crc !== e.crc) throw damaged();
  }

  /** A small part read whole, as text (workbook, relationships, styles). */
  async text(name: string): Promise<string> {
    const parts: Buffer[] = [];
    for await (const c of this.chunks(name, UPLOAD_LIMITS.partBytes, 'partBytes')) parts.push(c);
    return new TextDecoder('utf-8').decode(Buffer.concat(parts));
  }
}
