import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { App } from '../app/app';
import { FileResponse, type CallContext } from '../api/context';
import type { ApiErrorShape } from '../../src-shared/api/errors';

/** The strict CSP of the UI: only our own scripts and styles; no remote content at all. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const STATUS: Record<string, number> = {
  invalid_input: 400,
  needs_confirmation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  read_only: 409,
  disk_full: 507,
  internal: 500,
};

const MAX_BODY = 64 * 1024 * 1024;

export interface WebServerOptions {
  port: number;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
}

/**
 * The web mode: the built UI and `POST /api/<method>` on 127.0.0.1 only. Requests must name our
 * own host (no DNS rebinding) and, when a browser sends an Origin, our own origin; every method but
 * login and system.info needs `Authorization: Bearer <token>`. Progress arrives on `GET /api/events`
 * as server-sent events (read with fetch, so the token stays in a header).
 */
export function startWebServer(app: App, opts: WebServerOptions): Promise<Server> {
  const staticRoot = resolve(opts.staticDir);
  const server = createServer((req, res) => {
    handle(app, req, res, staticRoot, server).catch((e: unknown) => {
      app.log('error', 'request failed', e);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: '内部错误' } });
      else res.end();
    });
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, '127.0.0.1', () => ok(server));
  });
}

async function handle(app: App, req: IncomingMessage, res: ServerResponse, staticRoot: string, server: Server): Promise<void> {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!allowedHosts.has(req.headers.host ?? '')) return sendJson(res, 421, { ok: false, error: { code: 'forbidden', message: '拒绝：Host 不是本机地址' } });
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
    return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: '拒绝：跨站请求' } });
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  const path = url.pathname;

  if (path === '/api' && req.method === 'GET') return sendJson(res, 200, { ok: true, data: app.registry.names() });
  if (path === '/api/events' && req.method === 'GET') return events(app, req, res);
  if (path.startsWith('/api/')) {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: '接口只接受 POST' } });
    const method = decodeURIComponent(path.slice('/api/'.length));
    if (!app.registry.has(method)) return sendJson(res, 404, { ok: false, error: { code: 'unknown_method', message: `没有名为 ${method.slice(0, 100)} 的接口` } });
    let body: unknown;
    try {
      body = await readJson(req);
    } catch (e) {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: e instanceof Error ? e.message : '请求体不是有效的 JSON' } });
    }
    const ctx = contextFor(app, req);
    const result = await app.registry.call(method, body, ctx);
    if (result.ok && result.data instanceof FileResponse) return sendFile(res, result.data);
    if (result.ok) return sendJson(res, 200, result);
    return sendJson(res, STATUS[result.error.code] ?? 400, result);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: '不支持的请求' } });
  return serveStatic(res, staticRoot, path);
}

function contextFor(app: App, req: IncomingMessage): CallContext {
  const auth = req.headers.authorization ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : null;
  const user = app.sessions.resolve(app.db, token, app.clock.now());
  const workstation = String(req.headers['x-workstation'] ?? `web@${req.socket.remoteAddress ?? '?'}`).slice(0, 100);
  return { app, user, token, workstation, transport: 'http' };
}

function events(app: App, req: IncomingMessage, res: ServerResponse): void {
  const ctx = contextFor(app, req);
  if (!ctx.user) return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: '请先登录' } });
  const userId = ctx.user.id;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-content-type-options': 'nosniff' });
  res.write(': connected\n\n');
  const unsubscribe = app.bus.subscribe((e) => {
    if (e.userId !== undefined && e.userId !== userId) return;
    res.write(`event: ${e.topic}\ndata: ${JSON.stringify(e.data)}\n\n`);
  });
  const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(ping);
    unsubscribe();
  });
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(new Error('请求体过大'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return ok({});
      try {
        ok(JSON.parse(text));
      } catch {
        fail(new Error('请求体不是有效的 JSON'));
      }
    });
    req.on('error', fail);
  });
}

function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

function sendJson(res: ServerResponse, status: number, body: { ok: boolean; data?: unknown; error?: ApiErrorShape }): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...securityHeaders() });
  res.end(text);
}

function sendFile(res: ServerResponse, f: FileResponse): void {
  if (!existsSync(f.path)) return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: '文件不存在' } });
  res.writeHead(200, {
    'content-type': f.mime,
    'content-length': String(statSync(f.path).size),
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
    'cache-control': 'no-store',
    ...securityHeaders(),
  });
  createReadStream(f.path).pipe(res);
}

function serveStatic(res: ServerResponse, root: string, urlPath: string): void {
  const rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  let file = join(root, rel);
  if (!file.startsWith(root + sep) && file !== root) return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: '没有这个页面' } });
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html'); // single-page app
  if (!existsSync(file)) return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: '界面尚未构建：请先运行 npm run build' } });
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    ...securityHeaders(),
  });
  createReadStream(file).pipe(res);
}
