// Backup figures on the 200,000-case benchmark court (issue 7), measured in-process on the real code:
// the online backup (backups.create / daily), VACUUM INTO (the pre-migration hook), a restore of
// that copy over a live file, and the start-up checks (PRAGMA quick_check, audit-chain verification).
// Args: <court dataDir> <scratch dir>. The court is only read. Prints one JSON object.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Db } from '../../src-main/db/connection';
import { DB_FILE } from '../../src-main/app/app';
import { SYSTEM_ACTOR } from '../../src-main/events/log';
import { createBackup, createBackupSync } from '../../src-main/services/backups/create';
import { verifyInThread } from '../../src-main/services/audit/runVerify';
import { readAuditKey, defaultAuditKeyFile } from '../../src-main/services/audit/auditKey';

const [courtDir, scratch] = process.argv.slice(2) as [string, string];
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
const db = new Db(join(courtDir, DB_FILE));
const cases = db.raw<{ n: number }>('SELECT count(*) AS n FROM cases')[0]!.n;
const events = db.raw<{ n: number }>('SELECT count(*) AS n FROM case_events')[0]!.n;
const pages = db.sqlite.pragma('page_count', { simple: true }) as number;
const pageSize = db.sqlite.pragma('page_size', { simple: true }) as number;

const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
};

// The scratch folder stands in for the data folder, so copies land in <scratch>/backups, not in the court.
const [online, onlineMs] = await time(() => createBackup(db, scratch, 'manual', SYSTEM_ACTOR, new Date(), { recordEvent: false }));
const [, vacuumMs] = await time(() => createBackupSync(db, scratch, 'preMigration', SYSTEM_ACTOR, new Date(Date.now() + 1)));
const [qc, quickCheckMs] = await time(() => db.sqlite.pragma('quick_check', { simple: true }));
const [audit, auditMs] = await time(() => verifyInThread({ file: join(courtDir, DB_FILE), key: readAuditKey(defaultAuditKeyFile()), heads: [], checkedAt: new Date().toISOString() }));
db.close();

// Restore: the online copy over a live (scratch) database that has a connection open.
const live = join(scratch, 'live.sqlite');
copyFileSync(join(scratch, 'backups', online.name), live);
const liveDb = new Database(live);
liveDb.pragma('journal_mode = WAL');
const source = new Database(join(scratch, 'backups', online.name), { readonly: true });
const [, restoreMs] = await time(() => source.backup(live, { progress: () => 1 << 30 }));
source.close();
const restoredCases = (liveDb.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
liveDb.close();
rmSync(scratch, { recursive: true, force: true });

console.log(
  JSON.stringify({
    cases,
    events,
    dbBytes: pages * pageSize,
    backupBytes: online.sizeBytes,
    onlineMs,
    vacuumMs,
    restoreMs,
    restoredCases,
    quickCheckMs,
    quickCheckOk: qc === 'ok',
    auditMs,
    auditOk: audit.ok,
    auditChecked: audit.checked,
  }),
);
