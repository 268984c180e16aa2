import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeCaseChanges } from '../../src-shared/live/caseFeedWire';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:https';
import { openTestApp, ADMIN_PASSWORD, type TestApp } from '../helpers/testApp';
import { sampleDraft, makeId } from '../helpers/drafts';
import { httpsCall, httpsLogin, readEvents, type EventReader } from '../helpers/courtServer';
import { closeAll, startCourtServer } from '../../src-main/transports/http';
import { createServerCertificate } from '../../src-main/net/certificate';
import { appendEvent } from '../../src-main/events/log';
import { withExpectations } from '../../src-main/events/caseVersion';
import { SYSTEM_ACTOR } from '../../src-main/events/log';

// Many clerks on one court server (HTTPS on loopback, the real transport over a real App):
// throttled logins, sessions that expire and can be ended, the client's address on every event,
// writes that state the case version the clerk saw, and pushes that carry only the cases each
// user may see.

let t: TestApp | null = null;
let server: Server | null = null;
afterEach(async () => {
  vi.useRealTimers();
  if (server) await closeAll(server);
  server = null;
  await t?.close();
  t = null;
});

async function court(): Promise<{ t: TestApp; port: number }> {
  t = openTestApp();
  const tls = await createServerCertificate({ hosts: ['127.0.0.1'] });
  const staticDir = mkdtempSync(join(tmpdir(), 'zhixing-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>执行</title>');
  server = await startCourtServer(t.app, { host: '127.0.0.1', port: 0, names: [], tls, staticDir });
  return { t, port: (server.address() as { port: number }).port };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('login throttling', () => {
  it('pauses an account name after too many failures and says until when — alike for a name that does not exist', async () => {
    const { t, port } = await court();
    t.app.clock.set('2026-11-22T02:00:00Z'); // 10:00 court time
    await t.call('settings.set', { loginMaxFailures: 3, loginLockMinutes: 10 });
    t.user('clerk', ['window']);
    for (let i = 0; i < 3; i++) expect((await httpsCall(port, 'auth.login', { username: 'clerk', password: 'wrong-pass-1' })).status).toBe(401);
    const paused = await httpsCall(port, 'auth.login', { username: 'clerk', password: 'password-1' });
    expect(paused.status).toBe(429);
    expect(paused.json!.error).toMatchObject({ code: 'throttled', message: '此用户名登录失败次数过多，已暂停登录，请于 10:10 后再试' });
    for (let i = 0; i < 3; i++) expect((await httpsCall(port, 'auth.login', { username: 'ghost', password: 'wrong-pass-1' })).status).toBe(401);
    const ghost = await httpsCall(port, 'auth.login', { username: 'ghost', password: 'wrong-pass-1' });
    expect(ghost.status).toBe(429);
    expect(ghost.json!.error!.message).toBe(paused.json!.error!.message);
    // Other accounts are not affected; after the pause the clerk logs in.
    expect((await httpsCall(port, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
    t.app.clock.set('2026-11-22T02:10:30Z');
    expect((await httpsCall(port, 'auth.login', { username: 'clerk', password: 'password-1' })).status).toBe(200);
  });

  it('pauses a client address that sprays many names, and records it with the address', async () => {
    const { t, port } = await court();
    t.app.clock.set('2026-11-22T02:00:00Z');
    await t.call('settings.set', { loginAddressMaxFailures: 5, loginMaxFailures: 5, loginLockMinutes: 15 });
    t.user('clerk', ['window']);
    for (let i = 0; i < 5; i++) expect((await httpsCall(port, 'auth.login', { username: `guess${i}`, password: 'wrong-pass-1' })).status).toBe(401);
    // Even the right password from that computer waits.
    const r = await httpsCall(port, 'auth.login', { username: 'clerk', password: 'password-1' });
    expect(r.status).toBe(429);
    expect(r.json!.error!.message).toBe('此计算机（127.0.0.1）登录失败次数过多，已暂停登录，请于 10:15 后再试');
    const ev = t.app.db.raw<{ workstation: string; payload: string }>("SELECT workstation, payload FROM case_events WHERE type = 'auth.throttled'");
    expect(ev).toHaveLength(1);
    expect(ev[0]!.workstation).toBe('127.0.0.1');
    expect(JSON.parse(ev[0]!.payload)).toMatchObject({ address: '127.0.0.1', failures: 5 });
    t.app.clock.set('2026-11-22T02:15:30Z');
    expect((await httpsCall(port, 'auth.login', { username: 'clerk', password: 'password-1' })).status).toBe(200);
  });
});

describe('sessions', () => {
  it('end after sessionMaxHours however busy the clerk is (wall clock), and are kept only as hashes', async () => {
    const { t, port } = await court();
    await t.call('settings.set', { sessionMaxHours: 1, idleLockMinutes: 30 });
    t.user('clerk', ['window']);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T02:00:00Z'));
    const token = await httpsLogin(port, 'clerk', 'password-1');
    for (let minute = 10; minute <= 50; minute += 10) {
      vi.setSystemTime(new Date(Date.UTC(2026, 10, 22, 2, minute)));
      expect((await httpsCall(port, 'auth.me', {}, { token })).status).toBe(200);
    }
    vi.setSystemTime(new Date('2026-11-22T03:00:30Z'));
    expect((await httpsCall(port, 'auth.me', {}, { token })).status).toBe(401);
    const rows = t.app.db.raw<{ token_hash: string; end_reason: string; address: string }>("SELECT s.token_hash, s.end_reason, s.address FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'clerk'");
    expect(rows).toEqual([{ token_hash: expect.stringMatching(/^[0-9a-f]{64}$/), end_reason: 'expired', address: '127.0.0.1' }]);
    expect(JSON.stringify(t.app.db.raw('SELECT * FROM sessions'))).not.toContain(token);
  });

  it('are listed for the administrator with the address, and ended by the administrator: the client meets 401 and its stream ends', async () => {
    const { t, port } = await court();
    t.user('clerk', ['window']);
    const admin = await httpsLogin(port, 'admin', ADMIN_PASSWORD);
    const login = await httpsCall(port, 'auth.login', { username: 'clerk', password: 'password-1' }, { headers: { 'x-workstation': 'PC-ZHANG' } });
    const clerk = (login.json!.data as { token: string }).token;
    const stream = readEvents(port, clerk);
    expect(await stream.status).toBe(200);
    const list = (await httpsCall(port, 'sessions.list', {}, { token: admin })).json!.data as { id: number; username: string; address: string; client: string; current: boolean }[];
    const mine = list.find((s) => s.username === 'admin')!;
    const theirs = list.find((s) => s.username === 'clerk')!;
    expect(mine.current).toBe(true);
    expect(theirs).toMatchObject({ address: '127.0.0.1', client: 'PC-ZHANG', current: false });
    // Only the administrator may.
    expect((await httpsCall(port, 'sessions.list', {}, { token: clerk })).status).toBe(403);
    const r = await httpsCall(port, 'sessions.revoke', { ids: [theirs.id] }, { token: admin });
    expect(r.json).toMatchObject({ ok: true, data: { ended: 1 } });
    await stream.ended;
    expect(stream.events.at(-1)).toEqual({ topic: 'session', data: { ended: true } });
    expect((await httpsCall(port, 'auth.me', {}, { token: clerk })).status).toBe(401);
    expect((await httpsCall(port, 'auth.me', {}, { token: admin })).status).toBe(200);
    const ev = t.app.db.raw<{ workstation: string; actor_name: string; payload: string }>("SELECT workstation, actor_name, payload FROM case_events WHERE type = 'session.revoked'");
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ workstation: '127.0.0.1', actor_name: '系统管理员' });
    expect(JSON.parse(ev[0]!.payload)).toMatchObject({ sessionIds: [theirs.id], reason: 'revoked' });
  });

  it('end when the user is disabled or their password is reset', async () => {
    const { t, port } = await court();
    t.user('a', ['window']);
    t.user('b', ['window']);
    const admin = await httpsLogin(port, 'admin', ADMIN_PASSWORD);
    const a = await httpsLogin(port, 'a', 'password-1');
    const b = await httpsLogin(port, 'b', 'password-1');
    const id = (u: string) => t.app.db.raw<{ id: number }>('SELECT id FROM users WHERE username = ?', u)[0]!.id;
    await httpsCall(port, 'users.update', { id: id('a'), active: false }, { token: admin });
    await httpsCall(port, 'users.setPassword', { id: id('b'), password: 'reset-pass-1' }, { token: admin });
    expect((await httpsCall(port, 'auth.me', {}, { token: a })).status).toBe(401);
    expect((await httpsCall(port, 'auth.me', {}, { token: b })).status).toBe(401);
    const reasons = t.app.db.raw<{ username: string; end_reason: string }>('SELECT u.username, s.end_reason FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.ended_at IS NOT NULL ORDER BY u.username');
    expect(reasons).toEqual([
      { username: 'a', end_reason: 'disabled' },
      { username: 'b', end_reason: 'password' },
    ]);
  });
});

describe('case versions: a stale write is refused with who changed the case and when', () => {
  async function moneyCourt() {
    const c = await court();
    c.t.app.clock.set('2026-11-22T02:00:00Z');
    c.t.user('zhang', ['money']);
    c.t.app.db.rawRun("UPDATE users SET display_name = '张三' WHERE username = 'zhang'");
    c.t.user('li', ['money']);
    c.t.app.db.rawRun("UPDATE users SET display_name = '李四' WHERE username = 'li'");
    const filed = await c.t.call('cases.file', sampleDraft());
    return { ...c, caseId: filed.id, zhang: await httpsLogin(c.port, 'zhang', 'password-1'), li: await httpsLogin(c.port, 'li', 'password-1') };
  }

  it('two money clerks on one case account: the second one is told 此案件已由张三于 10:42 修改，请刷新后重试 and nothing is written', async () => {
    const { t, port, caseId, zhang, li } = await moneyCourt();
    const seenByZhang = await httpsCall(port, 'ledger.get', { caseId }, { token: zhang });
    const seenByLi = await httpsCall(port, 'ledger.get', { caseId }, { token: li });
    expect(typeof seenByZhang.json!.asOf).toBe('number');
    const receipt = (token: string, asOf: number) => httpsCall(port, 'ledger.record', { kind: 'receipt', caseId, amountFen: 500_000, on: '2026-11-22', source: 'voluntary', seen: { asOf } }, { token });
    t.app.clock.set('2026-11-22T02:42:00Z'); // 10:42 court time
    expect((await receipt(zhang, seenByZhang.json!.asOf!)).status).toBe(200);
    const stale = await receipt(li, seenByLi.json!.asOf!);
    expect(stale.status).toBe(409);
    expect(stale.json!.error).toMatchObject({ code: 'conflict', message: '此案件已由张三于 10:42 修改，请刷新后重试', field: 'seen' });
    const number = t.app.db.raw<{ number: string }>('SELECT number FROM cases WHERE id = ?', caseId)[0]!.number;
    expect((stale.json!.error!.details as { changed: unknown[] }).changed).toEqual([{ caseId, number, version: expect.any(Number), by: '张三', at: expect.stringMatching(/^2026-11-22T02:42:00/) }]);
    expect(t.app.db.raw<{ n: number }>("SELECT count(*) AS n FROM ledger_entries WHERE kind = 'receipt'")[0]!.n).toBe(1);
    // Having looked again, the clerk's write goes through; the per-case version works the same way.
    const again = await httpsCall(port, 'cases.get', { id: caseId }, { token: li });
    const version = (again.json!.data as { version: number }).version;
    const ok = await httpsCall(port, 'ledger.record', { kind: 'receipt', caseId, amountFen: 100, on: '2026-11-22', source: 'voluntary', seen: { cases: { [caseId]: version } } }, { token: li });
    expect(ok.status, ok.body).toBe(200);
  });

  it('requires a client to state the version of every case a write changes; the app itself may not', async () => {
    const { t, port, caseId, zhang } = await moneyCourt();
    const none = await httpsCall(port, 'ledger.record', { kind: 'receipt', caseId, amountFen: 100, on: '2026-11-22', source: 'voluntary' }, { token: zhang });
    expect(none.status).toBe(400);
    expect(none.json!.error).toMatchObject({ code: 'invalid_input', field: 'seen' });
    const other = await httpsCall(port, 'ledger.record', { kind: 'receipt', caseId, amountFen: 100, on: '2026-11-22', source: 'voluntary', seen: { cases: { [caseId + 99]: 1 } } }, { token: zhang });
    expect(other.status).toBe(400);
    await t.call('ledger.record', { kind: 'receipt', caseId, amountFen: 100, on: '2026-11-22', source: 'voluntary' });
  });

  it('moves the version with every change but not with a logged viewing', async () => {
    const { t, caseId } = await moneyCourt();
    const v0 = (await t.call('cases.get', { id: caseId })).version;
    expect(v0).toBe(t.app.db.raw<{ id: number }>("SELECT max(id) AS id FROM case_events WHERE case_id = ? AND type = 'case.filed'", caseId)[0]!.id);
    await t.call('cases.reveal', { caseId });
    expect((await t.call('cases.get', { id: caseId })).version).toBe(v0);
    await t.call('ledger.record', { kind: 'receipt', caseId, amountFen: 100, on: '2026-11-22', source: 'voluntary' });
    const v1 = (await t.call('cases.get', { id: caseId })).version;
    expect(v1).toBeGreaterThan(v0);
    expect((await t.call('cases.list', {})).rows.find((r) => r.id === caseId)!.version).toBe(v1);
  });

  it('refuses a batch naming each changed case, or leaves them out when asked and says which', async () => {
    const { t, port } = await moneyCourt();
    t.user('docs', ['docsQuery']);
    const docs = await httpsLogin(port, 'docs', 'password-1');
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await t.call('cases.file', sampleDraft({ title: { court: '开鲁县人民法院', number: `（2026）内0523民初${200 + i}号`, effectiveOn: '2026-09-01', cause: '买卖合同纠纷' }, debtors: [{ kind: 'person', name: `王${i}`, idNumber: makeId('19800101', 300 + i) }] }));
      ids.push(c.id);
    }
    const view = await httpsCall(port, 'cases.list', { filter: { ids } }, { token: docs });
    const asOf = view.json!.asOf!;
    // Someone else changes the middle case after the clerk's grid was loaded.
    await t.call('cases.suspend', { caseIds: [ids[1]!], kind: '公告', onDate: '2026-11-22', reason: '公告送达' }, 'admin');
    const suspend = (skipChanged?: boolean) => httpsCall(port, 'cases.suspend', { caseIds: ids, kind: '鉴定', onDate: '2026-11-22', reason: '委托鉴定', seen: { asOf, ...(skipChanged ? { skipChanged } : {}) } }, { token: docs });
    const refused = await suspend();
    expect(refused.status).toBe(409);
    expect(refused.json!.error!.message).toMatch(/^以下 1 件案件在您查看之后已被他人修改：（2026）内0523执\d+号（系统管理员于 \d\d:\d\d 修改），请刷新后重试$/);
    expect((refused.json!.error!.details as { changed: { caseId: number }[] }).changed.map((c) => c.caseId)).toEqual([ids[1]]);
    expect(t.app.db.raw("SELECT 1 FROM case_events WHERE type = 'case.suspended' AND payload LIKE '%鉴定%'")).toHaveLength(0);
    const skipped = await suspend(true);
    expect(skipped.status, skipped.body).toBe(200);
    expect((skipped.json!.skipped as { caseId: number; by: string }[]).map((s) => [s.caseId, s.by])).toEqual([[ids[1], '系统管理员']]);
    const suspendedFor = t.app.db.raw<{ case_id: number }>("SELECT case_id FROM case_events WHERE type = 'case.suspended' AND payload LIKE '%鉴定%' ORDER BY case_id").map((r) => r.case_id);
    expect(suspendedFor).toEqual([ids[0], ids[2]]);
  });

  it('checks again inside the write: a change that slips in while a handler waits is refused there', async () => {
    const { t, caseId } = await moneyCourt();
    const version = (await t.call('cases.get', { id: caseId })).version;
    const db = t.app.db;
    const before = db.raw<{ n: number }>('SELECT count(*) AS n FROM case_events')[0]!.n;
    await expect(
      withExpectations({ cases: new Map([[caseId, version]]), asOf: null, changed: new Set(), single: true }, async () => {
        await wait(1);
        // Another clerk's write lands while this call awaits (e.g. a document render).
        await withExpectations({ cases: new Map(), asOf: null, changed: new Set(), single: true }, async () =>
          db.tx(() => appendEvent(db, { id: null, name: '王五', workstation: '10.0.0.9' }, new Date(), { caseId, type: 'document.mailed', payload: { documentId: 1, kind: '执行通知书', trackingNumber: 'XA0001' } })),
        );
        db.tx(() => appendEvent(db, SYSTEM_ACTOR, new Date(), { caseId, type: 'closure.attested', payload: { item: 'noticeServed', label: '已送达执行通知书', note: '' } }));
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/^此案件已由王五于 .+ 修改，请刷新后重试$/) });
    expect(db.raw<{ n: number }>('SELECT count(*) AS n FROM case_events')[0]!.n).toBe(before + 1);
  });
});

describe('live updates carry only what each user may see', () => {
  it('a change reaches the clients whose scope holds the case, and no other team; a new case only the command centre', async () => {
    const { t, port } = await court();
    t.app.clock.set('2026-11-22T02:00:00Z');
    await t.call('settings.set', {
      teams: [
        { id: 'x', name: '开鲁法庭', kind: 'tribunal', areas: [], active: true },
        { id: 'y', name: '东风法庭', kind: 'tribunal', areas: [], active: true },
      ],
    });
    t.user('officerX', ['team'], 'x');
    t.user('officerY', ['team'], 'y');
    t.user('centre', ['docsQuery']);
    const file = async (i: number) =>
      (await t.call('cases.file', sampleDraft({ title: { court: '开鲁县人民法院', number: `（2026）内0523民初${300 + i}号`, effectiveOn: '2026-09-01', cause: '买卖合同纠纷' }, debtors: [{ kind: 'person', name: `赵${i}`, idNumber: makeId('19800101', 400 + i) }] }))).id;
    const cx = await file(1);
    const cy = await file(2);
    t.app.db.rawRun("UPDATE cases SET team_id = 'x' WHERE id = ?", cx);
    t.app.db.rawRun("UPDATE cases SET team_id = 'y' WHERE id = ?", cy);
    const streams: Record<string, EventReader> = {};
    for (const u of ['officerX', 'officerY', 'centre']) {
      streams[u] = readEvents(port, await httpsLogin(port, u, 'password-1'));
      expect(await streams[u]!.status).toBe(200);
    }
    await t.call('cases.suspend', { caseIds: [cy], kind: '公告', onDate: '2026-11-22', reason: '公告送达' });
    const filed = await file(3);
    const yToken = await httpsLogin(port, 'officerY', 'password-1');
    await httpsCall(port, 'presence.set', { caseId: cy, window: 'window-of-y-1' }, { token: yToken });
    await t.call('cases.suspend', { caseIds: [cx], kind: '公告', onDate: '2026-11-22', reason: '公告送达' });
    await wait(300);
    const changedIds = (u: string) => streams[u]!.events.filter((e) => e.topic === 'cases').flatMap((e) => decodeCaseChanges(e.data).map((c) => c.id));
    expect(changedIds('officerY')).toEqual([cy]);
    expect(changedIds('officerX')).toEqual([cx]);
    expect(changedIds('centre')).toEqual([cy, filed, cx]);
    // Presence on Y's case: Y's officers and the command centre hear of it, X's do not.
    expect(streams.officerX!.events.filter((e) => e.topic === 'presence')).toEqual([]);
    expect(streams.centre!.events.find((e) => e.topic === 'presence')?.data).toMatchObject({ caseId: cy, viewers: [{ name: 'officerY' }] });
    // Nothing on X's stream names Y's case or the new unassigned one.
    const xText = JSON.stringify(streams.officerX!.events);
    expect(xText).not.toContain(`"id":${cy},`);
    expect(xText).not.toContain(`"id":${filed},`);
    for (const s of Object.values(streams)) s.close();
  });
});
