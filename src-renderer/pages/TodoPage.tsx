import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { navigate } from '../router';
import { stageLabel } from '../format';
import { useSession } from '../session';
import { useLive } from '../live/useLive';
import type { MethodOutput } from '../../src-shared/api';
import { errorText } from '../errorText';

type Todo = MethodOutput<'todo.mine'>;

const BUCKETS = [
  { key: 'overdue', label: '已超期' },
  { key: 'today', label: '今日到期' },
  { key: 'week', label: '本周到期' },
] as const;

/**
 * 我的待办: where every user but the window clerk lands. The cases of this user (or of the user's
 * team) with a clock overdue, due today or due this week under the deadline rules, counted by case;
 * and the requests waiting for this user's decision (transfers for the management, 终本 proposals
 * for the 终本 group).
 */
export function TodoPage() {
  const { user } = useSession();
  const [todo, setTodo] = useState<Todo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api
      .call('todo.mine', {})
      .then((t) => {
        setTodo(t);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  useEffect(load, [load]);
  // Any visible case's change may move it between the buckets: reload, at most every 2 s.
  useLive(load);

  if (error)
    return (
      <div className="page error-banner" role="alert">
        {error}
      </div>
    );
  if (!todo) return <div className="page muted">正在加载…</div>;
  return (
    <div className="page" data-testid="todo-page">
      <div className="toolbar">
        <h2>我的待办</h2>
        <span className="muted">
          {user.displayName}，今天 {todo.today}，本周至 {todo.weekEnd}
        </span>
      </div>
      <div className="cards">
        {BUCKETS.map((b) => (
          <div key={b.key} className={`card${b.key === 'overdue' && todo.totals.overdue > 0 ? ' overdue' : ''}`} data-testid={`todo-total-${b.key}`}>
            <div className="muted">{b.label}</div>
            <strong>{todo.totals[b.key]}</strong> 件
          </div>
        ))}
      </div>
      {todo.closureRequests.length > 0 ? (
        <>
          <h3>待审核的终本申请</h3>
          <table className="table" data-testid="todo-closure-requests">
            <thead>
              <tr>
                <th>案号</th>
                <th>当事人</th>
                <th>理由</th>
                <th>申请人</th>
              </tr>
            </thead>
            <tbody>
              {todo.closureRequests.map((r) => (
                <tr key={r.id} className="clickable" onClick={() => navigate(`/cases/${r.caseId}`)}>
                  <td>{r.caseNumber}</td>
                  <td>
                    {r.applicants} 诉 {r.debtors}
                  </td>
                  <td>{r.reason}</td>
                  <td>{r.requestedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {todo.transfers.length > 0 ? (
        <>
          <h3>待审批的移交申请</h3>
          <table className="table" data-testid="todo-transfers">
            <thead>
              <tr>
                <th>案号</th>
                <th>当事人</th>
                <th>原团队</th>
                <th>建议接收</th>
                <th>理由</th>
              </tr>
            </thead>
            <tbody>
              {todo.transfers.map((r) => (
                <tr key={r.id} className="clickable" onClick={() => navigate(`/cases/${r.caseId}`)}>
                  <td>{r.caseNumber}</td>
                  <td>
                    {r.applicants} 诉 {r.debtors}
                  </td>
                  <td>{r.fromTeam ?? ''}</td>
                  <td>{r.toTeam ?? ''}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h3>到期的案件</h3>
      {todo.cases.length === 0 ? (
        <p className="muted" data-testid="todo-empty">
          本周没有到期的事项。
        </p>
      ) : (
        <table className="table" data-testid="todo-cases">
          <thead>
            <tr>
              <th>案号</th>
              <th>当事人</th>
              <th>环节</th>
              <th>到期事项</th>
            </tr>
          </thead>
          <tbody>
            {todo.cases.map((c) => (
              <tr key={c.caseId} className={`clickable${c.bucket === 'overdue' ? ' overdue' : ''}`} onClick={() => navigate(`/cases/${c.caseId}`)} data-testid={`todo-case-${c.caseId}`}>
                <td>{c.number}</td>
                <td>
                  {c.applicants} 诉 {c.debtors}
                </td>
                <td>{stageLabel(c.stage)}</td>
                <td>
                  {c.items.map((i) => (
                    <div key={i.ruleId}>
                      {i.ruleName}：{i.bucketLabel}（{i.dueOn}
                      {i.daysOverdue > 0 ? `，已超 ${i.daysOverdue} 日` : ''}）
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {todo.truncated ? <p className="muted">只列出最紧迫的一部分案件，其余请在节点监控中查看。</p> : null}
    </div>
  );
}
