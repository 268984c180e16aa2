import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { App } from '../app/app';
import { startWebServer } from '../transports/http';
import { parseArgs } from './args';
import { startBackupSchedule } from '../services/backups/schedule';

// `npm run web -- --data <dir> --port <n> [--admin-password <p> --court-name <名称> --court-code <法院代字>] [--audit-key <file>] [--test-clock]`
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { data: 'string', port: 'string', 'admin-password': 'string', 'court-name': 'string', 'court-code': 'string', 'audit-key': 'string', 'test-clock': 'boolean', quiet: 'boolean' });
  const dataDir = resolve(String(args.data ?? 'zhixing-data'));
  const port = Number(args.port ?? 8600);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口无效：${String(args.port)}`);
  const started = performance.now();
  const app = new App({
    dataDir,
    mode: 'web',
    ...(typeof args['admin-password'] === 'string' ? { adminPassword: args['admin-password'] } : {}),
    ...(typeof args['court-name'] === 'string' && typeof args['court-code'] === 'string' ? { court: { name: args['court-name'], code: args['court-code'] } } : {}),
    // The audit key outside the data folder (default: ZHIXING_AUDIT_KEY, else the user's configuration folder).
    ...(typeof args['audit-key'] === 'string' ? { auditKeyFile: resolve(args['audit-key']) } : {}),
    testClock: args['test-clock'] === true,
    quiet: args.quiet === true,
    exclusive: true,
  });
  startBackupSchedule(app);
  const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  const server = await startWebServer(app, { port, staticDir });
  const addr = server.address();
  const actualPort = typeof addr === 'object' && addr ? addr.port : port;
  // One machine-readable line, read by tests and the benchmark to find the port.
  console.log(JSON.stringify({ event: 'listening', url: `http://127.0.0.1:${actualPort}/`, dataDir, ms: Math.round(performance.now() - started) }));
  const stop = () => {
    server.close();
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
