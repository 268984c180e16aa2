import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { diffCalendarDays } from '../../../src-shared/domain/chineseDate';
import { drillIds, figureKey, type Figure } from '../../../src-shared/domain/metrics/compute';
import { COLUMN_LABELS, METRIC_BY_ID, METRIC_DEFINITIONS, activeColumns, type MetricColumn } from '../../../src-shared/domain/metrics/definitions';
import type { CaseFact, ReceiptFact } from '../../../src-shared/domain/metrics/facts';
import type { MetricContextSettings } from '../../../src-shared/domain/metrics/metricSettings';
import type { Period } from '../../../src-shared/domain/metrics/period';
import { roundedQuotient } from '../../../src-shared/domain/metrics/rounding';
import { getSettings } from '../settings/settings';

// city.ranking: each court's recomputed figures against the city's 合理区间 (SPC 2024 system,
// metrics.md §3); city totals as Σnumerator / Σdenominator (never an average of percentages, S9);
// ranks and a weighted score only when the city court switches ranking on and sets weights.

/** Metrics where a lower value is better (for ranks and the score). */
const LOWER_IS_BETTER = new Set(['avgDays', 'firstAvgDays', 'completedAvgDays', 'payoutAvgDays', 'payoutOverdue', 'payoutOverdueAmount', 'zhongbenRate', 'zhongbenShare', 'openAtEnd']);

interface RankedMetric {
  metricId: string;
  column: MetricColumn;
  name: string;
  unit: string;
  range: { min: number | null; max: number | null } | null;
  city: { value: number | null; numerator: number; denominator: number | null };
  courts: { courtCode: string; courtName: string; value: number | null; numerator: number; denominator: number | null; inRange: boolean | null; rank: number | null }[];
}

interface CourtFigures {
  importId: number;
  courtCode: string;
  courtName: string;
  status: 'ok' | 'flagged';
  figures: Map<string, Figure>;
}

/** The latest usable (not rejected) import of each court for the period. */
function latestImports(db: Db, periodCode: string): CourtFigures[] {
  const rows = db.raw<{ id: number; court_code: string; court_name: string; status: 'ok' | 'flagged'; figures: string }>(
    `SELECT id, court_code, court_name, status, figures FROM city_imports c WHERE period_code = ? AND status <> 'rejected'
     AND id = (SELECT max(id) FROM city_imports c2 WHERE c2.period_code = c.period_code AND c2.court_code = c.court_code AND c2.status <> 'rejected') ORDER BY court_code`,
    periodCode,
  );
  return rows.map((r) => ({ importId: r.id, courtCode: r.court_code, courtName: r.court_name, status: r.status, figures: new Map((JSON.parse(r.figures) as Figure[]).map((f) => [figureKey(f), f])) }));
}

function cityTotal(metricId: string, figs: Figure[]): { value: number | null; numerator: number; denominator: number | null } {
  const def = METRIC_BY_ID.get(metricId)!;
  const num = figs.reduce((a, f) => a + f.numerator, 0);
  if (def.kind === 'count') return { value: num, numerator: num, denominator: null };
  if (def.kind === 'amount') return { value: roundedQuotient(num, 100, 1, 2), numerator: num, denominator: null };
  const den = figs.reduce((a, f) => a + (f.denominator ?? 0), 0);
  if (den === 0) return { value: null, numerator: num, denominator: den };
  const scale = def.kind === 'ratio' || def.kind === 'amountRatio' ? 100 : 1;
  return { value: roundedQuotient(num, den, scale, def.dp), numerator: num, denominator: den };
}

