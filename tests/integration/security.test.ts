import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { makeId, sampleDraft } from '../helpers/drafts';
import { isMasked } from '../../src-shared/domain/masking';

let t: TestApp;
afterEach(async () => {
  vi.useRealTimers();
  await t?.close();
});

const teams = [
  { id: 'T1', name: '东风法庭', kind: 'tribunal' as const, areas: [], active: true },
  { id: 'T2', name: '黑龙坝法庭', kind: 'tribunal' as const, areas: [], active: true },
];

async function fileFor(t: TestApp, n: number, teamId: string | null): Promise<number> {
  const c = await t.call('cases.file', sampleDraft({
    title: { court: '开鲁县人民法院', number: `（2026）内0523民初${500 + n}号`, effectiveOn: '2026-09-01', cause: '借款合同纠纷' },
    debtors: [{ kind: 'person', name: `被执行人${n}`, idNumber: makeId('19800101', n + 1), phone: '13912345678' }],
    interview: { contactConfirmed: true, payoutAccount: '6222 0212 3456 7890', requests: [] },
  }));
  // Assignment has its own tests (triage); here the team is set directly.
  t.app.db.rawRun('UPDATE cases SET team_id = ? WHERE id = ?', teamId, c.id);
  return c.id;
}

describe('team scoping', () => {
  it('shows a team member only the cases of its team, in the register, the detail and any method naming cases', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    await t.call('settings.set', { teams });
    const a = await fileFor(t, 1, 'T1');
    const b = await fileFor(t, 2, 'T2');
    await fileFor(t, 3, null);
    t.user('judge1', ['team'], 'T1');
    t.user('centre', ['docsQuery']);
    t.user('granted', ['team'], 'T2');
    await t.call('users.update', { id: t.app.db.raw<{ id: number }>("SELECT id FROM users WHERE username='granted'")[0]!.id, allCases: true });

    const mine = await t.call('cases.list', {}, 'judge1');
    expect(mine.rows.map((r) => r.id)).toEqual([a]);
    expect(mine.total).toBe(1);
    expect((await t.call('cases.list', { filter: { teamId: 'T2' } }, 'judge1')).total).toBe(0);
    expect((await t.call('cases.get', { id: a }, 'judge1')).id).toBe(a);
    const err = await t.fail('cases.get', { id: b }, 'judge1');
    expect(err.code).toBe('forbidden');
    // The generic guard: any input carrying caseId is checked before the handler runs.
    expect((await t.fail('audit.forCase', { caseId: b }, 'judge1')).code).toBe('forbidden');
    expect((await t.fail('cases.reveal', { caseId: b }, 'judge1')).code).toBe('forbidden');
    expect((await t.call('audit.forCase', { caseId: a }, 'judge1')).total).toBeGreaterThan(0);

    expect((await t.call('cases.list', {}, 'centre')).total).toBe(3);
    expect((await t.call('cases.list', {}, 'granted')).total).toBe(3);
    // The navigation's counts follow the same scope as the register.
    const sum = (c: Record<string, number>) => Object.values(c).reduce((x, y) => x + y, 0);
    expect(sum(await t.call('cases.counts', {}, 'judge1'))).toBe(1);
    expect(sum(await t.call('cases.counts', {}, 'centre'))).toBe(3);
    expect(sum(await t.call('cases.counts', {}, 'granted'))).toBe(3);
    t.user('teamless', ['team']);
    expect(await t.call('cases.counts', {}, 'teamless')).toEqual({});
  });
});

