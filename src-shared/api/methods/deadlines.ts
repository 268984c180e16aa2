import { z } from 'zod';
import { defineMethods } from '../contract';
import { id, isoDate, okOutput, paging, rebuildingView } from '../common';
import { SUSPENSION_KINDS } from '../../domain/deadlineRules';

const calendarEntry = z.object({
  date: isoDate,
  kind: z.enum(['holiday', 'workday'], { error: '类型应为 holiday（放假）或 workday（调休上班）' }),
  name: z.string({ error: '节日名称不能为空' }).trim().min(1, '节日名称不能为空').max(30),
});
const bucket = z.enum(['overdue', 'today', 'soon']);
const cell = z.object({ key: z.string(), label: z.string(), overdue: z.number().int(), today: z.number().int(), soon: z.number().int() });
const suspendInput = z.object({
  caseIds: z.array(id).min(1, '请至少选择一件案件').max(1000),
  kind: z.enum(SUSPENSION_KINDS, { error: `事由类型应为：${SUSPENSION_KINDS.join('、')}` }),
  onDate: isoDate,
  reason: z.string().trim().max(500).default(''),
});

export const deadlineMethods = defineMethods({
  'calendar.get': {
    summary: '工作日历：节假日与调休上班日（可按年份）',
    input: z.object({ year: z.number().int().min(2000).max(2100).optional() }).default({}),
    output: z.object({ years: z.array(z.number().int()), sources: z.record(z.string(), z.string()), days: z.array(calendarEntry) }),
    access: 'user',
    cases: 'none',
  },
  'calendar.set': {
    summary: '修改或导入某些年份的节假日安排（按国务院办公厅通知，整年替换）',
    input: z.object({
      years: z.array(z.number().int().min(2000, '年份无效').max(2100, '年份无效')).min(1, '请指定年份'),
      days: z.array(calendarEntry).max(2000),
      source: z.string().trim().max(200).default('手工录入'),
    }),
    output: okOutput,
    access: ['admin', 'management'],
    cases: 'none',
    writes: true,
  },
  'calendar.addWorkingDays': {
    summary: '某日之后第 n 个工作日（不含当日；n 可为负）',
    input: z.object({ date: isoDate, n: z.number().int('天数须为整数').min(-3650).max(3650) }),
    output: z.object({ date: z.string(), covered: z.boolean() }),
    access: 'user',
    cases: 'none',
  },
  'deadlines.board': {
    summary: '节点监控：已超期、今日到期、3个工作日内到期的期限，按环节、团队、承办人、规则统计',
    input: z.object({}).strict().default({}),
    output: z.object({
      now: z.string(),
      today: z.string(),
      horizon: z.string(),
      totals: z.object({ overdue: z.number().int(), today: z.number().int(), soon: z.number().int() }),
      byStage: z.array(cell),
      byTeam: z.array(cell),
      byOfficer: z.array(cell),
      byRule: z.array(cell),
      rebuilding: rebuildingView,
    }),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'deadlines.cases': {
    summary: '节点监控明细：看板上一个数字背后的案件',
    input: z.object({
      bucket: bucket.optional(),
      stage: z.string().max(20).optional(),
      teamId: z.string().max(50).optional(),
      judgeId: z.number().int().min(0).optional(),
      ruleId: z.string().max(40).optional(),
      ...paging,
    }),
    output: z.object({
      total: z.number().int(),
      rows: z.array(
        z.object({
          caseId: z.number().int(),
          number: z.string(),
          stage: z.string(),
          teamId: z.string().nullable(),
          judgeId: z.number().int().nullable(),
          judgeName: z.string().nullable(),
          applicants: z.string(),
          debtors: z.string(),
          ruleId: z.string(),
          ruleName: z.string(),
          seq: z.number().int(),
          startOn: z.string(),
          dueOn: z.string(),
          dueAt: z.string().nullable(),
          bucket,
          bucketLabel: z.string(),
          daysOverdue: z.number().int(),
        }),
      ),
      rebuilding: rebuildingView,
    }),
    access: 'user',
    cases: { ids: { teamId: 'team', judgeId: 'judge' }, narrows: 'rows' },
  },
  'deadlines.forCase': {
    summary: '一件案件的全部节点期限（起算、届满、完成情况、扣除天数）',
    input: z.object({ caseId: id }),
    output: z.array(
      z.object({
        ruleId: z.string(),
        name: z.string(),
        source: z.string(),
        limit: z.string(),
        seq: z.number().int(),
        startOn: z.string(),
        dueOn: z.string().nullable(),
        dueAt: z.string().nullable(),
        status: z.enum(['open', 'met', 'late', 'paused', 'cancelled']),
        statusLabel: z.string(),
        bucket: bucket.nullable(),
        doneOn: z.string().nullable(),
        excludedDays: z.number().int(),
        workingDaysLeft: z.number().int().nullable(),
      }),
    ),
    access: 'user',
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
  },
  'cases.suspend': {
    summary: '登记不计入期限的期间开始（公告、中止、暂缓、请示、协调、鉴定、评估拍卖）',
    input: suspendInput,
    output: okOutput,
    access: ['team', 'fastTrack', 'docsQuery', 'management'],
    cases: { ids: { 'caseIds[]': 'case' } },
    errors: ['not_found', 'conflict', 'read_only'],
    writes: true,
  },
  'cases.unsuspend': {
    summary: '登记不计入期限的期间结束，恢复计算',
    input: suspendInput,
    output: okOutput,
    access: ['team', 'fastTrack', 'docsQuery', 'management'],
    cases: { ids: { 'caseIds[]': 'case' } },
    errors: ['not_found', 'conflict'],
    writes: true,
  },
});
