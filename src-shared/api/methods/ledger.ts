import { z } from 'zod';
import { defineMethods } from '../contract';
import { seen } from '../caseVersions';
import { fen, id, isoDate, pageOf, paging, requiredText, shortText } from '../common';
import { fileResult } from './inquiries';
import { masked } from '../masked';

// The case money ledger (案款, 一案一账号) and the court's unidentified-funds register (不明款): domain.md §7.
// Entries are never edited: a correction is a reversing entry (冲正).

export const LEDGER_KINDS = ['receipt', 'fee', 'payout', 'deferral', 'refund', 'reversal'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  receipt: '到账',
  fee: '结算执行费',
  payout: '发放',
  deferral: '暂缓发放',
  refund: '退还',
  reversal: '冲正',
};
export const RECEIPT_SOURCES = ['online', 'voluntary', 'auction', 'cash'] as const;
export const RECEIPT_SOURCE_LABELS: Record<(typeof RECEIPT_SOURCES)[number], string> = {
  online: '网络扣划',
  voluntary: '自动履行',
  auction: '拍卖价款',
  cash: '现金',
};
/** Grounds for deferring a payout (法发〔2017〕6号 as reproduced in local rules, domain.md §7). */
export const DEFERRAL_GROUNDS = ['需要参与分配', '申请执行人款项被他案冻结', '申请执行人未领取', '案件中止或暂缓执行', '其他正当理由'] as const;

const payoutAccount = z
  .string()
  .trim()
  .regex(/^[0-9 -]{6,40}$/, '收款账号只能包含数字（6–40位）');

/**
 * A bank account number as recorded for the applicant: digits only once spaces and hyphens are
 * removed, 8–30 of them (personal cards 16–19 digits, company accounts up to about 25).
 */
export const bankAccountNumber = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{8,30}$/, '收款账号应为8至30位数字（可含空格或短横线）'));

/** The approving user of a payout, deferral or refund: one of `ledger.approvers`, never the one who records it. */
const approverId = z.number({ error: '请选择审批人' }).int('请选择审批人').positive('请选择审批人');

