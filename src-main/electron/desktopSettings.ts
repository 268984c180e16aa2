import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

// The desktop's own settings file, in Electron's userData folder (not in the data folder: a
// workstation connected to the court server has no data folder). It holds the first start's
// choice and, in client mode, the court server's address and its pinned certificate fingerprint.
// Deleting the file makes the next start ask again.

export const DESKTOP_SETTINGS_FILE = 'zhixing-desktop.json';

const fingerprint = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

const schema = z.discriminatedUnion('mode', [
  z.object({ version: z.literal(1), mode: z.literal('local') }),
  z.object({
    version: z.literal(1),
    mode: z.literal('server'),
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65535),
    fingerprint256: fingerprint,
    /** When the clerk confirmed the fingerprint (UTC ISO). */
    confirmedAt: z.string(),
  }),
]);

export type DesktopSettings = z.infer<typeof schema>;

export class DesktopSettingsStore {
  constructor(readonly file: string) {}

  /** The stored choice, or null when there is none (first start) or the file is unreadable (asked again). */
  read(): DesktopSettings | null {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = schema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Written whole to a temporary file and renamed over the old one: a crash never leaves half a file. */
  write(settings: DesktopSettings): void {
    const valid = schema.parse(settings);
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
