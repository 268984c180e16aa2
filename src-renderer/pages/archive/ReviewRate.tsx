import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { MethodOutput } from '../../../src-shared/api';
import { useLive } from '../../live/useLive';

type Stats = MethodOutput<'archive.reviewStats'>;

/**
 * 终本合格率 of the year to date on the archive page: passed ÷ reviewed over the 首执 cases terminated
 * in it, with the cases awaiting review beside it — the same number the dashboard and the report show.
 */
export function ReviewRate() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  useEffect(() => void api.call('system.info', {}).then((i) => setRange({ from: `${i.today.slice(0, 4)}-01-01`, to: i.today })), []);
  const load = () => (range ? void api.call('archive.reviewStats', range).then(setStats) : undefined);
  useEffect(load, [range]);
  useLive(load);
  if (!stats || !range) return null;
  return (
    <span className="muted" data-testid="archive-review-rate">
      {range.from.slice(0, 4)}年终本合格率 {stats.ratePct === null ? '—' : `${stats.ratePct.toFixed(2)}%`}（合格 {stats.passed} / 已评查 {stats.reviewed}，待评查 {stats.awaiting}）
    </span>
  );
}