export function cityRanking(db: Db, periodCode: string, metricIds?: readonly string[]) {
  const city = getSettings(db).city;
  const courts = latestImports(db, periodCode);
  const defs = METRIC_DEFINITIONS.filter((d) => (metricIds ? metricIds.includes(d.id) : d.kind !== 'count' || d.headline));
  const metrics: RankedMetric[] = defs.flatMap((d) =>
    activeColumns(d, false).map((column) => {
      const range = city.ranges[d.id] ?? null;
      const cells = courts.map((c) => {
        const f = c.figures.get(figureKey({ metricId: d.id, column }));
        const value = f?.value ?? null;
        const inRange = range && value !== null ? (range.min === null || value >= range.min) && (range.max === null || value <= range.max) : null;
        return { courtCode: c.courtCode, courtName: c.courtName, value, numerator: f?.numerator ?? 0, denominator: f?.denominator ?? null, inRange, rank: null as number | null };
      });
      if (city.rankingEnabled) {
        const lower = LOWER_IS_BETTER.has(d.id);
        const ordered = cells.filter((c) => c.value !== null).sort((a, b) => (lower ? a.value! - b.value! : b.value! - a.value!));
        ordered.forEach((c, i) => (c.rank = i > 0 && ordered[i - 1]!.value === c.value ? ordered[i - 1]!.rank : i + 1));
      }
      const figs = courts.map((c) => c.figures.get(figureKey({ metricId: d.id, column }))).filter((f): f is Figure => !!f);
      return { metricId: d.id, column, name: `${d.name}（${COLUMN_LABELS[column]}）`, unit: d.unit, range, city: cityTotal(d.id, figs), courts: cells };
    }),
  );
  return { periodCode, rankingEnabled: city.rankingEnabled, courts: courts.map((c) => ({ courtCode: c.courtCode, courtName: c.courtName, importId: c.importId, status: c.status })), metrics, scores: city.rankingEnabled ? scores(metrics, city.weights) : null };
}

/**
 * Weighted score (only with ranking on and weights set; none shipped): per weighted metric, a
 * court scores value / best value (higher-better) or best / value (lower-better), times 100; the
 * score is the weight-averaged sum. The method is shown in the UI beside the scores.
 */
function scores(metrics: RankedMetric[], weights: Record<string, number>) {
  const used = metrics.filter((m) => (weights[m.metricId] ?? 0) > 0 && (m.column === 'main' || m.column === 'first' || m.column === 'all'));
  if (used.length === 0) return null;
  const totals = new Map<string, { name: string; sum: number; w: number }>();
  for (const m of used) {
    const w = weights[m.metricId]!;
    const vals = m.courts.map((c) => c.value).filter((v): v is number => v !== null);
    const lower = LOWER_IS_BETTER.has(m.metricId);
    const best = vals.length ? (lower ? Math.min(...vals) : Math.max(...vals)) : null;
    for (const c of m.courts) {
      const t = totals.get(c.courtCode) ?? { name: c.courtName, sum: 0, w: 0 };
      let s = 0;
      if (c.value !== null && best !== null) s = lower ? (c.value === 0 ? 100 : (best / c.value) * 100) : best === 0 ? 100 : (c.value / best) * 100;
      t.sum += s * w;
      t.w += w;
      totals.set(c.courtCode, t);
    }
  }
  const list = [...totals].map(([courtCode, t]) => ({ courtCode, courtName: t.name, score: Math.round((t.sum / t.w) * 100) / 100 }));
  list.sort((a, b) => b.score - a.score);
  return list.map((x, i) => ({ ...x, rank: i + 1 }));
}

/** city.drilldown: the cases behind a court's figure, from its detail rows. */
export function cityDrilldown(db: Db, importId: number, metricId: string, column: MetricColumn, side: 'numerator' | 'denominator') {
  const row = db.get(db.q.selectFrom('city_imports').select(['detail', 'status']).where('id', '=', importId));
  if (!row) throw new ApiError('not_found', '没有这次导入', 'importId');
  const def = METRIC_BY_ID.get(metricId);
  if (!def) throw new ApiError('not_found', `没有编号为 ${metricId} 的指标`, 'metricId');
  const detail = JSON.parse(row.detail) as { period: Period; settings: MetricContextSettings; cases: CaseFact[]; receipts: ReceiptFact[] } | null;
  if (!detail) return { total: 0, rows: [] };
  const ids = drillIds(detail, { period: detail.period, settings: detail.settings, scopeKind: 'court' }, def, column);
  const num = new Set(ids.numerator);
  const list = side === 'numerator' || !ids.denominator ? ids.numerator : ids.denominator;
  const byId = new Map(detail.cases.map((c) => [c.caseId, c]));
  const rows = list
    .map((id) => byId.get(id))
    .filter((c): c is CaseFact => !!c)
    .map((c) => ({
      caseId: c.caseId,
      number: c.number,
      type: c.type,
      filedOn: c.filedOn,
      closedOn: c.closedOn,
      mode: c.mode,
      claimFen: c.claimFen,
      recoveredFen: c.recoveredFen,
      days: c.closedOn && c.closedOn <= detail.period.to ? diffCalendarDays(c.closedOn, c.filedOn) : diffCalendarDays(detail.period.to, c.filedOn),
      teamId: c.teamId,
      judgeId: c.judgeId,
      inNumerator: num.has(c.caseId),
    }));
  return { total: list.length, rows };
}
