import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { MethodOutput } from '../../src-shared/api';
import { DrillPanel, type DrillTarget } from './metrics/DrillPanel';
import { ReportsPanel } from './metrics/ReportsPanel';
import { CityPanel } from './metrics/CityPanel';
import { CoercionFigures } from './metrics/CoercionFigures';
import { DashboardFiles, DashboardPanel, type DashboardPeriod } from './metrics/DashboardPanel';
import { formatFigure, formatParts } from '../../src-shared/domain/metrics/display';
import { lastCompleteMonth } from '../../src-shared/domain/metrics/period';
import { errorText } from '../errorText';
import { fieldLabel } from '../../src-shared/fieldLabels';
import { plainText } from '../../src-shared/plainText';

type PeriodIn = DashboardPeriod;
type Dashboard = MethodOutput<'metrics.dashboard'>;
type Computed = MethodOutput<'metrics.compute'>;
type Definition = MethodOutput<'metrics.definitions'>[number];

const fmt = formatFigure;
const STATUS = { V: '已核实', P: '部分核实', U: '未核实（设置）' } as const;

/** 质效统计: the leaders' dashboard, every figure with its definition and drill-down, the monthly export, and the city level. */
/** A figure's settings as the clerk reads them: “统计年度 自然年，法定期限（天） 180”. */
function settingsText(settings: Record<string, unknown>): string {
  const value = (v: unknown): string =>
    typeof v === 'boolean' ? (v ? '是' : '否') : Array.isArray(v) ? v.map(value).join('、') || '无' : typeof v === 'string' ? (fieldLabel(v) ?? v) : String(v);
  return Object.entries(settings)
    .map(([k, v]) => `${fieldLabel(k) ?? '其他设置'} ${value(v)}`)
    .join('，');
}

