/**
 * Shown above figures whose derived table is being derived again from the event log (new rules, a
 * new calendar, a new version): the numbers of the cases not yet reached may still be the old ones.
 */
export function RebuildingNote({ rebuilding }: { rebuilding: { label: string; done: number; total: number } | null | undefined }) {
  if (!rebuilding) return null;
  const pct = rebuilding.total > 0 ? Math.floor((rebuilding.done / rebuilding.total) * 100) : 0;
  return (
    <div className="rebuilding-note" role="status" data-testid="rebuilding-note">
      {rebuilding.label}正在按新规则重新计算（已完成 {pct}%），期间部分数字可能仍为旧规则下的结果，完成后自动更新。
    </div>
  );
}
