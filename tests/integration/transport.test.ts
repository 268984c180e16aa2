import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { createHash } from 'node:crypto';
import { get } from 'node:http';
import { openTestApp, ADMIN_PASSWORD, type TestApp } from '../helpers/testApp';
import { serve, type Web } from '../helpers/web';
import { methods } from '../../src-shared/api';
import { DEFAULT_MAX_BODY_BYTES } from '../../src-shared/api/contract';

// The web transport's own guards (docs/security.md): who calls is settled from the headers before a
// byte of the body is read; each method's body is capped at its own need; JSON nesting is capped
// before parsing; the workstation is the socket's address, not a header; an event stream ends with
// its session (logout, the user disabled, idle expiry).

const MB = 1024 * 1024;

let t: TestApp;
let web: Web;
let admin = '';
let clerk = '';

beforeAll(async () => {
  t = openTestApp();
  t.user('clerk', ['window']);
  web = await serve(t);
  admin = await web.login('admin', ADMIN_PASSWORD);
  clerk = await web.login('clerk', 'password-1');
});
afterAll(async () => {
  await web?.close();
  await t?.close();
});

/**
 * Sends only the headers and the first 64 KB of a body that claims `declared` bytes, and waits for the
 * status line. A server that read the body before deciding would never answer: the rest never comes.
 */
