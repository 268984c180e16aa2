import { fileURLToPath } from 'node:url';
import { resolve, join } from 'node:path';
import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';
import { App } from '../app/app';
import { Logger } from '../app/logger';
import { restrictNewFiles, privateFolder } from '../app/fileModes';
import { closeAll, startCourtServer } from '../transports/http';
import { parseArgs } from './args';
import { startBackupSchedule } from '../services/backups/schedule';
import { parseListen, readServerConfig, writeServerConfig, type ServerConfig } from '../server/config';
import { ensureTlsMaterial } from '../server/tlsMaterial';
import { fingerprintLines } from '../net/fingerprint';
import { logServerStats } from '../server/stats';
import { raiseRequestThread } from '../jobs/threadPriority';

// `npm run server -- --data <dir> [--listen 0.0.0.0:8443] [--name zhixing.court,10.20.1.5]
//                    [--cert court.pem --key court.key] [--renew-certificate] [--fingerprint]
//                    [--log-dir <dir>] [--admin-password <p> --court-name <名称> --court-code <法院代字>]`
// The court server: the data folder's database served over HTTPS on the court's intranet. Options
// of the first start are kept in <data>/config/server.json; later starts need only --data.

const USAGE = `用法：node out/main/server.js --data <数据文件夹> [--listen 地址:端口] [--name 服务器名称,…] [--cert 证书.pem --key 私钥.pem]
  --listen             监听地址和端口，如 10.20.1.5:8443；0.0.0.0:8443 为本机全部地址（首次启动默认 0.0.0.0:8443）
  --name               工作站填写的服务器名称或地址（逗号分隔），本机的地址已自动包含
  --cert / --key       本院自有证书（PEM）；不指定则首次启动时生成自签名证书并保存在数据文件夹 config/ 中
  --renew-certificate  重新生成自签名证书（指纹改变，各工作站须重新核对）
  --fingerprint        只显示证书指纹，不启动服务
  --log-dir            日志文件夹（默认 <数据文件夹>/logs）
  --stats-every        每隔多少秒记录一次运行指标（事件循环延迟、内存、连接数；默认 60）
  --admin-password     新数据库的管理员密码（脚本化安装）
  --court-name         与 --admin-password 同用：本院名称（如 开鲁县人民法院）
  --court-code         与 --admin-password 同用：法院代字（如 内0523）`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), {
    data: 'string',
    listen: 'string',
    name: 'string',
    cert: 'string',
    key: 'string',
    'renew-certificate': 'boolean',
    fingerprint: 'boolean',
    'log-dir': 'string',
    'stats-every': 'string',
    'admin-password': 'string', 'court-name': 'string', 'court-code': 'string',
    'test-clock': 'boolean',
    quiet: 'boolean',
    help: 'boolean',
  });
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (typeof args.data !== 'string') throw new Error(`请用 --data 指定数据文件夹\n${USAGE}`);
  if ((typeof args.cert === 'string') !== (typeof args.key === 'string')) throw new Error('--cert 与 --key 须同时指定');
  restrictNewFiles();
  const dataDir = resolve(args.data);
  privateFolder(dataDir);

  const stored = readServerConfig(dataDir);
  const listen = typeof args.listen === 'string' ? parseListen(args.listen) : stored ? { host: stored.host, port: stored.port } : { host: '0.0.0.0', port: 8443 };
  const names = typeof args.name === 'string' ? args.name.split(',').map((n) => n.trim()).filter(Boolean) : (stored?.names ?? []);
  const config: ServerConfig = {
    host: listen.host,
    port: listen.port,
    names,
    certificate: typeof args.cert === 'string' ? { certFile: resolve(args.cert), keyFile: resolve(String(args.key)) } : (stored?.certificate ?? null),
    log: stored?.log ?? { maxMegabytes: 10, files: 10 },
    createdAt: stored?.createdAt ?? new Date().toISOString(),
  };
  writeServerConfig(dataDir, config);

  // The self-signed certificate names every address a workstation might type (pinning checks the
  // fingerprint, not the names — but browsers and the court's IT read them).
  const hosts = [...new Set([...names, ...(isIP(listen.host) && !['0.0.0.0', '::'].includes(listen.host) ? [listen.host] : []), ...ownAddresses(), hostname()])];
  const tls = await ensureTlsMaterial(dataDir, config, hosts, { renew: args['renew-certificate'] === true });
  if (args.fingerprint) {
    console.log(fingerprintBlock(tls.fingerprint256, tls.source));
    return;
  }

  const logDir = typeof args['log-dir'] === 'string' ? resolve(args['log-dir']) : join(dataDir, 'logs');
  const logger = new Logger({ dir: logDir, maxBytes: config.log.maxMegabytes * 1024 * 1024, files: config.log.files, echo: args.quiet !== true });
  const started = performance.now();
  // Before any worker thread starts (they inherit it): jobs/threadPriority.ts.
  const requestThreadNice = raiseRequestThread();
  const app = new App({
    dataDir,
    mode: 'server',
    logger,
    ...(typeof args['admin-password'] === 'string' ? { adminPassword: args['admin-password'] } : {}),
    ...(typeof args['court-name'] === 'string' && typeof args['court-code'] === 'string' ? { court: { name: args['court-name'], code: args['court-code'] } } : {}),
    testClock: args['test-clock'] === true,
    exclusive: true,
  });
  const stopBackups = startBackupSchedule(app);
  const statsEvery = Number(args['stats-every'] ?? 60);
  if (!Number.isFinite(statsEvery) || statsEvery < 1) throw new Error('--stats-every 应为秒数（≥1）');
  const stopStats = logServerStats(app, logger, statsEvery * 1000);
  const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  const server = await startCourtServer(app, { host: listen.host, port: listen.port, names, tls, staticDir });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : listen.port;
  app.server = {
    listen: { host: listen.host, port },
    names,
    certificate: { fingerprint256: tls.fingerprint256, source: tls.source, validTo: tls.validTo, subject: tls.subject, file: tls.certFile },
    logFile: logger.file,
  };
  logger.info('listening', { host: listen.host, port, names, fingerprint256: tls.fingerprint256, certificate: tls.source, createdNow: tls.createdNow, dataDir, requestThreadNice, ms: Math.round(performance.now() - started) });
  // One machine-readable line (tests, scripts), then the fingerprint for the administrator.
  console.log(JSON.stringify({ event: 'listening', url: `https://${listen.host.includes(':') ? `[${listen.host}]` : listen.host}:${port}/`, port, fingerprint256: tls.fingerprint256, dataDir }));
  if (args.quiet !== true) console.log(fingerprintBlock(tls.fingerprint256, tls.source, tls.createdNow));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    stopBackups();
    stopStats();
    app.bus.publish({ topic: 'system', data: { stopping: true }, audience: { kind: 'everyone' } });
    void closeAll(server)
      .then(() => app.close())
      .then(() => {
        logger.info('stopped');
        logger.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function ownAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (!a.internal) out.push(a.address.replace(/%.*$/, ''));
  return out;
}

function fingerprintBlock(fingerprint: string, source: 'court' | 'created', createdNow = false): string {
  const lines = fingerprintLines(fingerprint).map((l) => `    ${l}`);
  const what = source === 'court' ? '本院证书' : createdNow ? '本次启动新生成的服务器证书' : '服务器证书（首次启动时生成）';
  return [`${what}的 SHA-256 指纹（各工作站首次连接时须与此核对一致）：`, ...lines].join('\n');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
