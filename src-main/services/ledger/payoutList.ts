import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection';
import { fenToChineseCapital, fenToYuanString } from '../../../src-shared/domain/money';
import { getSettings } from '../settings/settings';
import { exportPath, writeFileAtomic } from '../inquiries/exportFile';
import { neutraliseWorkbook } from '../exports/formulaCells';

// The day's payout list for the finance office (案款发放清单): every payout dated that day that has
// not been reversed, with payee account, amount in figures and in capitals, and the approver.

export interface PayoutListRow {
  entryId: number;
  caseNumber: string;
  payeeName: string;
  payeeBank: string;
  payeeAccount: string;
  amountFen: number;
  approver: string;
  officer: string;
  reference: string;
}

export function payoutRows(db: Db, date: string): PayoutListRow[] {
  return db
    .raw<{ id: number; number: string; payee_name: string | null; payee_bank: string | null; payee_account: string | null; amount_fen: number; approver: string | null; created_by: string; reference: string | null }>(
      `SELECT e.id, c.number, e.payee_name, e.payee_bank, e.payee_account, e.amount_fen, e.approver, e.created_by, e.reference
         FROM ledger_entries e JOIN cases c ON c.id = e.case_id
        WHERE e.kind = 'payout' AND e.on_date = ? AND NOT EXISTS (SELECT 1 FROM ledger_entries x WHERE x.reverses_id = e.id)
        ORDER BY e.id`,
      date,
    )
    .map((r) => ({
      entryId: r.id,
      caseNumber: r.number,
      payeeName: r.payee_name ?? '',
      payeeBank: r.payee_bank ?? '',
      payeeAccount: r.payee_account ?? '',
      amountFen: r.amount_fen,
      approver: r.approver ?? '',
      officer: r.created_by,
      reference: r.reference ?? '',
    }));
}

/** Writes the list as xlsx into the data folder and returns its path and file name. */
export async function writePayoutList(db: Db, dataDir: string, date: string): Promise<{ path: string; fileName: string; rows: number }> {
  const rows = payoutRows(db, date);
  const court = getSettings(db).courtName;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('发放清单');
  ws.addRow([`${court} 执行案款发放清单（${date}）`]);
  ws.mergeCells(1, 1, 1, 10);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(['序号', '案号', '收款人', '开户行', '收款账号', '金额（元）', '金额（大写）', '审批人', '经办人', '凭证号']);
  ws.getRow(2).font = { bold: true };
  rows.forEach((r, i) => {
    // Amounts as text with two decimals: a spreadsheet must not re-round money.
    ws.addRow([i + 1, r.caseNumber, r.payeeName, r.payeeBank, r.payeeAccount, fenToYuanString(r.amountFen), fenToChineseCapital(r.amountFen), r.approver, r.officer, r.reference]);
  });
  const total = rows.reduce((s, r) => s + r.amountFen, 0);
  ws.addRow(['合计', `${rows.length}笔`, '', '', '', fenToYuanString(total), fenToChineseCapital(total), '', '', '']);
  ws.getColumn(5).numFmt = '@';
  [6, 24, 16, 20, 24, 14, 28, 10, 10, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const fileName = `案款发放清单-${date}.xlsx`;
  const path = exportPath(dataDir, 'ledger', fileName);
  neutraliseWorkbook(wb);
  writeFileAtomic(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return { path, fileName, rows: rows.length };
}
