import { Agent, type AgentOptions } from 'node:https';
import { isIP } from 'node:net';
import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import type { Duplex } from 'node:stream';
import { formatAddress, type ServerAddress } from './address';

// Trust in the court server is its certificate's SHA-256 fingerprint, confirmed once by the clerk
// against the administrator's and pinned — not the operating system's store (a court intranet has
// no public CA, and hosts are often bare IP addresses). Chain and host name are therefore not
// checked; the fingerprint is, before a single byte of a request is written.

const CONNECT_TIMEOUT_MS = 10_000;

/** The server showed another certificate than the pinned one. Nothing was sent to it. */
export class CertificateChangedError extends Error {
  readonly code = 'CERTIFICATE_CHANGED';
  constructor(
    readonly address: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `本院服务器 ${address} 出示的安全证书与本机首次连接时确认并保存的不一致，已拒绝连接，没有发送任何数据。` +
        `这可能是有人冒充本院服务器（网络攻击），也可能是管理员更换了服务器证书。` +
        `请不要继续操作，先联系系统管理员核实：本机保存的证书指纹开头为 ${short(expected)}，服务器现在出示的开头为 ${short(actual)}。` +
        `只有管理员确认证书确已更换后，才可在登录页“连接设置”中重新连接并核对新的指纹。`,
    );
    this.name = 'CertificateChangedError';
  }
}

function short(fp: string): string {
  return fp.split(':').slice(0, 8).join(' ');
}

/** What the clerk is shown before trusting a server. */
export interface PeerCertificate {
  fingerprint256: string;
  subject: string;
  validTo: string;
}

function tlsOptions(addr: ServerAddress): ConnectionOptions {
  // SNI only for a host name (an IP address as server name is not allowed by RFC 6066).
  return { host: addr.host, port: addr.port, ...(isIP(addr.host) ? {} : { servername: addr.host }), rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] };
}

/** Opens a TLS connection and resolves once the handshake is done (the certificate not yet judged). */
function handshake(addr: ServerAddress, timeoutMs = CONNECT_TIMEOUT_MS): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(tlsOptions(addr));
    const timer = setTimeout(() => socket.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })), timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      socket.removeListener('error', reject);
      resolve(socket);
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

function peerFingerprint(socket: TLSSocket): string | null {
  return socket.getPeerX509Certificate()?.fingerprint256 ?? null;
}

/** Fetches the server's certificate (the TLS handshake only; no request is sent) for the clerk to confirm. */
export async function probeCertificate(addr: ServerAddress): Promise<PeerCertificate> {
  const socket = await handshake(addr);
  try {
    const x = socket.getPeerX509Certificate();
    if (!x) throw Object.assign(new Error('no certificate'), { code: 'NO_CERTIFICATE' });
    return { fingerprint256: x.fingerprint256, subject: x.subject.replace(/\n/g, ', '), validTo: x.validTo };
  } finally {
    socket.destroy();
  }
}

/**
 * An HTTPS agent that hands a connection to the HTTP client only after the server's certificate
 * matched the pinned fingerprint; otherwise the socket is closed and the request fails with
 * CertificateChangedError before its first byte (headers, token) is written.
 */
export class PinnedAgent extends Agent {
  constructor(
    readonly address: ServerAddress,
    readonly fingerprint256: string,
    options: AgentOptions = {},
  ) {
    super({ keepAlive: true, scheduling: 'lifo', ...options });
  }

  override createConnection(_options: unknown, callback?: (err: Error | null, socket: Duplex) => void): Duplex | null | undefined {
    handshake(this.address).then(
      (socket) => {
        const actual = peerFingerprint(socket);
        if (actual !== this.fingerprint256) {
          socket.destroy();
          callback?.(new CertificateChangedError(formatAddress(this.address), this.fingerprint256, actual ?? '（无证书）'), undefined as unknown as Duplex);
          return;
        }
        callback?.(null, socket);
      },
      (e: unknown) => callback?.(e instanceof Error ? e : new Error(String(e)), undefined as unknown as Duplex),
    );
    return undefined;
  }
}

/** A Chinese sentence for a failed connection to the court server: what happened and what to check. */
export function connectionErrorMessage(e: unknown, address: string): string {
  if (e instanceof CertificateChangedError) return e.message;
  const code = (e as { code?: string } | null)?.code ?? '';
  switch (code) {
    case 'ECONNREFUSED':
      return `无法连接本院服务器 ${address}：服务器未启动，或地址、端口不对。请稍后再试，或联系系统管理员。`;
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      return `连接本院服务器 ${address} 超时：请检查本机网络（法院专网）是否连通，或联系系统管理员。`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `找不到服务器 ${address}：请核对地址，或改用管理员提供的 IP 地址。`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `本机无法到达服务器 ${address}：请检查网络连接。`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `与本院服务器 ${address} 的连接中断：服务器可能正在重启，请稍后再试。`;
    default:
      if (/SSL|TLS|EPROTO|wrong version/i.test(`${code} ${(e as Error | null)?.message ?? ''}`)) {
        return `${address} 上没有本系统的 HTTPS 服务（安全连接建立失败）：请核对地址和端口。`;
      }
      return `无法连接本院服务器 ${address}（${code || '网络错误'}）：请稍后再试，或联系系统管理员。`;
  }
}

