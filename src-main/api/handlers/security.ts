import { defineHandlers } from '../registry';
import { projections } from '../../events/projections';
import { rebuildProgress } from '../../events/projectionState';
import { actorOf, FileResponse } from '../context';
import { listSlips, slipFor } from '../../services/audit/slip';
import type { Role } from '../../../src-shared/api/roles';
import { changePassword, updateUser } from '../../services/auth/userAdmin';
import { roleCatalogue } from '../../services/auth/roleCatalogue';
import { revealCase } from '../../services/security/masking';
import { auditForCase } from '../../services/audit/trail';
import { healthOf } from '../../services/security/health';
import { startAuditVerify } from '../../services/audit/verifyJob';
import { createBackup } from '../../services/backups/create';
import { backupFolder, listBackups } from '../../services/backups/folder';
import { restoreBackup } from '../../services/backups/restore';
import { withVerification } from '../../services/backups/verified';
import { getSettings } from '../../services/settings/settings';
import { recordRevocation } from '../../services/auth/sessions';

// Users, roles, the audit trail, backups and the health of the data file. Thin: the
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
  'audit.verify': ({ check }, ctx) =>
    startAuditVerify(ctx.app, ctx.user ? { id: ctx.user.id, displayName: ctx.user.displayName } : null, undefined, check ? [{ source: `输入的封存单（第 ${check.id} 条）`, head: { id: check.id, hash: check.hash } }] : []),
  'audit.slip': async ({ date }, ctx) => {
    const { path, record } = await slipFor(ctx.app, actorOf(ctx), date);
    return new FileResponse(path, `审计封存单-${record.date}.pdf`, 'application/pdf');
  },
  'audit.slips': (_i, { app }) => listSlips(app.dataDir),
  'audit.forCase': ({ caseId, offset, limit }, { app }) => auditForCase(app.db, caseId, offset, limit),
  'backups.create': (_i, ctx) => createBackup(ctx.app.db, ctx.app.dataDir, 'manual', actorOf(ctx), ctx.app.clock.now(), { recordEvent: !ctx.app.readOnly }),
  'backups.list': async (_i, { app }) => {
    const folder = backupFolder(app.db, app.dataDir);
    return { folder, backups: await withVerification(folder, listBackups(folder), app.audit.key) };
  },
  'backups.restore': ({ name }, ctx) => restoreBackup(ctx.app, name, actorOf(ctx), ctx.token),
  'system.health': async (_i, { app }) => {
    const h = healthOf(app);
    let latestBackup = null;
    try {
      // The newest backup that may be restored (signed and intact), checked newest first.
      const folder = backupFolder(app.db, app.dataDir);
      for (const b of listBackups(folder)) {
        const [v] = await withVerification(folder, [b], app.audit.key);
        if (v!.verified) {
          latestBackup = v!;
          break;
        }
      }
    } catch {
      // an unreachable backup disk must not hide the rest of the report
    }
    const rebuilding = projections().map((p) => rebuildProgress(app.db, p)).filter((r) => r !== null);
    return { readOnly: app.readOnly, quickCheck: h.quickCheck, audit: h.audit, latestBackup, idleLockMinutes: getSettings(app.db).idleLockMinutes, changedMigrations: app.changedMigrations, rebuilding };
  },
});