export function MetricsPage() {
  const now = new Date();
  const [kind, setKind] = useState<PeriodIn['kind']>('month');
  const [year, setYear] = useState(now.getFullYear());
  const [month, setMonth] = useState(now.getMonth() + 1);
  const [quarter, setQuarter] = useState(Math.floor(now.getMonth() / 3) + 1);
  const [scopeKey, setScopeKey] = useState('court');
  const [teams, setTeams] = useState<{ id: string; name: string }[]>([]);
  const [defs, setDefs] = useState<Definition[]>([]);
  const [dash, setDash] = useState<Dashboard | null>(null);
  const [computed, setComputed] = useState<Computed | null>(null);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<'dashboard' | 'reports' | 'city'>('dashboard');

  const period: PeriodIn = useMemo(
    () => (kind === 'month' ? { kind, year, month } : kind === 'quarter' ? { kind, year, quarter } : kind === 'ytd' ? { kind, year, month } : kind === 'year' ? { kind, year } : { kind: 'year', year }),
    [kind, year, month, quarter],
  );
  const scope = useMemo(() => (scopeKey === 'court' ? { kind: 'court' as const } : { kind: 'team' as const, teamId: scopeKey }), [scopeKey]);

  useEffect(() => {
    void api.call('metrics.definitions', {}).then(setDefs);
    void api.call('settings.get', {}).then((s) => setTeams(s.teams.filter((t) => t.active).map((t) => ({ id: t.id, name: t.name }))));
  }, []);
  useEffect(() => {
    setError(null);
    setDrill(null);
    // The answer of a period the user has since left (typing the year, then picking the month) must
    // not overwrite the one asked for last.
    let current = true;
    const load = async () => {
      const [c, d] = await Promise.all([api.call('metrics.compute', { period, scope }), api.call('metrics.dashboard', { period, scope })]);
      if (!current) return;
      setComputed(c);
      setDash(d);
    };
    load().catch((e: unknown) => current && setError(errorText(e)));
    return () => {
      current = false;
    };
  }, [period, scope]);

  const defOf = (id: string) => defs.find((d) => d.id === id);
  const open = (metricId: string, column: string, title: string) => setDrill({ period, scope, metricId, column: column as DrillTarget['column'], title });

  // 上报 is for the last complete month of the court's calendar (the app clock, not the browser's).
  const [today, setToday] = useState<string | null>(null);
  useEffect(() => void api.call('system.info', {}).then((i) => setToday(i.today)), []);
  const report = today ? lastCompleteMonth(today) : null;

  return (
    <div className="page" data-testid="metrics-page">
      <div className="toolbar">
        <h2>质效统计</h2>
        <button type="button" className={tab === 'dashboard' ? 'primary' : ''} onClick={() => setTab('dashboard')} data-testid="metrics-tab-dashboard">
          指标与看板
        </button>
        <button type="button" className={tab === 'reports' ? 'primary' : ''} onClick={() => setTab('reports')} data-testid="metrics-tab-reports">
          上报
        </button>
        <button type="button" className={tab === 'city' ? 'primary' : ''} onClick={() => setTab('city')} data-testid="metrics-tab-city">
          中院汇总
        </button>
      </div>
      {tab === 'reports' && report ? <ReportsPanel year={report.year} month={report.month} /> : null}
      {tab === 'city' ? <CityPanel defaultCode={`${year}${String(month).padStart(2, '0')}`} /> : null}
      {tab === 'dashboard' ? (
        <>
          <div className="toolbar">
            <select value={kind} onChange={(e) => setKind(e.target.value as PeriodIn['kind'])} data-testid="period-kind">
              <option value="month">月</option>
              <option value="quarter">季</option>
              <option value="ytd">年初至今</option>
              <option value="year">年</option>
            </select>
            <input type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} style={{ width: 80 }} data-testid="period-year" />
            {kind === 'month' || kind === 'ytd' ? (
              <select value={month} onChange={(e) => setMonth(Number(e.target.value))} data-testid="period-month">
                {Array.from({ length: 12 }, (_, i) => (
                  <option key={i + 1} value={i + 1}>
                    {i + 1}月
                  </option>
                ))}
              </select>
            ) : null}
            {kind === 'quarter' ? (
              <select value={quarter} onChange={(e) => setQuarter(Number(e.target.value))} data-testid="period-quarter">
                {[1, 2, 3, 4].map((q) => (
                  <option key={q} value={q}>
                    第{q}季度
                  </option>
                ))}
              </select>
            ) : null}
            <select value={scopeKey} onChange={(e) => setScopeKey(e.target.value)} data-testid="scope">
              <option value="court">全院</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            {computed ? (
              <span className="muted" data-testid="period-label">
                {computed.scope.label} · {computed.period.label}（{computed.period.from} 至 {computed.period.to}）
              </span>
            ) : null}
            <DashboardFiles period={period} />
          </div>
          {error ? (
            <div className="error-banner" role="alert">
              {error}
            </div>
          ) : null}
          {dash ? <DashboardPanel dash={dash} defs={defs} onOpen={open} /> : null}
          {drill ? <DrillPanel target={drill} onClose={() => setDrill(null)} /> : null}
          <CoercionFigures period={period} />
          {computed ? (
            <table className="table" data-testid="figure-table">
              <thead>
                <tr>
                  <th>指标</th>
                  <th>栏目</th>
                  <th>数值</th>
                  <th>分子 / 分母</th>
                  <th>口径（分子 ÷ 分母；范围；取舍）</th>
                  <th>依据</th>
                </tr>
              </thead>
              <tbody>
                {computed.figures.map((f) => {
                  const d = defOf(f.metricId);
                  if (!d) return null;
                  const col = d.columns.find((c) => c.id === f.column)?.label ?? f.column;
                  return (
                    <tr key={`${f.metricId}|${f.column}`} data-testid={`fig-${f.metricId}-${f.column}`}>
                      <td>{d.name}</td>
                      <td>{col}</td>
                      <td className="num">
                        <a href="#" onClick={(e) => (e.preventDefault(), open(f.metricId, f.column, `${d.name}（${col}）`))}>
                          {fmt(f.value, d.unit)}
                        </a>
                      </td>
                      <td className="num">{formatParts(f.numerator, f.denominator, d.kind)}</td>
                      <td className="muted" style={{ fontSize: 12 }}>
                        {d.numeratorText} ÷ {d.denominatorText}；{d.caseTypesText}；{d.roundingText}
                        {Object.keys(f.settings).length ? `；设置：${settingsText(f.settings)}` : ''}
                      </td>
                      <td className="muted" style={{ fontSize: 12 }}>
                        {STATUS[d.status]} · {plainText(d.source)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
