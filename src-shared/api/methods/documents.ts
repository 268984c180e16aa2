import { z } from 'zod';
import { defineMethods } from '../contract';
import { seen } from '../caseVersions';
import { id, isoDate, pageOf, paging, shortText } from '../common';
import { jobView } from './jobs';
import { DOCUMENT_KINDS, SERVICE_METHODS } from '../../domain/documentKinds';

const kind = z.enum(DOCUMENT_KINDS, { error: '文书种类无效' });

export const templateView = z.object({
  kind: z.string(),
  summary: z.string(),
  addressee: z.enum(['debtor', 'applicant', 'third', 'file']),
  batchable: z.boolean(),
  inNoticeSet: z.boolean(),
  defaultSelected: z.boolean(),
});

export const serviceView = z.object({
  method: z.string(),
  trackingNumber: z.string().nullable(),
  mailedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  servedOn: z.string().nullable(),
  recipient: z.string().nullable(),
  note: z.string().nullable(),
});

export const documentView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  debtors: z.string(),
  kind: z.string(),
  number: z.string(),
  version: z.number().int(),
  status: z.enum(['current', 'superseded']),
  supersedesId: z.number().int().nullable(),
  reason: z.string().nullable(),
  batchId: z.string().nullable(),
  batchNumber: z.string().nullable(),
  issuedOn: z.string(),
  generatedAt: z.string(),
  generatedBy: z.string(),
  pdfBytes: z.number().int(),
  docxBytes: z.number().int(),
  service: serviceView.nullable(),
  /** For a served 执行通知书: the last day of the debtor's performance period (service date + setting). */
  performanceDueOn: z.string().nullable(),
});
export type DocumentView = z.infer<typeof documentView>;

export const queueRow = z.object({
  caseId: z.number().int(),
  number: z.string(),
  type: z.string(),
  filedOn: z.string(),
  applicants: z.string(),
  debtors: z.string(),
  claimFen: z.number().int(),
  /** Last day to make and send the notices (filing + N working days, domain.md §3.2). */
  dueOn: z.string(),
  /** Working days left until dueOn (negative when overdue). */
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  existingKinds: z.array(z.string()),
});