function headersOnly(path: string, declared: number, headers: Record<string, string> = {}): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((ok, fail) => {
    const started = performance.now();
    const s = connect(web.port, '127.0.0.1');
    let got = '';
    const timer = setTimeout(() => {
      s.destroy();
      fail(new Error('no answer before the body was sent'));
    }, 5000);
    s.on('data', (c) => {
      got += c.toString('utf8');
      const end = got.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length: (\d+)/i.exec(got)?.[1] ?? 0);
      if (Buffer.byteLength(got.slice(end + 4)) < length) return;
      clearTimeout(timer);
      s.destroy();
      ok({ status: Number(got.slice(9, 12)), body: got.slice(end + 4), ms: performance.now() - started });
    });
    s.on('error', () => {});
    const head = [`POST ${path} HTTP/1.1`, `host: 127.0.0.1:${web.port}`, 'content-type: application/json', `content-length: ${declared}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    s.write(`${head.join('\r\n')}\r\n\r\n`);
    s.write('['.repeat(64 * 1024));
  });
}

describe('the body is read only after the caller is known and allowed', () => {
  it('answers 401 to a 20 MB nested body without a session before the body is sent', async () => {
    const r = await headersOnly('/api/cases.list', 20 * MB);
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body).error).toMatchObject({ code: 'unauthorized', message: '请先登录' });
    expect(r.ms).toBeLessThan(2000);
  });

  it('answers 403 to a role that may not call the method, also before the body', async () => {
    const r = await headersOnly('/api/backups.restore', 20 * MB, { authorization: `Bearer ${clerk}` });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.code).toBe('forbidden');
  });

  it('refuses a declared length past the method limit up front (413), naming the limit', async () => {
    const r = await headersOnly('/api/cases.list', 20 * MB, { authorization: `Bearer ${admin}` });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toBe('请求体超过本接口的上限 1 MB，未处理');
    const login = await headersOnly('/api/auth.login', 100 * 1024);
    expect(login.status).toBe(413);
    expect(JSON.parse(login.body).error.message).toBe('请求体超过本接口的上限 16 KB，未处理');
  });
});

describe('each method has the body limit it needs', () => {
  it('declares a small default, more only for uploads and bulk lists, and 16 KB for methods open to all', () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(MB);
    const declared = Object.entries(methods)
      .filter(([, s]) => 'maxBodyBytes' in s)
      .map(([n]) => n)
      .sort();
    expect(declared).toEqual(['archive.recordResults', 'attachments.upload', 'auth.login', 'caseAccounts.import', 'city.import', 'documents.markServed', 'inquiries.importFeedback', 'recovery.restore', 'recovery.status', 'system.info', 'system.setup', 'system.status']);
    // Methods open to all read their body before any login: 16 KB at most (the health method, polled by monitoring, 1 KB).
    for (const [name, spec] of Object.entries(methods)) if (spec.access === 'public') expect((spec as { maxBodyBytes?: number }).maxBodyBytes, name).toBe(name === 'system.status' ? 1024 : 16 * 1024);
  });

  it('counts a body sent without Content-Length (chunked) as it arrives', async () => {
    const r = await web.post('cases.list', null, { token: admin, raw: `{"text":"${'x'.repeat(2 * MB)}"}`, headers: { 'content-length': '' } });
    expect(r.status).toBe(413);
  });

  it('lets an upload method take a body past the default (parsed in the upload worker)', async () => {
    t.user('query', ['docsQuery']);
    const token = await web.login('query', 'password-1');
    const csv = Buffer.from(`批次号,案号\n${`A,${'B'.repeat(80)}\n`.repeat(30_000)}`);
    expect(csv.length).toBeGreaterThan(2 * MB);
    const r = await web.post('inquiries.importFeedback', { fileName: 'f.csv', contentBase64: csv.toString('base64') }, { token });
    expect(r.status).toBe(400);
    // Past the transport: refused by the file's own check (the rows name no known batch), not by size.
    expect(r.json!.error).toMatchObject({ code: 'invalid_input', field: 'contentBase64' });
    expect(r.json!.error!.message).toMatch(/缺少“被执行人”列|批次/);
  });
});

describe('JSON nesting', () => {
  it('refuses a body nested past 32 levels before parsing it, small or large', async () => {
    const deep = (n: number) => `{"a":${'['.repeat(n)}${']'.repeat(n)}}`;
    const ok = await web.post('cases.list', null, { token: admin, raw: '{"text":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}' });
    expect(ok.status).toBe(200); // brackets inside a string are text
    const r = await web.post('cases.list', null, { token: admin, raw: deep(40) });
    expect(r.status).toBe(400);
    expect(r.json!.error!.message).toBe('请求体嵌套超过 32 层，未处理');
    t.user('query2', ['docsQuery']);
    const token = await web.login('query2', 'password-1');
    const big = await web.post('inquiries.importFeedback', null, { token, raw: deep(400_000) });
    expect(big.status).toBe(400);
    expect(big.json!.error!.message).toBe('请求体嵌套超过 32 层，未处理');
  });
});

describe('who and where', () => {
  it('records the workstation from the connection, never from the X-Workstation header', async () => {
    const r = await web.post('settings.set', { idleLockMinutes: 20 }, { token: admin, headers: { 'x-workstation': 'forged-president-pc' } });
    expect(r.status).toBe(200);
    const row = t.app.db.raw<{ workstation: string }>("SELECT workstation FROM case_events WHERE type = 'settings.changed' ORDER BY id DESC LIMIT 1")[0]!;
    expect(row.workstation).toBe('web@127.0.0.1');
  });
});

/** Opens the caller's event stream; resolves `ended` with what it received when the server ends it. */
function openStream(token: string): Promise<{ ended: Promise<string> }> {
  return new Promise((ok, fail) => {
    const req = get({ host: '127.0.0.1', port: web.port, path: '/api/events', headers: { host: `127.0.0.1:${web.port}`, authorization: `Bearer ${token}` } }, (res) => {
      expect(res.statusCode).toBe(200);
      let text = '';
      const ended = new Promise<string>((done) => res.on('end', () => done(text)));
      res.on('data', (c: Buffer) => {
        text += c.toString('utf8');
        if (text.includes(': connected')) ok({ ended });
      });
    });
    req.on('error', fail);
  });
}

const within = <T,>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<never>((_, no) => setTimeout(() => no(new Error(`not within ${ms} ms`)), ms))]);

describe('event streams end with their session', () => {
  it('at logout', async () => {
    const token = await web.login('clerk', 'password-1');
    const s = await openStream(token);
    await web.post('auth.logout', {}, { token });
    expect(await within(s.ended, 2000)).toMatch(/event: session\ndata: \{"ended":true\}/);
  });

  it('when the administrator disables the user', async () => {
    t.user('gone', ['window']);
    const token = await web.login('gone', 'password-1');
    const s = await openStream(token);
    const id = t.app.db.raw<{ id: number }>("SELECT id FROM users WHERE username = 'gone'")[0]!.id;
    await web.post('users.update', { id, active: false }, { token: admin });
    expect(await within(s.ended, 2000)).toMatch(/"ended":true/);
  });

  it('at idle expiry, without the open stream counting as activity', async () => {
    const token = await web.login('clerk', 'password-1');
    const s = await openStream(token);
    // The session was last used longer ago than idleLockMinutes (20, set above): the stream's own
    // check (every 5 s) finds it expired.
    const hash = createHash('sha256').update(token).digest('hex');
    const session = (t.app.sessions as unknown as { live: Map<string, { lastSeenMs: number }> }).live.get(hash)!;
    session.lastSeenMs -= 21 * 60_000;
    expect(await within(s.ended, 8000)).toMatch(/"ended":true/);
    expect(t.app.sessions.resolve(t.app.db, token)).toBeNull();
  });
});
