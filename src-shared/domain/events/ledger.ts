import { z } from 'zod';
import { date, defineEvents, fen, id, obj, text } from './define';

// The case money ledger (案款，一案一账号). Money leaves a case account by payout, fee settlement or
// refund; each names the receipts it touches (`receiptIds`, a record only: which receipts are paid
// out, and when, is the payout clock's to say, src-shared/domain/payoutClock.ts).
const receiptSource = z.enum(['online', 'voluntary', 'auction', 'cash']);
const settles = { entryId: id, amountFen: fen, receiptIds: z.array(id).optional() };

export const ledgerEvents = defineEvents({
  // 一案一账号: the bank case account the money of this case is received into.
  'caseAccount.set': {
    label: '登记案款账户',
    scope: 'case',
    payload: obj({ bank: text, accountName: text, accountNumber: text, previous: text.optional(), importId: id.optional() }),
  },
  'ledger.receipt': {
    label: '案款到账',
    scope: 'case',
    payload: obj({ entryId: id, amountFen: fen, source: receiptSource, measureId: id.optional(), unidentifiedId: id.optional() }),
  },
  'ledger.fee': { label: '结算执行费', scope: 'case', payload: obj({ ...settles }) },
  // accountChanged: only in payouts logged before a payout could go to an account other than the
  // approved one (kept so those events still read); payouts now carry none.
  'ledger.payout': {
    label: '案款发放',
    node: '完成款物支付',
    scope: 'case',
    payload: obj({ ...settles, approver: text.optional(), approverId: id.optional(), accountChanged: z.boolean().optional() }),
  },
  'ledger.deferral': {
    label: '暂缓发放案款',
    scope: 'case',
    // amountFen: the sum deferred; none: the whole account.
    payload: obj({ entryId: id, ground: text, until: date, approver: text, approverId: id.optional(), amountFen: fen.optional() }),
  },
  'ledger.refund': { label: '退还案款', scope: 'case', payload: obj({ ...settles, reason: text, approverId: id.optional() }) },
  // The applicant's payout account recorded or changed after filing (domain.md §7: payout to the
  // applicant's own account), and the second user's decision on it.
  'payoutAccount.requested': {
    label: '登记收款账户（待审批）',
    scope: 'case',
    payload: obj({ requestId: id, bank: text, accountName: text, accountNumber: text, reason: text, previous: text.optional() }),
  },
  'payoutAccount.decided': {
    label: '审批收款账户',
    scope: 'case',
    payload: obj({ requestId: id, approved: z.boolean(), note: text.optional() }),
  },
  'ledger.reversal': {
    label: '冲正',
    scope: 'case',
    payload: obj({ entryId: id, reverses: id, reversedKind: text, reversedLabel: text, amountFen: fen, reason: text }),
  },
  // The register of unidentified money (不明款): a new entry, or one given back when its claim was reversed.
  'ledger.unidentified': {
    label: '登记不明款',
    scope: 'court',
    payload: z.union([obj({ unidentifiedId: id, amountFen: fen }), obj({ unidentifiedId: id, unclaimedFrom: id, reversal: id })]),
  },
});
