import type { Db } from '../../db/connection';
import type { Selectable } from 'kysely';
import type { LedgerEntriesTable } from '../../db/tables/inquiries';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { LEDGER_KIND_LABELS, type LedgerRecordInput } from '../../../src-shared/api/methods/ledger';
import { fenToYuanString, MAX_AMOUNT_FEN, MAX_LEDGER_ENTRIES_PER_CASE } from '../../../src-shared/domain/money';
import { appendEvent, type Actor } from '../../events/log';
import { afterReceipt, afterReversal } from '../credit/grounds';
import { getCaseRow } from '../cases/queries';
import { ledgerBalance } from './balance';
import { loadClockEntries, payoutDue } from './view';
import { receiptClocks, receiptsSettledBy } from '../../../src-shared/domain/payoutClock';
import { approverOtherThan } from './approvers';
import { currentPayoutAccount, pendingPayoutAccount } from './payoutAccounts';
import { assertOwnFastTrackCase } from './fastTrack';

// Writing the case ledger. Every entry is one row plus one `ledger.<kind>` event in the same
// transaction. Nothing is ever updated or deleted (the table's triggers refuse it): a mistake is
// corrected by a reversing entry. Ledger writes are allowed in every stage, closed cases included:
// money that arrives or leaves must be accounted for whatever the state of the case.

type NewEntry = Omit<Selectable<LedgerEntriesTable>, 'id' | 'created_at' | 'created_by'>;

const BLANK: Omit<NewEntry, 'case_id' | 'kind' | 'amount_fen' | 'on_date'> = {
  source: null,
  payer: null,
  officers: '[]',
  payee_name: null,
  payee_bank: null,
  payee_account: null,
  approver: null,
  approver_id: null,
  reason: null,
  deferred_until: null,
  reference: null,
  reverses_id: null,
  measure_id: null,
  unidentified_id: null,
  note: null,
};

/**
 * Every entry passes here. A case holds at most MAX_LEDGER_ENTRIES_PER_CASE entries of at most
 * MAX_AMOUNT_FEN each, so any sum over its ledger stays below 2^53 and exact (domain/money.ts).
 */
function insertEntry(db: Db, actor: Actor, at: Date, e: NewEntry): number {
  if (!Number.isSafeInteger(e.amount_fen) || e.amount_fen < 0 || e.amount_fen > MAX_AMOUNT_FEN) throw invalid('amountFen', `金额不能超过 ${MAX_AMOUNT_FEN / 1e10} 亿元`);
  const count = db.raw<{ n: number }>('SELECT count(*) AS n FROM ledger_entries WHERE case_id = ?', e.case_id)[0]!.n;
  if (count >= MAX_LEDGER_ENTRIES_PER_CASE) throw new ApiError('conflict', `本案账目已有 ${count} 笔，达到每案 ${MAX_LEDGER_ENTRIES_PER_CASE} 笔的上限，请联系管理员`);
  return db.run(db.q.insertInto('ledger_entries').values({ ...e, created_at: at.toISOString(), created_by: actor.name })).lastInsertRowid;
}

const yuan = (fen: number) => `${fenToYuanString(fen)}元`;

function assertNotFuture(on: string, today: string, field: string): void {
  if (on > today) throw invalid(field, `日期 ${on} 晚于今天（${today}）`);
}

/** Out-flows never take the balance below zero. */
function assertCovered(db: Db, caseId: number, amountFen: number, what: string): void {
  const balance = ledgerBalance(db, caseId);
  if (amountFen > balance) {
    throw new ApiError('conflict', `${what}金额 ${yuan(amountFen)} 超过案件账户余额 ${yuan(balance)}，不能${what}`, 'amountFen', { balanceFen: balance });
  }
}

/**
 * A receipt (到账). Used by ledger.record, by a deduction's result (扣划到账) and by claiming
 * unidentified funds; `on` is the arrival date, which starts the payout clock.
 */
export function recordReceipt(
  db: Db,
  actor: Actor,
  at: Date,
  r: { caseId: number; amountFen: number; on: string; source: 'online' | 'voluntary' | 'auction' | 'cash'; payer?: string | null; reference?: string | null; officers?: string[]; measureId?: number | null; unidentifiedId?: number | null; note?: string | null },
): number {
  return db.tx(() => {
    getCaseRow(db, r.caseId);
    const entryId = insertEntry(db, actor, at, {
      ...BLANK,
      case_id: r.caseId,
      kind: 'receipt',
      amount_fen: r.amountFen,
      on_date: r.on,
      source: r.source,
      payer: r.payer ?? null,
      reference: r.reference ?? null,
      officers: JSON.stringify(r.officers ?? []),
      measure_id: r.measureId ?? null,
      unidentified_id: r.unidentifiedId ?? null,
      note: r.note ?? null,
    });
    appendEvent(db, actor, at, {
      caseId: r.caseId,
      type: 'ledger.receipt',
      onDate: r.on,
      payload: { entryId, amountFen: r.amountFen, source: r.source, ...(r.measureId ? { measureId: r.measureId } : {}), ...(r.unidentifiedId ? { unidentifiedId: r.unidentifiedId } : {}) },
    });
    // Receipts reaching the claim: the listing must be deleted and the restriction lifted (失信规定 2017 Art. 10 (1); 限高规定 2015 Art. 9).
    afterReceipt(db, actor, at, r.caseId, r.on);
    return entryId;
  });
}

