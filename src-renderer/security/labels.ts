import type { MethodOutput } from '../../src-shared/api';

type BackupKind = MethodOutput<'backups.list'>['backups'][number]['kind'];

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  manual: '手动',
  daily: '每日自动',
  preMigration: '升级前',
  preRestore: '恢复前',
};

/** 1536 → "1.5 KB": sizes of backup files. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
