// Bundles a TypeScript entry of the project into one Node ESM file (as tests/helpers/bundle.ts does),
// so a benchmark runs the real service code without the Electron build. Native and heavy packages
// stay external and resolve from node_modules.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export async function bundleForNode(entry, name) {
  // One folder per process: two benches bundling at once must not overwrite each other's file. Inside
  // the project (not bench/.tmp, which may be a link to a shared folder elsewhere), so the bundle's
  // external packages resolve from this project's node_modules.
  const outDir = resolve('node_modules/.cache/bench-bundles', `${name}-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
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