/**
 * The fast-track officer (快执团队) works a case from deduction to closure (services/triage/fastTrack.ts):
 * they may pay out, and only the money of a case in the fast-track stage assigned to them. Everything
 * else on the ledger stays with the money officer.
 */
function assertFastTrackPayout(c: { number: string; stage: string; judge_id: number | null }, actor: Actor, kind: LedgerRecordInput['kind']): void {
  if (kind !== 'payout') throw new ApiError('forbidden', '快执团队只能办理案款发放，其他账目请交案款专员办理', 'kind');
  assertOwnFastTrackCase(c, actor);
}


/**
 * ledger.record: one entry of any kind, checked, with its event. Returns the new entry's id.
 * `fastTrackOnly`: the caller holds the fast-track role but not the money officer's.
 */
export function recordEntry(db: Db, actor: Actor, at: Date, today: string, input: LedgerRecordInput, opts: { fastTrackOnly?: boolean } = {}): number {
  return db.tx(() => {
    const c = getCaseRow(db, input.caseId);
    if (opts.fastTrackOnly) assertFastTrackPayout(c, actor, input.kind);
    const note = input.note || null;
    switch (input.kind) {
      case 'receipt': {
        assertNotFuture(input.on, today, 'on');
        const officers = input.officers.map((s) => s.trim()).filter(Boolean);
        if (input.source === 'cash') {
          // Cash needs at least two officers present (法发〔2017〕6号 as reproduced locally, domain.md §7).
          if (new Set(officers).size < 2) throw invalid('officers', '现金收款须有两名以上经手人在场并登记姓名');
        }
        return recordReceipt(db, actor, at, { caseId: c.id, amountFen: input.amountFen, on: input.on, source: input.source, payer: input.payer ?? null, reference: input.reference ?? null, officers, note });
      }
      case 'fee': {
        const on = input.on ?? today;
        assertNotFuture(on, today, 'on');
        assertCovered(db, c.id, input.amountFen, '结算执行费');
        const before = receiptClocks(loadClockEntries(db, c.id), today, payoutDue(db));
        const entryId = insertEntry(db, actor, at, { ...BLANK, case_id: c.id, kind: 'fee', amount_fen: input.amountFen, on_date: on, reference: input.reference ?? null, note });
        appendEvent(db, actor, at, { caseId: c.id, type: 'ledger.fee', onDate: on, payload: { entryId, amountFen: input.amountFen, receiptIds: receiptsSettledBy(before, input.amountFen) } });
        return entryId;
      }
      case 'payout': {
        const on = input.on ?? today;
        assertNotFuture(on, today, 'on');
        const approver = approverOtherThan(db, input.approverId, actor);
        const payee = resolvePayee(db, c.id);
        assertCovered(db, c.id, input.amountFen, '发放');
        const before = receiptClocks(loadClockEntries(db, c.id), today, payoutDue(db));
        const entryId = insertEntry(db, actor, at, {
          ...BLANK,
          case_id: c.id,
          kind: 'payout',
          amount_fen: input.amountFen,
          on_date: on,
          payee_name: payee.name,
          payee_bank: payee.bank,
          payee_account: payee.account,
          approver: approver.displayName,
          approver_id: approver.id,
          reference: input.reference ?? null,
          note,
        });
        appendEvent(db, actor, at, {
          caseId: c.id,
          type: 'ledger.payout',
          onDate: on,
          payload: { entryId, amountFen: input.amountFen, receiptIds: receiptsSettledBy(before, input.amountFen), approver: approver.displayName, approverId: approver.id },
        });
        return entryId;
      }
      case 'deferral': {
        // A deferral stops the 30-day payout clock until its end date; it needs the approval of the
        // bureau chief or the president in charge (法发〔2017〕6号, domain.md §7 [P]).
        if (input.until <= today) throw invalid('until', '暂缓发放的截止日期应晚于今天');
        const approver = approverOtherThan(db, input.approverId, actor);
        // A deferred sum is money in the account: it cannot exceed the balance.
        if (input.amountFen !== undefined) {
          const balance = ledgerBalance(db, c.id);
          if (input.amountFen > balance) throw invalid('amountFen', `暂缓发放金额 ${yuan(input.amountFen)} 超过案件账户余额 ${yuan(balance)}`);
        }
        const entryId = insertEntry(db, actor, at, { ...BLANK, case_id: c.id, kind: 'deferral', amount_fen: input.amountFen ?? 0, on_date: today, approver: approver.displayName, approver_id: approver.id, reason: `${input.ground}：${input.reason}`, deferred_until: input.until, note });
        appendEvent(db, actor, at, { caseId: c.id, type: 'ledger.deferral', payload: { entryId, ground: input.ground, until: input.until, approver: approver.displayName, approverId: approver.id, ...(input.amountFen !== undefined ? { amountFen: input.amountFen } : {}) } });
        return entryId;
      }
      case 'refund': {
        const on = input.on ?? today;
        assertNotFuture(on, today, 'on');
        const approver = approverOtherThan(db, input.approverId, actor);
        assertCovered(db, c.id, input.amountFen, '退还');
        const before = receiptClocks(loadClockEntries(db, c.id), today, payoutDue(db));
        const entryId = insertEntry(db, actor, at, {
          ...BLANK,
          case_id: c.id,
          kind: 'refund',
          amount_fen: input.amountFen,
          on_date: on,
          payee_name: input.payeeName,
          payee_bank: input.payeeBank ?? null,
          payee_account: input.payeeAccount ? input.payeeAccount.replace(/[\s-]/g, '') : null,
          approver: approver.displayName,
          approver_id: approver.id,
          reason: input.reason,
          note,
        });
        appendEvent(db, actor, at, { caseId: c.id, type: 'ledger.refund', onDate: on, payload: { entryId, amountFen: input.amountFen, receiptIds: receiptsSettledBy(before, input.amountFen), reason: input.reason, approverId: approver.id } });
        return entryId;
      }
      case 'reversal':
        return reverseEntry(db, actor, at, today, c.id, input.entryId, input.reason, note);
    }
  });
}

