import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A worker thread's built entry (electron.vite.config.ts): the file named by `envVar` when it is set
 * (empty: none), else `fileName` next to the calling module or one folder up (a module bundled into
 * out/main/chunks finds it in out/main). Null where it is not built (vitest running TypeScript).
 */
export function builtWorkerFile(fileName: string, envVar: string, callerUrl: string): string | null {
  const env = process.env[envVar];
  if (env !== undefined) return env && existsSync(env) ? env : null;
  const here = dirname(fileURLToPath(callerUrl));
  for (const dir of [here, dirname(here)]) {
    const f = join(dir, fileName);
    if (existsSync(f)) return f;
  }
  return null;
}
