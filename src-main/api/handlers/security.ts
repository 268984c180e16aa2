import { defineHandlers } from '../registry';
import { actorOf } from '../context';
import type { Role } from '../../../src-shared/api/roles';
import { changePassword, updateUser } from '../../services/auth/userAdmin';
import { roleCatalogue } from '../../services/auth/roleCatalogue';
import { revealCase } from '../../services/security/masking';
import { auditForCase, auditForUser } from '../../services/audit/trail';
import { healthOf, verifyAuditInBackground } from '../../services/security/health';
import { createBackup } from '../../services/backups/create';
import { backupFolder, listBackups } from '../../services/backups/folder';
import { restoreBackup } from '../../services/backups/restore';
import { getSettings } from '../../services/settings/settings';
import { recordRevocation } from '../../services/auth/sessions';

// Users, roles, the audit trail, backups and the health of the data file (issue 7). Thin: the
// logic is in services/auth, services/security, services/audit and services/backups.
export const handlers = defineHandlers({
  'users.update': (input, ctx) => {
    const { app } = ctx;
    const user = updateUser(app.db, actorOf(ctx), app.clock.now(), { ...input, roles: input.roles as Role[] | undefined });
    // A disabled account's sessions end at once, and its open event streams with them.
    if (!user.active) recordRevocation(app.db, actorOf(ctx), app.clock.now(), user.id, app.sessions.dropUser(user.id, null, 'disabled'), 'disabled');
    if (input.unlock) app.sessions.throttle.clearName(user.username);
    return user;
  },
  'users.setPassword': async (input, ctx) => {
    const { app } = ctx;
    await changePassword(app.db, app.passwords, actorOf(ctx), app.clock.now(), ctx.user!, input);
    // Every other session of that user ends; the caller's own stays.
    recordRevocation(app.db, actorOf(ctx), app.clock.now(), input.id, app.sessions.dropUser(input.id, ctx.token, 'password'), 'password');
    return { ok: true as const };
  },
  'roles.list': () => roleCatalogue(),
  'cases.reveal': ({ caseId, reason }, ctx) => revealCase(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), caseId, reason),
  'audit.verify': (_i, { app }) => verifyAuditInBackground(app),
  'audit.forCase': ({ caseId, offset, limit }, { app }) => auditForCase(app.db, caseId, offset, limit),
  'audit.forUser': ({ userId, from, to, offset, limit }, { app }) => auditForUser(app.db, userId, { from, to }, offset, limit),
  'backups.create': (_i, ctx) => createBackup(ctx.app.db, ctx.app.dataDir, 'manual', actorOf(ctx), ctx.app.clock.now(), { recordEvent: !ctx.app.readOnly }),
  'backups.list': (_i, { app }) => {
    const folder = backupFolder(app.db, app.dataDir);
    return { folder, backups: listBackups(folder) };
  },
  'backups.restore': ({ name }, ctx) => restoreBackup(ctx.app, name, actorOf(ctx), ctx.token),
  'system.health': (_i, { app }) => {
    const h = healthOf(app);
    let latestBackup = null;
    try {
      latestBackup = listBackups(backupFolder(app.db, app.dataDir))[0] ?? null;
    } catch {
      // an unreachable backup disk must not hide the rest of the report
    }
    return { readOnly: app.readOnly, quickCheck: h.quickCheck, audit: h.audit, latestBackup, idleLockMinutes: getSettings(app.db).idleLockMinutes };
  },
});