export const ledgerEntryView = z.object({
  id: z.number().int(),
  kind: z.enum(LEDGER_KINDS),
  kindLabel: z.string(),
  amountFen: z.number().int(),
  /** Signed effect on the balance (0 for a deferral). */
  effectFen: z.number().int(),
  onDate: z.string(),
  source: z.enum(RECEIPT_SOURCES).nullable(),
  payer: z.string().nullable(),
  officers: z.array(z.string()),
  payeeName: z.string().nullable(),
  payeeBank: z.string().nullable(),
  payeeAccount: masked('account', z.string()).nullable(),
  approver: z.string().nullable(),
  approverId: z.number().int().nullable(),
  reason: z.string().nullable(),
  deferredUntil: z.string().nullable(),
  reference: z.string().nullable(),
  reversesId: z.number().int().nullable(),
  reversedById: z.number().int().nullable(),
  measureId: z.number().int().nullable(),
  unidentifiedId: z.number().int().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const receiptClock = z.object({
  entryId: z.number().int(),
  onDate: z.string(),
  amountFen: z.number().int(),
  /** Not yet paid out, settled as fee or refunded (outflows are matched to receipts oldest first). */
  outstandingFen: z.number().int(),
  dueOn: z.string(),
  daysLeft: z.number().int(),
  deferredUntil: z.string().nullable(),
  /** Of the outstanding money, what an approved deferral keeps from counting as overdue. */
  deferredFen: z.number().int(),
  /** Outstanding, past its due day and not deferred. */
  overdueFen: z.number().int(),
  overdue: z.boolean(),
});

export const ledgerView = z.object({
  caseId: z.number().int(),
  caseNumber: z.string(),
  /** The case's own sub-account (一案一账号); '' until the court account is set in settings. */
  subAccount: z.string(),
  balanceFen: z.number().int(),
  receivedFen: z.number().int(),
  /** 实际到位金额: receipts net of reversals and refunds. */
  recoveredFen: z.number().int(),
  feesFen: z.number().int(),
  paidOutFen: z.number().int(),
  refundedFen: z.number().int(),
  claimFen: z.number().int(),
  /** The account payouts go to: the latest approved change, else the one of the first interview. */
  payoutAccount: z.object({
    bank: z.string().nullable(),
    name: z.string().nullable(),
    account: masked('account', z.string()).nullable(),
    source: z.enum(['interview', 'approved']).nullable(),
  }),
  /** A recorded or changed account waiting for a second user's approval. */
  pendingAccount: z
    .object({
      id: z.number().int(),
      bank: z.string(),
      name: z.string(),
      account: masked('account', z.string()),
      reason: z.string(),
      requestedBy: z.string(),
      requestedById: z.number().int().nullable(),
      requestedAt: z.string(),
    })
    .nullable(),
  entries: z.array(ledgerEntryView),
  receipts: z.array(receiptClock),
  overdueFen: z.number().int(),
});

const caseRef = { caseId: id, note: shortText(500).optional(), seen };

export const ledgerRecordInput = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('receipt'),
      ...caseRef,
      amountFen: fen.min(1, '金额须大于0'),
      /** Arrival date (the finance office's notice); starts the 30-day payout clock. */
      on: isoDate,
      source: z.enum(RECEIPT_SOURCES, { error: '到账来源应为 网络扣划、自动履行、拍卖价款 或 现金' }),
      payer: shortText(200).optional(),
      reference: shortText(100).optional(),
      /** Cash: the two officers present (domain.md §7). */
      officers: z.array(z.string().trim().min(1, '经手人姓名不能为空').max(50)).max(5).default([]),
    }),
    z.object({ kind: z.literal('fee'), ...caseRef, amountFen: fen.min(1, '金额须大于0'), on: isoDate.optional(), reference: shortText(100).optional() }),
    // Paid to the applicant's current payout account only (the approved one, else the first
    // interview's): a payee named here is refused, not ignored (domain.md §7).
    z
      .object({
        kind: z.literal('payout'),
        ...caseRef,
        amountFen: fen.min(1, '金额须大于0'),
        on: isoDate.optional(),
        approverId,
        reference: shortText(100).optional(),
      })
      .strict(),
    z.object({
      kind: z.literal('deferral'),
      ...caseRef,
      ground: z.enum(DEFERRAL_GROUNDS, { error: '请选择暂缓发放的理由' }),
      reason: requiredText('暂缓理由说明', 500),
      approverId,
      until: isoDate,
      /** The sum deferred (e.g. the disputed part of a distribution); none: the whole account. */
      amountFen: fen.min(1, '金额须大于0').optional(),
    }),
    z.object({
      kind: z.literal('refund'),
      ...caseRef,
      amountFen: fen.min(1, '金额须大于0'),
      on: isoDate.optional(),
      payeeName: requiredText('退款收款人', 200),
      payeeBank: shortText(100).optional(),
      payeeAccount: payoutAccount.optional(),
      reason: requiredText('退还原因', 500),
      approverId,
    }),
    z.object({ kind: z.literal('reversal'), ...caseRef, entryId: id, reason: requiredText('冲正原因', 500) }),
  ],
  { error: '账目类型应为 receipt、fee、payout、deferral、refund 或 reversal' },
);
export type LedgerRecordInput = z.output<typeof ledgerRecordInput>;

export const unidentifiedView = z.object({
  id: z.number().int(),
  receivedOn: z.string(),
  amountFen: z.number().int(),
  payer: z.string().nullable(),
  payerAccount: masked('account', z.string()).nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  claimedCaseId: z.number().int().nullable(),
  claimedCaseNumber: z.string().nullable(),
  claimedEntryId: z.number().int().nullable(),
  claimedAt: z.string().nullable(),
  claimedBy: z.string().nullable(),
  daysHeld: z.number().int(),
  /** Unclaimed beyond the unidentifiedClaimDays setting. */
  claimOverdue: z.boolean(),
  createdBy: z.string(),
});

