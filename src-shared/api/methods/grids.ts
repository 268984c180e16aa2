import { z } from 'zod';
import { defineMethods } from '../contract';
import { id, isoDate, pageOf } from '../common';
import { gridQuery, gridView } from '../grid';
import { archiveRow, dueRow } from './closure';
import { assetView } from './inquiries';
import { measureView } from './measures';
import { ledgerAccountRow } from './ledger';
import { auditEventView } from './security';

// The lists that grow with the court (终本库, re-queries due, the closure queue, assets, measures,
// case accounts, one user's audit trail) as server-paged grids: each method takes its own
// parameters plus the grid's sort, filters and page over its own column keys; `grids.export`
// writes exactly what the same request shows, every page of it, as xlsx.

export const GRID_COLUMNS = {
  archive: ['number', 'applicants', 'debtors', 'claimFen', 'unpaidFen', 'terminatedOn', 'nextRequeryOn', 'roundsDone', 'lastResult', 'room', 'scanStatus', 'reviewStatus', 'resumedNumber'],
  requeryDue: ['number', 'applicants', 'debtors', 'terminatedOn', 'round', 'dueOn', 'unpaidFen'],
  closureReady: ['number', 'applicants', 'debtors', 'claimFen', 'filedOn', 'stage', 'teamId'],
  assets: ['caseNumber', 'debtor', 'typeLabel', 'institution', 'identifier', 'valueFen', 'controlledFen', 'frozenAvailableFen', 'caseOutstandingFen', 'foundOn'],
  measures: ['caseNumber', 'action', 'institution', 'identifier', 'amountFen', 'actualFen', 'startOn', 'expiresOn', 'status'],
  ledgerAccounts: ['caseNumber', 'stage', 'balanceFen', 'recoveredFen', 'overdueFen', 'oldestDueOn'],
  audit: ['at', 'caseNumber', 'label', 'actor', 'workstation'],
} as const;
export type GridName = keyof typeof GRID_COLUMNS;
export const GRID_NAMES = Object.keys(GRID_COLUMNS) as GridName[];

/** Each grid's own parameters (what the page fixes; the clerk's choices are the grid's filters). */
export const GRID_PARAMS = {
  archive: {},
  requeryDue: { withinDays: z.number().int().min(0).max(365).optional() },
  closureReady: {},
  assets: { controllable: z.boolean().default(true) },
  measures: { renewalDue: z.boolean().default(false) },
  ledgerAccounts: { overdueOnly: z.boolean().default(false) },
  audit: { userId: id, from: isoDate.optional(), to: isoDate.optional() },
} as const;

/** The method that lists each grid (its access and case scope are the export's too). */
export const GRID_METHOD = {
  archive: 'grids.archive',
  requeryDue: 'grids.requeryDue',
  closureReady: 'grids.closureReady',
  assets: 'grids.assets',
  measures: 'grids.measures',
  ledgerAccounts: 'grids.ledgerAccounts',
  audit: 'grids.audit',
} as const satisfies Record<GridName, string>;

export const closureReadyRow = z.object({
  caseId: z.number().int(),
  number: z.string(),
  applicants: z.string(),
  debtors: z.string(),
  claimFen: z.number().int(),
  filedOn: z.string(),
  stage: z.string(),
  teamId: z.string().nullable(),
});

const CLOSING_ROLES = ['zhongben', 'team', 'fastTrack'] as const;

const exportOf = <G extends GridName>(grid: G) => z.object({ grid: z.literal(grid), ...GRID_PARAMS[grid], ...gridView(GRID_COLUMNS[grid]) });

export const gridMethods = defineMethods({
  'grids.archive': {
    summary: '终本库（表格）：终本案件，按任一列筛选、排序，由 SQL 分页',
    input: z.object({ ...GRID_PARAMS.archive, ...gridQuery(GRID_COLUMNS.archive) }),
    output: pageOf(archiveRow),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'grids.requeryDue': {
    summary: '到期复查（表格）：到期或即将到期应复查的终本案件',
    input: z.object({ ...GRID_PARAMS.requeryDue, ...gridQuery(GRID_COLUMNS.requeryDue) }),
    output: pageOf(dueRow),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'grids.closureReady': {
    summary: '待结案（表格）：终本核查清单各项均已满足的未结案件',
    input: z.object({ ...GRID_PARAMS.closureReady, ...gridQuery(GRID_COLUMNS.closureReady) }),
    output: pageOf(closureReadyRow),
    access: CLOSING_ROLES,
    cases: { narrows: 'rows' },
  },
  'grids.assets': {
    summary: '财产清单（表格）：查控发现的财产及其控制情况',
    input: z.object({ ...GRID_PARAMS.assets, ...gridQuery(GRID_COLUMNS.assets) }),
    output: pageOf(assetView),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'grids.measures': {
    summary: '控制措施（表格）',
    input: z.object({ ...GRID_PARAMS.measures, ...gridQuery(GRID_COLUMNS.measures) }),
    output: pageOf(measureView),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'grids.ledgerAccounts': {
    summary: '案款账户（表格）：有余额或超期未发放的案件账户',
    input: z.object({ ...GRID_PARAMS.ledgerAccounts, ...gridQuery(GRID_COLUMNS.ledgerAccounts) }),
    output: pageOf(ledgerAccountRow),
    access: ['money', 'management'],
    cases: 'court',
  },
  'grids.audit': {
    summary: '操作记录（表格）：一名用户的全部操作',
    input: z.object({ ...GRID_PARAMS.audit, ...gridQuery(GRID_COLUMNS.audit) }),
    output: pageOf(auditEventView),
    access: ['management'],
    cases: 'court',
    errors: ['not_found'],
  },
  'grids.export': {
    summary: '导出表格为 Excel：与表格相同的筛选和排序，全部行；行数多时作为后台任务',
    input: z.discriminatedUnion('grid', [
      exportOf('archive'),
      exportOf('requeryDue'),
      exportOf('closureReady'),
      exportOf('assets'),
      exportOf('measures'),
      exportOf('ledgerAccounts'),
      exportOf('audit'),
    ]),
    /** The file (a download), or the job (jobView, its result only the file's name and row count) writing it when the rows are many. */
    output: z.unknown(),
    // Each grid's own method's access and scope are checked again by the handler.
    access: 'user',
    cases: { narrows: 'rows' },
    errors: ['not_found'],
  },
  'grids.download': {
    summary: '下载后台导出任务写好的 Excel 文件',
    input: z.object({ jobId: z.string().max(100) }),
    output: z.unknown(),
    access: 'user',
    cases: { ids: { jobId: 'job' } },
    errors: ['not_found', 'conflict'],
  },
});
