import { z } from 'zod';
import { defineMethods } from '../contract';
import { seen } from '../caseVersions';
import { fileContent, id, isoDate, pageOf, paging, shortText, uploadBodyBytes } from '../common';
import { UPLOAD_LIMITS } from '../../domain/uploadLimits';
import { ASSET_TYPES } from '../../domain/assets';
import { CASE_STAGES } from '../../domain/stages';
import { masked } from '../masked';

// Query batches (查控批次), feedback import (查控反馈) and the asset register (财产清单): domain.md §3.1–3.2.
// File layouts: src-shared/domain/inquiryFiles.ts and docs/inquiries.md.

const assetType = z.enum(ASSET_TYPES, { error: '财产类别无效' });

/** A file handed back to the client: the web mode downloads it, the desktop shell opens it. */
export const fileResult = z.object({ downloaded: z.string().optional(), opened: z.string().optional() });

export const inquiryQueueRow = z.object({
  caseId: z.number().int(),
  number: z.string(),
  type: z.string(),
  stage: z.enum(CASE_STAGES),
  filedOn: z.string(),
  applicants: z.string(),
  debtors: z.string(),
  debtorCount: z.number().int(),
  claimFen: z.number().int(),
  /** When the case reached the query staff (entered stage 'query'), UTC ISO. */
  queuedAt: z.string(),
  /** queuedAt + the 'firstQuery' deadline rule (24 h by default). */
  dueAt: z.string(),
  /** Whole hours left (negative when overdue). */
  hoursLeft: z.number().int(),
  overdue: z.boolean(),
});

export const inquiryBatchSummary = z.object({
  id: z.number().int(),
  number: z.string(),
  createdAt: z.string(),
  createdOn: z.string(),
  createdBy: z.string(),
  categories: z.array(assetType),
  caseCount: z.number().int(),
  debtorCount: z.number().int(),
  answeredCount: z.number().int(),
  findingCount: z.number().int(),
  status: z.enum(['sent', 'partial', 'answered']),
  simulated: z.boolean(),
});

export const inquiryBatchDetail = inquiryBatchSummary.extend({
  targets: z.array(
    z.object({
      seq: z.number().int(),
      caseId: z.number().int(),
      caseNumber: z.string(),
      partyId: z.number().int(),
      debtor: z.string(),
      idCode: masked('idCode', z.string()),
      answeredAt: z.string().nullable(),
      findings: z.number().int(),
      nothingFound: z.boolean(),
    }),
  ),
  imports: z.array(
    z.object({
      id: z.number().int(),
      fileName: z.string(),
      fileHash: z.string(),
      rowCount: z.number().int(),
      findingCount: z.number().int(),
      nothingCount: z.number().int(),
      skippedCount: z.number().int(),
      simulated: z.boolean(),
      importedAt: z.string(),
      importedBy: z.string(),
    }),
  ),
});

export const importReport = z.object({
  batchId: z.number().int(),
  batchNumber: z.string(),
  importId: z.number().int(),
  /** True when this exact file was imported before: nothing was written. */
  duplicate: z.boolean(),
  rowCount: z.number().int(),
  findingCount: z.number().int(),
  nothingCount: z.number().int(),
  /** Rows already recorded by an earlier import (same debtor, asset, account and query date). */
  skippedCount: z.number().int(),
  assetsCreated: z.number().int(),
  assetsUpdated: z.number().int(),
  casesToControl: z.number().int(),
  casesToTriage: z.number().int(),
  simulated: z.boolean(),
});

/** One refused row of an import; `row` is the line number in the file (the header is row 1). */
export const importProblem = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });

export const assetView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  caseStage: z.enum(CASE_STAGES),
  partyId: z.number().int(),
  debtor: z.string(),
  type: assetType,
  typeLabel: z.string(),
  institution: z.string(),
  identifier: masked('assetIdentifier', z.string()),
  /** Balance or value reported by the query (null when the system gives none, e.g. real estate). */
  valueFen: z.number().int().nullable(),
  otherFrozenFen: z.number().int(),
  otherFrozenNote: z.string().nullable(),
  foundOn: z.string(),
  sourceBatchId: z.number().int().nullable(),
  sourceBatchNumber: z.string().nullable(),
  /** Amount under our own active freeze/seizure (requested while pending, actual once answered). */
  controlledFen: z.number().int(),
  /** Amount deducted (扣划) so far. */
  deductedFen: z.number().int(),
  /** Frozen by us and still deductible. */
  frozenAvailableFen: z.number().int(),
  activeMeasures: z.number().int(),
  /** Case's claim minus recovered money minus everything already under control (never negative). */
  caseOutstandingFen: z.number().int(),
  /** When the 24-hour control clock from the feedback runs out (null once a measure exists). */
  controlDueAt: z.string().nullable(),
  simulated: z.boolean(),
});

