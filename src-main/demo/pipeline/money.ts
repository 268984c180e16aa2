import { recordEntry } from '../../services/ledger/entries';
import { ledgerBalance, recoveredFen } from '../../services/ledger';
import { currentPayoutAccount, decidePayoutAccount, requestPayoutAccount } from '../../services/ledger/payoutAccounts';
import type { CasePlan } from '../casePlan';
import { at, isOpen, type Pipeline } from './state';

// 案款: the debtor's own payments into the case sub-account, and the payouts to the applicant
// (within 30 days of arrival, domain.md §7), approved by the bureau chief — through ledger.record's
// service, so every entry has its event and the balance can never go negative.

export function receivePayments(p: Pipeline, date: string, plans: CasePlan[]): void {
  const db = p.ctx.db;
  const t = at(p, date, 70);
  db.tx(() => {
    for (const c of plans) {
      if (!isOpen(p, c.caseId)) continue;
      const owed = c.claimFen - recoveredFen(db, c.caseId);
      const amountFen = c.mode === '执行完毕' ? owed : Math.min(owed - 1, Math.round(c.claimFen * c.partShare));
      if (amountFen <= 0) continue;
      const payer = db.raw<{ name: string }>(`SELECT name FROM parties WHERE case_id = ? AND role = 'debtor' ORDER BY seq LIMIT 1`, c.caseId)[0]?.name;
      recordEntry(db, p.staff.money, t, date, { kind: 'receipt', caseId: c.caseId, amountFen, on: date, source: 'voluntary', payer, officers: [], reference: `缴款${date.replaceAll('-', '')}${String(c.caseId).padStart(6, '0')}` });
      p.counts.receipts++;
    }
  });
}

export function payOut(p: Pipeline, date: string, plans: CasePlan[]): void {
  const db = p.ctx.db;
  const t = at(p, date, 420);
  db.tx(() => {
    for (const c of plans) {
      const balance = ledgerBalance(db, c.caseId);
      if (balance <= 0) continue;
      // Without an account from the first interview the applicant hands one in writing: the money
      // officer records it and the bureau chief approves it before anything is paid to it (domain.md §7).
      if (!currentPayoutAccount(db, c.caseId).account) {
        const applicant = db.raw<{ name: string }>(`SELECT name FROM parties WHERE case_id = ? AND role = 'applicant' ORDER BY seq LIMIT 1`, c.caseId)[0]?.name ?? '申请执行人';
        const requestId = requestPayoutAccount(db, p.staff.money, t, { caseId: c.caseId, bank: '中国工商银行开鲁支行', accountName: applicant, accountNumber: `6222${String(c.caseId).padStart(15, '0')}`, reason: '立案时未登记收款账户，申请执行人已书面提交收款账户确认书' });
        decidePayoutAccount(db, p.staff.chief, t, { caseId: c.caseId, requestId, approve: true });
      }
      recordEntry(db, p.staff.money, t, date, { kind: 'payout', caseId: c.caseId, amountFen: balance, on: date, approverId: p.staff.chief.id });
      p.counts.payouts++;
    }
  });
}
