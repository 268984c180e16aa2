import { useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { api } from '../../api/client';
import { ServerGrid, LocalGrid, type PageRequest } from '../../components/Grid';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { yuan } from '../../format';
import { toSort } from '../CasesPage';
import type { MethodOutput } from '../../../src-shared/api';
import { RULE_LABELS, RunStats } from './RunStats';
import { shown, type ShownError } from './errors';

type Row = MethodOutput<'cases.list'>['rows'][number];
type Plan = MethodOutput<'assignment.distribute'>;
type Decision = Plan['decisions'][number];

/**
 * 待分案: the complex cases waiting for a team, and the distribution run — first a preview (dry
 * run: the same decisions, nothing written) with per-team and per-judge figures, then the run.
 */
export function AssignmentPanel({ refreshKey, onRun }: { refreshKey: number; onRun: (runId: number) => void }) {
  const { settings } = useSession();
  const [picked, setPicked] = useState<Row[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);
  const teamName = (id: string | null) => settings.teams.find((t) => t.id === id)?.name ?? id ?? '';

  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { colId: 'number', field: 'number', headerName: '案号', width: 210, pinned: 'left' },
      { colId: 'type', field: 'type', headerName: '类型', width: 70 },
      { colId: 'applicants', field: 'applicants', headerName: '申请执行人', width: 150 },
      { colId: 'debtors', field: 'debtors', headerName: '被执行人', width: 200 },
      { colId: 'claimFen', field: 'claimFen', headerName: '标的（元）', width: 130, type: 'rightAligned', valueFormatter: (p) => yuan(p.value as number) },
      { colId: 'filedOn', field: 'filedOn', headerName: '立案日期', width: 110, sort: 'asc' },
    ],
    [],
  );
  const fetchPage = (req: PageRequest) =>
    api.call('cases.list', {
      filter: { stage: ['assignment'] },
      sort: toSort(req).length ? toSort(req) : [{ field: 'filedOn', dir: 'asc' }],
      offset: req.offset,
      limit: req.limit,
    });

  const scope = () => (picked.length > 0 ? { caseIds: picked.map((p) => p.id) } : {});
  const preview = async () => {
    setError(null);
    setBusy(true);
    try {
      setPlan(await api.call('assignment.distribute', { ...scope(), dryRun: true }));
    } catch (e) {
      setError(shown(e));
    } finally {
      setBusy(false);
    }
  };
  const run = async () => {
    setAsking(false);
    setError(null);
    setBusy(true);
    try {
      // Run exactly the previewed cases (cases that arrived since wait for the next run).
      const ids = plan?.decisions.map((d) => d.caseId) ?? [];
      const r = await api.call('assignment.distribute', { ...(ids.length > 0 && ids.length <= 10_000 ? { caseIds: ids } : scope()), dryRun: false });
      setPlan(null);
      setPicked([]);
      setReloads((n) => n + 1);
      if (r.runId !== null) onRun(r.runId);
    } catch (e) {
      setError(shown(e));
    } finally {
      setBusy(false);
    }
  };

  const planColumns = useMemo<ColDef<Decision>[]>(
    () => [
      { field: 'teamId', headerName: '团队', width: 130, valueFormatter: (p) => (p.value ? teamName(p.value as string) : '未分') },
      { field: 'judgeLoadBefore', headerName: '法官分案前', width: 110, type: 'rightAligned' },
      { field: 'rule', headerName: '规则', width: 200, valueFormatter: (p) => RULE_LABELS[p.value as string] ?? (p.value as string) },
      { field: 'explanation', headerName: '说明', flex: 1, minWidth: 300, tooltipField: 'explanation' },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the columns change with the team names; teamName is derived from settings.teams
    [settings.teams],
  );

  return (
    <div data-testid="assignment-panel">
      <div className="toolbar">
        <button type="button" className="primary" disabled={busy || total === 0} onClick={() => void preview()} data-testid="dist-preview">
          {picked.length > 0 ? `预览所选 ${picked.length} 件的分案` : '预览全部待分案案件的分案'}
        </button>
        <button type="button" disabled={busy || !plan || plan.stats.assigned === 0} onClick={() => setAsking(true)} data-testid="dist-run">
          按预览执行分案
        </button>
        <span className="muted" data-testid="assignment-total">
          {total === null ? '' : `待分案 ${total} 件`}
        </span>
      </div>
      {error ? (
        <div className="error-banner" role="alert" data-testid="dist-error">
          {error.message}
        </div>
      ) : null}
      {plan ? (
        <fieldset data-testid="dist-plan">
          <legend>分案预览（尚未保存）</legend>
          <RunStats stats={plan.stats} cap={plan.cap} basis={plan.basis} />
          <LocalGrid<Decision> testId="dist-decisions" columns={planColumns} rows={plan.decisions} rowId={(d) => String(d.caseId)} height={240} />
        </fieldset>
      ) : null}
      <ServerGrid<Row>
        testId="assignment-grid"
        columns={columns}
        fetchPage={fetchPage}
        deps={[refreshKey, reloads]}
        rowId={(r) => String(r.id)}
        selectable
        onSelection={setPicked}
        onTotal={setTotal}
        onOpen={(r) => navigate(`/cases/${r.id}`)}
        height={plan ? 260 : 460}
      />
      {asking && plan ? (
        <ConfirmDialog title="执行分案" confirmLabel="执行分案" onConfirm={() => void run()} onCancel={() => setAsking(false)}>
          将 {plan.stats.assigned} 件案件分给 {plan.stats.perJudge.filter((j) => j.cases > 0).length} 名法官
          {plan.stats.unassigned ? `，${plan.stats.unassigned} 件因上限暂不分案` : ''}。分案结果记入分案记录，可逐案说明理由。
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
