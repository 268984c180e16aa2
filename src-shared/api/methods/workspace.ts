import { z } from 'zod';
import { seen } from '../caseVersions';
import { defineMethods } from '../contract';
import { fileContent, id, isoDate, requiredText, shortText, uploadBodyBytes } from '../common';
import { masked } from '../masked';
import { CASE_STAGES } from '../../domain/stages';
import { WORK_RECORD_KINDS, PERSON_CAPACITIES } from '../../domain/workRecords';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPE_LIST } from '../../domain/attachments';
import { ALL_CLOSURE_MODES } from '../../domain/closure';
import { MEASURE_ACTIONS } from '../../domain/assets';
import { fileResult } from './inquiries';

// The case page as a workspace: its summary with what this user may do on it, work records (笔录),
// notes, attachments, a team's request to move a case (移交申请) decided by management, 我的待办,
// and the case page on paper. The 终本 proposal lives with closure (methods/closure.ts).

const hhmm = z.string({ error: '请填写时间' }).trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 时:分（如 09:30）');

export const recordPerson = z.object({
  name: requiredText('姓名', 100),
  capacity: z.enum(PERSON_CAPACITIES, { error: '请选择在场人员的身份' }),
  partyId: id.optional(),
  /** What identifies a person who is not a party: unit, address, ID (printed after the name). */
  detail: masked('text', shortText(200)).optional(),
});

export const recordView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  kind: z.enum(WORK_RECORD_KINDS),
  heldOn: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  place: z.string(),
  officers: z.array(z.string()),
  recorder: z.string(),
  persons: z.array(recordPerson),
  subject: z.string().nullable(),
  content: masked('text', z.string()),
  refusal: z.string().nullable(),
  correctsId: z.number().int().nullable(),
  documentId: z.number().int().nullable(),
  applicantInterview: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const noteView = z.object({ id: z.number().int(), caseId: z.number().int(), text: masked('text', z.string()), createdAt: z.string(), createdBy: z.string() });

export const attachmentView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  type: z.enum(ATTACHMENT_TYPE_LIST as [string, ...string[]]),
  typeLabel: z.string(),
  name: z.string(),
  label: z.string().nullable(),
  bytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
});

export const transferView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  applicants: z.string(),
  debtors: z.string(),
  fromTeamId: z.string().nullable(),
  fromTeam: z.string().nullable(),
  toTeamId: z.string().nullable(),
  toTeam: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedAt: z.string(),
  requestedBy: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  judgeId: z.number().int().nullable(),
  judgeName: z.string().nullable(),
});

const zhongbenBasisView = z.union([
  z.object({ kind: z.literal('consent'), consentOn: z.string() }),
  z.object({ kind: z.literal('panel'), presidingId: z.number().int(), memberIds: z.array(z.number().int()), reviewedOn: z.string(), approvedBy: z.string(), approvedOn: z.string() }),
]);

export const closureRequestView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  applicants: z.string(),
  debtors: z.string(),
  teamId: z.string().nullable(),
  mode: z.string(),
  reason: z.string(),
  basis: zhongbenBasisView.nullable(),
  status: z.enum(['pending', 'closed', 'returned']),
  requestedAt: z.string(),
  requestedBy: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  returnReasons: z.array(z.string()),
  decisionNote: z.string().nullable(),
});

const bucket = z.enum(['overdue', 'today', 'soon']);

