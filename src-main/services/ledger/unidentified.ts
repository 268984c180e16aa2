import type { Db } from '../../db/connection';
import type { z } from 'zod';
import type { Selectable } from 'kysely';
import type { unidentifiedView } from '../../../src-shared/api/methods/ledger';
import type { UnidentifiedFundsTable } from '../../db/tables/inquiries';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { diffCalendarDays } from '../../../src-shared/domain/chineseDate';
import { appendEvent, type Actor } from '../../events/log';
import { getCaseRow } from '../cases/queries';
import { getSettings } from '../settings/settings';
import { recordReceipt } from './entries';

// The court-level register of unidentified funds (不明款, domain.md §7): credits to the court's
// enforcement account that match no case. They stay here until claimed to a case, which books them
// as a receipt of that case dated the day they arrived (the payout clock runs from arrival).

export type UnidentifiedView = z.output<typeof unidentifiedView>;

function toView(db: Db, r: Selectable<UnidentifiedFundsTable>, today: string, claimDays: number): UnidentifiedView {
  const number = r.claimed_case_id ? db.get(db.q.selectFrom('cases').select('number').where('id', '=', r.claimed_case_id))?.number ?? null : null;
  const daysHeld = diffCalendarDays(r.claimed_at ? r.claimed_at.slice(0, 10) : today, r.received_on);
  return {
    id: r.id,
    receivedOn: r.received_on,
    amountFen: r.amount_fen,
    payer: r.payer,
    payerAccount: r.payer_account,
    reference: r.reference,
    note: r.note,
    claimedCaseId: r.claimed_case_id,
    claimedCaseNumber: number,
    claimedEntryId: r.claimed_entry_id,
    claimedAt: r.claimed_at,
    claimedBy: r.claimed_by,
    daysHeld: Math.max(0, daysHeld),
    claimOverdue: r.claimed_case_id === null && diffCalendarDays(today, r.received_on) > claimDays,
    createdBy: r.created_by,
  };
}

export function listUnidentified(db: Db, today: string, input: { status: 'unclaimed' | 'claimed' | 'all'; offset: number; limit: number }): { rows: UnidentifiedView[]; total: number } {
  let q = db.q.selectFrom('unidentified_funds');
  if (input.status === 'unclaimed') q = q.where('claimed_case_id', 'is', null);
  if (input.status === 'claimed') q = q.where('claimed_case_id', 'is not', null);
  const total = Number(db.get(q.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0);
  const claimDays = getSettings(db).unidentifiedClaimDays;
  const rows = db.all(q.selectAll().orderBy('received_on').orderBy('id').limit(input.limit).offset(input.offset));
  return { rows: rows.map((r) => toView(db, r, today, claimDays)), total };
}

export function addUnidentified(
  db: Db,
  actor: Actor,
  at: Date,
  today: string,
  input: { receivedOn: string; amountFen: number; payer?: string | undefined; payerAccount?: string | undefined; reference?: string | undefined; note?: string | undefined },
): UnidentifiedView {
  if (input.receivedOn > today) throw invalid('receivedOn', `到账日期 ${input.receivedOn} 晚于今天`);
  return db.tx(() => {
    const id = db.run(
      db.q.insertInto('unidentified_funds').values({
        received_on: input.receivedOn,
        amount_fen: input.amountFen,
        payer: input.payer || null,
        payer_account: input.payerAccount || null,
        reference: input.reference || null,
        note: input.note || null,
        claimed_case_id: null,
        claimed_entry_id: null,
        claimed_at: null,
        claimed_by: null,
        created_at: at.toISOString(),
        created_by: actor.name,
      }),
    ).lastInsertRowid;
    appendEvent(db, actor, at, { caseId: null, type: 'ledger.unidentified', onDate: input.receivedOn, payload: { unidentifiedId: id, amountFen: input.amountFen } });
    const row = db.get(db.q.selectFrom('unidentified_funds').selectAll().where('id', '=', id))!;
    return toView(db, row, today, getSettings(db).unidentifiedClaimDays);
  });
}

/** Claims a register entry to a case: one receipt on the case, the register row points at it. */
export function claimUnidentified(db: Db, actor: Actor, at: Date, input: { id: number; caseId: number; source: 'online' | 'voluntary' | 'auction' | 'cash'; note?: string | undefined }): number {
  return db.tx(() => {
    const row = db.get(db.q.selectFrom('unidentified_funds').selectAll().where('id', '=', input.id));
    if (!row) throw new ApiError('not_found', `不明款登记簿中没有编号 ${input.id}`, 'id');
    if (row.claimed_case_id !== null) {
      const n = getCaseRow(db, row.claimed_case_id).number;
      throw new ApiError('conflict', `该笔款项已认领到 ${n}`, 'id');
    }
    getCaseRow(db, input.caseId);
    const entryId = recordReceipt(db, actor, at, {
      caseId: input.caseId,
      amountFen: row.amount_fen,
      on: row.received_on,
      source: input.source,
      payer: row.payer,
      reference: row.reference,
      unidentifiedId: row.id,
      note: input.note ?? null,
    });
    db.run(db.q.updateTable('unidentified_funds').set({ claimed_case_id: input.caseId, claimed_entry_id: entryId, claimed_at: at.toISOString(), claimed_by: actor.name }).where('id', '=', row.id));
    return entryId;
  });
}