describe('users', () => {
  it('updates a user with before/after in the audit trail and keeps one administrator', async () => {
    t = openTestApp();
    await t.call('settings.set', { teams });
    t.user('clerk', ['window']);
    const id = t.app.db.raw<{ id: number }>("SELECT id FROM users WHERE username='clerk'")[0]!.id;
    const u = await t.call('users.update', { id, roles: ['window', 'docsQuery'], teamId: 'T1', displayName: '王书记员' });
    expect(u.roles).toEqual(['window', 'docsQuery']);
    expect(u.teamId).toBe('T1');
    const admin = t.app.db.raw<{ id: number }>("SELECT id FROM users WHERE username='admin'")[0]!.id;
    const trail = await t.call('grids.audit', { userId: admin });
    const ev = trail.rows.find((r) => r.type === 'user.updated')!;
    expect(ev.payload).toMatchObject({ userId: id, before: { roles: ['window'], teamId: null, displayName: 'clerk' }, after: { roles: ['window', 'docsQuery'], teamId: 'T1' } });
    expect(ev.workstation).toBe('test');

    expect((await t.fail('users.update', { id, teamId: 'NOPE' })).field).toBe('teamId');
    expect((await t.fail('users.update', { id: admin, roles: ['window'] })).code).toBe('conflict');
    expect((await t.fail('users.update', { id: admin, active: false })).code).toBe('conflict');
    expect((await t.fail('users.update', { id: 9999, active: false })).code).toBe('not_found');
    expect((await t.fail('users.update', { id, active: false }, 'clerk')).code).toBe('forbidden');

    // Deactivating ends the user's sessions at once.
    await t.call('auth.me', {}, 'clerk');
    await t.call('users.update', { id, active: false });
    expect((await t.fail('auth.me', {}, 'clerk')).code).toBe('unauthorized');
  });

  it('lets a user change only their own password, with the current one; the admin resets anyone', async () => {
    t = openTestApp();
    t.user('a', ['window']);
    t.user('b', ['money']);
    const id = (n: string) => t.app.db.raw<{ id: number }>('SELECT id FROM users WHERE username = ?', n)[0]!.id;
    expect((await t.fail('users.setPassword', { id: id('b'), password: 'new-pass-123' }, 'a')).code).toBe('forbidden');
    expect((await t.fail('users.setPassword', { id: id('a'), password: 'new-pass-123' }, 'a')).field).toBe('currentPassword');
    expect((await t.fail('users.setPassword', { id: id('a'), password: 'new-pass-123', currentPassword: 'wrong-one' }, 'a')).field).toBe('currentPassword');
    await t.call('users.setPassword', { id: id('a'), password: 'new-pass-123', currentPassword: 'password-1' }, 'a');
    await t.call('users.setPassword', { id: id('b'), password: 'reset-pass-1' });
    const login = (u: string, p: string) => t.app.registry.call('auth.login', { username: u, password: p }, t.app.internalContext());
    expect((await login('a', 'new-pass-123')).ok).toBe(true);
    expect((await login('a', 'password-1')).ok).toBe(false);
    expect((await login('b', 'reset-pass-1')).ok).toBe(true);
    const events = t.app.db.raw<{ payload: string }>("SELECT payload FROM case_events WHERE type = 'user.passwordSet'");
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.payload).join()).not.toMatch(/new-pass|reset-pass|scrypt/);
  });

  it('locks an account after the configured number of failures for the configured minutes', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    await t.call('settings.set', { loginMaxFailures: 3, loginLockMinutes: 10 });
    t.user('c', ['window']);
    const login = (p: string) => t.app.registry.call('auth.login', { username: 'c', password: p }, t.app.internalContext());
    const nobody = (p: string) => t.app.registry.call('auth.login', { username: 'no-such-user', password: p }, t.app.internalContext());
    for (let i = 0; i < 2; i++) expect((await login('bad-bad-bad')).ok).toBe(false);
    // The answer that locks reads like any wrong password; from then on the name is paused with the
    // time to retry (10 minutes after 10:00 court time) — and a name that does not exist, after as
    // many failures, gets exactly the same answer, so the pause tells an outsider nothing.
    const third = await login('bad-bad-bad');
    expect(!third.ok && third.error.message).toBe('用户名或密码错误');
    const locked = await login('password-1');
    expect(!locked.ok && locked.error).toMatchObject({ code: 'throttled', message: '此用户名登录失败次数过多，已暂停登录，请于 10:10 后再试' });
    for (let i = 0; i < 3; i++) expect(!(await nobody('bad-bad-bad')).ok).toBe(true);
    const unknown = await nobody('bad-bad-bad');
    const shape = (r: typeof locked) => (r.ok ? null : { code: r.error.code, message: r.error.message, field: r.error.field });
    expect(shape(unknown)).toEqual(shape(locked));
    expect(t.app.db.raw("SELECT 1 FROM case_events WHERE type = 'user.locked'")).toHaveLength(1);
    t.app.clock.set('2026-11-22T02:11:00Z');
    expect((await login('password-1')).ok).toBe(true);
    // The administrator can unlock at once.
    for (let i = 0; i < 3; i++) await login('bad-bad-bad');
    // A failure is counted just after its answer (its time must not differ from an unknown name's).
    await new Promise((ok) => setImmediate(ok));
    const id = t.app.db.raw<{ id: number }>("SELECT id FROM users WHERE username='c'")[0]!.id;
    expect((await t.call('users.list', {})).find((u) => u.id === id)!.lockedUntil).not.toBeNull();
    await t.call('users.update', { id, unlock: true });
    expect((await login('password-1')).ok).toBe(true);
  });

  it('drops a session idle longer than the screen-lock setting (wall clock, not the test clock)', async () => {
    t = openTestApp();
    await t.call('settings.set', { idleLockMinutes: 5 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T02:00:00Z'));
    const r = await t.app.registry.call('auth.login', { username: 'admin', password: 'admin-pass-1' }, t.app.internalContext());
    const token = (r.ok && (r.data as { token: string }).token) || '';
    expect(t.app.sessions.resolve(t.app.db, token)).not.toBeNull();
    vi.setSystemTime(new Date('2026-11-22T02:04:00Z'));
    expect(t.app.sessions.resolve(t.app.db, token)).not.toBeNull(); // activity renews it
    vi.setSystemTime(new Date('2026-11-22T02:09:30Z'));
    expect(t.app.sessions.resolve(t.app.db, token)).toBeNull();
    expect((await t.call('system.health', {})).idleLockMinutes).toBe(5);
  });

  it('lists every role with its Chinese name and the methods it may call', async () => {
    t = openTestApp();
    const roles = await t.call('roles.list', {});
    expect(roles.map((r) => r.role)).toContain('money');
    const window = roles.find((r) => r.role === 'window')!;
    expect(window.label).toBe('窗口立案');
    expect(window.methods).toContain('cases.file');
    expect(window.methods).not.toContain('users.create');
    expect(roles.find((r) => r.role === 'admin')!.methods).toContain('backups.restore');
  });
});

