import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { useSession } from '../session';
import type { MethodOutput } from '../../src-shared/api';
import { ProposalsPanel } from './triage/ProposalsPanel';
import { AssignmentPanel } from './triage/AssignmentPanel';
import { RunsPanel } from './triage/RunsPanel';
import { TeamCases } from './teams/TeamCases';

const TABS = [
  { key: 'proposals', label: '繁简分流' },
  { key: 'assignment', label: '待分案' },
  { key: 'runs', label: '分案记录' },
  { key: 'reassign', label: '改分' },
] as const;
type Tab = (typeof TABS)[number]['key'];

/**
 * 繁简分流 and 分案 (domain.md §3): proposals confirmed in bulk or overridden with a reason; the complex
 * cases distributed to the tribunal teams in a recorded run; the runs explained; bulk reassignment.
 */
export function TriagePage() {
  const { settings } = useSession();
  const [tab, setTab] = useState<Tab>('proposals');
  const [changed, setChanged] = useState(0);
  const [lastRun, setLastRun] = useState<number | null>(null);
  const [loads, setLoads] = useState<MethodOutput<'assignment.loads'> | null>(null);
  const [team, setTeam] = useState('');
  const reloadLoads = useCallback(() => void api.call('assignment.loads', {}).then(setLoads).catch(() => undefined), []);
  useEffect(reloadLoads, [reloadLoads, changed]);

  return (
    <div className="page" data-testid="triage-page">
      <div className="toolbar">
        <h2>繁简分流与分案</h2>
      </div>
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.key} type="button" role="tab" aria-selected={tab === t.key} className={tab === t.key ? 'active' : ''} onClick={() => setTab(t.key)} data-testid={`triage-tab-${t.key}`}>
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'proposals' ? <ProposalsPanel onDone={() => setChanged((n) => n + 1)} /> : null}
      {tab === 'assignment' ? (
        <AssignmentPanel
          refreshKey={changed}
          onRun={(id) => {
            setLastRun(id);
            setChanged((n) => n + 1);
            setTab('runs');
          }}
        />
      ) : null}
      {tab === 'runs' ? <RunsPanel selected={lastRun} refreshKey={changed} /> : null}
      {tab === 'reassign' ? (
        <>
          <div className="toolbar">
            <select value={team} onChange={(e) => setTeam(e.target.value)} data-testid="reassign-team-filter">
              <option value="">全部团队</option>
              {settings.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          <TeamCases team={team} loads={loads} onChanged={() => setChanged((n) => n + 1)} />
        </>
      ) : null}
    </div>
  );
}
