import { z } from 'zod';
import { defineEvents, id, obj, text } from './define';

// Metrics, reports and the city level: no case events; the exports, imports and re-projections are logged.
export const metricsEvents = defineEvents({
  'report.exported': { label: '质效月报上报导出', scope: 'court', payload: obj({ exportId: id, periodCode: text, manifestSha256: text, files: z.array(text) }) },
  'city.imported': {
    label: '导入基层法院上报文件',
    scope: 'court',
    payload: obj({ importId: id, courtCode: text, periodCode: text, status: z.enum(['ok', 'flagged', 'rejected']), problems: z.number().int() }),
  },
  'metrics.factsRebuilt': { label: '从事件日志重建指标事实表', scope: 'court', payload: obj({ cases: z.number().int(), receipts: z.number().int() }) },
  // A projection re-derived from the whole log (its rules changed, or an administrator asked).
  'projection.rebuilt': {
    label: '按新规则重新生成派生数据',
    scope: 'court',
    payload: obj({ projection: text, version: z.number().int(), cases: z.number().int() }),
  },
});
