import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';

// The court server's own configuration, kept in the data folder (`config/server.json`, 0600 like
// every file there) so that a restart — by hand, by systemd or by the Windows service — serves on
// the same address with the same names and the same certificate without repeating the options of
// the first start. Options given on the command line replace what is stored and are stored.

export const CONFIG_DIR = 'config';
export const CONFIG_FILE = 'server.json';

const hostName = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .refine((h) => isIP(h) !== 0 || /^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(h), '服务器名称只能是 IP 地址或主机名');

export const serverConfigSchema = z.object({
  /** The interface address to listen on: one intranet address, or 0.0.0.0 / :: for all. */
  host: z.string().trim().min(1),
  port: z.number().int().min(1).max(65535),
  /** Names and addresses the clients type (besides the server's own interface addresses): checked against Host and Origin. */
  names: z.array(hostName).max(50).default([]),
  /** The court's own certificate (PEM files, read at every start), or null for the one created at setup. */
  certificate: z.object({ certFile: z.string().min(1), keyFile: z.string().min(1) }).nullable().default(null),
  /** Log rotation: size of one file and how many are kept. */
  log: z.object({ maxMegabytes: z.number().int().min(1).max(1024).default(10), files: z.number().int().min(1).max(100).default(10) }).default({ maxMegabytes: 10, files: 10 }),
  createdAt: z.string(),
});
export type ServerConfig = z.infer<typeof serverConfigSchema>;

export function configDir(dataDir: string): string {
  return join(dataDir, CONFIG_DIR);
}

export function readServerConfig(dataDir: string): ServerConfig | null {
  const file = join(configDir(dataDir), CONFIG_FILE);
  if (!existsSync(file)) return null;
  const parsed = serverConfigSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`服务器配置文件无效（${file}）：${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Written under a temporary name and renamed, so a crash never leaves half a file. */
export function writeServerConfig(dataDir: string, config: ServerConfig): void {
  const dir = configDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, CONFIG_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(serverConfigSchema.parse(config), null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/**
 * `10.20.1.5:8443`, `0.0.0.0:8443`, `[::]:8443`, or a bare port (all interfaces). The address must be
 * one the server can listen on; host names are resolved by the operating system.
 */
export function parseListen(text: string): { host: string; port: number } {
  const t = text.trim();
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(t) ?? /^([^:[\]\s]+):(\d+)$/.exec(t) ?? /^()(\d+)$/.exec(t);
  if (!m) throw new Error(`--listen 应为“地址:端口”，例如 10.20.1.5:8443 或 0.0.0.0:8443：${text}`);
  const port = Number(m[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`端口应为 1 到 65535 之间的数字：${text}`);
  return { host: m[1] || '0.0.0.0', port };
}