export const batchView = z.object({
  id: z.string(),
  number: z.string(),
  jobId: z.string().nullable(),
  kinds: z.array(z.string()),
  caseCount: z.number().int(),
  documentCount: z.number().int(),
  hasPrintFile: z.boolean(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const serviceItem = z.object({
  /** The document served; or leave it out and give the EMS tracking number recorded when it was mailed. */
  documentId: id.optional(),
  method: z.enum(SERVICE_METHODS, { error: '送达方式应为 直接送达、留置送达、邮寄送达、电子送达 或 公告送达' }).optional(),
  /** The signing date (送达日期); for 公告送达 the publication date; omit for a mailing not yet delivered. */
  servedOn: isoDate.optional(),
  trackingNumber: z.string().trim().toUpperCase().max(30).optional(),
  recipient: shortText(100).optional(),
  note: shortText(500).optional(),
});
export type ServiceItem = z.input<typeof serviceItem>;

export const documentMethods = defineMethods({
  'documents.templates': {
    summary: '文书模板列表（种类、送达对象、是否属于通知文书套）',
    input: z.object({}).default({}),
    output: z.array(templateView),
    access: 'user',
    cases: 'none',
  },
  'documents.queue': {
    summary: '待发通知队列：已立案、通知文书尚未制作的案件，含工作日期限',
    input: z.object({
      text: shortText(100).optional(),
      filedFrom: isoDate.optional(),
      filedTo: isoDate.optional(),
      overdueOnly: z.boolean().default(false),
      ...paging,
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    output: pageOf(queueRow).extend({ overdue: z.number().int() }),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'documents.banQueue': {
    summary: '待发限制消费令：执行通知书已送达、履行期间届满仍未履行完毕、尚无限制消费令的案件（限高规定第一条）',
    input: z.object({ ...paging, limit: z.number().int().min(1).max(5000).default(500) }),
    output: pageOf(
      z.object({
        caseId: z.number().int(),
        number: z.string(),
        debtors: z.string(),
        claimFen: z.number().int(),
        recoveredFen: z.number().int(),
        servedOn: z.string(),
        /** Last day of the notice's period; the order may be issued from the next day. */
        dueOn: z.string(),
      }),
    ),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'documents.generateBatch': {
    summary: '批量制作文书：所选案件 × 所选文书种类，生成 DOCX 与 PDF 及一份合并打印 PDF（后台任务）',
    input: z.object({
      caseIds: z.array(id).min(1, '请至少选择一件案件').max(5000, '一批最多 5000 件案件'),
      kinds: z.array(kind).min(1, '请至少选择一种文书').max(DOCUMENT_KINDS.length),
      /** Required when a selected case already has a current document of a selected kind (the old version is kept). */
      reason: shortText(200).optional(),
      seen,
    }),
    output: jobView,
    access: ['docsQuery'],
    cases: { ids: { 'caseIds[]': 'case' } },
    errors: ['not_found', 'conflict', 'read_only'],
    writes: true,
    versions: 'seen',
  },
  'documents.generate': {
    summary: '为一件案件单独制作一份文书（任一可单独制作的模板；送达回证须指定受送达人）：案件缺少的内容逐项列出并拒绝制作',
    input: z.object({
      seen,
      caseId: id,
      kind,
      partyId: id.optional(),
      /** Required when the case already has a current document of this kind (the old version is kept). */
      reason: shortText(200).optional(),
    }),
    output: z.object({ documents: z.array(documentView) }),
    access: ['docsQuery', 'fastTrack', 'team', 'zhongben', 'window'],
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict', 'read_only'],
    writes: true,
    versions: 'seen',
  },
  'documents.list': {
    summary: '文书登记簿：按案件、批次、种类查询，含送达情况',
    input: z.object({
      caseId: id.optional(),
      batchId: z.string().max(100).optional(),
      kind: kind.optional(),
      unservedOnly: z.boolean().default(false),
      includeSuperseded: z.boolean().default(false),
      ...paging,
    }),
    output: pageOf(documentView),
    access: 'user',
    cases: { ids: { caseId: 'case', batchId: 'documentBatch' }, narrows: 'rows' },
  },
  'documents.batches': {
    summary: '最近的文书批次（含合并打印文件）',
    input: z.object({ limit: z.number().int().min(1).max(200).default(20) }),
    output: z.array(batchView),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'documents.file': {
    summary: '下载（网页版）或打开（桌面版）文书文件或批次合并打印 PDF',
    input: z
      .object({
        documentId: id.optional(),
        batchId: z.string().max(100).optional(),
        format: z.enum(['pdf', 'docx']).default('pdf'),
        /** Desktop only: 'reveal' shows the file in its folder (资源管理器) instead of opening it. */
        action: z.enum(['open', 'reveal']).default('open'),
      })
      .refine((x) => (x.documentId === undefined) !== (x.batchId === undefined), { message: '请指定一份文书或一个批次', path: ['documentId'] }),
    output: z.object({ opened: z.string() }),
    access: 'user',
    cases: { ids: { documentId: 'document', batchId: 'documentBatch' } },
    errors: ['not_found'],
  },
  'documents.markServed': {
    summary: '登记送达（可批量）：送达方式、日期、受送达人；邮寄送达登记 EMS 单号，签收后按单号批量登记日期',
    input: z.object({ items: z.array(serviceItem).min(1, '请至少登记一份文书').max(5000), seen }),
    output: z.object({ updated: z.number().int(), served: z.number().int(), mailed: z.number().int() }),
    access: ['docsQuery', 'fastTrack', 'team', 'zhongben'],
    // Items may name a document by its EMS tracking number, which can reach any case: a caller limited
    // to a team's cases must name each document (the handler refuses a number alone). Items given by
    // document id are checked for scope and version; an item given by tracking number reaches its
    // case inside the write, where the version is checked against seen.asOf.
    cases: { ids: { 'items[].documentId': 'document' }, narrows: 'rows' },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
    // 5,000 service records with names and tracking numbers: a few MB.
    maxBodyBytes: 8 * 1024 * 1024,
  },
});
