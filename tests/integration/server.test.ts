import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { httpsCall, httpsLogin, peerFingerprint, readEvents, startServer, type RunningServer } from '../helpers/courtServer';
import { sampleDraft, makeId } from '../helpers/drafts';

// The court server as the court runs it: the real command-line entry in its own process, over
// HTTPS on loopback. Its certificate is created at the first start, kept in the data folder and
// shown again at every start; requests must name the server; sessions outlive a restart; fifty
// clerks filing at once get consecutive numbers.

const ADMIN = 'admin-pass-1';
// The ports this work may use on the shared machine (8637 is the end-to-end tests').
const PORT_A = 8638;
const PORT_B = 8639;
const dirs: string[] = [];
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'zhixing-server-'));
  dirs.push(d);
  return d;
}

async function start(args: string[]): Promise<RunningServer> {
  const s = await startServer(args);
  servers.push(s);
  return s;
}

/** SHA-256 over the DER bytes of a PEM certificate, computed by hand. */
function pemFingerprint(pem: string): string {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
}

describe('the court server (npm run server)', () => {
  let dir: string;
  let first: RunningServer;
  beforeAll(async () => {
    dir = dataDir();
    first = await start(['--data', dir, '--listen', `127.0.0.1:${PORT_A}`, '--name', 'zhixing.kailu.test', '--admin-password', ADMIN, '--court-name', '开鲁县人民法院', '--court-code', '内0523']);
  }, 120_000);

  it('creates its certificate at setup, keeps it private in the data folder, prints its fingerprint and shows exactly that certificate', async () => {
    const certFile = join(dir, 'config', 'server-cert.pem');
    const keyFile = join(dir, 'config', 'server-key.pem');
    expect(existsSync(certFile) && existsSync(keyFile)).toBe(true);
    if (process.platform !== 'win32') {
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(statSync(certFile).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'config', 'server.json')).mode & 0o777).toBe(0o600);
    }
    const fp = pemFingerprint(readFileSync(certFile, 'utf8'));
    expect(first.fingerprint256).toBe(fp);
    // The administrator's copy: four lines of eight pairs, as the desktop shows it.
    const pairs = fp.split(':');
    for (let i = 0; i < 32; i += 8) expect(first.stdout()).toContain(pairs.slice(i, i + 8).join(' '));
    expect(await peerFingerprint(first.port)).toBe(fp);
  });

  it('serves the registry over HTTPS only, to requests that name it', async () => {
    const status = await httpsCall(first.port, '/api/system.status', undefined, { method: 'GET' });
    expect(status.status).toBe(200);
    expect(status.json!.data).toMatchObject({ status: 'ok', readOnly: false });
    expect((await httpsCall(first.port, 'system.info', {}, { headers: { host: `zhixing.kailu.test:${first.port}` } })).json!.data).toMatchObject({ mode: 'server' });
    expect((await httpsCall(first.port, 'system.info', {}, { headers: { host: `localhost:${first.port}` } })).status).toBe(200);
    expect((await httpsCall(first.port, 'system.info', {}, { headers: { host: `evil.example:${first.port}` } })).status).toBe(421);
    expect((await httpsCall(first.port, 'system.info', {}, { headers: { origin: `https://zhixing.kailu.test:${first.port}` } })).status).toBe(200);
    expect((await httpsCall(first.port, 'system.info', {}, { headers: { origin: `http://zhixing.kailu.test:${first.port}` } })).status).toBe(403);
    expect((await httpsCall(first.port, 'system.info', {}, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
    // Plain HTTP on the same port is not spoken at all.
    const plain = await new Promise<string>((ok) => {
      const req = httpRequest({ host: '127.0.0.1', port: first.port, path: '/api/system.status' }, (res) => ok(`answered ${res.statusCode}`));
      req.on('error', (e: NodeJS.ErrnoException) => ok(e.code ?? 'error'));
      req.end();
    });
    expect(plain).not.toMatch(/^answered 200/);
  });

  it('records the client address on the events of a call and logs each request as a JSON line', async () => {
    const token = await httpsLogin(first.port, 'admin', ADMIN);
    const r = await httpsCall(first.port, 'settings.set', { officePhone: '0475-1234567' }, { token });
    expect(r.status).toBe(200);
    const readLog = () => readFileSync(join(dir, 'logs', 'zhixing-server.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const logged = (l: Record<string, unknown>) => l.msg === 'request' && l.method === 'settings.set' && l.status === 200 && l.address === '127.0.0.1';
    // The server writes a request's line when the response has left ('finish'), which the client
    // may see first: wait for it a little.
    for (let i = 0; i < 50 && !readLog().some(logged); i++) await new Promise((ok) => setTimeout(ok, 100));
    const log = readLog();
    expect(log.find((l) => l.msg === 'listening')).toMatchObject({ level: 'info', fingerprint256: first.fingerprint256 });
    expect(log.some(logged)).toBe(true);
    // The request thread runs above normal priority where the system allows it (root here; the
    // systemd unit's LimitNICE=-5 for the service user), and the log says at which (field 19 of
    // /proc/<pid>/task/<tid>/stat is the thread's nice value; the main thread's tid is the pid).
    if (process.platform === 'linux') {
      const nice = Number(readFileSync(`/proc/${first.child.pid}/task/${first.child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[16]);
      expect(log.find((l) => l.msg === 'listening')!.requestThreadNice).toBe(nice);
      if (process.getuid?.() === 0) expect(nice).toBe(-5);
    }
    // The audit trail names the computer the call came from (the socket's address), for the login too.
    const db = new Database(join(dir, 'zhixing.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare("SELECT type, workstation FROM case_events WHERE type IN ('auth.login', 'settings.changed') ORDER BY id DESC LIMIT 2").all() as { type: string; workstation: string }[];
      expect(rows).toEqual([
        { type: 'settings.changed', workstation: '127.0.0.1' },
        { type: 'auth.login', workstation: '127.0.0.1' },
      ]);
    } finally {
      db.close();
    }
  });

  it('is stopped and started again: the same certificate, and sessions that go on (clients rejoin without logging in)', async () => {
    const token = await httpsLogin(first.port, 'admin', ADMIN);
    expect(await first.stop('SIGKILL')).toBeNull(); // killed, not stopped politely
    const again = await start(['--data', dir]);
    expect(again.fingerprint256).toBe(first.fingerprint256);
    await expect.poll(() => again.stdout()).toContain('服务器证书（首次启动时生成）的 SHA-256 指纹');
    expect(await peerFingerprint(again.port)).toBe(first.fingerprint256);
    expect((await httpsCall(again.port, 'auth.me', {}, { token })).json).toMatchObject({ ok: true, data: { username: 'admin' } });
    const stream = readEvents(again.port, token);
    expect(await stream.status).toBe(200);
    stream.close();
    // The configuration of the first start was kept: the name still answers.
    expect((await httpsCall(again.port, 'system.info', {}, { headers: { host: `zhixing.kailu.test:${again.port}` } })).status).toBe(200);
    // A renewed certificate is a new fingerprint (every workstation must confirm it again).
    expect(await again.stop('SIGTERM')).toBe(0);
    const renewed = await start(['--data', dir, '--renew-certificate']);
    expect(renewed.fingerprint256).not.toBe(first.fingerprint256);
    await expect.poll(() => renewed.stdout()).toContain('本次启动新生成的服务器证书');
    await renewed.stop('SIGTERM');
  }, 120_000);
});

describe('fifty clerks filing at once', () => {
  it('get fifty consecutive case numbers, none twice and none skipped', async () => {
    const dir = dataDir();
    const s = await start(['--data', dir, '--listen', `127.0.0.1:${PORT_B}`, '--admin-password', ADMIN, '--court-name', '开鲁县人民法院', '--court-code', '内0523', '--quiet']);
    const admin = await httpsLogin(s.port, 'admin', ADMIN);
    // Five window clerks, ten workstations each.
    for (let u = 0; u < 5; u++) {
      const r = await httpsCall(s.port, 'users.create', { username: `window${u}`, displayName: `窗口${u}`, password: 'window-pass-1', roles: ['window'] }, { token: admin });
      expect(r.status, r.body).toBe(200);
    }
    const tokens = await Promise.all(Array.from({ length: 50 }, (_, i) => httpsLogin(s.port, `window${i % 5}`, 'window-pass-1')));
    expect(new Set(tokens).size).toBe(50);
    const year = (await httpsCall(s.port, 'system.info', {})).json!.data as { today: string };
    const filedOn = year.today;
    const replies = await Promise.all(
      tokens.map((token, i) =>
        httpsCall(
          s.port,
          'cases.file',
          sampleDraft({
            filedOn,
            title: { court: '开鲁县人民法院', number: `（2025）内0523民初${1000 + i}号`, effectiveOn: '2025-06-01', cause: '借款合同纠纷' },
            debtors: [{ kind: 'person', name: `被执行人${i}`, idNumber: makeId('19800101', 100 + i) }],
          }),
          { token },
        ),
      ),
    );
    for (const r of replies) expect(r.status, r.body).toBe(200);
    const serials = replies.map((r) => (r.json!.data as { serial: number }).serial).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const numbers = replies.map((r) => (r.json!.data as { number: string }).number);
    expect(new Set(numbers).size).toBe(50);
    await s.stop('SIGTERM');
  }, 180_000);
});
