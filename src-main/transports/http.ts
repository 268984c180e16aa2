import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { App } from '../app/app';
import { FileResponse, type CallContext } from '../api/context';
import { checkAccess } from '../api/registry';
import { ApiError, type ApiErrorShape } from '../../src-shared/api/errors';
import { methods } from '../../src-shared/api';
import { DEFAULT_MAX_BODY_BYTES, type MethodSpec } from '../../src-shared/api/contract';
import { MAX_INPUT_DEPTH } from '../../src-shared/api/hygiene';
import { UploadFormatError, UploadLimitError } from '../../src-shared/domain/uploadLimits';
import { jsonNestsDeeper } from '../services/uploads/jsonDepth';
import { parseBodyContained } from '../services/uploads/contained';
import { hostCheck, loopbackCheck, type HostCheck } from '../server/hostNames';
import { serveEvents } from './eventStream';
import { RequestTurns } from './requestTurns';

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
  throttled: 429,
  disk_full: 507,
  internal: 500,
};

/** Bodies up to this size are parsed on the request thread (well under a millisecond per 100 KB); larger ones in the upload worker. */
const INLINE_BODY_BYTES = 256 * 1024;
export interface WebServerOptions {
  port: number;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
}

/** What a request handler needs to know about the server it runs in. */
interface Gate {
  hosts: HostCheck;
  /** The workstation recorded on events: the socket's address, in the form of this server. */
  workstation: (address: string) => string;
  staticRoot: string;
  /** Requests that arrive together start one per turn of the event loop (requestTurns.ts). */
  turns: RequestTurns;
}

/** The socket's address; IPv4 clients of a dual-stack listener as plain IPv4. */
export function clientAddress(req: IncomingMessage): string {
  const a = req.socket.remoteAddress ?? '?';
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

/**
 * The web mode: the built UI and `POST /api/<method>` on 127.0.0.1 only. Requests must name our
 * own host (no DNS rebinding) and, when a browser sends an Origin, our own origin; every method but
 * login and system.info needs `Authorization: Bearer <token>`. Progress arrives on `GET /api/events`
 * as server-sent events (read with fetch, so the token stays in a header).
 */
export function startWebServer(app: App, opts: WebServerOptions): Promise<Server> {
  const staticRoot = resolve(opts.staticDir);
  let gate: Gate | null = null;
  const server = createServer((req, res) => dispatch(app, req, res, gate!));
  trackSockets(server);
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, '127.0.0.1', () => {
      const addr = server.address();
      gate = { hosts: loopbackCheck(typeof addr === 'object' && addr ? addr.port : opts.port), workstation: (a) => `web@${a}`, staticRoot, turns: new RequestTurns() };
      ok(server);
    });
  });
}

export interface CourtServerOptions {
  /** Interface address to listen on (an intranet address, or 0.0.0.0 / :: for all) and port. */
  host: string;
  port: number;
  /** Names and addresses the clients type, besides this machine's own addresses (server/hostNames.ts). */
  names: readonly string[];
  tls: { cert: string; key: string };
  staticDir: string;
}

/**
 * The court server: the same UI and the same registry as the web mode, over HTTPS (HTTP/1.1, TLS
 * 1.2 or later) on an intranet address, answering only requests that name this server (Host,
 * Origin). The workstation on every event is the client's address as the socket shows it.
 */
export function startCourtServer(app: App, opts: CourtServerOptions): Promise<HttpsServer> {
  let gate: Gate | null = null;
  const server = createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key, minVersion: 'TLSv1.2', ALPNProtocols: ['http/1.1'] }, (req, res) => dispatch(app, req, res, gate!));
  // Slow clients may not hold sockets forever: headers within 20 s, a whole request (a 32 MB upload
  // from a township tribunal's slow link included) within 10 minutes; answered streams are not cut.
  server.headersTimeout = 20_000;
  server.requestTimeout = 600_000;
  server.keepAliveTimeout = 65_000;
  trackSockets(server);
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      gate = { hosts: hostCheck({ listenHost: opts.host, port, names: opts.names, scheme: 'https' }), workstation: (a) => a, staticRoot: resolve(opts.staticDir), turns: new RequestTurns() };
      ok(server);
    });
  });
}

