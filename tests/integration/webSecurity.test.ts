import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { openTestApp, ADMIN_PASSWORD, type TestApp } from '../helpers/testApp';
import { startWebServer } from '../../src-main/transports/http';

// The web mode's guards: no token, another Origin or a wrong Host are refused; every
// response carries a strict Content-Security-Policy.

let t: TestApp;
let server: Server;
let port = 0;
let token = '';

interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, opts: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Res> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'POST', headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', fail);
    if (opts.body !== undefined) req.write(JSON.stringify(opts.body));
    req.end();
  });
}

beforeAll(async () => {
  t = openTestApp();
  const staticDir = mkdtempSync(join(tmpdir(), 'zhixing-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>执行</title>');
  server = await startWebServer(t.app, { port: 0, staticDir });
  port = (server.address() as { port: number }).port;
  const login = await send('/api/auth.login', { body: { username: 'admin', password: ADMIN_PASSWORD } });
  token = JSON.parse(login.body).data.token;
  t.user('clerk', ['window']);
});
afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  await t.close();
});

describe('web mode', () => {
  it('refuses a call without a valid token', async () => {
    const r = await send('/api/cases.list', { body: {} });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body).error.code).toBe('unauthorized');
    expect((await send('/api/cases.list', { body: {}, headers: { authorization: 'Bearer forged-token' } })).status).toBe(401);
    expect((await send('/api/cases.list', { body: {}, headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('refuses another origin and a wrong Host header (DNS rebinding)', async () => {
    const evil = await send('/api/cases.list', { body: {}, headers: { authorization: `Bearer ${token}`, origin: 'http://evil.example' } });
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body).error.code).toBe('forbidden');
    const ownOrigin = await send('/api/cases.list', { body: {}, headers: { authorization: `Bearer ${token}`, origin: `http://127.0.0.1:${port}` } });
    expect(ownOrigin.status).toBe(200);
    const rebinding = await send('/api/cases.list', { body: {}, headers: { authorization: `Bearer ${token}`, host: `attacker.example:${port}` } });
    expect(rebinding.status).toBe(421);
    expect((await send('/', { method: 'GET', headers: { host: 'attacker.example' } })).status).toBe(421);
  });

  it('answers 403 {"ok":false,"error":{"code":"forbidden"}} to a role that may not call a method', async () => {
    const login = await send('/api/auth.login', { body: { username: 'clerk', password: 'password-1' } });
    const clerk = JSON.parse(login.body).data.token as string;
    const r = await send('/api/backups.restore', { body: { name: 'x' }, headers: { authorization: `Bearer ${clerk}` } });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('sends a strict CSP and the other security headers on pages and API answers', async () => {
    for (const r of [await send('/', { method: 'GET' }), await send('/api/system.info', { body: {} })]) {
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('refuses non-JSON and oversized nonsense with a typed error and keeps serving', async () => {
    const r = await new Promise<Res>((ok, fail) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/cases.list', method: 'POST', headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      });
      req.on('error', fail);
      req.end("{'not json");
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.code).toBe('invalid_input');
    expect((await send('/api/system.info', { body: {} })).status).toBe(200);
  });
});
