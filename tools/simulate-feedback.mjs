// Launcher for tools/simulate-feedback.ts: bundles it (and the demo code it calls) with vite
// into node_modules/.cache, then runs it with this process's arguments.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const outDir = resolve('node_modules/.cache/zhixing-tools/simulate-feedback');
mkdirSync(outDir, { recursive: true });
await build({
  configFile: false,
  logLevel: 'silent',
  build: {
    ssr: resolve('tools/simulate-feedback.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node22',
    rollupOptions: { output: { format: 'es', entryFileNames: 'entry.mjs' } },
  },
  ssr: { noExternal: [] },
});
await import(pathToFileURL(join(outDir, 'entry.mjs')).href);
