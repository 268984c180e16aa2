import { useCallback, useEffect, useState } from 'react';
import { api, ApiCallError } from '../api/client';
import { CASE_TABS, type CaseDetail } from '../caseTabs';
import { stageLabel } from '../format';
import { navigate } from '../router';
import { WorkspacePanel } from './case/WorkspacePanel';

/** One case as the workspace: header, the summary with this user's actions (WorkspacePanel), and the tabs of design.md §8. */
export function CasePage({ id }: { id: number }) {
  const [c, setC] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState('overview');
  // Bumped after a tab changed the case, so the summary above the tabs is read again.
  const [version, setVersion] = useState(0);
  const load = useCallback(() => {
    api
      .call('cases.get', { id })
      .then((r) => {
        setC(r);
        setError(null);
        setVersion((v) => v + 1);
      })
      .catch((e: unknown) => setError(e instanceof ApiCallError ? e.message : String(e)));
  }, [id]);
  useEffect(load, [load]);
  if (error) return <div className="page error-banner">{error}</div>;
  if (!c) return <div className="page muted">正在加载…</div>;
  const active = CASE_TABS.find((t) => t.key === tab) ?? CASE_TABS[0]!;
  const Tab = active.component;
  return (
    <div className="page has-jobs">
      <div className="case-head">
        <button type="button" className="link" onClick={() => navigate('/cases')}>
          ← 案件登记簿
        </button>
        <h2 data-testid="case-number">{c.number}</h2>
        <span className="badge">{c.type}</span>
        <span className="badge stage" data-testid="case-stage">
          {stageLabel(c.stage)}
        </span>
        {c.demo ? <span className="badge demo-tag">演示数据</span> : null}
      </div>
      <WorkspacePanel version={version} c={c} onTab={setTab} reloadCase={load} />
      <div className="tabs" role="tablist">
        {CASE_TABS.map((t) => (
          <button key={t.key} role="tab" type="button" aria-selected={t.key === active.key} className={t.key === active.key ? 'active' : ''} onClick={() => setTab(t.key)} data-testid={`tab-${t.key}`}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="tab-body">{Tab ? <Tab c={c} reload={load} /> : <div className="notice">“{active.label}”尚未上线。</div>}</div>
    </div>
  );
}
