import { defineHandlers } from '../registry';
import { ApiError } from '../../../src-shared/api/errors';
import { APP_VERSION } from '../../app/app';
import { appendEvent } from '../../events/log';
import { actorOf } from '../context';
import { findUser, isInitialized, setPasswordHash, ADMIN_USERNAME } from '../../services/auth/users';
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
      courtName: s.courtName,
      courtCode: s.courtCode,
      demo,
      today: app.clock.today(),
      readOnly: app.readOnly,
      recovery: app.recovery !== null,
      mode: app.options.mode,
    };
  },
  'system.setup': async ({ adminPassword }, ctx) => {
    const { db, clock } = ctx.app;
    if (isInitialized(db)) throw new ApiError('conflict', '系统已完成首次设置');
    const passwordHash = await ctx.app.passwords.hash(adminPassword);
    return db.tx(() => {
      if (isInitialized(db)) throw new ApiError('conflict', '系统已完成首次设置');
      const admin = findUser(db, ADMIN_USERNAME)!;
      setPasswordHash(db, admin.id, passwordHash);
      appendEvent(db, { id: admin.id, name: admin.display_name, workstation: ctx.workstation }, clock.now(), { caseId: null, type: 'system.setup', payload: {} });
      return { ok: true as const };
    });
  },
  'system.setClock': ({ now }, { app }) => {
    if (!app.clock.settable) throw new ApiError('forbidden', '应用时钟只能在测试模式（--test-clock）下设置');
    app.clock.set(now);
    return { ok: true as const };
  },
  'auth.login': async ({ username, password }, { app }) => {
    const r = await app.sessions.login(app.db, username, password, app.clock.now());
    return { token: r.token, user: { ...r.user, active: true } };
  },
  'auth.logout': (_i, ctx) => {
    ctx.app.sessions.logout(ctx.token);
    return { ok: true as const };
  },
  'auth.me': (_i, ctx) => ({ ...ctx.user!, active: true }),
});

export { actorOf };
