import type { CallContext } from '../../api/context';
import { NO_DEADLINES, type DeadlineSummary } from './dashboard';

/**
 * The overdue counts of the deadline board (`deadlines.board`), read through the registry
 * so the dashboard does not depend on that domain's internals. Rows are counted by their status /
 * overdue flag; when the method is not there (yet) the dashboard says so instead of showing zero.
 */
export async function deadlineSummary(ctx: CallContext): Promise<DeadlineSummary> {
  const { registry } = ctx.app;
  if (!registry.has('deadlines.board')) return NO_DEADLINES;
  const r = await registry.call('deadlines.board', {}, ctx);
  if (!r.ok) return { ...NO_DEADLINES, note: `节点期限看板读取失败：${r.error.message}` };
  const rows = collectRows(r.data);
  const isOverdue = (x: Record<string, unknown>) => x.status === 'overdue' || x.overdue === true || x.state === 'overdue';
  const isSoon = (x: Record<string, unknown>) => x.status === 'dueSoon' || x.status === 'soon' || x.dueSoon === true;
  const overdue = rows.filter(isOverdue);
  const byTeam = new Map<string | null, number>();
  for (const x of overdue) {
    const t = typeof x.teamId === 'string' ? x.teamId : null;
    byTeam.set(t, (byTeam.get(t) ?? 0) + 1);
  }
  const d = r.data as Record<string, unknown>;
  const count = (k: string) => (typeof d?.[k] === 'number' ? (d[k] as number) : null);
  return {
    available: true,
    overdue: count('overdue') ?? overdue.length,
    dueSoon: count('dueSoon') ?? rows.filter(isSoon).length,
    byTeam: [...byTeam].map(([teamId, n]) => ({ teamId, overdue: n })),
    note: '来自节点期限看板',
  };
}

function collectRows(data: unknown): Record<string, unknown>[] {
  if (Array.isArray(data)) return data.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
  if (data && typeof data === 'object') {
    for (const k of ['rows', 'items', 'deadlines', 'cases']) {
      const v = (data as Record<string, unknown>)[k];
      if (Array.isArray(v)) return collectRows(v);
    }
  }
  return [];
}
