import { z } from 'zod';
import { defineMethods } from '../contract';
import { seen } from '../caseVersions';
import { id, shortText } from '../common';
import { TRACKS, TRIAGE_RULE_IDS } from '../../domain/triage';

const proposalRow = z.object({
  caseId: z.number().int(),
  number: z.string(),
  applicants: z.string(),
  debtors: z.string(),
  claimFen: z.number().int(),
  outstandingFen: z.number().int(),
  liquidFen: z.number().int(),
  saleAssets: z.array(z.string()),
  track: z.enum(TRACKS),
  rule: z.enum(TRIAGE_RULE_IDS),
  reason: z.string(),
  proposedAt: z.string(),
});

export const triageMethods = defineMethods({
  'triage.propose': {
    summary: '繁简分流建议：按设置中的规则为待分流案件（或指定案件）提出繁简及理由',
    input: z.object({ caseIds: z.array(id).max(5000).optional() }).default({}),
    output: z.array(proposalRow),
    access: ['docsQuery', 'management'],
    cases: 'court',
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: { exempt: '只计算并记下繁简分流建议，不改变案件（确认分流时核对版本）' },
  },
  'triage.confirm': {
    summary: '确认繁简分流（可批量）：不填繁简即采纳建议；改变建议须填写理由。简案移交快执，繁案待分案',
    input: z.object({
      items: z
        .array(
          z.object({
            caseId: id,
            track: z.enum(TRACKS, { error: '繁简应为 simple（简案）或 complex（繁案）' }).optional(),
            reason: shortText(500).optional(),
          }),
        )
        .min(1, '请至少选择一件案件')
        .max(5000),
      seen,
    }),
    output: z.array(
      z.object({
        caseId: z.number().int(),
        number: z.string(),
        track: z.enum(TRACKS),
        override: z.boolean(),
        stage: z.string(),
        teamId: z.string().nullable(),
        judgeId: z.number().int().nullable(),
      }),
    ),
    access: ['docsQuery', 'management'],
    cases: { ids: { 'items[].caseId': 'case' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'fastTrack.queue': {
    summary: '快执队列：每件案件的未履行金额、冻结款、账户余额与下一步（扣划、发放、结案）',
    input: z.object({ judgeId: id.optional() }).default({}),
    output: z.array(
      z.object({
        caseId: z.number().int(),
        number: z.string(),
        applicants: z.string(),
        debtors: z.string(),
        filedOn: z.string(),
        claimFen: z.number().int(),
        outstandingFen: z.number().int(),
        frozenFen: z.number().int(),
        balanceFen: z.number().int(),
        teamId: z.string().nullable(),
        judgeId: z.number().int().nullable(),
        judgeName: z.string().nullable(),
        step: z.enum(['deduct', 'payout', 'close', 'review']),
        stepLabel: z.string(),
      }),
    ),
    access: ['fastTrack', 'docsQuery', 'management'],
    cases: 'court',
  },
  'fastTrack.sendBack': {
    summary: '快执案件退回繁简分流（须填写理由）',
    input: z.object({
      caseIds: z.array(id).min(1, '请至少选择一件案件').max(1000),
      reason: z.string({ error: '退回理由不能为空' }).trim().min(2, '退回分流须填写理由').max(500),
      seen,
    }),
    output: z.object({ ok: z.literal(true), count: z.number().int() }),
    access: ['fastTrack', 'management'],
    cases: { ids: { 'caseIds[]': 'case' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
});
