import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

/**
 * Bundles a TypeScript entry into one Node ESM file so a test can run the real service code in
 * separate processes (concurrent writers, kill -9 mid-operation). Native and heavy packages stay external.
 */
export async function bundleForNode(entry: string): Promise<string> {
  // Inside the project so the bundle resolves its external packages from node_modules.
  const cache = resolve('node_modules/.cache/zhixing-bundles');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'b-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: resolve(entry),
      outDir,
      emptyOutDir: true,
      target: 'node22',
      rollupOptions: { output: { format: 'es', entryFileNames: 'entry.mjs' } },
    },
    ssr: { noExternal: [] },
  });
  return join(outDir, 'entry.mjs');
}
