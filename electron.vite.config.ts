import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three bundles: the Electron main process (plus the Node-only entries that share its code: the
// single-PC back office's utility process, the web mode, the demo-data generator, the document
// worker, the upload worker and the audit verifier's worker), the sandboxed preload, and the React
// renderer that both shells serve unchanged.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src-main/electron/main.ts'),
          // The single-PC back office, run by main in an Electron utility process.
          backOffice: resolve('src-main/electron/backOffice.ts'),
          web: resolve('src-main/cli/web.ts'),
          // The court server: the same back office over HTTPS on the intranet.
          server: resolve('src-main/cli/server.ts'),
          demo: resolve('src-main/cli/demo.ts'),
          documentWorker: resolve('src-main/services/documents/worker.ts'),
          uploadWorker: resolve('src-main/services/uploads/worker.ts'),
          // Heavy reads on their own read-only connection (jobs/readPool.ts).
          readWorker: resolve('src-main/jobs/readWorker.ts'),
          // Large commits on their own read-write connection (jobs/writePool.ts).
          writeWorker: resolve('src-main/jobs/writeWorker.ts'),
          auditWorker: resolve('src-main/services/audit/verifyWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-main/electron/preload.ts') },
        // A sandboxed preload cannot require() chunks: emit one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
      // electron-vite leaves the renderer unminified by default; minified, the grid and chart chunks are a third of the size.
      minify: true,
      // Pages are loaded per route (nav.tsx, React.lazy), ECharts only by the dashboard. The largest chunk
      // is AG Grid's (all community modules, 1.19 MB minified, shared by the pages with grids); the
      // shell is 235 kB, the chart chunk 542 kB, pages 1–50 kB. A chunk past this limit is a new
      // library pulled into the wrong place: worth a look, not a raised limit.
      chunkSizeWarningLimit: 1250,
    },
  },
});