function reverseEntry(db: Db, actor: Actor, at: Date, today: string, caseId: number, targetId: number, reason: string, note: string | null): number {
  const target = db.get(db.q.selectFrom('ledger_entries').selectAll().where('id', '=', targetId));
  if (!target || target.case_id !== caseId) throw new ApiError('not_found', `本案没有编号为 ${targetId} 的账目`, 'entryId');
  if (target.kind === 'reversal') throw invalid('entryId', '冲正记录不能再冲正；如冲正有误，请重新登记原账目');
  const already = db.get(db.q.selectFrom('ledger_entries').select('id').where('reverses_id', '=', targetId));
  if (already) throw new ApiError('conflict', `该账目已于记录 ${already.id} 冲正`, 'entryId');
  // Reversing a receipt takes money out of the account: it must still be there.
  if (target.kind === 'receipt') assertCovered(db, caseId, target.amount_fen, '冲正到账');
  const entryId = insertEntry(db, actor, at, { ...BLANK, case_id: caseId, kind: 'reversal', amount_fen: target.amount_fen, on_date: today, reverses_id: targetId, reason, note });
  appendEvent(db, actor, at, { caseId, type: 'ledger.reversal', payload: { entryId, reverses: targetId, reversedKind: target.kind, reversedLabel: LEDGER_KIND_LABELS[target.kind], amountFen: target.amount_fen, reason } });
  if (target.kind === 'receipt') afterReversal(db, actor, at, caseId, entryId, today);
  // Unidentified funds claimed to the wrong case go back to the register, to be claimed again.
  if (target.kind === 'receipt' && target.unidentified_id !== null) {
    db.run(db.q.updateTable('unidentified_funds').set({ claimed_case_id: null, claimed_entry_id: null, claimed_at: null, claimed_by: null }).where('id', '=', target.unidentified_id));
    appendEvent(db, actor, at, { caseId: null, type: 'ledger.unidentified', payload: { unidentifiedId: target.unidentified_id, unclaimedFrom: caseId, reversal: entryId } });
  }
  return entryId;
}

/**
 * The payee: the applicant's current payout account — the latest one approved by a second user
 * (services/ledger/payoutAccounts.ts), else the one the first interview recorded. There is no other:
 * paying elsewhere means recording that account and having it approved first (domain.md §7).
 */
function resolvePayee(db: Db, caseId: number): { name: string; bank: string | null; account: string } {
  const cur = currentPayoutAccount(db, caseId);
  if (!cur.account) {
    throw invalid('payeeAccount', pendingPayoutAccount(db, caseId) ? '登记的收款账户尚待审批，批准后才能发放' : '尚未登记申请执行人的收款账户，请先登记收款账户并经审批');
  }
  const applicant = cur.name ? null : db.get(db.q.selectFrom('parties').select('name').where('case_id', '=', caseId).where('role', '=', 'applicant').orderBy('seq').limit(1));
  return { name: cur.name || applicant?.name || '', bank: cur.bank, account: cur.account };
}
