import { z } from 'zod';
import { defineMethods } from '../contract';
import { seen } from '../caseVersions';
import { fen, id, isoDate, requiredText, shortText } from '../common';
import { ALL_CLOSURE_MODES, CHECKLIST_ITEMS } from '../../domain/closure';
import { caseDetail } from './cases';
import { masked } from '../masked';
import { closureRequestView } from './workspace';

// Closure (结案), the 终本 checklist, the 终本 archive (终本库) with its re-query rounds and quality
// review, and resumption (恢复执行): domain.md §4.

const evidence = z.object({ text: masked('text', z.string()), onDate: z.string().optional(), eventId: z.number().int().optional() });

export const checklistView = z.object({
  caseId: z.number().int(),
  number: z.string(),
  asOf: z.string(),
  complete: z.boolean(),
  items: z.array(
    z.object({
      key: z.enum(CHECKLIST_ITEMS),
      label: z.string(),
      basis: z.string(),
      source: z.enum(['events', 'attestation']),
      attestable: z.boolean(),
      met: z.boolean(),
      via: z.enum(['events', 'attestation']).nullable(),
      evidence: z.array(evidence),
      attestation: z.object({ note: z.string(), attestedOn: z.string(), by: z.string() }).nullable(),
    }),
  ),
  missing: z.array(z.string()),
  /** The money a closure would record (fen): 申请执行标的, 执行到位, 未履行, 案款账户余额. */
  money: z.object({ claimFen: z.number().int(), recoveredFen: z.number().int(), unpaidFen: z.number().int(), balanceFen: z.number().int() }),
  stage: z.string(),
  caseType: z.string(),
});

export const closureView = z.object({
  caseId: z.number().int(),
  number: z.string(),
  mode: z.string(),
  closedOn: z.string(),
  ground: z.string().nullable(),
  rulingNumber: z.string().nullable(),
  claimFen: z.number().int(),
  recoveredFen: z.number().int(),
  paidDirectlyFen: z.number().int(),
  unpaidFen: z.number().int(),
  balanceFen: z.number().int(),
  balanceReason: z.string().nullable(),
  settlement: z.boolean(),
  note: z.string().nullable(),
  closedBy: z.string(),
  correctedBy: z.string().nullable(),
  documents: z.array(z.object({ documentId: z.number().int().nullable(), kind: z.string(), number: z.string() })),
  nextRequeryOn: z.string().nullable(),
  resumedCaseId: z.number().int().nullable(),
});

const scanStatus = z.enum(['pending', 'scanned', 'bound']);
const reviewStatus = z.enum(['pending', 'pass', 'fail']);

export const archiveRow = z.object({
  caseId: z.number().int(),
  number: z.string(),
  applicants: z.string(),
  debtors: z.string(),
  claimFen: z.number().int(),
  recoveredFen: z.number().int(),
  unpaidFen: z.number().int(),
  rulingNumber: z.string().nullable(),
  terminatedOn: z.string(),
  requeryUntil: z.string(),
  nextRequeryOn: z.string().nullable(),
  roundsDone: z.number().int(),
  lastRequeryOn: z.string().nullable(),
  lastResult: z.enum(['found', 'nothing']).nullable(),
  room: z.string().nullable(),
  shelf: z.string().nullable(),
  box: z.string().nullable(),
  scanStatus,
  reviewStatus,
  reviewReasons: z.array(z.string()),
  resumedCaseId: z.number().int().nullable(),
  resumedNumber: z.string().nullable(),
});

export const dueRow = z.object({
  caseId: z.number().int(),
  number: z.string(),
  applicants: z.string(),
  debtors: z.string(),
  terminatedOn: z.string(),
  round: z.number().int(),
  dueOn: z.string(),
  overdue: z.boolean(),
  unpaidFen: z.number().int(),
});

export const requeryBatchView = z.object({
  id: z.number().int(),
  number: z.string(),
  createdOn: z.string(),
  caseCount: z.number().int(),
  /** The query batch (services/inquiries) whose request file carries these debtors, when that machinery is installed. */
  inquiryBatchId: z.number().int().nullable(),
  inquiryBatchNumber: z.string().nullable(),
  pending: z.number().int(),
  found: z.number().int(),
  nothing: z.number().int(),
});

export const requeryRoundView = z.object({
  caseId: z.number().int(),
  number: z.string(),
  round: z.number().int(),
  dueOn: z.string(),
  requestedOn: z.string(),
  result: z.enum(['pending', 'found', 'nothing']),
  findings: z.array(masked('text', z.string())),
  resultOn: z.string().nullable(),
  documentId: z.number().int().nullable(),
});