describe('sensitive fields', () => {
  it('masks ID numbers, phones and the payout account, and records who looked at them in full', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    const id = await fileFor(t, 7, null);
    const c = await t.call('cases.get', { id });
    const debtor = c.parties.find((p) => p.role === 'debtor')!;
    expect(debtor.idNumber).toBe(`150523${'*'.repeat(8)}${makeId('19800101', 8).slice(-4)}`);
    expect(debtor.phone).toBe('139****5678');
    expect(c.interview!.payoutAccount).toBe('************7890');
    expect(isMasked(debtor.idNumber)).toBe(true);

    const full = await t.call('cases.reveal', { caseId: id, reason: '制作协助执行通知书' });
    expect(full.parties.find((p) => p.id === debtor.id)!.idNumber).toBe(makeId('19800101', 8));
    expect(full.payoutAccount).toBe('6222021234567890');
    const trail = await t.call('audit.forCase', { caseId: id });
    const ev = trail.rows.find((r) => r.type === 'case.revealed')!;
    expect(ev.actor).toBe('系统管理员');
    expect(ev.payload).toMatchObject({ reason: '制作协助执行通知书' });
    expect((ev.payload as { fields: string[] }).fields).toContain(`parties.${debtor.id}.idNumber`);
  });
});

describe('audit trail', () => {
  // The tamper cases (edited and recomputed, cut, forged anchors, money beside the log, the guards)
  // are in auditChain.test.ts and auditHeads.test.ts.
  it('refuses UPDATE and DELETE on the log at the database level', async () => {
    t = openTestApp();
    await fileFor(t, 40, null);
    expect(() => t.app.db.sqlite.exec("UPDATE case_events SET type = 'x'")).toThrow(/append-only/);
    expect(() => t.app.db.sqlite.exec('DELETE FROM case_events')).toThrow(/append-only/);
  });

  it('runs the checks at start-up and reports them in system.health', async () => {
    t = openTestApp();
    const h = await t.call('system.health', {});
    expect(h.readOnly).toBe(false);
    expect(h.quickCheck?.ok).toBe(true);
    expect(h.audit?.ok).toBe(true);
  });
});

describe('administrative settings', () => {
  it("leaves the court's identity and security to the administrator; a manager changes operational settings", async () => {
    t = openTestApp();
    t.user('manager', ['management']);
    const before = await t.call('settings.get', {});
    // (The court's setup at first start logged its own change; count from here.)
    const changedBefore = t.app.db.raw("SELECT 1 FROM case_events WHERE type = 'settings.changed'").length;
    const changes: [string, object][] = [
      ['backupDir', { backupDir: '/tmp/somewhere-else' }],
      ['courtCode', { courtCode: '内0599' }],
      ['courtName', { courtName: '别的法院' }],
      ['caseAccount', { caseAccount: { bank: '某银行', accountName: '某户', accountNumber: '6222000000000000' } }],
      ['loginMaxFailures', { loginMaxFailures: 20 }],
      ['loginLockMinutes', { loginLockMinutes: 1 }],
      ['idleLockMinutes', { idleLockMinutes: 480 }],
      ['backupKeepDays', { backupKeepDays: 1 }],
    ];
    for (const [field, patch] of changes) {
      const err = await t.fail('settings.set', patch, 'manager');
      expect(err, field).toMatchObject({ code: 'forbidden', field });
      expect(err.message).toMatch(/只能由系统管理员修改$/);
    }
    // Nothing changed, and nothing was logged as changed.
    expect(await t.call('settings.get', {})).toEqual(before);
    expect(t.app.db.raw("SELECT 1 FROM case_events WHERE type = 'settings.changed'")).toHaveLength(changedBefore);
    // The court form sends its whole group: unchanged identity with a changed phone is fine.
    await t.call('settings.set', { courtName: before.courtName, courtCode: before.courtCode, officePhone: '0475-1234567' }, 'manager');
    await t.call('settings.set', { performanceDays: 5, deadlineSoonWorkingDays: 4 }, 'manager');
    const after = await t.call('settings.get', {});
    expect(after).toMatchObject({ officePhone: '0475-1234567', performanceDays: 5, deadlineSoonWorkingDays: 4, courtCode: before.courtCode });
    // The administrator may change them.
    await t.call('settings.set', { courtCode: '内0599', loginMaxFailures: 6 });
    expect(await t.call('settings.get', {})).toMatchObject({ courtCode: '内0599', loginMaxFailures: 6 });
  });
});
