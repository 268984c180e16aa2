import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';

// pdfkit compresses every stream with zlib.deflateSync at zlib's default level (6) and has no option
// for it. A document's largest stream by far is its font subset (100–250 kB of CJK outlines), where
// level 1 takes a third of the time for a file about 3 % larger. In the render workers (threads that
// do nothing else) deflateSync without options uses level 1 for streams over 16 kB; page content and
// everything else keep the default (level 1 on those too saved 3.6 % of a notice's render time but
// made the merged print file 9 % larger). The main thread is never patched.

const BIG = 16 * 1024;
let installed = false;

/** `inThisThread`: also on the main thread (the one-thread profile, bench/entries/documentsProfile.ts, measuring what the workers do). */
export function installFastDeflate(inThisThread = false): void {
  if (installed || (isMainThread && !inThisThread)) return;
  installed = true;
  const zlib = createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');
  const original = zlib.deflateSync;
  const fast = (buf: Parameters<typeof original>[0], options?: Parameters<typeof original>[1]) =>
    original(buf, options ?? (typeof buf !== 'string' && buf.byteLength > BIG ? { level: 1 } : undefined));
  (zlib as { deflateSync: typeof original }).deflateSync = fast as typeof original;
}
