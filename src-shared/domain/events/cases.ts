import { z } from 'zod';
import { SUSPENSION_KINDS } from '../deadlineRules';
import { CASE_STAGES, FILING_TYPES } from '../stages';
import { defineEvents, fen, id, obj, text } from './define';

// The case register: filing (and migration of paper-era cases), the first interview, stage moves,
// suspensions of the clocks, reveals of personal data, resumption.

// A filing and a paper-era case brought in (迁移旧案) record the same facts.
const filing = obj({
  number: text,
  type: z.enum(FILING_TYPES),
  claimFen: fen,
  preserved: z.boolean(),
  nonLitigation: z.boolean(),
  /** 执恢: the original case's number as given at the window (2014 立案意见 Art. 6), registered here or not. */
  originalNumber: text.optional(),
  duplicateConfirmed: z.boolean(),
  resumedFromId: id.optional(),
});

export const caseEvents = defineEvents({
  'case.filed': {
    label: '立案',
    node: '立案审查',
    scope: 'case',
    payload: filing,
  },
  'case.migrated': {
    label: '迁移旧案',
    node: '立案审查',
    scope: 'case',
    payload: filing,
  },
  'case.titleRecorded': {
    label: '登记执行依据',
    scope: 'case',
    payload: obj({ kind: text, kindOther: text.optional(), joint: z.boolean(), previousKind: text.nullable() }),
  },
  'case.officersSet': { label: '指定承办人与书记员', scope: 'case', payload: obj({ judgeId: id.nullable(), clerkId: id.nullable() }) },
  'case.interviewed': { label: '初次接待笔录', node: '立案审查', scope: 'case', payload: obj({ requests: z.array(text), hasPayoutAccount: z.boolean().optional() }) },
  // Extra keys name what moved the case (the batch, the control batch): see setStage's callers.
  'case.stageChanged': {
    label: '流转',
    scope: 'case',
    payload: obj({ from: z.enum(CASE_STAGES), to: z.enum(CASE_STAGES), reason: text, batchId: z.union([id, text]).optional(), controlBatchId: id.optional() }),
  },
  'case.suspended': { label: '暂停计算期限（公告、中止、暂缓等）', scope: 'case', payload: obj({ kind: z.enum(SUSPENSION_KINDS), reason: text.optional() }) },
  'case.unsuspended': { label: '恢复计算期限', scope: 'case', payload: obj({ kind: z.enum(SUSPENSION_KINDS), reason: text.optional() }) },
  'case.revealed': { label: '查看敏感信息', scope: 'case', changesCase: false, payload: obj({ fields: z.array(text), reason: text.optional() }) },
  'case.resumed': {
    label: '恢复执行',
    node: '恢复执行',
    scope: 'case',
    payload: obj({ newCaseId: id, newNumber: text, ground: text, unpaidFen: fen, note: text.optional() }),
  },
});
