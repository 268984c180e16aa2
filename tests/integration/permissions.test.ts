import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { methods } from '../../src-shared/api';
import type { MethodSpec } from '../../src-shared/api/contract';
import { ROLES, ROLE_NAMES, type Role } from '../../src-shared/api/roles';
import { roleMayCall } from '../../src-main/services/auth/roleCatalogue';

// The role × method table, generated from the registry (issue 7). Every method of every domain —
// including ones added later — is called by a user holding each single role; the call must either
// pass the access check or answer the typed 'forbidden'. The table is checked into docs/ and this
// test fails when it is stale: regenerate with `UPDATE_DOCS=1 npx vitest run tests/integration/permissions.test.ts`.

const DOC = 'docs/permissions.md';
const specs = Object.entries(methods as Record<string, MethodSpec>).sort(([a], [b]) => a.localeCompare(b));

function accessLabel(spec: MethodSpec): string {
  if (spec.access === 'public') return '无需登录';
  if (spec.access === 'user') return '任何登录用户';
  return (['admin', ...spec.access.filter((r) => r !== 'admin')] as Role[]).map((r) => ROLES[r]).join('、');
}

export function permissionsTable(): string {
  const head = `| 接口 | 说明 | ${ROLE_NAMES.map((r) => ROLES[r]).join(' | ')} |`;
  const sep = `|---|---|${ROLE_NAMES.map(() => ':-:').join('|')}|`;
  const rows = specs.map(([name, spec]) => {
    const cells = ROLE_NAMES.map((r) => (spec.access === 'public' ? '○' : roleMayCall(r, spec) ? '✓' : '—'));
    return `| \`${name}\` | ${spec.summary.replace(/\|/g, '｜')}${spec.writes ? '（写）' : ''} | ${cells.join(' | ')} |`;
  });
  return [
    '# 角色与接口权限表',
    '',
    '由 `tests/integration/permissions.test.ts` 根据接口注册表（`src-shared/api`）生成，请勿手工修改；',
    '接口或权限变化后运行 `UPDATE_DOCS=1 npx vitest run tests/integration/permissions.test.ts` 重新生成。',
    '',
    '✓ 可调用　— 拒绝（`403 {"ok":false,"error":{"code":"forbidden"}}`）　○ 无需登录。',
    '权限在接口注册表中对每次调用检查（不只在界面上隐藏）；系统管理员可调用全部接口。',
    '另外，只有“法庭执行团队”角色的用户只能查看、办理本团队的案件（输入中含 `caseId`/`caseIds` 的接口统一检查，见 `src-main/services/auth/scope.ts`），除非被授予“可查看全部案件”。',
    '',
    head,
    sep,
    ...rows,
    '',
    '## 各接口的访问规则',
    '',
    '| 接口 | 允许 |',
    '|---|---|',
    ...specs.map(([name, spec]) => `| \`${name}\` | ${accessLabel(spec)} |`),
    '',
  ].join('\n');
}

let t: TestApp;
const users = new Map<Role, string>();
beforeAll(() => {
  t = openTestApp();
  for (const role of ROLE_NAMES) users.set(role, t.user(`role_${role}`, [role], role === 'team' ? 'T1' : null));
});
afterAll(async () => t?.close());

// Sessions are reused, and renewed when a method (auth.logout) ended one.
const tokens = new Map<string, string>();
async function contextFor(username: string) {
  let token = tokens.get(username);
  if (!token || !t.app.sessions.resolve(t.app.db, token)) {
    const login = await t.app.registry.call('auth.login', { username, password: 'password-1' }, t.app.internalContext());
    if (!login.ok) throw new Error(`${username} login: ${login.error.message}`);
    token = (login.data as { token: string }).token;
    tokens.set(username, token);
  }
  return { app: t.app, user: t.app.sessions.resolve(t.app.db, token), token, workstation: 'perm-test', transport: 'internal' as const };
}

// A probe no schema accepts, so an allowed call stops at validation and never runs the handler.
const PROBE = Symbol('probe');

describe('permissions: every role × every method', () => {
  for (const [name, spec] of specs) {
    it(name, async () => {
      for (const role of ROLE_NAMES) {
        const as = users.get(role)!;
        const ctx = await contextFor(as);
        const r = await t.app.registry.call(name, PROBE, ctx);
        const allowed = roleMayCall(role, spec);
        if (allowed) {
          expect(r.ok ? 'ok' : r.error.code, `${role} → ${name} should pass the access check`).not.toBe('forbidden');
        } else {
          expect(r.ok ? 'ok' : r.error.code, `${role} → ${name} should be forbidden`).toBe('forbidden');
        }
      }
      // And without a session only public methods pass.
      const anon = await t.app.registry.call(name, PROBE, t.app.internalContext());
      expect(anon.ok ? 'ok' : anon.error.code).toBe(spec.access === 'public' ? (anon.ok ? 'ok' : anon.error.code) : 'unauthorized');
    });
  }

  it(`${DOC} is the table generated from the registry`, () => {
    const table = permissionsTable();
    if (process.env.UPDATE_DOCS) writeFileSync(DOC, table);
    const checkedIn = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
    expect(checkedIn, `${DOC} is stale: run UPDATE_DOCS=1 npx vitest run tests/integration/permissions.test.ts`).toBe(table);
  });
});
