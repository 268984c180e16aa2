// Backup figures: on the 200,000-case benchmark court, the online backup (backups.create
// and the daily backup, including the quick_check of the copy), VACUUM INTO (before migrations),
// a restore over a live file, and the start-up checks that run on every start.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { bundleForNode } from './lib/bundle.mjs';
import { BENCH_TMP, bulkCourt } from './lib/fixtures.mjs';
import { figure, round } from './lib/report.mjs';

const entry = await bundleForNode('bench/entries/backup.ts', 'backup');
const court = await bulkCourt(200_000);
if (court.built) figure('fixture', 'bulk_build_s', round(court.ms / 1000, 1), 's', null, { cases: court.cases, events: court.events });
const scratch = join(BENCH_TMP, `backup-${process.pid}`);
const out = execFileSync(process.execPath, [entry, court.dataDir, scratch], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
const r = JSON.parse(out.toString().trim().split('\n').pop());
const mb = (b) => round(b / 1048576, 1);
const extra = { cases: r.cases, dbMB: mb(r.dbBytes) };
figure('backup', 'online_backup_ms', round(r.onlineMs, 0), 'ms', null, { ...extra, backupMB: mb(r.backupBytes), MBps: round(mb(r.backupBytes) / (r.onlineMs / 1000), 0) });
figure('backup', 'vacuum_into_ms', round(r.vacuumMs, 0), 'ms', null, extra);
figure('backup', 'restore_ms', round(r.restoreMs, 0), 'ms', null, { ...extra, restoredCases: r.restoredCases });
figure('startup', 'quick_check_ms', round(r.quickCheckMs, 0), 'ms', null, { ...extra, ok: r.quickCheckOk });
figure('startup', 'audit_verify_ms', round(r.auditMs, 0), 'ms', null, { events: r.events, ok: r.auditOk, checked: r.auditChecked });
