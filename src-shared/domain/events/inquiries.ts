import { z } from 'zod';
import { ASSET_TYPES, MEASURE_ACTIONS } from '../assets';
import { date, defineEvents, fen, id, obj, text } from './define';

// Online query and control (网络查控/财产控制). `inquiry.requested` carries `first: true` on a case's
// first query (node 首次网络查控); `measure.applied` carries `action`, whose node is
// MEASURE_NODES[action] (冻结/查封/划拨, src-shared/domain/assets.ts) — the node below is the freeze default.
export const inquiryEvents = defineEvents({
  'inquiry.requested': {
    label: '发起网络查控',
    node: '首次网络查控',
    scope: 'case',
    payload: obj({ batchId: id, batchNumber: text, debtorCount: z.number().int(), first: z.boolean(), categories: z.array(z.enum(ASSET_TYPES)), requery: z.literal(true).optional() }),
  },
  'inquiry.feedback': {
    label: '查控反馈',
    node: '网络查控次数',
    scope: 'case',
    payload: obj({
      batchId: id,
      batchNumber: text,
      importId: id,
      findings: z.number().int(),
      rows: z.number().int(),
      nothingFound: z.boolean(),
      complete: z.boolean(),
      simulated: z.literal(true).optional(),
    }),
  },
  'measure.applied': {
    label: '采取控制措施',
    node: '冻结',
    scope: 'case',
    payload: obj({
      measureId: id,
      action: z.enum(MEASURE_ACTIONS),
      assetId: id,
      amountFen: fen,
      /** Null for a deduction: nothing expires. */
      expiresOn: date.nullable(),
      batchId: id,
      batchNumber: text,
      fromMeasureId: id.optional(),
    }),
  },
  'measure.result': {
    label: '控制措施结果',
    scope: 'case',
    payload: obj({ measureId: id, action: z.enum(MEASURE_ACTIONS), outcome: z.enum(['done', 'partial', 'refused']), actualFen: fen }),
  },
  'measure.renewed': { label: '续行冻结/查封', scope: 'case', payload: obj({ measureId: id, action: z.enum(MEASURE_ACTIONS), assetId: id, from: date, expiresOn: date }) },
  // A freeze whose whole frozen sum was deducted (services/measures/results.ts): it holds nothing and ends.
  'measure.ended': {
    label: '冻结款已全部扣划，冻结终止',
    scope: 'case',
    payload: obj({ measureId: id, action: z.enum(MEASURE_ACTIONS), assetId: id, byMeasureId: id, deductedFen: fen }),
  },
  'measure.released': { label: '解除控制措施', scope: 'case', payload: obj({ measureId: id, action: z.enum(MEASURE_ACTIONS), assetId: id, reason: text }) },
});
