import { z } from 'zod';
import { date, defineEvents, fen, id, obj, text } from './define';

// Compulsory measures and referral for 拒执罪 (desks.md §2). The clocks on the deadline board are
// derived from these events (src-shared/domain/deadlineRules.ts: 拘传 8 h / 24 h, family notice
// 24 h, detention end, review 5 days, police answer 7 / 30 days, 60 days to private prosecution):
// `measureId` and `referralId` tie each clock's stop to its start.
const measureKind = z.enum(['compel', 'search', 'detain', 'fine']);
const outcome = z.enum(['paid', 'settled', 'detained', 'released', 'notFound']);

export const coercionEvents = defineEvents({
  'coercion.requested': { label: '申请司法警察协助（拘传、拘留、罚款、搜查）', scope: 'case', payload: obj({ requestId: id, measure: measureKind, wantedOn: date }) },
  'coercion.withdrawn': { label: '撤回协助申请', scope: 'case', payload: obj({ requestId: id, reason: text }) },
  'coercion.scheduled': { label: '列入集中行动', scope: 'case', payload: obj({ requestId: id, operationId: id, plannedOn: date }) },
  'coercion.outcome': {
    label: '强制措施结果反馈',
    scope: 'case',
    payload: obj({ requestId: id, outcome, entryId: id.optional(), amountFen: fen.optional(), measureId: id.optional() }),
  },
  'coercion.operationPlanned': { label: '安排集中拘传行动', scope: 'court', payload: obj({ operationId: id, plannedOn: date, requestIds: z.array(id) }) },
  'coercion.operationDone': { label: '集中拘传行动结束', scope: 'court', payload: obj({ operationId: id }) },
  // 拘传: 民诉法 Art. 119 (院长批准, 拘传票); 解释 Art. 482 (8 h, 24 h when complex).
  'coercion.compelled': {
    label: '拘传到场',
    scope: 'case',
    payload: obj({ measureId: id, requestId: id.optional(), complex: z.boolean(), approvedById: id, documentId: id.optional() }),
  },
  'coercion.questioned': { label: '拘传调查询问结束', scope: 'case', payload: obj({ measureId: id, outcome: text }) },
  // 罚款 and 拘留 by written decision (民诉法 Arts. 118–119; 解释 Arts. 178, 184).
  'coercion.fined': {
    label: '罚款决定',
    scope: 'case',
    payload: obj({ measureId: id, amountFen: fen, ground: text, article: text, approvedById: id, documentId: id.optional() }),
  },
  'coercion.detained': {
    label: '拘留决定',
    scope: 'case',
    payload: obj({ measureId: id, days: z.number().int().min(1).max(15), endsOn: date, ground: text, article: text, approvedById: id, emergency: z.boolean(), documentId: id.optional() }),
  },
  'coercion.familyNotified': { label: '通知被拘留人家属', scope: 'case', payload: obj({ measureId: id, method: text.optional(), missedReason: text.optional() }) },
  'coercion.medicalChecked': { label: '被拘留人体检', scope: 'case', payload: obj({ measureId: id, fit: z.boolean() }) },
  'coercion.handedOver': { label: '送交拘留所看管', scope: 'case', payload: obj({ measureId: id, centre: text }) },
  // Leave (拘留所条例 Art. 27): the application starts the court's 12 h clock; a grant or refusal stops it.
  'coercion.leaveApplied': { label: '被拘留人申请请假', scope: 'case', payload: obj({ measureId: id, applicationId: id }) },
  'coercion.leaveRefused': { label: '不准请假', scope: 'case', payload: obj({ measureId: id, applicationId: id, reason: text }) },
  'coercion.leave': { label: '拘留期间准假', scope: 'case', payload: obj({ measureId: id, leaveId: id, applicationId: id.optional() }) },
  'coercion.leaveReturned': { label: '准假期满回所', scope: 'case', payload: obj({ measureId: id, leaveId: id, endsOn: date }) },
  // An emergency detention reported to the president afterwards (民诉法解释 Art. 181): approved, or released at once.
  'coercion.emergencyDecided': { label: '院长补办拘留批准手续', scope: 'case', payload: obj({ measureId: id, approved: z.boolean(), approvedById: id, documentId: id.optional() }) },
  'coercion.released': { label: '解除拘留', scope: 'case', payload: obj({ measureId: id, kind: z.enum(['expiry', 'early', 'revoked']), documentId: id.optional() }) },
  'coercion.reviewFiled': { label: '申请复议（罚款、拘留）', scope: 'case', payload: obj({ measureId: id, filedOn: date }) },
  'coercion.reviewDecided': { label: '复议决定', scope: 'case', payload: obj({ measureId: id, result: z.enum(['upheld', 'varied', 'revoked']) }) },
  // 搜查: 民诉法 Art. 259; 解释 Arts. 494–498.
  'coercion.searched': { label: '搜查', scope: 'case', payload: obj({ measureId: id, approvedById: id, documentId: id.optional(), recordDocumentId: id.optional() }) },
  // 拒执罪 referral: 刑法 Art. 313; 法发〔2025〕8号 (police answer 7 / 30 days); 法〔2018〕147号 (60 days → 自诉).
  'coercion.referred': { label: '移送公安机关（拒不执行判决、裁定罪）', scope: 'case', payload: obj({ referralId: id, complex: z.boolean(), documentId: id.optional() }) },
  'coercion.policeAnswered': { label: '公安机关答复', scope: 'case', payload: obj({ referralId: id, answer: z.enum(['filed', 'refused']) }) },
  'coercion.privateProsecution': { label: '告知申请执行人自诉', scope: 'case', payload: obj({ referralId: id, number: text.optional() }) },
});
