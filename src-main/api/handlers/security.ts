import { defineHandlers } from '../registry';
import { projections } from '../../events/projections';
import { rebuildProgress } from '../../events/projectionState';
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

// Users, roles, the audit trail, backups and the health of the data file (issue 7). Thin: the
// logic is in services/auth, services/security, services/audit and services/backups.
export const handlers = defineHandlers({
  'users.update': (input, ctx) => {
    const { app } = ctx;
    const user = updateUser(app.db, actorOf(ctx), app.clock.now(), { ...input, roles: input.roles as Role[] | undefined });
    if (!user.active) app.sessions.dropUser(user.id);
    return user;
  },
  'users.setPassword': (input, ctx) => {
    const { app } = ctx;
    changePassword(app.db, actorOf(ctx), app.clock.now(), ctx.user!, input);
    // Every other session of that user ends; the caller's own stays.
    app.sessions.dropUser(input.id, ctx.token);
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
    const rebuilding = projections().map((p) => rebuildProgress(app.db, p)).filter((r) => r !== null);
    return { readOnly: app.readOnly, quickCheck: h.quickCheck, audit: h.audit, latestBackup, idleLockMinutes: getSettings(app.db).idleLockMinutes, changedMigrations: app.changedMigrations, rebuilding };
  },
});
