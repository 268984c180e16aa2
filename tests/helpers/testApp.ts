import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../src-main/app/app';
import type { CallContext } from '../../src-main/api/context';
import type { MethodName, MethodInput, MethodOutput } from '../../src-shared/api';
import type { ApiErrorShape } from '../../src-shared/api/errors';
import type { Role } from '../../src-shared/api/roles';
import { createUser } from '../../src-main/services/auth/users';
import { SYSTEM_ACTOR } from '../../src-main/events/log';
import type { PasswordCost } from '../../src-main/services/auth/passwords';

export const ADMIN_PASSWORD = 'admin-pass-1';

/**
 * The scrypt cost of test apps: 2^10 instead of 2^17, so hundreds of logins take seconds. The real
 * cost, rehashing and login timing are tested on apps opened without it (tests/integration/passwords.test.ts).
 */
export const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 };

export interface TestApp {
  app: App;
  dir: string;
  /** Calls a method as the given user (admin by default); throws on an error result. */
  call<N extends MethodName>(method: N, input: MethodInput<N>, as?: string): Promise<MethodOutput<N>>;
  /** Calls a method and returns the typed error (fails the test if the call succeeds). */
  fail(method: MethodName, input: unknown, as?: string): Promise<ApiErrorShape>;
  /** Creates a user with the given roles (password 'password-1') and returns its username. */
  user(username: string, roles: Role[], teamId?: string | null): string;
  close(): Promise<void>;
}

/** A real App on a real SQLite file in a fresh temp folder, with the test clock enabled. */
export function openTestApp(opts: { dir?: string; keep?: boolean; passwordCost?: PasswordCost } = {}): TestApp {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'zhixing-test-'));
  const app = new App({ dataDir: dir, mode: 'web', adminPassword: ADMIN_PASSWORD, court: { name: '开鲁县人民法院', code: '内0523' }, testClock: true, quiet: true, passwordCost: opts.passwordCost ?? TEST_PASSWORD_COST });
  const tokens = new Map<string, string>();
  const ctxFor = async (username: string): Promise<CallContext> => {
    let token = tokens.get(username);
    if (!token) {
      const password = username === 'admin' ? ADMIN_PASSWORD : 'password-1';
      const r = await app.registry.call('auth.login', { username, password }, app.internalContext());
      if (!r.ok) throw new Error(`login ${username}: ${r.error.message}`);
      token = (r.data as { token: string }).token;
      tokens.set(username, token);
    }
    return { app, user: app.sessions.resolve(app.db, token, app.clock.now()), token, workstation: 'test', transport: 'internal' };
  };
  return {
    app,
    dir,
    async call(method, input, as = 'admin') {
      const r = await app.registry.call(method, input, await ctxFor(as));
      if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message} (${r.error.field ?? ''})`), { apiError: r.error });
      return r.data as never;
    },
    async fail(method, input, as = 'admin') {
      const r = await app.registry.call(method, input, await ctxFor(as));
      if (r.ok) throw new Error(`${method} was expected to fail but succeeded`);
      return r.error;
    },
    user(username, roles, teamId = null) {
      createUser(app.db, SYSTEM_ACTOR, app.clock.now(), { username, displayName: username, passwordHash: app.passwords.hashSync('password-1'), roles, teamId });
      return username;
    },
    async close() {
      await app.close();
      if (!opts.keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}
