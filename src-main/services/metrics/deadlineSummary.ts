import type { HandlerContext } from '../../api/registry';
import { currentDeadlineContext } from '../deadlines/recompute';
import { boardWindow, deadlineCounts } from '../deadlines/board';
import { rebuildProgress } from '../../events/projectionState';
import { deadlineClocks } from '../deadlines/projection';
import type { DeadlineSummary } from './dashboard';
import type { Scope } from './facts';

/**
 * The dashboard's 节点超期 / 即将到期: the deadline board's own count (board.ts deadlineCounts) over
 * the caller's cases (narrowed to the dashboard's team or officer) at this moment, so the two pages never show different numbers.
 */
export function deadlineSummary(ctx: HandlerContext, scope: Scope = { kind: 'court' }): DeadlineSummary {
  const { db, clock } = ctx.app;
  const dc = currentDeadlineContext(db);
  const w = boardWindow(db, clock.now(), clock.today(), dc.cal, dc.soonWorkingDays);
  const c = deadlineCounts(db, w, ctx.scope, scope.kind === 'team' ? { teamId: scope.teamId } : scope.kind === 'judge' ? { judgeId: scope.judgeId } : {});
  const rebuilding = rebuildProgress(db, deadlineClocks);
  return {
    available: true,
    overdue: c.overdue,
    dueSoon: c.dueSoon,
    byTeam: c.byTeam,
    note: rebuilding ? `节点期限正在重新计算（${rebuilding.done}/${rebuilding.total}），数字尚不完整` : '与节点监控看板同一口径（截至当前）',
  };
}
