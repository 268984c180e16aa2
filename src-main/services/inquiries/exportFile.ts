import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Exported files live in the data folder under exports/<area>/; a file is written to a temp name and
// renamed into place, so a download never sees half a file.

export function exportPath(dataDir: string, area: string, fileName: string): string {
  const dir = join(dataDir, 'exports', area);
  mkdirSync(dir, { recursive: true });
  return join(dir, fileName.replace(/[\\/:*?"<>|]/g, '_'));
}

export function writeFileAtomic(path: string, data: Buffer | Uint8Array | string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
