import { z } from 'zod';
import { defineMethods } from '../contract';
import { id } from '../common';
import { jobView } from './jobs';
import { dashboardPeriodInput } from './metrics';

// The monthly export upward (上报) and the printable/exportable dashboard (metrics.md §2, §4).

export const periodCode = z
  .string()
  .trim()
  .regex(/^\d{4}(\d{2}|Q[1-4])?$/, '统计期代码应为 202611（月）、2026Q4（季）或 2026（年）')
  .refine((s) => !/^\d{6}$/.test(s) || (Number(s.slice(4)) >= 1 && Number(s.slice(4)) <= 12), '月份应为01至12');

export const exportView = z.object({
  id: z.number().int(),
  periodCode: z.string(),
  periodKind: z.string(),
  courtCode: z.string(),
  courtName: z.string(),
  formatVersion: z.string(),
  files: z.array(z.object({ name: z.string(), sha256: z.string(), bytes: z.number().int() })),
  manifestSha256: z.string(),
  figureCount: z.number().int(),
  detailRows: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const reportsMethods = defineMethods({
  'reports.exportMonthly': {
    summary: '生成上报文件（JSON + xlsx + manifest），作为后台任务运行并记入上报记录',
    input: z.object({ periodCode }),
    output: jobView,
    access: ['management'],
    cases: 'court',
    writes: true,
    versions: { exempt: '生成上报文件，不改变案件' },
    errors: ['conflict'],
  },
  'reports.exports': {
    summary: '上报记录：谁在何时导出了哪一期',
    input: z.object({ periodCode: periodCode.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(exportView),
    access: ['management'],
    cases: 'court',
  },
  'reports.download': {
    summary: '下载某次上报的一个文件',
    input: z.object({ exportId: id, file: z.string().max(200) }),
    output: z.unknown(),
    access: ['management'],
    cases: { ids: { exportId: 'reportExport' } },
    errors: ['not_found'],
  },
  'reports.dashboardPdf': {
    summary: '看板打印版（PDF）',
    input: z.object({ period: dashboardPeriodInput }),
    output: z.unknown(),
    access: 'user',
    cases: { narrows: 'rows' },
    errors: ['conflict'],
  },
  'reports.dashboardXlsx': {
    summary: '看板数据导出（xlsx）',
    input: z.object({ period: dashboardPeriodInput }),
    output: z.unknown(),
    access: 'user',
    cases: { narrows: 'rows' },
    errors: ['conflict'],
  },
});