/** Lets `closeAll(server)` cut idle keep-alive connections and open event streams at shutdown. */
const sockets = new WeakMap<object, Set<Socket>>();
function trackSockets(server: HttpsServer | Server): void {
  const set = new Set<Socket>();
  sockets.set(server, set);
  server.on('connection', (s: Socket) => {
    set.add(s);
    s.on('close', () => set.delete(s));
  });
}

/** Stops accepting connections and closes the open ones (event streams included). */
export function closeAll(server: HttpsServer | Server): Promise<void> {
  return new Promise((ok) => {
    server.close(() => ok());
    for (const s of sockets.get(server) ?? []) s.destroy();
    (server as Server).closeAllConnections?.();
  });
}

function dispatch(app: App, req: IncomingMessage, res: ServerResponse, gate: Gate): void {
  const started = performance.now();
  res.on('finish', () => {
    if (!app.logger || !req.url?.startsWith('/api/') || req.url === '/api/events') return;
    app.logger.info('request', { method: req.url.slice(5, 80), status: res.statusCode, ms: Math.round(performance.now() - started), address: clientAddress(req) });
  });
  handle(app, req, res, gate).catch((e: unknown) => {
    app.log('error', 'request failed', e);
    if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: '内部错误' } });
    else res.end();
  });
}

async function handle(app: App, req: IncomingMessage, res: ServerResponse, gate: Gate): Promise<void> {
  if (!gate.hosts.host(req.headers.host)) return sendJson(res, 421, { ok: false, error: { code: 'forbidden', message: '拒绝：请求的服务器名称不是本服务器' } });
  const origin = req.headers.origin;
  if (origin !== undefined && !gate.hosts.origin(origin)) {
    return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: '拒绝：跨站请求' } });
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;

  if (path === '/api' && req.method === 'GET') return sendJson(res, 200, { ok: true, data: app.registry.names() });
  if (path === '/api/events' && req.method === 'GET') return serveEvents(app, req, res, contextFor(app, req, gate));
  // Monitoring tools poll the public health method with a plain GET (docs/security.md).
  if (path === '/api/system.status' && (req.method === 'GET' || req.method === 'HEAD')) {
    const result = await app.registry.call('system.status', {}, contextFor(app, req, gate));
    return sendJson(res, result.ok && (result.data as { status: string }).status === 'ok' ? 200 : 503, result);
  }
  if (path.startsWith('/api/')) {
    if (req.method !== 'POST') return refuse(req, res, 405, { code: 'invalid_input', message: '接口只接受 POST' });
    const method = decodeURIComponent(path.slice('/api/'.length));
    const spec = (methods as Record<string, MethodSpec>)[method];
    if (!spec || !app.registry.has(method)) return refuse(req, res, 404, { code: 'unknown_method', message: `没有名为 ${method.slice(0, 100)} 的接口` });
    // Who is calling, and whether they may call this method, is settled from the headers alone:
    // an unauthenticated or unauthorised request is answered before a byte of its body is read.
    const ctx = contextFor(app, req, gate);
    try {
      checkAccess(spec, ctx);
    } catch (e) {
      const err = (e as ApiError).toJSON();
      return refuse(req, res, STATUS[err.code] ?? 403, err);
    }
    const limit = spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    let body: unknown;
    try {
      const bytes = await readBody(req, limit);
      // readBody's buffer is this request's alone: a large one is handed to the worker, not copied.
      body = bytes.length <= INLINE_BODY_BYTES ? parseInline(bytes) : await parseBodyContained(bytes, spec.fileFields ?? [], { handOver: true });
    } catch (e) {
      if (e instanceof BodyTooLarge) return refuse(req, res, 413, { code: 'invalid_input', message: `请求体超过本接口的上限 ${formatBytes(limit)}，未处理` });
      if (e instanceof UploadLimitError || e instanceof UploadFormatError) return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: e.message } });
      throw e;
    }
    await gate.turns.take();
    const result = await app.registry.call(method, body, ctx);
    if (result.ok && result.data instanceof FileResponse) return sendFile(res, result.data);
    if (result.ok) return sendJson(res, 200, result);
    return sendJson(res, STATUS[result.error.code] ?? 400, result);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: '不支持的请求' } });
  return serveStatic(res, gate.staticRoot, path);
}