export const inquiryMethods = defineMethods({
  'inquiries.queue': {
    summary: '待首次网络查控的案件（含24小时时钟）',
    input: z.object({ text: shortText(100).optional(), ...paging }),
    output: pageOf(inquiryQueueRow),
    access: ['docsQuery', 'fastTrack', 'team', 'management'],
    cases: { narrows: 'rows' },
  },
  'inquiries.createBatch': {
    summary: '建立查控批次：所选案件的全部被执行人',
    input: z.object({
      caseIds: z.array(id).min(1, '请至少选择一件案件').max(5000, '一个批次最多5000件案件'),
      categories: z.array(assetType).min(1, '请至少选择一个财产类别').default([...ASSET_TYPES]),
      seen,
    }),
    output: inquiryBatchDetail,
    access: ['docsQuery', 'fastTrack', 'team', 'zhongben'],
    cases: { ids: { 'caseIds[]': 'case' } },
    errors: ['not_found', 'conflict', 'read_only'],
    writes: true,
    versions: 'seen',
  },
  'inquiries.batches': {
    summary: '查控批次列表',
    input: z.object({ status: z.enum(['sent', 'partial', 'answered']).optional(), ...paging }),
    output: pageOf(inquiryBatchSummary),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'inquiries.get': {
    summary: '查控批次详情：被查询人及反馈导入记录',
    input: z.object({ batchId: id }),
    output: inquiryBatchDetail,
    access: 'user',
    cases: { ids: { batchId: 'inquiryBatch' } },
    errors: ['not_found'],
  },
  'inquiries.exportRequest': {
    summary: '导出查控请求文件（xlsx 或 csv，格式见 docs/inquiries.md）',
    input: z.object({ batchId: id, format: z.enum(['xlsx', 'csv']).default('xlsx') }),
    output: fileResult,
    access: ['docsQuery', 'fastTrack', 'team', 'zhongben'],
    cases: { ids: { batchId: 'inquiryBatch' } },
    errors: ['not_found'],
  },
  'inquiries.importFeedback': {
    summary: '导入查控反馈文件（xlsx/csv，UTF-8 或 GBK）；任一行有误则整份拒绝，重复导入不重复记录',
    input: z.object({
      fileName: z.string().trim().min(1, '文件名不能为空').max(255),
      /** The file's bytes, base64 (up to UPLOAD_LIMITS.fileBytes; read in the upload worker). */
      contentBase64: fileContent(UPLOAD_LIMITS.fileBytes),
      /** When given, every row must belong to this batch. */
      batchId: id.optional(),
    }),
    output: importReport,
    access: ['docsQuery', 'fastTrack', 'team', 'zhongben'],
    cases: { ids: { batchId: 'inquiryBatch' }, narrows: 'file' },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: { exempt: '导入查控机构的反馈，只为批次中的案件增加查询结果；同一批次的反馈文件不会重复导入' },
    maxBodyBytes: uploadBodyBytes(UPLOAD_LIMITS.fileBytes),
    fileFields: ['contentBase64'],
  },
  'assets.list': {
    summary: '财产清单：查控发现的财产及其控制情况',
    input: z.object({
      caseId: id.optional(),
      caseIds: z.array(id).max(10_000).optional(),
      batchId: id.optional(),
      type: assetType.optional(),
      /** Only assets of open cases that can still be frozen, seized or deducted. */
      controllable: z.boolean().default(false),
      text: shortText(100).optional(),
      foundFrom: isoDate.optional(),
      ...paging,
    }),
    output: pageOf(assetView),
    access: 'user',
    cases: { ids: { caseId: 'case', 'caseIds[]': 'case', batchId: 'inquiryBatch' }, narrows: 'rows' },
  },
});
