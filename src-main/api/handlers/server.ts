import { defineHandlers } from '../registry';
import { actorOf } from '../context';
import { APP_VERSION } from '../../app/app';
import { ApiError } from '../../../src-shared/api/errors';
import { fingerprintLines } from '../../net/fingerprint';
import { recordRevocation } from '../../services/auth/sessions';
import { serverStatus } from '../../services/server/status';

// The court server's own methods (src-shared/api/methods/server.ts). Thin: sessions are in
// services/auth/sessions.ts, presence in live/presence.ts, the health figures in services/server/status.ts.
export const handlers = defineHandlers({
  'system.status': (_i, { app }) => serverStatus(app, APP_VERSION),
  'server.info': (_i, { app }) => {
    const s = app.server;
    return {
      mode: app.options.mode,
      listen: s?.listen ?? null,
      names: s?.names ?? [],
      certificate: s ? { ...s.certificate, fingerprintLines: fingerprintLines(s.certificate.fingerprint256) } : null,
      logFile: s?.logFile ?? null,
      openSessions: app.sessions.list(app.db).length,
    };
  },
  'sessions.list': ({ userId }, { app, token }) => {
    const mine = app.sessions.idOf(token);
    return app.sessions.list(app.db, userId).map((v) => ({ ...v, current: v.id === mine }));
  },
  'sessions.revoke': ({ ids, userId }, ctx) => {
    const { app } = ctx;
    const targets = app.sessions.list(app.db).filter((s) => (ids ?? []).includes(s.id) || s.userId === userId);
    if (targets.length === 0) throw new ApiError('not_found', '没有可结束的会话（可能已结束或已过期）', ids ? 'ids' : 'userId');
    const ended = app.sessions.revoke(targets.map((s) => s.id));
    const byUser = new Map<number, number[]>();
    for (const s of targets) if (ended.includes(s.id)) byUser.set(s.userId, [...(byUser.get(s.userId) ?? []), s.id]);
    for (const [user, sessionIds] of byUser) recordRevocation(app.db, actorOf(ctx), app.clock.now(), user, sessionIds, 'revoked');
    return { ended: ended.length };
  },
  'presence.set': ({ caseId, window }, { app, user, token }) => app.presence.set(token!, window, user!, caseId),
});
