import { lazy, Suspense, useMemo } from 'react';
import { api } from '../../api/client';
import type { MethodInput, MethodOutput } from '../../../src-shared/api';
import { formatChange, formatFigure, formatParts } from '../../../src-shared/domain/metrics/display';

// ECharts is the largest library of the UI and only the dashboard draws with it: its own chunk.
const Chart = lazy(() => import('./Chart').then((m) => ({ default: m.Chart })));

type Dashboard = MethodOutput<'metrics.dashboard'>;
type Definition = MethodOutput<'metrics.definitions'>[number];
export type DashboardPeriod = MethodInput<'metrics.dashboard'>['period'];

/** The print and export buttons of the dashboard, for the period shown (月, 季, 年初至今, 年). */
export function DashboardFiles({ period }: { period: DashboardPeriod }) {
  return (
    <>
      <button type="button" onClick={() => void api.call('reports.dashboardPdf', { period })} data-testid="dashboard-pdf">
        打印（PDF）
      </button>
      <button type="button" onClick={() => void api.call('reports.dashboardXlsx', { period })} data-testid="dashboard-xlsx">
        导出 Excel 表格
      </button>
    </>
  );
}

/** The dashboard's cards, its two charts and the deadline board's count, for any of its periods. */
export function DashboardPanel({ dash, defs, onOpen }: { dash: Dashboard; defs: Definition[]; onOpen: (metricId: string, column: string, title: string) => void }) {
  const defOf = (id: string) => defs.find((d) => d.id === id);
  const trendOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      // The legend sits under the chart: at the top it covered the axis names (件, %).
      legend: { data: ['收案', '结案', '执结率'], bottom: 0 },
      grid: { left: 50, right: 50, top: 36, bottom: 56 },
      xAxis: { type: 'category', data: dash.trend.map((t) => t.label) },
      yAxis: [
        { type: 'value', name: '件', minInterval: 1 },
        { type: 'value', name: '%', max: 100 },
      ],
      series: [
        { name: '收案', type: 'bar', data: dash.trend.map((t) => t.values.accepted) },
        { name: '结案', type: 'bar', data: dash.trend.map((t) => t.values.closed) },
        { name: '执结率', type: 'line', yAxisIndex: 1, data: dash.trend.map((t) => t.values.closureRate) },
      ],
    }),
    [dash],
  );
  const teamOption = useMemo(
    () =>
      dash.teams.length > 0
        ? {
            tooltip: { trigger: 'axis' },
            grid: { left: 110, right: 40, top: 10, bottom: 36 },
            xAxis: { type: 'value', max: 100, name: '%' },
            yAxis: { type: 'category', data: [...dash.teams].reverse().map((t) => t.teamName) },
            series: [{ name: '执结率', type: 'bar', data: [...dash.teams].reverse().map((t) => t.closureRate), label: { show: true, position: 'right' } }],
          }
        : null,
    [dash],
  );
  const compared = (['previous', 'lastYear'] as const).filter((k) => dash.comparison[k] !== null);
  return (
    <>
      <div className="metric-cards" data-testid="metric-cards">
        {dash.cards.map((c) => {
          const d = defOf(c.metricId);
          return (
            <button type="button" key={c.metricId} className="metric-card" onClick={() => onOpen(c.metricId, c.column, c.name)} data-testid={`card-${c.metricId}`} title={d ? `分子：${d.numeratorText}\n分母：${d.denominatorText}\n范围：${d.caseTypesText}\n${d.roundingText}` : ''}>
              <span className="metric-name">{c.name}</span>
              <strong className="metric-value">{formatFigure(c.value, c.unit)}</strong>
              <span className="muted" data-testid={`card-parts-${c.metricId}`}>
                {c.denominator !== null ? formatParts(c.numerator, c.denominator, c.kind) : '\u00a0'}
              </span>
              <span className="muted" data-testid={`card-compare-${c.metricId}`}>
                {compared.map((k) => `${dash.comparison[k]} ${formatFigure(c[k], c.unit)} ${formatChange(c.value, c[k], c.unit)}`.trim()).join(' · ')}
              </span>
            </button>
          );
        })}
      </div>
      <div className="metric-charts">
        <fieldset>
          <legend>{dash.period.kind === 'year' ? '全年各月' : '近12个月'}</legend>
          <Suspense fallback={<p className="muted">正在加载图表…</p>}>
            <Chart option={trendOption} height={280} testId="chart-trend" />
          </Suspense>
        </fieldset>
        <fieldset>
          <legend>团队执结率排名</legend>
          {teamOption ? (
            <Suspense fallback={<p className="muted">正在加载图表…</p>}>
              <Chart option={teamOption} testId="chart-teams" />
            </Suspense>
          ) : (
            <p className="muted">未设置执行团队。</p>
          )}
          <p className="muted" data-testid="deadline-summary">
            {dash.deadlines.available ? `节点超期 ${dash.deadlines.overdue ?? 0} 项，即将到期 ${dash.deadlines.dueSoon ?? 0} 项（截至当前，与节点监控同一口径）` : dash.deadlines.note}
          </p>
        </fieldset>
      </div>
    </>
  );
}
