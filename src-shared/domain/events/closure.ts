import { z } from 'zod';
import { ALL_CLOSURE_MODES, CHECKLIST_ITEMS } from '../closure';
import { changes, date, defineEvents, fen, id, obj, text } from './define';

// Closure (结案), the 终本 checklist, the 终本 archive with its re-queries and quality reviews. A
// supervisor's correction of a closure is its own event: `after.closedOn` is the corrected date.
export const closureEvents = defineEvents({
  'closure.attested': { label: '确认终本核查事项', scope: 'case', payload: obj({ item: z.enum(CHECKLIST_ITEMS), label: text, note: text }) },
  'closure.attestationWithdrawn': { label: '撤回终本核查确认', scope: 'case', payload: obj({ item: z.enum(CHECKLIST_ITEMS) }) },
  'case.closed': {
    label: '结案',
    node: '结案',
    scope: 'case',
    payload: obj({
      mode: z.enum(ALL_CLOSURE_MODES),
      recoveredFen: fen,
      unpaidFen: fen,
      claimFen: fen.optional(),
      ground: text.optional(),
      rulingNumber: text.optional(),
      paidDirectlyFen: fen.optional(),
      settlement: z.literal(true).optional(),
      balanceFen: fen.optional(),
      balanceReason: text.optional(),
      documents: z.array(obj({ documentId: id.nullable(), kind: text, number: text })).optional(),
    }),
  },
  'case.closureCorrected': {
    label: '更正结案信息',
    scope: 'case',
    payload: obj({ reason: text, mode: z.enum(ALL_CLOSURE_MODES), changed: z.array(text), before: changes, after: changes }),
  },
  'archive.fileUpdated': {
    label: '登记终本卷宗位置/扫描',
    node: '归档',
    scope: 'case',
    payload: obj({ room: text.nullable(), shelf: text.nullable(), box: text.nullable(), scanStatus: z.enum(['pending', 'scanned', 'bound']), changed: z.array(text) }),
  },
  'archive.requeryRequested': {
    label: '终本案件发起复查',
    scope: 'case',
    payload: obj({ requeryBatchId: id, batchNumber: text, round: z.number().int(), dueOn: date, inquiryBatchId: id.optional() }),
  },
  'archive.requeried': {
    label: '终本复查结果告知',
    node: '终本网络查询次数',
    scope: 'case',
    payload: obj({ requeryBatchId: id, round: z.number().int(), nothingFound: z.boolean(), findings: z.array(text), documentId: id.nullable().optional(), documentNumber: text.optional() }),
  },
  'archive.reviewed': { label: '终本案件质量评查', scope: 'case', payload: obj({ pass: z.boolean(), reasons: z.array(text), note: text.optional() }) },
});
