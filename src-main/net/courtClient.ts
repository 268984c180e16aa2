import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { hostname } from 'node:os';
import type { ApiResult } from '../../src-shared/api/errors';
import { formatAddress } from './address';
import { connectionErrorMessage, type PinnedAgent } from './pinnedTls';

// The court server's wire protocol as the web mode speaks it (README "Web mode"): `POST
// /api/<method>` with a JSON body and `Authorization: Bearer <token>`; a JSON `{ok,data|error}`
// answer, or the file itself for documents, print files and exports.

const CALL_IDLE_TIMEOUT_MS = 120_000;

export type CourtReply =
  | { kind: 'result'; status: number; result: ApiResult<unknown> }
  | { kind: 'file'; fileName: string; body: IncomingMessage };

/** The server could not be reached or did not answer in the protocol; `message` is for the clerk. */
export class CourtUnreachable extends Error {
  constructor(
    message: string,
    readonly reason: unknown,
  ) {
    super(message);
    this.name = 'CourtUnreachable';
  }
}

/** One call of the contract on the court server through the pinned agent. */
export function callCourt(agent: PinnedAgent, method: string, input: unknown, token: string | null): Promise<CourtReply> {
  const address = formatAddress(agent.address);
  const body = Buffer.from(JSON.stringify(input ?? {}), 'utf8');
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        agent,
        host: agent.address.host,
        port: agent.address.port,
        method: 'POST',
        path: `/api/${encodeURIComponent(method)}`,
        headers: {
          host: address,
          'content-type': 'application/json',
          'content-length': String(body.length),
          accept: 'application/json',
          'x-workstation': hostname().slice(0, 100),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const type = String(res.headers['content-type'] ?? '');
        if (res.statusCode === 200 && !type.includes('application/json')) {
          const name = /filename\*=UTF-8''([^;]+)/i.exec(String(res.headers['content-disposition'] ?? ''))?.[1];
          let fileName = '下载文件';
          try {
            if (name) fileName = decodeURIComponent(name);
          } catch {
            // keep the neutral name
          }
          resolve({ kind: 'file', fileName, body: res });
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(new CourtUnreachable(connectionErrorMessage(e, address), e)));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiResult<unknown>;
            if (typeof parsed === 'object' && parsed !== null && typeof parsed.ok === 'boolean') {
              resolve({ kind: 'result', status, result: parsed });
              return;
            }
          } catch {
            // not the protocol
          }
          if (status === 401) {
            resolve({ kind: 'result', status, result: { ok: false, error: { code: 'unauthorized', message: '请先登录' } } });
            return;
          }
          reject(new CourtUnreachable(`本院服务器 ${address} 的应答无法识别（HTTP ${status}）：请联系系统管理员。`, null));
        });
      },
    );
    req.setTimeout(CALL_IDLE_TIMEOUT_MS, () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (e) => reject(new CourtUnreachable(connectionErrorMessage(e, address), e)));
    req.end(body);
  });
}