export const workspaceView = z.object({
  caseId: z.number().int(),
  number: z.string(),
  type: z.string(),
  stage: z.enum(CASE_STAGES),
  stageLabel: z.string(),
  closed: z.boolean(),
  closedOn: z.string().nullable(),
  closureMode: z.string().nullable(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  judge: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  clerk: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** Open clocks, the next due first. */
  clocks: z.array(z.object({ ruleId: z.string(), name: z.string(), dueOn: z.string(), dueAt: z.string().nullable(), bucket: bucket.nullable(), statusLabel: z.string(), workingDaysLeft: z.number().int().nullable() })),
  money: z.object({ claimFen: z.number().int(), recoveredFen: z.number().int(), paidOutFen: z.number().int(), balanceFen: z.number().int(), unpaidFen: z.number().int(), overdueFen: z.number().int() }),
  /** Freezes and seizures in force (pending, done or partial), with their expiry. */
  measures: z.array(
    z.object({
      id: z.number().int(),
      action: z.enum(MEASURE_ACTIONS),
      actionLabel: z.string(),
      institution: z.string(),
      identifier: masked('assetIdentifier', z.string()),
      amountFen: z.number().int(),
      status: z.string(),
      expiresOn: z.string().nullable(),
      daysToExpiry: z.number().int().nullable(),
      renewalDue: z.boolean(),
    }),
  ),
  /** What 终本 still lacks (终本规定 Art. 1), for an open case that could end that way. */
  zhongben: z.object({ complete: z.boolean(), missing: z.array(z.string()) }).nullable(),
  /** The latest transfer request and 终本 proposal of the case (pending, decided or returned). */
  transfer: transferView.nullable(),
  closureRequest: closureRequestView.nullable(),
  /** What this user may do on this case now (the registry's access rules and the case's state). */
  actions: z.object({
    query: z.boolean(),
    control: z.boolean(),
    renewRelease: z.boolean(),
    recordResult: z.boolean(),
    ledger: z.boolean(),
    documents: z.boolean(),
    service: z.boolean(),
    records: z.boolean(),
    notes: z.boolean(),
    attachments: z.boolean(),
    suspend: z.boolean(),
    transfer: z.boolean(),
    decideTransfer: z.boolean(),
    closeModes: z.array(z.enum(ALL_CLOSURE_MODES)),
    requestClosure: z.boolean(),
    decideClosure: z.boolean(),
    resume: z.boolean(),
    attest: z.boolean(),
    setOfficers: z.boolean(),
  }),
});

const todoBucket = z.enum(['overdue', 'today', 'week']);

/** Roles that work cases: everyone but the administrator's own desk (who holds every role anyway). */
const CASE_WORKERS = ['window', 'docsQuery', 'fastTrack', 'team', 'money', 'zhongben', 'management'] as const;
/** Who writes work records: the officers who act on the case and talk to its parties. */
const RECORD_WRITERS = ['docsQuery', 'fastTrack', 'team', 'zhongben'] as const;

export const workspaceMethods = defineMethods({
  'cases.workspace': {
    summary: '案件概要：环节、团队与承办人、节点期限与下一项到期、案款、在执行的控制措施、终本尚缺条件、移交与终本申请，以及本人可办理的事项',
    input: z.object({ caseId: id }),
    output: workspaceView,
    access: 'user',
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
  },
  'cases.printSummary': {
    summary: '打印案件情况表（PDF）：概要、当事人、案款、期限、措施、终本条件、笔录、附件、备注与最近的办理记录（证件号码等遮盖）',
    input: z.object({ caseId: id }),
    output: fileResult,
    access: 'user',
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
  },
  'records.list': {
    summary: '案件的笔录（执行笔录、谈话笔录、约谈记录），按日期倒序',
    input: z.object({ caseId: id }),
    output: z.array(recordView),
    access: 'user',
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
  },
  'records.create': {
    summary: '制作笔录：时间（起止）、地点、执行人员、记录人、在场人员及其身份、内容、拒绝签名情况；约谈记录由申请执行人参加的，终本核查表的“约谈”一项以其日期为准',
    input: z.object({
      caseId: id,
      kind: z.enum(WORK_RECORD_KINDS, { error: '笔录种类应为 执行笔录、谈话笔录 或 约谈记录' }),
      heldOn: isoDate,
      startedAt: hhmm,
      endedAt: hhmm,
      place: requiredText('地点', 200),
      officers: z.array(requiredText('执行人员', 50)).min(1, '请填写执行人员').max(10),
      recorder: requiredText('记录人', 50),
      persons: z.array(recordPerson).max(30),
      subject: shortText(200).optional(),
      content: requiredText('笔录内容', 20_000),
      refusal: shortText(500).optional(),
      correctsId: id.optional(),
    }),
    output: recordView,
    access: RECORD_WRITERS,
    cases: { ids: { caseId: 'case', correctsId: 'workRecord' } },
    errors: ['not_found', 'read_only'],
    writes: true,
    versions: { exempt: '笔录是新增的记录，不改变别人已看到的案件内容' },
  },
  'records.print': {
    summary: '打印笔录：经文书引擎制作 PDF 与 DOCX 并登记（以笔录日期为文书日期），供在场人员签名；已打印的返回同一份文书',
    input: z.object({ recordId: id }),
    output: z.object({ documentId: z.number().int() }),
    access: RECORD_WRITERS,
    cases: { ids: { recordId: 'workRecord' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: { exempt: '打印已保存的笔录，不改变案件' },
  },
  'notes.list': {
    summary: '案件备注，新的在前',
    input: z.object({ caseId: id }),
    output: z.array(noteView),
    access: 'user',
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
  },
  'notes.add': {
    summary: '添加案件备注（不能修改或删除）',
    input: z.object({ caseId: id, text: requiredText('备注', 2000) }),
    output: noteView,
    access: CASE_WORKERS,
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
    writes: true,
    versions: { exempt: '备注是新增的记录，不改变别人已看到的案件内容' },
  },
  'attachments.list': {
    summary: '案件附件（扫描件、照片）：名称、类型、大小、SHA-256 校验值、上传人',
    input: z.object({ caseId: id }),
    output: z.array(attachmentView),
    access: 'user',
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
  },
  'attachments.upload': {
    summary: '上传附件：只接受 PDF、JPEG、PNG、TIFF（按文件开头的字节识别，扩展名须一致），不超过 20 MB；夹带其他格式、脚本或活动内容的文件一律拒绝；以随机名称存放在数据文件夹中并记录 SHA-256',
    input: z.object({
      caseId: id,
      fileName: requiredText('文件名', 200),
      label: shortText(200).optional(),
      contentBase64: fileContent(ATTACHMENT_MAX_BYTES),
    }),
    output: attachmentView,
    access: CASE_WORKERS,
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: { exempt: '附件是新增的材料，不改变别人已看到的案件内容' },
    maxBodyBytes: uploadBodyBytes(ATTACHMENT_MAX_BYTES),
    fileFields: ['contentBase64'],
  },
  'attachments.file': {
    summary: '下载（网页版）或打开（桌面版）附件：先重算 SHA-256，与上传时的不符则拒绝',
    input: z.object({ attachmentId: id }),
    output: fileResult,
    access: 'user',
    cases: { ids: { attachmentId: 'attachment' } },
    errors: ['not_found', 'conflict'],
  },
  'transfers.request': {
    summary: '申请移交案件：团队请综合管理将本团队的案件移交或改分（须写明理由，可建议接收团队）',
    input: z.object({ seen, caseId: id, reason: requiredText('申请理由', 500), toTeamId: z.string().trim().min(1).max(50).optional() }),
    output: transferView,
    access: ['team', 'fastTrack'],
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict', 'read_only'],
    writes: true,
    versions: 'seen',
  },
  'transfers.list': {
    summary: '移交申请：待审批的与已审批的（团队只看到本团队案件的申请）',
    input: z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional(), caseId: id.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(transferView),
    access: 'user',
    cases: { ids: { caseId: 'case' }, narrows: 'rows' },
  },
  'transfers.decide': {
    summary: '审批移交申请：同意则改分给指定的承办法官（其团队接收，记入分案记录）；不同意须写明理由',
    input: z.object({ seen, requestId: id, approve: z.boolean(), judgeId: id.optional(), note: shortText(500).optional() }),
    output: transferView,
    access: ['management'],
    cases: { ids: { requestId: 'transferRequest', judgeId: 'judge' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'todo.mine': {
    summary: '我的待办：按节点期限规则，本人或本团队今日到期、已超期和本周到期的案件（按案件计数），以及待本人审批的申请',
    input: z.object({}).strict().default({}),
    output: z.object({
      today: z.string(),
      weekEnd: z.string(),
      totals: z.object({ overdue: z.number().int(), today: z.number().int(), week: z.number().int() }),
      cases: z.array(
        z.object({
          caseId: z.number().int(),
          number: z.string(),
          applicants: z.string(),
          debtors: z.string(),
          stage: z.enum(CASE_STAGES),
          bucket: todoBucket,
          mine: z.boolean(),
          items: z.array(z.object({ ruleId: z.string(), ruleName: z.string(), dueOn: z.string(), dueAt: z.string().nullable(), bucket: todoBucket, bucketLabel: z.string(), daysOverdue: z.number().int() })),
        }),
      ),
      truncated: z.boolean(),
      transfers: z.array(transferView),
      closureRequests: z.array(closureRequestView),
    }),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'todo.badges': {
    summary: '导航角标：各环节有超期期限的案件数（按案件而非期限计数），以及本人今日到期和已超期的案件数、待本人审批的申请数',
    input: z.object({}).strict().default({}),
    output: z.object({ overdueByStage: z.record(z.string(), z.number().int()), overdueCases: z.number().int(), myCases: z.number().int(), requests: z.number().int() }),
    access: 'user',
    cases: { narrows: 'rows' },
  },
});