export const ledgerAccountRow = z.object({
  caseId: z.number().int(),
  caseNumber: z.string(),
  stage: z.string(),
  balanceFen: z.number().int(),
  recoveredFen: z.number().int(),
  overdueFen: z.number().int(),
  oldestDueOn: z.string().nullable(),
});

export const ledgerMethods = defineMethods({
  'ledger.get': {
    summary: '案件账户（一案一账号）：余额、明细与每笔到账的30日发放时钟',
    input: z.object({ caseId: id }),
    output: ledgerView,
    access: 'user',
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
  },
  'ledger.record': {
    summary: '记账：到账、结算执行费、发放、暂缓发放、退还、冲正（余额不得为负，更正只能冲正）',
    input: ledgerRecordInput,
    output: ledgerView,
    // The fast-track officer pays out the money of their own fast-track cases (services/ledger/entries.ts).
    access: ['money', 'fastTrack'],
    cases: { ids: { caseId: 'case', entryId: 'ledgerEntry' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'ledger.approvers': {
    summary: '可审批案款发放、暂缓发放、退还及收款账户变更的人员（设置“案款审批人”所列人员，未设置时为综合管理角色的在职用户）',
    input: z.object({}),
    output: z.array(z.object({ id: z.number().int(), displayName: z.string() })),
    access: ['money', 'fastTrack', 'management'],
    cases: 'none',
  },
  'ledger.requestPayoutAccount': {
    summary: '登记或变更申请执行人的收款账户（开户行、户名、账号与理由），待另一名审批人批准后生效',
    input: z.object({
      caseId: id,
      bank: requiredText('开户行', 100),
      accountName: requiredText('户名', 200),
      accountNumber: bankAccountNumber,
      reason: requiredText('登记或变更理由', 300),
      seen,
    }),
    output: ledgerView,
    access: ['money', 'fastTrack'],
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'ledger.decidePayoutAccount': {
    summary: '审批收款账户的登记或变更（批准后发放到该账户；审批人不能是登记人）',
    input: z.object({ caseId: id, requestId: id, approve: z.boolean(), note: shortText(300).optional(), seen }),
    output: z.object({ requestId: z.number().int(), status: z.enum(['approved', 'rejected']) }),
    access: ['management'],
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'ledger.unidentified': {
    summary: '不明款登记簿（法院层面，待认领到案件）',
    input: z.object({ status: z.enum(['unclaimed', 'claimed', 'all']).default('unclaimed'), ...paging }),
    output: pageOf(unidentifiedView),
    access: ['money', 'management'],
    cases: 'court',
  },
  'ledger.addUnidentified': {
    summary: '登记一笔不明款',
    input: z.object({
      receivedOn: isoDate,
      amountFen: fen.min(1, '金额须大于0'),
      payer: shortText(200).optional(),
      payerAccount: shortText(60).optional(),
      reference: shortText(100).optional(),
      note: shortText(500).optional(),
    }),
    output: unidentifiedView,
    access: ['money'],
    cases: 'none',
    writes: true,
  },
  'ledger.claimUnidentified': {
    summary: '将不明款认领到案件（记为该案到账，到账日为原到账日）',
    input: z.object({ id, caseId: id, source: z.enum(RECEIPT_SOURCES).default('online'), note: shortText(500).optional(), seen }),
    output: ledgerView,
    access: ['money'],
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'ledger.payoutList': {
    summary: '某日案款发放清单（xlsx，交财务）',
    input: z.object({ date: isoDate }),
    output: fileResult,
    access: ['money', 'management'],
    cases: 'court',
  },
});
