import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../src-main/app/app';
import { Passwords, PASSWORD_COST, type PasswordCost } from '../../src-main/services/auth/passwords';
import { createUser } from '../../src-main/services/auth/users';
import { SYSTEM_ACTOR } from '../../src-main/events/log';
import { openTestApp } from '../helpers/testApp';
import { serve, watcher } from '../helpers/web';
import { setSettings } from '../../src-main/services/settings/settings';

// Passwords (docs/security.md; OWASP Password Storage and Authentication cheat sheets): scrypt at
// N=2^17, an older hash replaced at the next successful login, hashing off the request thread, and a
// failed login that looks the same — same answer, same time — whether the user exists, the password
// is wrong, or the account is disabled (a locked account is answered by the login throttle).

const opened: App[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const a of opened) await a.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function openApp(passwordCost?: PasswordCost): App {
  const dir = mkdtempSync(join(tmpdir(), 'zhixing-pw-'));
  dirs.push(dir);
  const app = new App({ dataDir: dir, mode: 'web', adminPassword: 'admin-pass-1', court: { name: '开鲁县人民法院', code: '内0523' }, quiet: true, testClock: true, ...(passwordCost ? { passwordCost } : {}) });
  opened.push(app);
  return app;
}

const stored = (app: App, username: string) => app.db.raw<{ password_hash: string }>('SELECT password_hash FROM users WHERE username = ?', username)[0]!.password_hash;
const login = (app: App, username: string, password: string) => app.registry.call('auth.login', { username, password }, app.internalContext());

describe('the hash', () => {
  it('is scrypt at N=2^17, r=8, p=1 in an app opened as the desktop and web entry points open it', async () => {
    expect(PASSWORD_COST).toEqual({ N: 131072, r: 8, p: 1 });
    const app = openApp();
    expect(stored(app, 'admin')).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect((await login(app, 'admin', 'admin-pass-1')).ok).toBe(true);
  });

  it('replaces a hash of a lower cost at the next successful login, and not at a failed one', async () => {
    const app = openApp();
    const old = new Passwords({ N: 2 ** 14, r: 8, p: 1 }).hashSync('old-pass-1');
    createUser(app.db, SYSTEM_ACTOR, app.clock.now(), { username: 'veteran', displayName: '老用户', passwordHash: old, roles: ['window'], teamId: null });
    expect((await login(app, 'veteran', 'wrong-pass-1')).ok).toBe(false);
    expect(stored(app, 'veteran')).toBe(old);
    expect((await login(app, 'veteran', 'old-pass-1')).ok).toBe(true);
    const now = stored(app, 'veteran');
    expect(now).not.toBe(old);
    expect(now).toMatch(/^scrypt\$131072\$8\$1\$/);
    // The same password still opens it, now checked against the new hash.
    expect((await login(app, 'veteran', 'old-pass-1')).ok).toBe(true);
    expect(stored(app, 'veteran')).toBe(now);
  });
});

