import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { App } from '../../src-main/app/app';
import { FileResponse } from '../../src-main/api/context';
import { caseScope } from '../../src-main/services/auth/scope';

// A stand-in for the court server in tests: node:https with the given certificate, speaking the web
// mode's wire protocol (README "Web mode") over a real App — `POST /api/<method>` with a Bearer
// token, `GET /api/events` as server-sent events, files as attachments. It records what arrived,
// so a test can check what the client sent (and that a refused connection sent nothing).

export interface SeenRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  host: string | undefined;
}

export interface HttpsCourt {
  port: number;
  seen: SeenRequest[];
  /** Stops listening and cuts every open connection (a server that is killed). */
  kill(): Promise<void>;
}

const STATUS: Record<string, number> = { invalid_input: 400, unauthorized: 401, forbidden: 403, not_found: 404, unknown_method: 404, conflict: 409 };

export async function startHttpsCourt(app: App, cert: { cert: string; key: string }, port = 0): Promise<HttpsCourt> {
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer({ cert: cert.cert, key: cert.key }, (req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, host: req.headers.host });
    void handle(app, req, res);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const addr = server.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : 0,
    seen,
    kill: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

function tokenOf(req: IncomingMessage): string | null {
  const a = req.headers.authorization ?? '';
  return a.startsWith('Bearer ') ? a.slice(7) : null;
}

async function handle(app: App, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const token = tokenOf(req);
  const user = app.sessions.resolve(app.db, token, app.clock.now());
  if (req.url === '/api/events' && req.method === 'GET') {
    if (!user) return json(res, 401, { ok: false, error: { code: 'unauthorized', message: '请先登录' } });
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
    res.write(': connected\n\n');
    const off = app.bus.subscribeAs(
      () => ({ userId: user.id, scope: caseScope(user) }),
      (topic, data) => res.write(`event: ${topic}\ndata: ${JSON.stringify(data)}\n\n`),
    );
    req.on('close', off);
    return;
  }
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const method = decodeURIComponent((req.url ?? '').replace(/^\/api\//, ''));
  const input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
  if (method === 'test.file') {
    // A file result as the web mode sends one (documents, print files, exports).
    const body = Buffer.from('%PDF-1.7 测试文件\n', 'utf8');
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(body.length), 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(String(input.name))}` });
    res.end(body);
    return;
  }
  const result = await app.registry.call(method, input, { app, user, token, workstation: 'test', transport: 'http' });
  if (result.ok && result.data instanceof FileResponse) throw new Error('not used in these tests');
  json(res, result.ok ? 200 : (STATUS[result.error.code] ?? 400), result);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
