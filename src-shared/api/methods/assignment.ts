import { z } from 'zod';
import { defineMethods } from '../contract';
import { seen } from '../caseVersions';
import { id, paging } from '../common';

const ruleCount = z.object({ jurisdiction: z.number().int(), lightestTeam: z.number().int(), jurisdictionFull: z.number().int(), capReached: z.number().int() });
export const runStats = z.object({
  cases: z.number().int(),
  assigned: z.number().int(),
  unassigned: z.number().int(),
  byRule: ruleCount,
  perTeam: z.array(z.object({ teamId: z.string(), name: z.string(), cases: z.number().int() })),
  perJudge: z.array(z.object({ judgeId: z.number().int(), name: z.string(), teamId: z.string(), before: z.number().int(), after: z.number().int(), cases: z.number().int() })),
});
const runView = z.object({
  id: z.number().int(),
  kind: z.enum(['distribution', 'reassignment', 'fastTrack']),
  kindLabel: z.string(),
  cap: z.number().int(),
  basis: z.string(),
  cases: z.number().int(),
  assigned: z.number().int(),
  unassigned: z.number().int(),
  reason: z.string().nullable(),
  stats: runStats,
  at: z.string(),
  onDate: z.string(),
  actor: z.string(),
});
const decision = z.object({
  caseId: z.number().int(),
  teamId: z.string().nullable(),
  judgeId: z.number().int().nullable(),
  rule: z.string(),
  keyword: z.string().nullable(),
  judgeLoadBefore: z.number().int().nullable(),
  explanation: z.string(),
});

export const assignmentMethods = defineMethods({
  'assignment.distribute': {
    summary: '分案：按被执行人住所地分至辖区法庭（无对应时分至负担最轻的团队），再分给团队内名下案件最少的法官，不超过上限；dryRun 只预览',
    input: z.object({ caseIds: z.array(id).max(10_000).optional(), dryRun: z.boolean().default(false) }).default({ dryRun: false }),
    output: z.object({ runId: z.number().int().nullable(), dryRun: z.boolean(), cap: z.number().int(), basis: z.string(), decisions: z.array(decision), stats: runStats }),
    access: ['docsQuery', 'management'],
    cases: 'court',
    errors: ['conflict'],
    writes: true,
    versions: { exempt: '按调用时的待分案队列分配，已分出的案件不会再次分配，每件案件的分配逐案记录' },
  },
  'assignment.runs': {
    summary: '分案批次记录及统计（分案、改分、移交快执）',
    input: z.object({ ...paging }).default({ offset: 0, limit: 100 }),
    output: z.object({ rows: z.array(runView), total: z.number().int() }),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'assignment.run': {
    summary: '一个分案批次：统计与逐案的分案理由',
    input: z.object({ id, ...paging }),
    output: z.object({
      run: runView,
      items: z.array(z.object({ caseId: z.number().int(), number: z.string(), teamId: z.string().nullable(), judgeId: z.number().int().nullable(), judgeName: z.string().nullable(), rule: z.string(), explanation: z.string() })),
    }),
    access: 'user',
    cases: { ids: { id: 'assignmentRun' } },
    errors: ['not_found'],
  },
  'assignment.explain': {
    summary: '这件案件为什么分给我：该案经历的每次分案、改分及理由',
    input: z.object({ caseId: id }),
    output: z.array(
      z.object({
        runId: z.number().int(),
        kind: z.enum(['distribution', 'reassignment', 'fastTrack']),
        kindLabel: z.string(),
        at: z.string(),
        actor: z.string(),
        teamId: z.string().nullable(),
        judgeId: z.number().int().nullable(),
        judgeName: z.string().nullable(),
        rule: z.string(),
        explanation: z.string(),
        reason: z.string().nullable(),
      }),
    ),
    access: 'user',
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
  },
  'assignment.loads': {
    summary: '各团队、各法官的在办案件数与本年分案数（分案上限与计算口径）',
    input: z.object({}).strict().default({}),
    output: z.object({
      cap: z.number().int(),
      basis: z.string(),
      teams: z.array(z.object({ teamId: z.string(), name: z.string(), kind: z.string(), open: z.number().int(), assignedThisYear: z.number().int(), judges: z.number().int() })),
      judges: z.array(
        z.object({
          judgeId: z.number().int(),
          name: z.string(),
          teamId: z.string(),
          open: z.number().int(),
          assignedThisYear: z.number().int(),
          /** The figure the cap applies to (open or assignedThisYear, per the setting). */
          load: z.number().int(),
        }),
      ),
    }),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'assignment.reassign': {
    summary: '批量改分案件给一名法官（须填写理由，不超过上限）',
    input: z.object({
      caseIds: z.array(id).min(1, '请至少选择一件案件').max(2000),
      judgeId: id,
      reason: z.string({ error: '改分理由不能为空' }).trim().min(2, '改分案件须填写理由').max(500),
      seen,
    }),
    output: z.object({ runId: z.number().int(), moved: z.number().int(), fromJudges: z.array(z.object({ judgeId: z.number().int(), cases: z.number().int() })) }),
    access: ['management'],
    cases: { ids: { 'caseIds[]': 'case', judgeId: 'judge' } },
    errors: ['not_found', 'conflict', 'read_only'],
    writes: true,
    versions: 'seen',
  },
});
