import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { getCaseRow } from '../cases/queries';
import { assertPayoutApprover } from './approvers';
import { assertOwnFastTrackCase } from './fastTrack';

// The applicant's payout account (domain.md §7: money is paid to the applicant, to the account the
// applicant gave). The first interview may have recorded one; any later recording or change is asked
// for with its reason and takes effect only once a second user among the approvers agrees — the same
// four eyes as the payout itself. Rows are never edited but for the decision; each step is an event.

export interface PayoutAccount {
  bank: string | null;
  name: string | null;
  account: string | null;
  source: 'interview' | 'approved' | null;
}

/** The account payouts go to now: the latest approved change, else the first interview's. */
export function currentPayoutAccount(db: Db, caseId: number): PayoutAccount {
  const approved = db.get(
    db.q.selectFrom('payout_accounts').select(['bank', 'account_name', 'account_number']).where('case_id', '=', caseId).where('status', '=', 'approved').orderBy('id', 'desc').limit(1),
  );
  if (approved) return { bank: approved.bank, name: approved.account_name, account: approved.account_number, source: 'approved' };
  const iv = db.get(db.q.selectFrom('interviews').select(['payout_bank', 'payout_account_name', 'payout_account']).where('case_id', '=', caseId));
  if (iv?.payout_account) return { bank: iv.payout_bank, name: iv.payout_account_name, account: iv.payout_account, source: 'interview' };
  return { bank: null, name: null, account: null, source: null };
}

export function pendingPayoutAccount(db: Db, caseId: number) {
  const r = db.get(db.q.selectFrom('payout_accounts').selectAll().where('case_id', '=', caseId).where('status', '=', 'pending').orderBy('id', 'desc').limit(1));
  return r
    ? { id: r.id, bank: r.bank, name: r.account_name, account: r.account_number, reason: r.reason, requestedBy: r.requested_by_name, requestedById: r.requested_by, requestedAt: r.requested_at }
    : null;
}

/** Records a new or changed account, pending approval. One pending request per case at a time. */
export function requestPayoutAccount(
  db: Db,
  actor: Actor,
  at: Date,
  input: { caseId: number; bank: string; accountName: string; accountNumber: string; reason: string },
  opts: { fastTrackOnly?: boolean } = {},
): number {
  return db.tx(() => {
    const c = getCaseRow(db, input.caseId);
    // The fast-track officer records the account of their own fast-track cases only.
    if (opts.fastTrackOnly) assertOwnFastTrackCase(c, actor);
    const pending = pendingPayoutAccount(db, input.caseId);
    if (pending) throw new ApiError('conflict', `本案已有一项待审批的收款账户（${pending.requestedBy} 登记），请先审批或驳回`, 'accountNumber');
    const current = currentPayoutAccount(db, input.caseId);
    if (current.account === input.accountNumber && current.bank === input.bank.trim() && current.name === input.accountName.trim()) {
      throw invalid('accountNumber', '与现有收款账户相同，无需变更');
    }
    const requestId = db.run(
      db.q.insertInto('payout_accounts').values({
        case_id: input.caseId,
        bank: input.bank.trim(),
        account_name: input.accountName.trim(),
        account_number: input.accountNumber,
        reason: input.reason.trim(),
        status: 'pending',
        requested_by: actor.id,
        requested_by_name: actor.name,
        requested_at: at.toISOString(),
        decided_by: null,
        decided_by_name: null,
        decided_at: null,
        decision_note: null,
      }),
    ).lastInsertRowid;
    appendEvent(db, actor, at, {
      caseId: input.caseId,
      type: 'payoutAccount.requested',
      payload: { requestId, bank: input.bank.trim(), accountName: input.accountName.trim(), accountNumber: input.accountNumber, reason: input.reason.trim(), ...(current.account ? { previous: current.account } : {}) },
    });
    return requestId;
  });
}

/** The second user's decision: an approver other than the one who recorded the account. */
export function decidePayoutAccount(db: Db, actor: Actor, at: Date, input: { caseId: number; requestId: number; approve: boolean; note?: string | undefined }): void {
  db.tx(() => {
    const r = db.get(db.q.selectFrom('payout_accounts').selectAll().where('id', '=', input.requestId));
    if (!r || r.case_id !== input.caseId) throw new ApiError('not_found', `本案没有编号为 ${input.requestId} 的收款账户登记`, 'requestId');
    if (r.status !== 'pending') throw new ApiError('conflict', `该收款账户登记已于 ${r.decided_at?.slice(0, 10) ?? ''} 由 ${r.decided_by_name ?? ''} 审批`, 'requestId');
    if (actor.id === null) throw invalid('requestId', '审批须由登录用户进行');
    if (r.requested_by === actor.id) throw invalid('requestId', '审批人不能是登记人本人');
    assertPayoutApprover(db, actor.id, 'requestId');
    if (!input.approve && !input.note?.trim()) throw invalid('note', '驳回须写明理由');
    db.run(
      db.q
        .updateTable('payout_accounts')
        .set({ status: input.approve ? 'approved' : 'rejected', decided_by: actor.id, decided_by_name: actor.name, decided_at: at.toISOString(), decision_note: input.note?.trim() || null })
        .where('id', '=', r.id),
    );
    appendEvent(db, actor, at, { caseId: r.case_id, type: 'payoutAccount.decided', payload: { requestId: r.id, approved: input.approve, ...(input.note?.trim() ? { note: input.note.trim() } : {}) } });
  });
}