/** Mann–Whitney U, two-sided, normal approximation: the p-value that two samples come from one distribution. */
function mannWhitneyP(a: number[], b: number[]): number {
  const all = [...a.map((v) => ({ v, g: 0 })), ...b.map((v) => ({ v, g: 1 }))].sort((x, y) => x.v - y.v);
  let rankA = 0;
  all.forEach((x, i) => x.g === 0 && (rankA += i + 1));
  const u = rankA - (a.length * (a.length + 1)) / 2;
  const mean = (a.length * b.length) / 2;
  const sd = Math.sqrt((a.length * b.length * (a.length + b.length + 1)) / 12);
  const z = Math.abs(u - mean) / sd;
  // erfc via Abramowitz–Stegun 7.1.26
  const t = 1 / (1 + 0.3275911 * (z / Math.SQRT2));
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-((z / Math.SQRT2) ** 2));
  return erfc;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('a failed login tells nothing', () => {
  // A locked account is answered by the throttle instead, before any hashing and with the time to
  // retry — exactly as a name that does not exist is answered after as many failures
  // (tests/integration/security.test.ts, tests/integration/server.test.ts).
  it('answers unknown users, wrong passwords and disabled accounts with the same words in the same time', async () => {
    // 2^15 instead of 2^17 keeps the test short; the fixed costs that could differ between the cases
    // (a database write, an event) weigh four times more against the hash, so the test is stricter.
    const app = openApp({ N: 2 ** 15, r: 8, p: 1 });
    const hash = () => app.passwords.hashSync('right-pass-1');
    for (const u of ['known', 'disabled']) createUser(app.db, SYSTEM_ACTOR, app.clock.now(), { username: u, displayName: u, passwordHash: hash(), roles: ['window'], teamId: null });
    app.db.rawRun("UPDATE users SET active = 0 WHERE username = 'disabled'");
    // Twelve wrong passwords stay below the lock (20), so this case stays "wrong password" throughout.
    setSettings(app.db, SYSTEM_ACTOR, app.clock.now(), { loginMaxFailures: 20 });
    const cases = {
      unknown: () => login(app, 'nobody-here', 'right-pass-1'),
      wrongPassword: () => login(app, 'known', 'wrong-pass-1'),
      disabled: () => login(app, 'disabled', 'right-pass-1'),
    };
    const times: Record<string, number[]> = { unknown: [], wrongPassword: [], disabled: [] };
    const messages = new Set<string>();
    await cases.unknown(); // warm-up
    for (let round = 0; round < 12; round++) {
      // Interleaved, in a rotating order, so a slow moment of the machine hits every case alike.
      const order = Object.keys(cases).map((_, i, ks) => ks[(i + round) % ks.length]!) as (keyof typeof cases)[];
      for (const k of order) {
        const t0 = performance.now();
        const r = await cases[k]();
        times[k]!.push(performance.now() - t0);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('unauthorized');
          messages.add(r.error.message);
        }
      }
    }
    expect([...messages]).toEqual(['用户名或密码错误']);
    const reference = times.wrongPassword!;
    for (const k of ['unknown', 'disabled']) {
      const xs = times[k]!;
      // Same distribution: medians within a quarter, and no significant difference in rank.
      expect(Math.abs(median(xs) - median(reference)) / median(reference), `${k}: ${xs.map(Math.round)} vs ${reference.map(Math.round)}`).toBeLessThan(0.25);
      expect(mannWhitneyP(xs, reference), `${k}: ${xs.map(Math.round)} vs ${reference.map(Math.round)}`).toBeGreaterThan(0.001);
    }
    // And every one of them costs a hash: an unknown user is not answered at once (4 ms before).
    const one = performance.now();
    app.passwords.hashSync('x');
    expect(median(times.unknown!)).toBeGreaterThan((performance.now() - one) * 0.5);
  });
});

describe('hashing does not hold up other requests', () => {
  it('serves another client while forty logins hash at once', async () => {
    // A cost where forty hashes on the request thread would stall it for seconds.
    const t = openTestApp({ passwordCost: { N: 2 ** 14, r: 8, p: 1 } });
    try {
      t.user('clerk', ['window']);
      const web = await serve(t);
      try {
        const other = await web.login('clerk', 'password-1');
        const w = watcher(web, other, 'system.info', {});
        await new Promise((ok) => setTimeout(ok, 50));
        const started = performance.now();
        const logins = await Promise.all(Array.from({ length: 40 }, (_, i) => web.post('auth.login', { username: 'clerk', password: i % 2 ? 'password-1' : 'wrong-pass-1' })));
        const finished = performance.now();
        const calls = await w.stop();
        expect(logins.filter((r) => r.status === 200)).toHaveLength(20);
        const during = calls.filter((c) => c.start >= started && c.end <= finished);
        expect(during.length).toBeGreaterThan(3);
        for (const c of calls) expect(c.ms).toBeLessThan(1000);
      } finally {
        await web.close();
      }
    } finally {
      await t.close();
    }
  });
});
