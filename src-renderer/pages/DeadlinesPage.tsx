import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { dateTime } from '../format';
import type { MethodOutput } from '../../src-shared/api';
import { BoardPanel, type DrillTarget } from './deadlines/BoardPanel';
import { DrillGrid } from './deadlines/DrillGrid';
import { CalendarEditor } from './deadlines/CalendarEditor';
import { shown, type ShownError } from './triage/errors';

type Board = MethodOutput<'deadlines.board'>;

/** 节点监控: the deadline board with its drill-down, and the working-day calendar the clocks count in. */
export function DeadlinesPage() {
  const [tab, setTab] = useState<'board' | 'calendar'>('board');
  const [board, setBoard] = useState<Board | null>(null);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const load = useCallback(() => {
    api
      .call('deadlines.board', {})
      .then((b) => {
        setBoard(b);
        setError(null);
      })
      .catch((e: unknown) => setError(shown(e)));
  }, []);
  useEffect(() => {
    load();
    return api.onEvent('cases', load);
  }, [load]);

  return (
    <div className="page" data-testid="deadlines-page">
      <div className="toolbar">
        <h2>节点监控</h2>
        <button type="button" onClick={load} data-testid="board-refresh">
          刷新
        </button>
        {board ? <span className="muted">更新于 {dateTime(board.now)}</span> : null}
      </div>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'board'} className={tab === 'board' ? 'active' : ''} onClick={() => setTab('board')} data-testid="deadlines-tab-board">
          期限看板
        </button>
        <button type="button" role="tab" aria-selected={tab === 'calendar'} className={tab === 'calendar' ? 'active' : ''} onClick={() => setTab('calendar')} data-testid="deadlines-tab-calendar">
          工作日历
        </button>
      </div>
      {error ? <div className="error-banner">{error.message}</div> : null}
      {tab === 'board' ? (
        drill ? (
          <DrillGrid target={drill} onClose={() => setDrill(null)} />
        ) : board ? (
          <BoardPanel board={board} onDrill={setDrill} />
        ) : (
          <div className="muted">正在计算…</div>
        )
      ) : (
        <CalendarEditor />
      )}
    </div>
  );
}
