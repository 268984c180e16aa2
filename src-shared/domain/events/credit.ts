import { z } from 'zod';
import { LIFT_GROUNDS, PERMISSION_KINDS, REMOVAL_GROUNDS, VIOLATION_FOLLOWUPS } from '../credit';
import { date, defineEvents, id, obj, text } from './define';

// Credit sanctions: the dishonest list (法释〔2017〕7号) and the consumption restriction (法释〔2015〕17号).
// The deadline rules read these: credit.removalDue starts the 3-working-day deletion clock (Art. 10),
// credit.deleted stops it (correlated by listingId); credit.listed with termDeleteBy starts the term
// clock; credit.correctionFiled/credit.correctionDecided/credit.corrected the correction clocks
// (Arts. 11–12); restriction.liftDue/restriction.lifted the lifting clock (2015 rules Art. 9).
const ground = z.number().int().min(1).max(6);
export const creditEvents = defineEvents({
  'credit.listed': {
    label: '纳入失信被执行人名单',
    scope: 'case',
    payload: obj({
      listingId: id,
      partyId: id,
      ground,
      origin: z.enum(['request', 'motion']),
      requestId: id.optional(),
      termEndsOn: date.optional(),
      /** The day the listing must be deleted by when its term ends (term end + 3 working days). */
      termDeleteBy: date.optional(),
      documentId: id.optional(),
      documentNumber: text.optional(),
    }),
  },
  'credit.entryExported': {
    label: '导出失信名单录入数据',
    scope: 'court',
    payload: obj({ from: date, to: date, listings: z.number().int().min(0) }),
  },
  'credit.removalDue': {
    label: '失信信息应予删除',
    scope: 'case',
    payload: obj({ listingId: id, ground: z.enum(REMOVAL_GROUNDS), dueOn: date, source: z.enum(['ledger', 'closure', 'requery', 'request', 'term', 'correction']) }),
  },
  'credit.deleted': {
    label: '删除失信信息',
    scope: 'case',
    payload: obj({ listingId: id, ground: z.enum(REMOVAL_GROUNDS), dueOn: date.optional(), documentId: id.optional(), documentNumber: text.optional() }),
  },
  // Art. 5 [P]: the applicant's request, decided within 15 days (rule creditListingDecision).
  'credit.listingRequested': {
    label: '申请将被执行人纳入失信名单',
    scope: 'case',
    payload: obj({ requestId: id, partyId: id, ground }),
  },
  'credit.listingRequestRejected': {
    label: '驳回纳入失信名单申请',
    scope: 'case',
    payload: obj({ requestId: id, reason: text }),
  },
  // A reversed receipt undoes the performance a deletion or a lifting rested on (Art. 10 (1); 2015 Art. 9).
  'credit.removalUndone': {
    label: '到账冲正，失信信息恢复有效',
    scope: 'case',
    payload: obj({ listingId: id, reversalEntryId: id }),
  },
  'credit.relistOffered': {
    label: '到账冲正，提示重新纳入',
    scope: 'case',
    payload: obj({ flagId: id, kind: z.enum(['listing', 'restriction']), refId: id, reversalEntryId: id }),
  },
  'credit.relistResolved': {
    label: '重新纳入提示已处理',
    scope: 'case',
    payload: obj({ flagId: id, resolution: z.enum(['relisted', 'dismissed']) }),
  },
  'credit.correctionFiled': {
    label: '申请纠正失信信息',
    scope: 'case',
    payload: obj({ correctionId: id, listingId: id, reviewDueOn: date }),
  },
  'credit.correctionDecided': {
    label: '审查失信纠正申请',
    scope: 'case',
    payload: obj({ correctionId: id, listingId: id, result: z.enum(['corrected', 'rejected']), correctDueOn: date.optional() }),
  },
  'credit.corrected': {
    label: '纠正失信信息',
    scope: 'case',
    payload: obj({ correctionId: id, listingId: id }),
  },
  'restriction.ordered': {
    label: '限制消费',
    scope: 'case',
    payload: obj({ restrictionId: id, partyId: id, persons: z.number().int().min(1), origin: z.enum(['request', 'motion', 'listing']), documentId: id.optional(), documentNumber: text.optional() }),
  },
  'restriction.permitted': {
    label: '准许单次消费',
    scope: 'case',
    payload: obj({ restrictionId: id, permissionId: id, personId: id, kind: z.enum(PERMISSION_KINDS), validUntil: date.optional() }),
  },
  'restriction.violationReported': {
    label: '登记违反限制消费举报',
    scope: 'case',
    payload: obj({ restrictionId: id, violationId: id, personId: id, source: text }),
  },
  'restriction.violationFollowedUp': {
    label: '违反限制消费的处理',
    scope: 'case',
    payload: obj({ violationId: id, followup: z.enum(VIOLATION_FOLLOWUPS) }),
  },
  'restriction.liftDue': {
    label: '限制消费应予解除',
    scope: 'case',
    payload: obj({ restrictionId: id, ground: z.enum(LIFT_GROUNDS), dueOn: date, source: z.enum(['ledger', 'closure', 'request']) }),
  },
  'restriction.liftUndone': {
    label: '到账冲正，限制消费恢复有效',
    scope: 'case',
    payload: obj({ restrictionId: id, reversalEntryId: id }),
  },
  'restriction.lifted': {
    label: '解除限制消费',
    scope: 'case',
    payload: obj({ restrictionId: id, ground: z.enum(LIFT_GROUNDS), dueOn: date.optional(), documentId: id.optional(), documentNumber: text.optional() }),
  },
});
