import { defineHandlers } from '../registry';
import { ApiError } from '../../../src-shared/api/errors';
import { APP_VERSION } from '../../app/app';
import { appendEvent } from '../../events/log';
import { actorOf } from '../context';
import { createUser, findUser, isInitialized, setPasswordHash, ADMIN_USERNAME } from '../../services/auth/users';
import { courtConfigured, setupCourt } from '../../services/settings/court';
import type { Role } from '../../../src-shared/api/roles';
import { getSettings } from '../../services/settings/settings';

export const handlers = defineHandlers({
  'system.info': (_input, { app }) => {
    const s = getSettings(app.db);
    const demo = app.db.raw<{ value: string }>("SELECT value FROM meta WHERE key = 'demo'")[0]?.value === '1';
    return {
      app: 'zhixing' as const,
      version: APP_VERSION,
      schemaVersion: app.schemaVersion,
      initialized: isInitialized(app.db),
      courtConfigured: courtConfigured(app.db),
      courtName: s.courtName,
      courtCode: s.courtCode,
      demo,
      today: app.clock.today(),
      readOnly: app.readOnly,
      recovery: app.recovery !== null,
      mode: app.options.mode,
    };
  },
  'system.setup': async ({ adminPassword, court, teams, users }, ctx) => {
    const { db, clock } = ctx.app;
    if (isInitialized(db)) throw new ApiError('conflict', '系统已完成首次设置');
    // Hashing never runs inside a transaction (services/auth/passwords.ts): all hashes first.
    const passwordHash = await ctx.app.passwords.hash(adminPassword);
    const userHashes = await Promise.all(users.map((u) => ctx.app.passwords.hash(u.password)));
    return db.tx(() => {
      if (isInitialized(db)) throw new ApiError('conflict', '系统已完成首次设置');
      const admin = findUser(db, ADMIN_USERNAME)!;
      const actor = { id: admin.id, name: admin.display_name, workstation: ctx.workstation };
      const at = clock.now();
      setPasswordHash(db, admin.id, passwordHash, at);
      const teamIds = teams.map((_t, i) => `team${i + 1}`);
      setupCourt(db, actor, at, court, teams.map((t, i) => ({ id: teamIds[i]!, name: t.name, kind: t.kind, areas: t.towns, active: true, judgeId: null, clerkId: null })));
      users.forEach((u, i) => {
        createUser(db, actor, at, { username: u.username, displayName: u.displayName, passwordHash: userHashes[i]!, roles: u.roles as Role[], teamId: u.team === null ? null : teamIds[u.team]! });
      });
      appendEvent(db, actor, at, { caseId: null, type: 'system.setup', payload: {} });
      return { ok: true as const };
    });
  },
  'system.setClock': ({ now }, { app }) => {
    if (!app.clock.settable) throw new ApiError('forbidden', '应用时钟只能在测试模式（--test-clock）下设置');
    app.clock.set(now);
    return { ok: true as const };
  },
  'auth.login': async ({ username, password }, ctx) => {
    const { app } = ctx;
    // A login writes its session row: after any large commit on the write worker (db/writeGate.ts).
    await app.db.gate.idle();
    const r = await app.sessions.login(app.db, username, password, app.clock.now(), {
      address: ctx.transport === 'http' ? (ctx.address ?? ctx.workstation) : null,
      ...(ctx.client ? { client: ctx.client } : {}),
    });
    return { token: r.token, user: { ...r.user, active: true } };
  },
  'auth.logout': (_i, ctx) => {
    ctx.app.sessions.logout(ctx.token);
    const user = ctx.user;
    if (user) ctx.app.db.tx(() => appendEvent(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), { caseId: null, type: 'auth.logout', payload: { userId: user.id, username: user.username } }));
    return { ok: true as const };
  },
  'auth.me': (_i, ctx) => ({ ...ctx.user!, active: true }),
});

export { actorOf };