/**
 * The caller as the connection shows it. The workstation is the socket's remote address — never a
 * header the client chose: the audit trail records where a call came from. What the client says it
 * is (`X-Workstation`, the desktop's computer name; else the browser) is kept beside the session
 * for the administrator, marked as the client's own claim.
 */
function contextFor(app: App, req: IncomingMessage, gate: Gate): CallContext {
  const auth = req.headers.authorization ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : null;
  const user = app.sessions.resolve(app.db, token, app.clock.now());
  const address = clientAddress(req);
  const claimed = String(req.headers['x-workstation'] ?? req.headers['user-agent'] ?? '').replace(/[^\x20-\x7e\u4e00-\u9fff]/g, '').slice(0, 100);
  return { app, user, token, workstation: gate.workstation(address), transport: 'http', address, ...(claimed ? { client: claimed } : {}) };
}

class BodyTooLarge extends Error {}

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`);

/**
 * The body as bytes, refused (without reading on) past `limit`: by Content-Length up front, or as it
 * arrives. Each chunk is copied into one buffer reserved at the start (the declared length, or the
 * limit when none is declared: untouched pages cost nothing), so the copying is spread over the
 * arrival instead of one large concatenation at the end — for a 27 MB upload that one copy held
 * the request thread for 200 ms.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((ok, fail) => {
    const room = declared > 0 ? declared : limit;
    const body = Buffer.allocUnsafeSlow(room);
    let size = 0;
    const onData = (c: Buffer) => {
      if (size + c.length > room) {
        req.off('data', onData);
        fail(new BodyTooLarge());
        return;
      }
      c.copy(body, size);
      size += c.length;
    };
    req.on('data', onData);
    req.on('end', () => ok(body.subarray(0, size)));
    req.on('error', fail);
  });
}

/** A small body, parsed here: nesting checked first (one pass), then JSON.parse. */
function parseInline(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  if (text.trim() === '') return {};
  if (jsonNestsDeeper(text, MAX_INPUT_DEPTH)) throw new UploadFormatError(`请求体嵌套超过 ${MAX_INPUT_DEPTH} 层，未处理`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UploadFormatError('请求体不是有效的 JSON');
  }
}

/**
 * How much of a refused request's body is still read and dropped (at most, and for how long) before
 * the connection is cut: enough for the client to have read the answer (a connection cut mid-body
 * loses it), too little to make discarding a cost (it is about 7 ms of the request thread per MB).
 */
const DRAIN_BYTES = 4 * 1024 * 1024;
const DRAIN_MS = 5_000;

/**
 * Answers a request without having read its body. The answer goes out at once; up to DRAIN_BYTES of
 * the rest are read and dropped (never buffered or parsed), then the connection is cut.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, error: ApiErrorShape): void {
  sendJson(res, status, { ok: false, error });
  if (req.complete) return;
  let drained = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, DRAIN_MS);
  const done = () => clearTimeout(timer);
  req.on('data', (c: Buffer) => {
    drained += c.length;
    if (drained > DRAIN_BYTES) cut();
  });
  req.on('end', done);
  req.on('close', done);
  req.resume();
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
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), 'cache-control': 'no-store', ...securityHeaders() });
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
    // A file is never a page of ours: should anything render it (an uploaded attachment above all),
    // it runs no script and reaches nothing.
    'content-security-policy': "sandbox; default-src 'none'",
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
