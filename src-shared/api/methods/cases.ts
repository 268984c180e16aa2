import { z } from 'zod';
import { defineMethods } from '../contract';
import { seen } from '../caseVersions';
import { fen, id, isoDate, pageOf, paging, requiredText, shortText, sortDir } from '../common';
import { CASE_STAGES, FILING_TYPES } from '../../domain/stages';
import { masked } from '../masked';
import { TITLE_KINDS } from '../../domain/executionTitle';

const phone = shortText(50).optional();
const address = shortText(300).optional();

/** Party fields the documents print beyond identity: an applicant's share, the agent (委托代理人). */
const partyExtras = {
  /** An applicant's share of the claim when several apply together (the payout split), fen. */
  shareFen: fen.optional(),
  agentName: shortText(100).optional(),
  /** The agent's firm or relation, printed after the name (e.g. 内蒙古某律师事务所律师). */
  agentUnit: shortText(100).optional(),
};
export const personParty = z.object({
  kind: z.literal('person'),
  name: requiredText('姓名', 100),
  idNumber: requiredText('身份证号', 30),
  address,
  phone,
  ...partyExtras,
});
export const orgParty = z.object({
  kind: z.literal('org'),
  name: requiredText('名称', 200),
  creditCode: requiredText('统一社会信用代码', 30),
  legalRep: requiredText('法定代表人', 100),
  /** The legal representative's post (职务), printed in the parties block (e.g. 该公司经理). */
  legalRepTitle: shortText(50).optional(),
  address,
  phone,
  ...partyExtras,
});
export const partyInput = z.discriminatedUnion('kind', [personParty, orgParty], { error: '当事人类型应为 person 或 org' });

/** What the documents recite of the title besides its number: its type, what it ordered, joint liability. */
export const titleTerms = z.object({
  /** The title's type, printed by name in every recital (executionTitle.ts). */
  kind: z.enum(TITLE_KINDS, { error: '请选择执行依据的类型' }),
  /** The type's name when 其他 (e.g. 行政处罚决定书). */
  kindOther: shortText(30).optional(),
  /** What the title ordered (判项 / 裁决事项), as written in it. */
  ordered: requiredText('执行依据确定的义务（判项）', 2000),
  /** Several debtors are jointly and severally liable (连带责任) under the title. */
  joint: z.boolean().default(false),
});

/**
 * The title at filing. Its type and what it ordered are asked by the filing form; a caller that
 * leaves them out files a case whose title is '未登记' (a warning), and every document that recites
 * the title refuses until they are recorded (cases.updateTitle).
 */
export const titleInput = titleTerms.partial({ kind: true, ordered: true }).extend({
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
  /** 执恢: the number of the case resumed (2014 立案意见 Art. 6); linked when it is in the register. */
  originalNumber: z.string().trim().max(60, '原案号不能超过60个字').optional(),
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
  legalRepTitle: z.string().nullable(),
  birthDate: masked('birthDate', z.string()).nullable(),
  sex: z.string().nullable(),
  address: z.string().nullable(),
  phone: masked('phone', z.string()).nullable(),
  shareFen: z.number().int().nullable(),
  agentName: z.string().nullable(),
  agentUnit: z.string().nullable(),
});

/** The officers who sign the case's rulings and where each comes from (the case itself, its assignment, its team). */
export const officersView = z.object({
  judge: z.object({ id: z.number().int(), name: z.string(), source: z.enum(['case', 'assigned', 'team']) }).nullable(),
  clerk: z.object({ id: z.number().int(), name: z.string(), source: z.enum(['case', 'team']) }).nullable(),
});

/** The case's own account (一案一账号) as the bank issued it. */
export const caseAccountView = z.object({ bank: z.string(), accountName: z.string(), accountNumber: z.string(), imported: z.boolean(), recordedAt: z.string(), recordedBy: z.string() });

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
  title: z.object({
    court: z.string(),
    number: z.string(),
    effectiveOn: z.string(),
    cause: z.string(),
    nonLitigation: z.boolean(),
    /** TITLE_KINDS, or '未登记' for a case filed before the type was recorded. */
    kind: z.string(),
    kindOther: z.string().nullable(),
    ordered: z.string().nullable(),
    joint: z.boolean(),
  }),
  claim: z.object({ principalFen: z.number().int(), interestFen: z.number().int(), costsFen: z.number().int() }),
  parties: z.array(partyView),
  officers: officersView,
  account: caseAccountView.nullable(),
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
  'cases.updateTitle': {
    summary: '补录或更正执行依据的类型、判项与连带责任（文书据此叙述执行依据）',
    input: z.object({ caseId: id, title: titleTerms, seen }),
    output: caseDetail,
    access: ['window', 'docsQuery', 'fastTrack', 'team', 'zhongben'],
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'cases.setOfficers': {
    summary: '指定案件的承办法官（审判员）与书记员：执行裁定书由其署名（可批量）；留空则沿用分案法官与团队设置',
    input: z
      .object({
        caseIds: z.array(id).min(1, '请至少选择一件案件').max(5000),
        /** null clears the case's own choice (the assigned judge or the team's then signs). */
        judgeId: id.nullable().optional(),
        clerkId: id.nullable().optional(),
        seen,
      })
      .refine((x) => x.judgeId !== undefined || x.clerkId !== undefined, { message: '请指定审判员或书记员', path: ['judgeId'] }),
    output: z.object({ updated: z.number().int() }),
    access: ['management', 'docsQuery', 'fastTrack', 'team'],
    cases: { ids: { 'caseIds[]': 'case', judgeId: 'judge', clerkId: 'judge' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
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
