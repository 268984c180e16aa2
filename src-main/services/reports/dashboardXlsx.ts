import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { DashboardView } from '../../../src-shared/api/methods/metrics';
import { METRIC_BY_ID } from '../../../src-shared/domain/metrics/definitions';
import { styleHeader } from './xlsx';
import { partValue, partsAreAmounts } from '../../../src-shared/domain/metrics/display';
import { neutraliseWorkbook } from '../exports/formulaCells';

// The dashboard's tables as a workbook for people who rework the numbers.
export async function dashboardXlsxBuffer(d: DashboardView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const cards = wb.addWorksheet('本期指标');
  // Amount ratios carry their sums in 元 like every amount a person reads (the figures keep fen).
  cards.addRow(['指标', '单位', '本期', '分子', '分母', d.comparison.previous ?? '上期（无）', d.comparison.lastYear ?? '去年同期（无）', '分子口径', '分母口径', '分子分母单位']);
  for (const c of d.cards) {
    const def = METRIC_BY_ID.get(c.metricId)!;
    cards.addRow([c.name, c.unit, c.value, partValue(c.numerator, c.kind), partValue(c.denominator, c.kind), c.previous, c.lastYear, def.numeratorText, def.denominatorText, partsAreAmounts(c.kind) ? '元' : '']);
  }
  styleHeader(cards, [30, 6, 10, 14, 14, 10, 10, 40, 40, 10]);
  const trend = wb.addWorksheet('近12个月');
  trend.addRow(['月份', '收案', '结案', '执结率(%)', '首执案件结案平均用时(天)']);
  for (const t of d.trend) trend.addRow([t.label, t.values.accepted, t.values.closed, t.values.closureRate, t.values.firstAvgDays]);
  styleHeader(trend, [10, 10, 10, 12, 22]);
  const teams = wb.addWorksheet('团队排名');
  teams.addRow(['名次', '团队', '收案', '结案', '执结率(%)', '首执完毕率(%)', '首执平均用时(天)']);
  for (const t of d.teams) teams.addRow([t.rank, t.teamName, t.accepted, t.closed, t.closureRate, t.firstCompletionRate, t.firstAvgDays]);
  styleHeader(teams, [6, 20, 8, 8, 10, 12, 14]);
  const info = wb.addWorksheet('说明');
  info.addRows([['统计期', `${d.period.label}（${d.period.from} 至 ${d.period.to}）`], ['范围', d.scope.label], ['节点期限', d.deadlines.available ? `超期 ${d.deadlines.overdue ?? 0}，即将到期 ${d.deadlines.dueSoon ?? 0}` : d.deadlines.note]]);
  neutraliseWorkbook(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function dashboardXlsx(dataDir: string, d: DashboardView): Promise<string> {
  const dir = join(dataDir, 'tmp');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `dashboard-${d.period.code}-${process.pid}-${Date.now()}.xlsx`);
  writeFileSync(path, await dashboardXlsxBuffer(d));
  return path;
}
