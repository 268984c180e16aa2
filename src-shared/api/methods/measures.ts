import { z } from 'zod';
import { defineMethods } from '../contract';
import { seen } from '../caseVersions';
import { fen, id, isoDate, pageOf, paging, requiredText, shortText } from '../common';
import { ASSET_TYPES, MEASURE_ACTIONS } from '../../domain/assets';
import { jobView } from './jobs';
import { masked } from '../masked';

// Control batches (冻结 / 查封 / 扣划), results, renewal (续冻/续封) and release (解除): domain.md §3.2, 民事诉讼法 Art. 253 (冻结、划拨) and Art. 255 (查封、扣押).

/**
 * 'deducted' is shown, never stored: a freeze whose whole frozen sum was deducted has ended (its row
 * keeps the institution's answer, done or partial, and records ended_on).
 */
export const MEASURE_STATUSES = ['pending', 'done', 'partial', 'refused', 'released', 'deducted'] as const;
export const MEASURE_STATUS_LABELS: Record<(typeof MEASURE_STATUSES)[number], string> = {
  pending: '待反馈',
  done: '已执行',
  partial: '部分执行',
  refused: '未能执行',
  released: '已解除',
  deducted: '已全部扣划',
};

export const measureView = z.object({
  id: z.number().int(),
  batchId: z.number().int(),
  batchNumber: z.string(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  assetId: z.number().int(),
  assetType: z.enum(ASSET_TYPES),
  institution: z.string(),
  identifier: masked('assetIdentifier', z.string()),
  debtor: z.string(),
  action: z.enum(MEASURE_ACTIONS),
  /** Amount asked for (freeze/deduct) or the value the seizure covers. */
  amountFen: z.number().int(),
  /** Amount the institution reports as done (null until the result is recorded). */
  actualFen: z.number().int().nullable(),
  startOn: z.string(),
  /** Last day in force (null for a deduction, which is final). */
  expiresOn: z.string().nullable(),
  renewals: z.number().int(),
  status: z.enum(MEASURE_STATUSES),
  resultOn: z.string().nullable(),
  resultNote: z.string().nullable(),
  /** The freeze a deduction draws on. */
  fromMeasureId: z.number().int().nullable(),
  releasedOn: z.string().nullable(),
  releaseReason: z.string().nullable(),
  /** A freeze ended because all of its money was deducted: the day, and the deduction that took the last of it. */
  endedOn: z.string().nullable(),
  endedByMeasureId: z.number().int().nullable(),
  /** What a freeze or seizure still holds (its answer less the deductions drawn on it); 0 for the rest. */
  heldFen: z.number().int(),
  /** Days to expiry (negative when expired); null for deductions and released measures. */
  daysToExpiry: z.number().int().nullable(),
  /** Inside the renewal-alert window (default 30 days before expiry) and still in force. */
  renewalDue: z.boolean(),
  documentIds: z.array(z.number().int()),
});

export const controlBatchView = z.object({
  id: z.number().int(),
  number: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  measureCount: z.number().int(),
  caseCount: z.number().int(),
  documentCount: z.number().int(),
  /** Why documents are missing, when the documents engine could not produce them. */
  documentsNote: z.string().nullable(),
  measures: z.array(measureView),
});

const measureItem = z.object({
  assetId: id,
  action: z.enum(MEASURE_ACTIONS, { error: '措施应为 冻结、查封 或 扣划' }),
  /** Defaults: freeze/seize up to what the asset holds and the case still needs; deduct the whole frozen amount. */
  amountFen: fen.optional(),
  /** A deduction: the freeze of this asset it draws on (default: the lowest measure id with money free). */
  fromMeasureId: id.optional(),
});

export const measureMethods = defineMethods({
  'measures.createBatch': {
    summary: '建立控制批次：冻结/查封至未清偿标的额为止，或扣划已冻结存款；生成执行裁定书与协助执行通知书（先全部校验，再作为后台任务制作文书并一次写入；任务结果含 batchId）',
    input: z.object({
      items: z.array(measureItem).min(1, '请至少选择一项财产').max(5000, '一个批次最多5000项措施'),
      startOn: isoDate.optional(),
      seen,
    }),
    output: jobView,
    access: ['docsQuery', 'fastTrack', 'team', 'zhongben'],
    cases: { ids: { 'items[].assetId': 'asset', 'items[].fromMeasureId': 'measure' } },
    errors: ['not_found', 'conflict', 'read_only'],
    writes: true,
    versions: 'seen',
  },
  'measures.recordResult': {
    summary: '登记措施的协助执行结果（已执行/部分执行/未能执行、实际金额）；扣划到账自动记入案款',
    input: z.object({
      results: z
        .array(
          z.object({
            measureId: id,
            outcome: z.enum(['done', 'partial', 'refused'], { error: '结果应为 已执行、部分执行 或 未能执行' }),
            actualFen: fen.optional(),
            on: isoDate.optional(),
            note: shortText(500).optional(),
          }),
        )
        .min(1)
        .max(5000),
      seen,
    }),
    output: z.array(measureView),
    access: ['docsQuery', 'fastTrack', 'team', 'zhongben', 'money'],
    cases: { ids: { 'results[].measureId': 'measure' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'measures.renew': {
    summary: '续行冻结/查封：期限自原到期日起重新计算，重新生成文书',
    input: z.object({ measureIds: z.array(id).min(1).max(5000), on: isoDate.optional(), seen }),
    output: z.array(measureView),
    access: ['docsQuery', 'fastTrack', 'team', 'zhongben'],
    cases: { ids: { 'measureIds[]': 'measure' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'measures.release': {
    summary: '解除冻结/查封（案款已清偿或结案等），生成解除文书',
    input: z.object({
      measureIds: z.array(id).min(1).max(5000),
      reason: requiredText('解除原因', 200),
      /** The item of 查封规定 Art. 28 para. 1 the release rests on (1–6); the ruling cites it. */
      item: z.number().int().min(1, '解除依据应为第一至第六项').max(6, '解除依据应为第一至第六项').optional(),
      on: isoDate.optional(),
      seen,
    }),
    output: z.array(measureView),
    access: ['docsQuery', 'fastTrack', 'team', 'zhongben'],
    cases: { ids: { 'measureIds[]': 'measure' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'measures.list': {
    summary: '控制措施列表（可筛选待续行的措施）',
    input: z.object({
      caseId: id.optional(),
      batchId: id.optional(),
      status: z.array(z.enum(MEASURE_STATUSES)).optional(),
      /** Only measures in force whose renewal alert has started. */
      renewalDue: z.boolean().default(false),
      ...paging,
    }),
    output: pageOf(measureView),
    access: 'user',
    cases: { ids: { caseId: 'case', batchId: 'controlBatch' }, narrows: 'rows' },
  },
  'measures.batch': {
    summary: '控制批次详情',
    input: z.object({ batchId: id }),
    output: controlBatchView,
    access: 'user',
    cases: { ids: { batchId: 'controlBatch' } },
    errors: ['not_found'],
  },
});
