import { recordEntry } from '../../services/ledger/entries';
import { ledgerBalance, recoveredFen } from '../../services/ledger';
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
      const recorded = db.raw<{ n: number }>(`SELECT count(*) AS n FROM interviews WHERE case_id = ? AND payout_account IS NOT NULL`, c.caseId)[0]!.n > 0;
      // Without an account from the first interview the applicant hands one in writing.
      const account = recorded ? {} : { payeeAccount: `6228${String(c.caseId).padStart(15, '0')}`, accountChangeReason: '立案时未登记收款账户，申请执行人已书面提交收款账户确认书' };
      recordEntry(db, p.staff.money, t, date, { kind: 'payout', caseId: c.caseId, amountFen: balance, on: date, approverId: p.staff.chief.id, ...account });
      p.counts.payouts++;
    }
  });
}
