import { isIP } from 'node:net';

/** Where the court server listens: an intranet IP address or host name, and a port. */
export interface ServerAddress {
  host: string;
  port: number;
}

export class AddressError extends Error {}

/**
 * Reads `host:port` as the clerk types it from the administrator's note: an IPv4 address or a host
 * name, or `[IPv6]:port`. The port is required (the court chooses it when it installs the server).
 */
export function parseServerAddress(text: string): ServerAddress {
  const t = text.trim().replace(/^https:\/\//i, '').replace(/\/+$/, '');
  if (t === '') throw new AddressError('请填写服务器地址，例如 10.20.1.5:8443');
  if (/^http:\/\//i.test(t)) throw new AddressError('只能通过 HTTPS 连接服务器，请只填写地址和端口，例如 10.20.1.5:8443');
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(t) ?? /^([^:[\]/\s]+):(\d+)$/.exec(t);
  if (!m) {
    if (/^[^:/\s]+$/.test(t) || isIP(t) === 6) throw new AddressError('请在地址后写上端口，例如 10.20.1.5:8443');
    throw new AddressError('服务器地址格式不对，应为“地址:端口”，例如 10.20.1.5:8443');
  }
  const host = m[1]!;
  const port = Number(m[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new AddressError('端口应为 1 到 65535 之间的数字');
  if (t.startsWith('[') && isIP(host) !== 6) throw new AddressError('方括号内应为 IPv6 地址');
  if (!isIP(host) && !/^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(host)) {
    throw new AddressError('服务器地址只能是 IP 地址或主机名（字母、数字、连字符和点）');
  }
  return { host, port };
}

export function formatAddress(a: ServerAddress): string {
  return isIP(a.host) === 6 ? `[${a.host}]:${a.port}` : `${a.host}:${a.port}`;
}
