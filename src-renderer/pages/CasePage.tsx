import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { CASE_TABS, type CaseDetail } from '../caseTabs';
import { stageLabel } from '../format';
import { navigate } from '../router';
import { useSession } from '../session';
import { useLive, type CaseChange } from '../live/useLive';
import { usePresence } from '../live/presence';
import { courtTime } from '../live/time';
import type { Seen } from '../../src-shared/api/caseVersions';
import { WorkspacePanel } from './case/WorkspacePanel';
import { errorText } from '../errorText';

/**
 * One case as the workspace: header, the summary with this user's actions (WorkspacePanel), and the
 * tabs of design.md §8. It follows the
 * case live: another clerk's change reloads what it shows and is named in a notice; the tabs' writes
 * state the version the clerk has acknowledged (`seen`), so a write made without having taken
 * notice of someone else's change is refused by the server with that clerk's name.
 */
export function CasePage({ id }: { id: number }) {
  const { user } = useSession();
  const [c, setC] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState('overview');
  // Bumped after each read, so the summary above the tabs is read again.
  const [version, setVersion] = useState(0);
  /** The version the clerk has seen and taken notice of: what writes state. */
  const [ack, setAck] = useState<number | null>(null);
  /** Changes by others since `ack`. */
  const [others, setOthers] = useState<CaseChange[]>([]);
  const load = useCallback(
    (acknowledge = false) => {
      api
        .call('cases.get', { id })
        .then((r) => {
          setC(r);
          setError(null);
          setVersion((v) => v + 1);
          setAck((a) => (a === null || acknowledge ? r.version : a));
          if (acknowledge) setOthers([]);
        })
        .catch((e: unknown) => setError(errorText(e)));
    },
    [id],
  );
  useEffect(() => load(true), [load]);
  useLive(() => load(false), {
    caseIds: [id],
    onChange: (changes) => {
      const byOthers = changes.filter((ch) => ch.byId !== user.id);
      if (byOthers.length > 0) setOthers((o) => [...o, ...byOthers]);
      // The clerk's own change (this or another of their windows) needs no notice.
      else setAck((a) => Math.max(a ?? 0, ...changes.map((ch) => ch.version)));
    },
  });
  const viewers = usePresence(id, user.id);
  if (error) return <div className="page error-banner">{error}</div>;
  if (!c) return <div className="page muted">正在加载…</div>;
  const active = CASE_TABS.find((t) => t.key === tab) ?? CASE_TABS[0]!;
  const Tab = active.component;
  const seen: Seen = { cases: { [String(c.id)]: ack ?? c.version } };
  const last = others.at(-1);
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
        {viewers.length > 0 ? (
          <span className="presence" data-testid="case-presence">
            {viewers.map((v) => v.name).join('、')} 也在查看此案件
          </span>
        ) : null}
      </div>
      {last ? (
        <div className="notice changed-notice" role="status" data-testid="case-changed">
          此案件已由{last.by}于 {courtTime(last.at)} 修改，页面已显示最新内容。
          <button type="button" onClick={() => load(true)} data-testid="case-changed-ack">
            知道了
          </button>
        </div>
      ) : null}
      <WorkspacePanel version={version} c={c} seen={seen} onTab={setTab} reloadCase={() => load(true)} />
      <div className="tabs" role="tablist">
        {CASE_TABS.map((t) => (
          <button key={t.key} role="tab" type="button" aria-selected={t.key === active.key} className={t.key === active.key ? 'active' : ''} onClick={() => setTab(t.key)} data-testid={`tab-${t.key}`}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="tab-body">{Tab ? <Tab c={c} seen={seen} reload={() => load(true)} /> : <div className="notice">“{active.label}”尚未上线。</div>}</div>
    </div>
  );
}
