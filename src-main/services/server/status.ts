import type { App } from '../../app/app';
import { backupFolder, listBackups } from '../backups/folder';
import { getSettings } from '../settings/settings';

// The health a monitoring tool polls (system.status, public): answered from memory and one tiny
// query, so polling every few seconds costs nothing; the backup folder is looked at once a minute.

/** A daily backup older than this is overdue (a day plus the hourly check's slack). */
const OVERDUE_HOURS = 26;

let cached: { app: App; at: number; latest: string | null } | null = null;

function latestBackupAt(app: App): string | null {
  if (cached && cached.app === app && Date.now() - cached.at < 60_000) return cached.latest;
  let latest: string | null;
  try {
    latest = listBackups(backupFolder(app.db, app.dataDir))[0]?.createdAt ?? null;
  } catch {
    latest = null; // an unreachable backup disk shows as overdue
  }
  cached = { app, at: Date.now(), latest };
  return latest;
}

export function serverStatus(app: App, version: string) {
  app.db.raw('SELECT 1'); // the database answers (throws, and the call fails, if it does not)
  const latest = latestBackupAt(app);
  const daily = getSettings(app.db).backupDaily;
  // A fresh server has had no chance to back up yet: overdue only after it has run a day.
  const since = latest ? Date.parse(latest) : app.startedAt;
  const backupOverdue = daily && Date.now() - since > OVERDUE_HOURS * 3_600_000;
  return {
    status: app.readOnly || app.checking || backupOverdue ? ('degraded' as const) : ('ok' as const),
    version,
    schemaVersion: app.schemaVersion,
    uptimeSeconds: Math.round((Date.now() - app.startedAt) / 1000),
    readOnly: app.readOnly,
    checking: app.checking,
    latestBackupAt: latest,
    backupOverdue,
    time: new Date().toISOString(),
  };
}
