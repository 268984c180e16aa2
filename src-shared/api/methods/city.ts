import { z } from 'zod';
import { defineMethods } from '../contract';
import { fileContent, id, uploadBodyBytes } from '../common';
import { UPLOAD_LIMITS } from '../../domain/uploadLimits';
import { metricColumn, drillRow } from './metrics';
import { periodCode } from './reports';

// City level (中院汇总): import basic courts' export files, verify, recompute, compare (metrics.md §3–4).

export const importProblem = z.object({
  kind: z.enum(['manifest', 'file', 'format', 'figure']),
  file: z.string().optional(),
  metricId: z.string().optional(),
  column: z.string().optional(),
  message: z.string(),
});

export const importResult = z.object({
  importId: z.number().int(),
  courtCode: z.string(),
  courtName: z.string(),
  periodCode: z.string(),
  status: z.enum(['ok', 'flagged', 'rejected']),
  problems: z.array(importProblem),
});

const rankingCell = z.object({
  courtCode: z.string(),
  courtName: z.string(),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  inRange: z.boolean().nullable(),
  rank: z.number().int().nullable(),
});

export const cityMethods = defineMethods({
  'city.import': {
    summary: '导入基层法院的上报文件：核对 manifest 与哈希，按明细重算每项指标，标出不一致',
    input: z.object({
      files: z
        .array(z.object({ name: z.string().trim().min(1, '文件名不能为空').max(200), dataBase64: fileContent(UPLOAD_LIMITS.fileBytes) }))
        .min(1, '至少选择一个文件')
        .max(300),
    }),
    output: z.object({ courts: z.array(importResult) }),
    access: ['management'],
    cases: 'court',
    errors: ['invalid_input'],
    writes: true,
    versions: { exempt: '导入基层法院的上报文件，不涉及本院案件' },
    // A city's report sets together: UPLOAD_LIMITS.fileBytes per file, twice that in all (worker.ts).
    maxBodyBytes: uploadBodyBytes(2 * UPLOAD_LIMITS.fileBytes),
    fileFields: ['files.*.dataBase64'],
  },
  'city.imports': {
    summary: '已导入的基层法院上报文件',
    input: z.object({ periodCode: periodCode.optional() }),
    output: z.array(importResult.extend({ importedAt: z.string(), importedBy: z.string() })),
    access: ['management'],
    cases: 'court',
  },
  'city.ranking': {
    summary: '各院指标对照合理区间；设置开启时给出单项排名与加权得分（权重由中院设置）',
    input: z.object({ periodCode, metricIds: z.array(z.string().max(80)).max(200).optional() }),
    output: z.object({
      periodCode: z.string(),
      rankingEnabled: z.boolean(),
      courts: z.array(z.object({ courtCode: z.string(), courtName: z.string(), importId: z.number().int(), status: z.enum(['ok', 'flagged']) })),
      metrics: z.array(
        z.object({
          metricId: z.string(),
          column: metricColumn,
          name: z.string(),
          unit: z.string(),
          range: z.object({ min: z.number().nullable(), max: z.number().nullable() }).nullable(),
          city: z.object({ value: z.number().nullable(), numerator: z.number(), denominator: z.number().nullable() }),
          courts: z.array(rankingCell),
        }),
      ),
      scores: z.array(z.object({ courtCode: z.string(), courtName: z.string(), score: z.number(), rank: z.number().int() })).nullable(),
    }),
    access: ['management'],
    cases: 'court',
  },
  'city.drilldown': {
    summary: '中院穿透：某院某项指标分子、分母背后的案件（来自上报明细）',
    input: z.object({ importId: id, metricId: z.string().max(80), column: metricColumn, side: z.enum(['numerator', 'denominator']).default('denominator') }),
    output: z.object({ total: z.number().int(), rows: z.array(drillRow) }),
    access: ['management'],
    cases: 'court',
    errors: ['not_found'],
  },
});
