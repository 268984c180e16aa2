import { createWriteStream, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

// Documents, print files and exports fetched from the court server are written to a cache folder
// under the desktop's userData and opened from there with the operating system (Word/WPS, the PDF
// reader, the spreadsheet), as the single-PC app opens them from its data folder.

const KEEP_DAYS = 7;

/** A file name as the server proposed it, made safe for the local disk (no folders, no device names). */
export function safeFileName(name: string): string {
  let n = basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex -- control characters are what this name must not keep
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 150);
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(n)) n = `_${n}`;
  return n === '' ? '下载文件' : n;
}

export class FileCache {
  constructor(readonly root: string) {}

  /**
   * Writes a download into its own folder (the same document opened twice, or still open in Word,
   * never collides) under a temporary name, renamed when complete. Returns the file's path.
   */
  async save(fileName: string, body: Readable, maxBytes = 2 * 1024 ** 3): Promise<string> {
    const dir = join(this.root, `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`);
    mkdirSync(dir, { recursive: true });
    const target = join(dir, safeFileName(fileName));
    const part = `${target}.part`;
    let size = 0;
    body.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) body.destroy(new Error('文件过大'));
    });
    try {
      await pipeline(body, createWriteStream(part));
      renameSync(part, target);
      return target;
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }

  /** Removes downloads older than a week (at start-up; a file still open elsewhere is left for next time). */
  sweep(now = Date.now()): number {
    let removed = 0;
    let entries: string[];
    try {
      entries = readdirSync(this.root);
    } catch {
      return 0;
    }
    for (const entry of entries) {
      const path = join(this.root, entry);
      try {
        if (now - statSync(path).mtimeMs > KEEP_DAYS * 86_400_000) {
          rmSync(path, { recursive: true });
          removed++;
        }
      } catch {
        // in use (Windows keeps open files locked): next start
      }
    }
    return removed;
  }
}
