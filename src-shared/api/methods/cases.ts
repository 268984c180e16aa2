import { z } from 'zod';
import { defineMethods } from '../contract';
import { fen, id, isoDate, pageOf, paging, requiredText, shortText, sortDir } from '../common';
import { CASE_STAGES, FILING_TYPES } from '../../domain/stages';
import { masked } from '../masked';

const phone = shortText(50).optional();
const address = shortText(300).optional();

export const personParty = z.object({
  kind: z.literal('person'),
  name: requiredText('姓名', 100),
  idNumber: requiredText('身份证号', 30),
  address,
  phone,
});
export const orgParty = z.object({
  kind: z.literal('org'),
  name: requiredText('名称', 200),
  creditCode: requiredText('统一社会信用代码', 30),
  legalRep: requiredText('法定代表人', 100),
  address,
  phone,
});
export const partyInput = z.discriminatedUnion('kind', [personParty, orgParty], { error: '当事人类型应为 person 或 org' });

export const titleInput = z.object({
  court: requiredText('作出执行依据的机关', 100),
  number: requiredText('执行依据文号', 100),
  effectiveOn: isoDate,
  cause: requiredText('案由', 100),
  /** 非诉 titles (arbitral awards, notarised debts, administrative decisions) have a 3-month limit (法发〔2006〕35号 Art. 1). */
  nonLitigation: z.boolean().default(false),
});

export const claimInput = z.object({ principalFen: fen, interestFen: fen.default(0), costsFen: fen.default(0) });

export const interviewInput = z.object({
  contactConfirmed: z.boolean().default(false),
  serviceAddress: shortText(300).optional(),
  payoutBank: shortText(100).optional(),
  payoutAccountName: shortText(100).optional(),
  payoutAccount: masked('account', z.string().trim().regex(/^[0-9 -]{0,40}$/, '收款账号只能包含数字')).optional(),
  propertyClues: shortText(2000).optional(),
  requests: z.array(z.enum(['限制消费', '纳入失信名单', '悬赏公告', '审计', '搜查'])).default([]),
  notes: shortText(2000).optional(),
});

export const caseDraft = z.object({
  type: z.enum(FILING_TYPES, { error: '案件类型应为 执、执恢 或 执保' }),
  filedOn: isoDate,
  /** A number from the old system for a migrated case; otherwise the app assigns one. */
  existingNumber: z.string().trim().max(60).optional(),
  applicants: z.array(partyInput).min(1, '至少需要一名申请执行人').max(50),
  debtors: z.array(partyInput).min(1, '至少需要一名被执行人').max(50),
  title: titleInput,
  claim: claimInput,
  preserved: z.boolean().default(false),
  interview: interviewInput.optional(),
  /** Set after the clerk has seen and accepted the duplicate-filing warning. */
  confirmDuplicate: z.boolean().default(false),
});
export type CaseDraft = z.input<typeof caseDraft>;
export type CaseDraftParsed = z.output<typeof caseDraft>;

export const partyView = z.object({
  id: z.number().int(),
  role: z.enum(['applicant', 'debtor']),
  kind: z.enum(['person', 'org']),
  name: z.string(),
  idNumber: masked('idNumber', z.string()).nullable(),
  creditCode: z.string().nullable(),
  legalRep: z.string().nullable(),
  birthDate: masked('birthDate', z.string()).nullable(),
  sex: z.string().nullable(),
  address: z.string().nullable(),
  phone: masked('phone', z.string()).nullable(),
});

export const eventView = z.object({
  id: z.number().int(),
  type: z.string(),
  label: z.string(),
  at: z.string(),
  onDate: z.string(),
  actor: z.string(),
  payload: masked('payload', z.unknown()),
});

export const caseSummary = z.object({
  id: z.number().int(),
  number: z.string(),
  type: z.string(),
  stage: z.enum(CASE_STAGES),
  filedOn: z.string(),
  applicants: z.string(),
  debtors: z.string(),
  claimFen: z.number().int(),
  teamId: z.string().nullable(),
  judgeId: z.number().int().nullable(),
  closedOn: z.string().nullable(),
  demo: z.boolean(),
  /** The id of the last event that changed the case: what a write states in `seen` (src-shared/api/caseVersions.ts). */
  version: z.number().int(),
});

export const caseDetail = caseSummary.extend({
  year: z.number().int(),
  serial: z.number().int(),
  courtCode: z.string(),
  migrated: z.boolean(),
  preserved: z.boolean(),
  title: z.object({ court: z.string(), number: z.string(), effectiveOn: z.string(), cause: z.string(), nonLitigation: z.boolean() }),
  claim: z.object({ principalFen: z.number().int(), interestFen: z.number().int(), costsFen: z.number().int() }),
  parties: z.array(partyView),
  interview: interviewInput.nullable(),
  resumedFromId: z.number().int().nullable(),
  closureMode: z.string().nullable(),
  events: z.array(eventView),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const caseFilter = z
  .object({
    text: shortText(100).optional(),
    type: z.enum(FILING_TYPES).optional(),
    stage: z.array(z.enum(CASE_STAGES)).optional(),
    teamId: z.string().max(50).optional(),
    filedFrom: isoDate.optional(),
    filedTo: isoDate.optional(),
    ids: z.array(id).max(10_000).optional(),
  })
  .default({});

export const CASE_SORT_FIELDS = ['number', 'filedOn', 'claimFen', 'stage', 'type', 'teamId', 'applicants', 'debtors', 'id'] as const;

const validationIssue = z.object({ field: z.string(), message: z.string(), severity: z.enum(['error', 'warning']) });

export const caseMethods = defineMethods({
  'cases.counts': {
    summary: '各流程环节的案件数（导航栏显示）',
    input: z.object({}).strict().default({}),
    output: z.record(z.string(), z.number().int()),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'cases.validate': {
    summary: '检查立案草稿（不保存），返回逐字段的错误与提醒',
    input: caseDraft,
    output: z.object({
      ok: z.boolean(),
      issues: z.array(validationIssue),
      duplicates: z.array(z.object({ id: z.number().int(), number: z.string() })),
      normalized: z.object({ debtorNames: z.array(z.string()) }),
    }),
    access: ['window'],
    cases: 'court',
  },
  'cases.file': {
    summary: '立案：登记一件执行案件并分配案号（全部校验通过才保存）',
    input: caseDraft,
    output: caseDetail,
    access: ['window'],
    cases: 'court',
    errors: ['needs_confirmation', 'conflict'],
    writes: true,
    versions: { exempt: '新立案件，尚无版本；案号在写入的同一事务中连续分配' },
  },
  'cases.get': {
    summary: '案件详情：当事人、执行依据、标的、接待笔录与事件时间线',
    input: z.object({ id }),
    output: caseDetail,
    access: 'user',
    cases: { ids: { id: 'case' } },
    errors: ['not_found'],
  },
  'cases.list': {
    summary: '案件登记簿：筛选、排序、分页（由 SQL 分页）',
    input: z.object({
      filter: caseFilter,
      sort: z.array(z.object({ field: z.enum(CASE_SORT_FIELDS), dir: sortDir })).max(3).default([{ field: 'id', dir: 'desc' }]),
      ...paging,
    }),
    output: pageOf(caseSummary),
    access: 'user',
    cases: { narrows: 'rows' },
  },
});
