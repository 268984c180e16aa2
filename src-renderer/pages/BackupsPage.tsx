import { useCallback, useEffect, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { api } from '../api/client';
import { LocalGrid } from '../components/Grid';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { dateTime } from '../format';
import { useSession } from '../session';
import { RestoreWarning } from '../security/SystemHealth';
import { BACKUP_KIND_LABELS, fileSize } from '../security/labels';
import { BackupSettings } from './backups/BackupSettings';
import type { MethodOutput } from '../../src-shared/api';
import { errorText } from '../errorText';

type Backup = MethodOutput<'backups.list'>['backups'][number];

/** A backup as the administrator reads it: when and what kind (the file name is for the folder, not the screen). */
const backupLabel = (b: { createdAt: string; kind: Backup['kind'] }) => `${dateTime(b.createdAt)}的${BACKUP_KIND_LABELS[b.kind]}备份`;
type Message = { ok: boolean; text: string };

/**
 * 备份: the backups in the backup folder (SQLite online backups: daily, before every
 * migration, before a restore, and by hand), a backup now, restore with a safety copy first, and
 * the backup settings.
 */
export function BackupsPage() {
  const { user } = useSession();
  const isAdmin = user.roles.includes('admin');
  const [folder, setFolder] = useState('');
  const [rows, setRows] = useState<Backup[]>([]);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState<'create' | 'restore' | null>(null);
  const [restoring, setRestoring] = useState<Backup | null>(null);

  const load = useCallback(async () => {
    const r = await api.call('backups.list', {});
    setFolder(r.folder);
    setRows(r.backups);
  }, []);
  useEffect(() => {
    load().catch((e: unknown) => setMessage({ ok: false, text: errorText(e) }));
  }, [load]);

  const create = async () => {
    setBusy('create');
    setMessage({ ok: true, text: '正在备份，请稍候（数据越多用时越长，期间可以继续办案）…' });
    try {
      const b = await api.call('backups.create', {});
      setMessage({ ok: true, text: `备份完成：${backupLabel(b)}（${fileSize(b.sizeBytes)}，${b.cases} 件案件${b.checked ? '，已通过自检' : ''}）` });
      await load();
    } catch (e) {
      setMessage({ ok: false, text: `备份失败：${errorText(e)}` });
    } finally {
      setBusy(null);
    }
  };

  const restore = async (b: Backup) => {
    setRestoring(null);
    setBusy('restore');
    setMessage({ ok: true, text: `正在从${backupLabel(b)}恢复：先备份当前数据，再整体替换…` });
    try {
      const r = await api.call('backups.restore', { name: b.name });
      setMessage({
        ok: !r.readOnly,
        text: `已从${backupLabel(b)}恢复。${r.safetyBackup ? '恢复前的数据已备份为一份“恢复前”备份。' : '恢复前的数据库已损坏，未能备份。'}${r.readOnly ? '恢复后的数据库自检仍未通过，仍为只读。' : ''}页面即将重新载入。`,
      });
      await load();
      // Every page on screen shows the replaced data: start afresh (the session is kept).
      setTimeout(() => window.location.reload(), 2500);
    } catch (e) {
      setMessage({ ok: false, text: `恢复失败，数据未改变：${errorText(e)}` });
      setBusy(null);
    }
  };

  const columns: ColDef<Backup>[] = [
    { headerName: '备份时间', colId: 'createdAt', width: 160, sort: 'desc', valueGetter: (p) => p.data?.createdAt ?? '', valueFormatter: (p) => (p.value ? dateTime(p.value as string) : '') },
    { headerName: '类型', colId: 'kind', width: 110, valueGetter: (p) => (p.data ? BACKUP_KIND_LABELS[p.data.kind] : '') },
    { headerName: '操作人', field: 'createdBy', width: 110 },
    { headerName: '大小', colId: 'size', width: 100, type: 'rightAligned', valueGetter: (p) => p.data?.sizeBytes ?? 0, valueFormatter: (p) => fileSize(p.value as number) },
    { headerName: '案件数', field: 'cases', width: 100, type: 'rightAligned' },
    { headerName: '自检', colId: 'checked', width: 90, valueGetter: (p) => (p.data?.checked ? '通过' : '未检') },
    {
      headerName: '签名校验',
      colId: 'verified',
      width: 200,
      valueGetter: (p) => (p.data ? (p.data.verified ? '相符，可以恢复' : `不可恢复：${p.data.problem ?? ''}`) : ''),
      tooltipValueGetter: (p) => p.data?.problem ?? '',
      cellClass: (p) => (p.data && !p.data.verified ? 'field-error' : ''),
    },
    ...(isAdmin
      ? [
          {
            headerName: '',
            colId: 'restore',
            width: 90,
            sortable: false,
            filter: false,
            cellRenderer: (p: { data?: Backup }) =>
              p.data?.verified ? (
                <button type="button" className="link" disabled={busy !== null} onClick={() => setRestoring(p.data!)} data-testid={`backup-restore-${p.data.name}`}>
                  恢复
                </button>
              ) : null,
          } satisfies ColDef<Backup>,
        ]
      : []),
  ];

  return (
    <div className="page" data-testid="backups-page">
      <div className="toolbar">
        <h2>备份</h2>
        <button type="button" className="primary" disabled={busy !== null} onClick={() => void create()} data-testid="backup-create">
          {busy === 'create' ? '正在备份…' : '立即备份'}
        </button>
        <span className="muted" data-testid="backup-folder">
          备份文件夹：{folder}
        </span>
      </div>
      {message ? (
        <div className={message.ok ? 'success' : 'error-banner'} role={message.ok ? 'status' : 'alert'} data-testid="backup-message">
          {message.text}
        </div>
      ) : null}
      <p className="muted">
        备份在系统运行中写出完整的数据库副本，写出后立即自检，并在说明文件中记下校验值和操作日志的链头、以审计密钥签名。只有签名和校验值都相符的备份才能用于恢复：放进备份文件夹的其他文件不会被使用。每日自动备份和升级前备份按保留规则清理；手动备份和恢复前备份不会自动删除。
      </p>
      <LocalGrid<Backup> columns={columns} rows={rows} rowId={(b) => b.name} testId="backups-grid" height={360} />
      <BackupSettings />
      {restoring ? (
        <ConfirmDialog title={`从备份恢复：${backupLabel(restoring)}`} danger confirmLabel="先备份当前数据，再恢复" onConfirm={() => void restore(restoring)} onCancel={() => setRestoring(null)}>
          <RestoreWarning createdAt={restoring.createdAt} cases={restoring.cases} />
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
