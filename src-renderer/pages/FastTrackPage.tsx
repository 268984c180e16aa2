import { useLive } from '../live/useLive';
import { useView } from '../live/view';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { api } from '../api/client';
import { LocalGrid } from '../components/Grid';
import { Field } from '../components/Field';
import { navigate } from '../router';
import { yuan } from '../format';
import type { MethodOutput } from '../../src-shared/api';
import { FastTrackCase } from './fastTrack/FastTrackCase';
import { shown, type ShownError } from './triage/errors';

type Row = MethodOutput<'fastTrack.queue'>[number];

/** 快执: the fast-track queue with each case's next step, the steps themselves, and sending back to triage. */
export function FastTrackPage() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [picked, setPicked] = useState<Row[]>([]);
  const [current, setCurrent] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  // The queue as the clerk sees it: what the writes state (seen); other clerks' changes reload it.
  const view = useView();
  const load = useCallback(async () => {
    try {
      setRows(await view.read('fastTrack.queue', {}));
    } catch (e) {
      setError(shown(e));
      setRows([]);
    }
  }, [view]);
  useEffect(() => void load(), [load]);
  useLive(() => void load());

  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'number', headerName: '案号', width: 210, pinned: 'left' },
      { field: 'applicants', headerName: '申请执行人', width: 130 },
      { field: 'debtors', headerName: '被执行人', width: 160 },
      { field: 'filedOn', headerName: '立案日期', width: 110 },
      { field: 'outstandingFen', headerName: '未履行（元）', width: 120, type: 'rightAligned', valueFormatter: (p) => yuan(p.value as number) },
      { field: 'frozenFen', headerName: '冻结款（元）', width: 120, type: 'rightAligned', valueFormatter: (p) => yuan(p.value as number) },
      { field: 'balanceFen', headerName: '账户余额（元）', width: 130, type: 'rightAligned', valueFormatter: (p) => yuan(p.value as number) },
      { field: 'judgeName', headerName: '承办人', width: 90 },
      { field: 'stepLabel', headerName: '下一步', flex: 1, minWidth: 150, cellClass: (p) => (p.data?.step === 'review' ? 'due-soon' : '') },
    ],
    [],
  );

  const sendBack = async () => {
    setError(null);
    try {
      const r = await api.call('fastTrack.sendBack', { caseIds: picked.map((p) => p.caseId), reason, seen: view.seen() });
      setMessage(`已将 ${r.count} 件案件退回繁简分流。`);
      setSending(false);
      setReason('');
      setPicked([]);
      setCurrent(null);
      await load();
    } catch (e) {
      setError(shown(e));
    }
  };

  const row = rows?.find((r) => r.caseId === current) ?? null;
  return (
    <div className="page" data-testid="fast-track-page">
      <div className="toolbar">
        <h2>快执</h2>
        <button type="button" disabled={picked.length !== 1} onClick={() => setCurrent(picked[0]!.caseId)} data-testid="fast-handle">
          办理所选案件
        </button>
        <button type="button" disabled={picked.length === 0} onClick={() => setSending(true)} data-testid="fast-sendback-open">
          退回分流（{picked.length}）
        </button>
        <span className="muted" data-testid="fast-total">
          {rows === null ? '' : `快执在办 ${rows.length} 件`}
        </span>
      </div>
      {error && error.field !== 'reason' ? (
        <div className="error-banner" role="alert" data-testid="fast-page-error">
          {error.message}
        </div>
      ) : null}
      {message ? (
        <div className="success" data-testid="fast-message">
          {message}
        </div>
      ) : null}
      {sending ? (
        <fieldset data-testid="fast-sendback">
          <legend>退回繁简分流：{picked.map((p) => p.number).join('、')}</legend>
          <Field label="退回理由" required wide error={error?.field === 'reason' ? error.message : undefined}>
            <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="例如：被执行人反悔，需处置财产" data-testid="fast-sendback-reason" />
          </Field>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void sendBack()} data-testid="fast-sendback-submit">
              退回
            </button>
            <button type="button" onClick={() => setSending(false)}>
              取消
            </button>
          </div>
        </fieldset>
      ) : null}
      {row ? (
        <FastTrackCase
          seen={view.seen()}
          row={row}
          onChanged={(m) => {
            setMessage(m);
            void load();
          }}
        />
      ) : current !== null && rows ? (
        <div className="notice">该案已不在快执队列（已结案或已退回）。</div>
      ) : null}
      <LocalGrid<Row>
        testId="fast-grid"
        columns={columns}
        rows={rows ?? []}
        rowId={(r) => String(r.caseId)}
        selectable
        onSelection={setPicked}
        onOpen={(r) => setCurrent(r.caseId)}
        height={row ? 300 : 520}
      />
      <p className="muted">
        双击一行办理；案件详情见
        <button type="button" className="link" onClick={() => navigate('/cases')}>
          案件登记簿
        </button>
        。
      </p>
    </div>
  );
}
