import { useView } from '../../live/view';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { api } from '../../api/client';
import { LocalGrid } from '../../components/Grid';
import { Field } from '../../components/Field';
import { navigate } from '../../router';
import { yuan } from '../../format';
import { TRACK_LABELS, type Track } from '../../../src-shared/domain/triage';
import type { MethodOutput } from '../../../src-shared/api';
import { shown, type ShownError } from './errors';

type Proposal = MethodOutput<'triage.propose'>[number];
type Confirmed = MethodOutput<'triage.confirm'>;

const RULE_NAMES: Record<Proposal['rule'], string> = {
  liquidCovers: '资金足额',
  needsSale: '需处置财产',
  partial: '资金不足',
  nothingFound: '未发现财产',
  nothingControlled: '未控制财产',
};

/**
 * 待分流: the proposals of the rules (settings → 繁简分流), confirmed in bulk as proposed, or one
 * case at a time with the other track and a reason (the reason's error is shown at its field).
 */
export function ProposalsPanel({ onDone }: { onDone: (r: Confirmed) => void }) {
  const [rows, setRows] = useState<Proposal[] | null>(null);
  const [picked, setPicked] = useState<Proposal[]>([]);
  const [current, setCurrent] = useState<Proposal | null>(null);
  const [track, setTrack] = useState<Track>('complex');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The proposals as the clerk sees them: confirming states them (seen).
  const view = useView();
  const load = useCallback(async () => {
    try {
      setRows(await view.read('triage.propose', {}));
    } catch (e) {
      setError(shown(e));
      setRows([]);
    }
  }, [view]);
  useEffect(() => void load(), [load]);

  const columns = useMemo<ColDef<Proposal>[]>(
    () => [
      { field: 'number', headerName: '案号', width: 200, pinned: 'left' },
      {
        field: 'track',
        headerName: '建议',
        width: 150,
        valueFormatter: (p) => TRACK_LABELS[p.value as Track],
        cellClass: (p) => (p.value === 'simple' ? 'track-simple' : 'track-complex'),
      },
      { field: 'rule', headerName: '规则', width: 125, valueFormatter: (p) => RULE_NAMES[p.value as Proposal['rule']] },
      { field: 'reason', headerName: '理由', flex: 1, minWidth: 280, tooltipField: 'reason' },
      { field: 'outstandingFen', headerName: '未履行（元）', width: 120, type: 'rightAligned', valueFormatter: (p) => yuan(p.value as number) },
      { field: 'liquidFen', headerName: '已控制资金（元）', width: 135, type: 'rightAligned', valueFormatter: (p) => yuan(p.value as number) },
      { field: 'saleAssets', headerName: '需处置财产', width: 110, valueFormatter: (p) => (p.value as string[]).join('、') },
      { field: 'debtors', headerName: '被执行人', width: 140 },
      { field: 'applicants', headerName: '申请执行人', width: 120 },
    ],
    [],
  );

  const confirm = async (items: { caseId: number; track?: Track; reason?: string }[]) => {
    setError(null);
    setMessage(null);
    setBusy(true);
    try {
      const r = await api.call('triage.confirm', { items, seen: view.seen() });
      const simple = r.filter((x) => x.track === 'simple').length;
      setMessage(`已确认 ${r.length} 件：简案 ${simple} 件移交快执，繁案 ${r.length - simple} 件待分案${r.some((x) => x.override) ? `（其中改变建议 ${r.filter((x) => x.override).length} 件）` : ''}。`);
      setCurrent(null);
      setReason('');
      setPicked([]);
      onDone(r);
      await load();
    } catch (e) {
      setError(shown(e));
    } finally {
      setBusy(false);
    }
  };

  const open = (p: Proposal) => {
    setCurrent(p);
    setTrack(p.track === 'simple' ? 'complex' : 'simple');
    setReason('');
    setError(null);
  };

  // The override form sends one item, so a field error names items.0.<field>.
  const fieldError = (f: string) => (error?.field === `items.0.${f}` ? error.message : undefined);
  const bannerError = error && !(current && error.field?.startsWith('items.0.') && error.field !== 'items.0.caseId') ? error.message : null;

  return (
    <div data-testid="triage-proposals">
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          disabled={busy || picked.length === 0}
          onClick={() => void confirm(picked.map((p) => ({ caseId: p.caseId })))}
          data-testid="triage-confirm"
        >
          按建议确认所选（{picked.length}）
        </button>
        <button type="button" disabled={picked.length !== 1} onClick={() => picked[0] && open(picked[0])} data-testid="triage-override-open">
          改变建议…
        </button>
        <button type="button" onClick={() => void load()} data-testid="triage-refresh">
          重新生成建议
        </button>
        <span className="muted" data-testid="triage-total">
          {rows === null ? '正在生成建议…' : `待分流 ${rows.length} 件；简案建议 ${rows.filter((r) => r.track === 'simple').length} 件`}
        </span>
      </div>
      {bannerError ? (
        <div className="error-banner" role="alert" data-testid="triage-error">
          {bannerError}
        </div>
      ) : null}
      {message ? (
        <div className="success" data-testid="triage-message">
          {message}
        </div>
      ) : null}
      {current ? (
        <fieldset data-testid="triage-override">
          <legend>改变建议：{current.number}</legend>
          <p className="muted">
            建议：{TRACK_LABELS[current.track]}——{current.reason}
          </p>
          <div className="row">
            <Field label="确认为" error={fieldError('track')}>
              <select value={track} onChange={(e) => setTrack(e.target.value as Track)} data-testid="override-track">
                <option value="simple">{TRACK_LABELS.simple}</option>
                <option value="complex">{TRACK_LABELS.complex}</option>
              </select>
            </Field>
            <Field label="理由" required wide error={fieldError('reason')} hint="改变建议须写明理由，记入案件日志">
              <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="例如：被执行人承诺当日全额履行" data-testid="override-reason" />
            </Field>
          </div>
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void confirm([{ caseId: current.caseId, track, reason }])} data-testid="override-submit">
              确认分流
            </button>
            <button type="button" onClick={() => setCurrent(null)}>
              取消
            </button>
            <button type="button" className="link" onClick={() => navigate(`/cases/${current.caseId}`)}>
              打开案件
            </button>
          </div>
        </fieldset>
      ) : null}
      <LocalGrid<Proposal>
        testId="triage-grid"
        columns={columns}
        rows={rows ?? []}
        rowId={(r) => String(r.caseId)}
        selectable
        onSelection={setPicked}
        onOpen={open}
        height={420}
      />
      <p className="muted">勾选案件后“按建议确认”；双击一行可改变该案的建议（须填写理由）。</p>
    </div>
  );
}
