import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DashboardView } from '../../../src-shared/api/methods/metrics';
import { renderDefinition } from '../documents/pool';
import { METRIC_BY_ID } from '../../../src-shared/domain/metrics/definitions';
import { formatChange, formatFigure, formatParts } from '../../../src-shared/domain/metrics/display';

// The printable dashboard: the period's cards against the period before and a year earlier,
// the 12-month trend and the team ranking as tables, each ratio with its numerator/denominator,
// and the definitions underneath, printed through the documents engine's pdfmake (its font table
// is one per thread, shared by the documents, the dashboard and the 审计封存单).

export function dashboardDefinition(d: DashboardView): TDocumentDefinitions {
  const th = (t: string) => ({ text: t, bold: true, fillColor: '#eeeeee' });
  // The comparisons the period has (a year to date has no period before it, a year no second one).
  const compared = (['previous', 'lastYear'] as const).filter((k) => d.comparison[k] !== null);
  const cards: Content = {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', ...compared.map(() => 'auto')],
      body: [
        [th('指标'), th('本期'), th('分子/分母'), ...compared.map((k) => th(d.comparison[k]!))],
        ...d.cards.map((c) => [c.name, formatFigure(c.value, c.unit), c.denominator === null ? '—' : formatParts(c.numerator, c.denominator, c.kind), ...compared.map((k) => `${formatFigure(c[k], c.unit)} ${formatChange(c.value, c[k], c.unit)}`.trim())]),
      ],
    },
    layout: 'lightHorizontalLines',
  };
  const trend: Content = {
    table: {
      headerRows: 1,
      widths: ['auto', '*', '*', '*', '*'],
      body: [[th('月份'), th('收案'), th('结案'), th('执结率'), th('首执平均用时')], ...d.trend.map((t) => [t.label, String(t.values.accepted ?? '—'), String(t.values.closed ?? '—'), formatFigure(t.values.closureRate ?? null, '%'), formatFigure(t.values.firstAvgDays ?? null, '天')])],
    },
    layout: 'lightHorizontalLines',
  };
  const teams: Content = d.teams.length
    ? {
        table: {
          headerRows: 1,
          widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'],
          body: [[th('名次'), th('团队'), th('收案'), th('结案'), th('执结率'), th('首执完毕率'), th('首执平均用时')], ...d.teams.map((t) => [t.rank === null ? '—' : String(t.rank), t.teamName, String(t.accepted), String(t.closed), formatFigure(t.closureRate, '%'), formatFigure(t.firstCompletionRate, '%'), formatFigure(t.firstAvgDays, '天')])],
        },
        layout: 'lightHorizontalLines',
      }
    : { text: '未设置执行团队。', color: '#666666' };
  const deadlines = d.deadlines.available ? `节点超期：${d.deadlines.overdue ?? 0} 项；即将到期：${d.deadlines.dueSoon ?? 0} 项。` : d.deadlines.note;
  const notes = d.cards.map((c) => {
    const def = METRIC_BY_ID.get(c.metricId)!;
    return { text: `${def.name}：分子 ${def.numeratorText}；分母 ${def.denominatorText}；范围 ${def.caseTypesText}。`, fontSize: 8, color: '#444444', margin: [0, 1, 0, 1] as [number, number, number, number] };
  });
  return {
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: 'Body', fontSize: 10 },
    info: { title: `执行质效看板 ${d.period.label}`, creator: 'Zhixing' },
    content: [
      { text: `${d.scope.label}执行质效看板`, font: 'Title', fontSize: 18, alignment: 'center', margin: [0, 0, 0, 4] },
      { text: `统计期：${d.period.label}（${d.period.from} 至 ${d.period.to}）`, alignment: 'center', margin: [0, 0, 0, 12] },
      { text: '本期指标', font: 'Title', fontSize: 13, margin: [0, 6, 0, 4] },
      cards,
      { text: deadlines, margin: [0, 6, 0, 0] },
      { text: '近12个月走势', font: 'Title', fontSize: 13, margin: [0, 12, 0, 4] },
      trend,
      { text: '团队排名（按执结率）', font: 'Title', fontSize: 13, margin: [0, 12, 0, 4] },
      teams,
      { text: '指标口径', font: 'Title', fontSize: 13, margin: [0, 12, 0, 4] },
      ...notes,
    ],
  };
}

export async function dashboardPdfBuffer(d: DashboardView): Promise<Buffer> {
  return renderDefinition(dashboardDefinition(d));
}

/** Writes the PDF under the data folder's tmp area and returns its path (served as a download). */
export async function dashboardPdf(dataDir: string, d: DashboardView): Promise<string> {
  const dir = join(dataDir, 'tmp');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `dashboard-${d.period.code}-${process.pid}-${Date.now()}.pdf`);
  writeFileSync(path, await dashboardPdfBuffer(d));
  return path;
}
