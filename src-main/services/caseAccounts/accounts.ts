import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { accountNumberProblem, normalizeAccountNumber } from '../../../src-shared/domain/caseAccount';
import { appendEvent, type Actor } from '../../events/log';

// The case's own account (一案一账号, domain.md §7): the virtual sub-account the bank issued for it, with
// the bank's name and the account name. Entered by the clerk or imported from the bank's list
// (importList.ts). One account per case, one case per account.

export interface CaseAccount {
  bank: string;
  accountName: string;
  accountNumber: string;
  imported: boolean;
  recordedAt: string;
  recordedBy: string;
}

export function accountsOf(db: Db, caseIds: readonly number[]): Map<number, CaseAccount> {
  const out = new Map<number, CaseAccount>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const ids = caseIds.slice(i, i + 500);
    for (const r of db.all(db.q.selectFrom('case_accounts').selectAll().where('case_id', 'in', ids))) {
      out.set(r.case_id, { bank: r.bank, accountName: r.account_name, accountNumber: r.account_number, imported: r.import_id !== null, recordedAt: r.recorded_at, recordedBy: r.recorded_by });
    }
  }
  return out;
}

export function accountOf(db: Db, caseId: number): CaseAccount | null {
  return accountsOf(db, [caseId]).get(caseId) ?? null;
}

export interface AccountRow {
  caseId: number;
  bank: string;
  accountName: string;
  accountNumber: string;
}

/**
 * Writes accounts (inside the caller's transaction): a case's previous account is replaced, an
 * account number already held by another case is refused. `where` names the row of an import.
 */
export function writeAccounts(db: Db, actor: Actor, at: Date, rows: AccountRow[], importId: number | null): void {
  for (const r of rows) {
    const number = normalizeAccountNumber(r.accountNumber);
    const other = db.get(db.q.selectFrom('case_accounts').select(['case_id']).where('account_number', '=', number).where('case_id', '!=', r.caseId));
    if (other) {
      const n = db.get(db.q.selectFrom('cases').select('number').where('id', '=', other.case_id))!.number;
      throw new ApiError('conflict', `账号 ${number} 已登记为 ${n} 的案款账户`, 'accountNumber', { caseId: other.case_id });
    }
    const prev = db.get(db.q.selectFrom('case_accounts').select(['account_number']).where('case_id', '=', r.caseId));
    const values = { bank: r.bank, account_name: r.accountName, account_number: number, import_id: importId, recorded_at: at.toISOString(), recorded_by: actor.name };
    db.run(db.q.insertInto('case_accounts').values({ case_id: r.caseId, ...values }).onConflict((oc) => oc.column('case_id').doUpdateSet(values)));
    appendEvent(db, actor, at, { caseId: r.caseId, type: 'caseAccount.set', payload: { bank: r.bank, accountName: r.accountName, accountNumber: number, ...(prev ? { previous: prev.account_number } : {}), ...(importId ? { importId } : {}) } });
  }
}

/** Sets one case's account as the clerk entered it. */
export function setAccount(db: Db, actor: Actor, at: Date, input: AccountRow): CaseAccount {
  const problem = accountNumberProblem(input.accountNumber);
  if (problem) throw invalid('accountNumber', problem);
  return db.tx(() => {
    if (!db.get(db.q.selectFrom('cases').select('id').where('id', '=', input.caseId))) throw new ApiError('not_found', `案件不存在（编号 ${input.caseId}）`, 'caseId');
    writeAccounts(db, actor, at, [input], null);
    return accountOf(db, input.caseId)!;
  });
}
