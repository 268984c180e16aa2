import { mkdtempSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebServer } from '../../src-main/transports/http';
import type { TestApp } from './testApp';

// A test app served over the real web transport, and a small HTTP client for it.

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The parsed JSON body (null when it is not JSON). */
  json: { ok: boolean; data?: unknown; error?: { code: string; message: string; field?: string } } | null;
  ms: number;
}

export interface Web {
  port: number;
  server: Server;
  /** POST /api/<method> with a JSON (or raw) body. */
  post(method: string, body: unknown, opts?: { token?: string; headers?: Record<string, string>; raw?: Buffer | string }): Promise<Reply>;
  login(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export async function serve(t: TestApp): Promise<Web> {
  const staticDir = mkdtempSync(join(tmpdir(), 'zhixing-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>执行</title>');
  const server = await startWebServer(t.app, { port: 0, staticDir });
  const port = (server.address() as { port: number }).port;
  const post: Web['post'] = (method, body, opts = {}) =>
    new Promise((ok, fail) => {
      const payload = opts.raw ?? JSON.stringify(body);
      const started = performance.now();
      let answered = false;
      const headers: Record<string, string> = {
        host: `127.0.0.1:${port}`,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(payload)),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      };
      // An empty content-length means: send the body chunked, its length undeclared.
      if (headers['content-length'] === '') delete headers['content-length'];
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: `/api/${method}`,
          method: 'POST',
          headers,
        },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: Reply['json'] = null;
            try {
              json = JSON.parse(text);
            } catch {
              // a file or an empty answer
            }
            ok({ status: res.statusCode ?? 0, headers: res.headers, body: text, json, ms: performance.now() - started });
          });
        },
      );
      // The server may answer and close before the whole body is sent (a refusal): that is the point.
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE' || e.code === 'ECONNRESET') setTimeout(() => answered || fail(e), 2000);
        else fail(e);
      });
      if (headers['content-length'] === undefined) {
        // Chunked: in pieces, as a streaming client would.
        const b = Buffer.from(payload);
        for (let i = 0; i < b.length; i += 64 * 1024) req.write(b.subarray(i, i + 64 * 1024));
        req.end();
      } else req.end(payload);
    });
  return {
    port,
    server,
    post,
    async login(username, password) {
      const r = await post('auth.login', { username, password });
      if (!r.json?.ok) throw new Error(`login ${username}: ${r.body}`);
      return (r.json.data as { token: string }).token;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/**
 * Another client calling `method` back to back until stopped: how long each call took and when it
 * finished. Shows whether the server kept answering while it handled something else.
 */
export function watcher(web: Web, token: string, method = 'cases.list', input: unknown = { limit: 5 }) {
  const calls: { start: number; end: number; ms: number; status: number }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      const r = await web.post(method, input, { token });
      calls.push({ start, end: performance.now(), ms: r.ms, status: r.status });
      await new Promise((ok) => setTimeout(ok, 10));
    }
  })();
  return {
    calls,
    async stop() {
      running = false;
      await loop;
      return calls;
    },
  };
}