const requeryResult = z.object({
  caseId: id,
  nothingFound: z.boolean(),
  findings: z.array(requiredText('财产信息', 500)).max(200).default([]),
});

/**
 * 终本 (民诉法解释 2022 Art. 517): the applicant's signed consent (date), or the 合议庭's review
 * (presiding judge and two members) approved by the president. The ruling recites it; without it
 * the 终本 ruling is not made.
 */
const zhongbenBasis = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('consent'), consentOn: isoDate }),
    z.object({
      kind: z.literal('panel'),
      presidingId: id,
      memberIds: z.array(id).length(2, '合议庭由审判长和两名审判员组成'),
      reviewedOn: isoDate,
      approvedBy: requiredText('批准的院长', 50),
      approvedOn: isoDate,
    }),
  ],
  { error: '终本依据应为申请执行人书面确认或合议庭审查' },
);

const ZHONGBEN_ROLES = ['zhongben'] as const;
const CLOSING_ROLES = ['zhongben', 'team', 'fastTrack'] as const;

export const closureMethods = defineMethods({
  'closure.checklist': {
    summary: '终本条件核查表：逐项显示是否具备及其依据（案件记录或人工确认）',
    input: z.object({ caseId: id, asOf: isoDate.optional() }),
    output: checklistView,
    access: 'user',
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
  },
  'closure.attest': {
    summary: '人工确认（或撤回）终本核查表中系统无法自动判断的一项，须写明依据',
    input: z.object({
      caseId: id,
      item: z.enum(CHECKLIST_ITEMS, { error: '核查项目无效' }),
      note: shortText(500).optional(),
      attestedOn: isoDate.optional(),
      withdraw: z.boolean().default(false),
      seen,
    }),
    output: checklistView,
    access: CLOSING_ROLES,
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'read_only'],
    writes: true,
    versions: 'seen',
  },
  'closure.close': {
    summary: '结案：按结案方式核对条件，生成结案文书，记录到位与未履行金额；终本案件转入终本库',
    input: z.object({
      caseId: id,
      mode: z.enum(ALL_CLOSURE_MODES, { error: '结案方式无效' }),
      closedOn: isoDate.optional(),
      ground: shortText(500).optional(),
      rulingNumber: shortText(100).optional(),
      paidDirectlyFen: fen.default(0),
      settlementPerformed: z.boolean().default(false),
      balanceReason: shortText(500).optional(),
      note: shortText(2000).optional(),
      /** 终结执行: the item of 民诉法 2023 Art. 268 the ground falls under (1–6); the ruling cites it. */
      groundItem: z.number().int().min(1, '终结执行的事由应为第一至第六项').max(6, '终结执行的事由应为第一至第六项').optional(),
      zhongbenBasis: zhongbenBasis.optional(),
      seen,
    }),
    output: closureView,
    access: CLOSING_ROLES,
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict', 'read_only'],
    writes: true,
    versions: 'seen',
  },
  'closure.get': {
    summary: '案件的结案记录（未结案为 null）',
    input: z.object({ caseId: id }),
    output: closureView.nullable(),
    access: 'user',
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
  },
  'closure.correct': {
    summary: '负责人更正已结案件的结案日期、事由、文号或备注（留痕）',
    input: z.object({
      caseId: id,
      reason: requiredText('更正理由', 500),
      closedOn: isoDate.optional(),
      ground: shortText(500).optional(),
      rulingNumber: shortText(100).optional(),
      note: shortText(2000).optional(),
      seen,
    }),
    output: closureView,
    access: ['management'],
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'closure.request': {
    summary: '提交终本申请：承办团队在终本条件具备后，向终本管控组申请以终结本次执行程序结案（写明理由，附申请执行人确认或合议庭审查）',
    input: z.object({ seen, caseId: id, reason: requiredText('申请理由', 1000), zhongbenBasis: zhongbenBasis.optional() }),
    output: closureRequestView,
    access: ['team', 'fastTrack'],
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict', 'read_only'],
    writes: true,
    versions: 'seen',
  },
  'closure.requests': {
    summary: '终本申请：待审核与已审核的（团队只看到本团队案件的申请）',
    input: z.object({ status: z.enum(['pending', 'closed', 'returned']).optional(), caseId: id.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(closureRequestView),
    access: 'user',
    cases: { ids: { caseId: 'case' }, narrows: 'rows' },
  },
  'closure.decide': {
    summary: '审核终本申请：核对终本条件后以终结本次执行程序结案（生成终本裁定书，转入终本库），或写明理由退回承办团队',
    input: z
      .object({
        seen,
        requestId: id,
        close: z.boolean(),
        closedOn: isoDate.optional(),
        /** The basis the ruling recites; the proposal's when left out. */
        zhongbenBasis: zhongbenBasis.optional(),
        /** Why the case account still holds money, when it does (closure normally needs it emptied). */
        balanceReason: shortText(500).optional(),
        reasons: z.array(shortText(200)).max(20).default([]),
        note: shortText(1000).optional(),
      })
      .refine((x) => x.close || x.reasons.some((r) => r.trim()), { message: '退回终本申请须写明理由', path: ['reasons'] }),
    output: closureRequestView,
    access: ZHONGBEN_ROLES,
    cases: { ids: { requestId: 'closureRequest' } },
    errors: ['not_found', 'conflict', 'read_only'],
    writes: true,
    versions: 'seen',
  },
  'cases.resume': {
    summary: '恢复执行：以原案未履行金额为标的立执恢案件，与原案双向关联',
    input: z.object({ caseId: id, ground: requiredText('恢复执行事由', 200), appliedOn: isoDate.optional(), note: shortText(1000).optional(), seen }),
    output: caseDetail,
    access: ['zhongben', 'window'],
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict', 'needs_confirmation'],
    writes: true,
    versions: 'seen',
  },
});

export const archiveMethods = defineMethods({
  'archive.update': {
    summary: '登记终本卷宗的存放位置（室、架、盒）与扫描状态',
    input: z.object({ caseId: id, room: shortText(50).optional(), shelf: shortText(50).optional(), box: shortText(50).optional(), scanStatus: scanStatus.optional(), seen }),
    output: archiveRow,
    access: ZHONGBEN_ROLES,
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
    writes: true,
    versions: 'seen',
  },
  'archive.createRequeryBatch': {
    summary: '以选定的终本案件建立复查批次（生成网络查控请求批次）',
    input: z.object({ caseIds: z.array(id).min(1, '请至少选择一件案件').max(5000), seen }),
    output: requeryBatchView,
    access: ZHONGBEN_ROLES,
    cases: { ids: { 'caseIds[]': 'case' } },
    errors: ['conflict'],
    writes: true,
    versions: 'seen',
  },
  'archive.requeryBatches': {
    summary: '复查批次列表',
    input: z.object({}).strict().default({}),
    output: z.array(requeryBatchView),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'archive.requeryBatch': {
    summary: '一个复查批次的各案轮次与结果',
    input: z.object({ batchId: id }),
    output: requeryBatchView.extend({ rounds: z.array(requeryRoundView) }),
    access: 'user',
    cases: { ids: { batchId: 'requeryBatch' } },
    errors: ['not_found'],
  },
  'archive.collectResults': {
    summary: '从已导入的查控反馈取复查结果，向申请执行人出具查询结果告知书',
    input: z.object({ batchId: id }),
    output: requeryBatchView.extend({ recorded: z.number().int() }),
    access: ZHONGBEN_ROLES,
    cases: { ids: { batchId: 'requeryBatch' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: { exempt: '收取复查批次的查询结果，只为批次中的案件增加结果记录；同一批次不会重复收取' },
  },
  'archive.recordResults': {
    summary: '逐案登记复查结果（如在总对总系统查看的结果），并出具查询结果告知书',
    input: z.object({ batchId: id, results: z.array(requeryResult).min(1).max(5000), seen }),
    output: requeryBatchView.extend({ recorded: z.number().int() }),
    access: ZHONGBEN_ROLES,
    cases: { ids: { batchId: 'requeryBatch', 'results[].caseId': 'case' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: { seen: ['results[].caseId'] },
    // 5,000 cases' results, each with up to 200 findings: a few MB in practice.
    maxBodyBytes: 8 * 1024 * 1024,
  },
  'archive.review': {
    summary: '终本案件质量评查：合格或不合格（写明理由），计入终本合格率',
    input: z.object({ caseId: id, pass: z.boolean(), reasons: z.array(shortText(200)).max(20).default([]), note: shortText(1000).optional(), seen }),
    output: archiveRow,
    access: ['zhongben', 'management'],
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
    writes: true,
    versions: 'seen',
  },
  'archive.reviewStats': {
    summary: '终本合格率：期间内终本首执案件的评查合格数 ÷ 评查数（与看板、上报同一口径；另列待评查数）',
    input: z.object({ from: isoDate, to: isoDate }),
    output: z.object({ terminated: z.number().int(), reviewed: z.number().int(), passed: z.number().int(), awaiting: z.number().int(), ratePct: z.number().nullable() }),
    access: 'user',
    cases: { narrows: 'rows' },
  },
});
