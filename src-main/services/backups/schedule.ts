import type { App } from '../../app/app';
import { courtToday } from '../../../src-shared/domain/chineseDate';
import { SYSTEM_ACTOR } from '../../events/log';
import { getSettings } from '../settings/settings';
import { backupFolder, listBackups, type BackupInfo } from './folder';
import { createBackup } from './create';
import { dailySlipIfDue } from '../audit/slip';

/** Creates today's automatic backup unless one exists (court-local day) or daily backups are off. */
export async function dailyBackupIfDue(app: App): Promise<BackupInfo | null> {
  if (app.recovery) return null; // the stand-in of recovery mode is not the court's data
  if (!getSettings(app.db).backupDaily) return null;
  const today = app.clock.today();
  const last = listBackups(backupFolder(app.db, app.dataDir)).find((b) => b.kind === 'daily');
  if (last && courtToday(new Date(last.createdAt)) >= today) return null;
  return createBackup(app.db, app.dataDir, 'daily', { ...SYSTEM_ACTOR, workstation: app.workstation }, app.clock.now(), { recordEvent: !app.readOnly });
}

/**
 * The daily backup and 审计封存单 while the app runs: checked shortly after start and then every hour. Started by
 * the desktop and web entry points (not by every App, so tests and child processes do not back up).
 */
export function startBackupSchedule(app: App, everyMs = 3600_000): () => void {
  const tick = async () => {
    // Both write to the log: after any large commit on the write worker (db/writeGate.ts).
    await app.db.gate.idle();
    dailyBackupIfDue(app).catch((e: unknown) => app.log('error', '自动备份失败', e));
    // The day's 审计封存单 (the log's head on paper), ready for the supervisor to print.
    dailySlipIfDue(app).catch((e: unknown) => app.log('error', '生成审计封存单失败', e));
  };
  const first = setTimeout(() => void tick(), 30_000);
  const timer = setInterval(() => void tick(), everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
