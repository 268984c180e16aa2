import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App } from '../app/app';
import type { CallContext } from '../api/context';
import type { Subscriber } from '../app/bus';
import { caseScope } from '../services/auth/scope';
import { toSessionUser } from '../services/auth/users';

// `GET /api/events`: the server-sent events of one logged-in client. Each push is delivered as the
// user's case scope allows (app/bus.ts: a team officer's stream carries only the team's cases); the
// scope is read again while the stream is open, so a user moved to another team stops receiving the
// old team's changes. A comment every 15 s keeps intermediaries from cutting a quiet stream (clients
// treat 45 s of silence as a dead link). The stream ends with its session: at logout, when the user
// is disabled or their sessions ended (Sessions.onEnd), and at idle or absolute expiry (checked every
// STREAM_CHECK_MS without counting as activity); a client then meets 401 and logs in again.

const STREAM_CHECK_MS = 5_000;
const PING_MS = 15_000;

/** The text of a push's data, made once for all the streams that receive the same object. */
const texts = new WeakMap<object, string>();
function textOf(data: unknown): string {
  if (typeof data !== 'object' || data === null) return JSON.stringify(data);
  let t = texts.get(data);
  if (t === undefined) texts.set(data, (t = JSON.stringify(data)));
  return t;
}

export function serveEvents(app: App, req: IncomingMessage, res: ServerResponse, ctx: CallContext): void {
  if (!ctx.user || !ctx.token) {
    const text = JSON.stringify({ ok: false, error: { code: 'unauthorized', message: '请先登录' } });
    res.writeHead(401, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), 'cache-control': 'no-store' });
    res.end(text);
    return;
  }
  const token = ctx.token;
  let who: Subscriber = { userId: ctx.user.id, scope: caseScope(ctx.user) };
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-content-type-options': 'nosniff', 'x-accel-buffering': 'no' });
  res.write(': connected\n\n');
  let open = true;
  const unsubscribe = app.bus.subscribeAs(
    () => who,
    (topic, data) => {
      res.write(`event: ${topic}\ndata: ${textOf(data)}\n\n`);
    },
  );
  const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
  const check = setInterval(() => {
    if (!app.sessions.alive(app.db, token)) return finish();
    // The user's team or roles may have changed: the scope follows.
    const row = app.db.get(app.db.q.selectFrom('users').selectAll().where('id', '=', who.userId));
    if (row) who = { userId: who.userId, scope: caseScope(toSessionUser(row)) };
  }, STREAM_CHECK_MS);
  const offEnd = app.sessions.onEnd(token, () => finish());
  const cleanup = () => {
    open = false;
    clearInterval(ping);
    clearInterval(check);
    unsubscribe();
    offEnd();
  };
  function finish(): void {
    if (!open) return;
    cleanup();
    res.end('event: session\ndata: {"ended":true}\n\n');
  }
  req.on('close', () => {
    if (open) cleanup();
  });
}
