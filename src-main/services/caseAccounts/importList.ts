import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { accountNumberProblem, normalizeAccountNumber } from '../../../src-shared/domain/caseAccount';
import { normalizeCaseNumber } from '../../../src-shared/domain/caseNumber';
import type { Actor } from '../../events/log';
import { readTableContained } from '../uploads/contained';
import { UploadFormatError, UploadLimitError } from '../../../src-shared/domain/uploadLimits';
import { writeAccounts, type AccountRow } from './accounts';

// A bank's list of case sub-accounts (一案一账号): one row per case, matched by case number. The file
// comes from outside the court's system and is treated as hostile: its size and row count are
// bounded before it is parsed further, every cell is length-checked, and any bad row refuses the
// whole file with every problem named by row (as the spreadsheet counts them) and column. Nothing is
// written unless every row is good.

export const MAX_ROWS = 20_000;
const MAX_CELL = 200;

const COLUMNS = {
  number: ['案号'],
  account: ['账号', '子账号', '虚拟账号', '案款账号', '收款账号'],
  name: ['户名', '账户名称', '账户名'],
  bank: ['开户行', '开户银行', '银行'],
} as const;

interface Problem {
  row: number;
  column: string;
  reason: string;
}

export interface ImportInput {
  fileName: string;
  contentBase64: string | Uint8Array;
  /** The bank's name, when the list has no 开户行 column. */
  bank?: string | undefined;
  /** The account name, when the list has no 户名 column (usually the court's enforcement account). */
  accountName?: string | undefined;
}

/** A checked list, ready to be written (plain data: it may be written on the write worker). */
export interface AccountImport {
  actor: Actor;
  at: Date;
  fileName: string;
  bank: string;
  rows: AccountRow[];
  /** The spreadsheet row of each account number, to name the row an already-held account comes from. */
  rowOfAccount: [string, number][];
}

/** Reads and checks the bank's file (refusing it whole, naming every bad row); writes nothing. */
export async function checkAccountList(db: Db, actor: Actor, at: Date, input: ImportInput): Promise<AccountImport> {
  // The schema bounded the file (CASE_ACCOUNT_LIST_BYTES); it is read only in the capped upload worker.
  let rows: string[][];
  try {
    rows = (await readTableContained(input.contentBase64, input.fileName)).table.rows;
  } catch (e) {
    if (e instanceof UploadLimitError || e instanceof UploadFormatError) throw new ApiError('invalid_input', e.message, 'contentBase64');
    throw e;
  }
  while (rows.length > 0 && rows.at(-1)!.every((c) => c === '')) rows.pop();
  if (rows.length < 2) throw new ApiError('invalid_input', '文件中没有数据行（第1行应为表头：案号、账号，可有户名、开户行）', 'contentBase64');
  if (rows.length - 1 > MAX_ROWS) throw new ApiError('invalid_input', `数据行过多（${rows.length - 1} 行）：一次最多导入 ${MAX_ROWS} 行`, 'contentBase64');

  const header = rows[0]!.map((h) => h.replace(/\s/g, ''));
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const at_ = { number: col(COLUMNS.number), account: col(COLUMNS.account), name: col(COLUMNS.name), bank: col(COLUMNS.bank) };
  const missing: string[] = [];
  if (at_.number < 0) missing.push('案号');
  if (at_.account < 0) missing.push('账号（或子账号、虚拟账号）');
  if (at_.bank < 0 && !input.bank?.trim()) missing.push('开户行（或在导入时填写开户银行）');
  if (at_.name < 0 && !input.accountName?.trim()) missing.push('户名（或在导入时填写户名）');
  if (missing.length) throw new ApiError('invalid_input', `表头缺少：${missing.join('、')}`, 'contentBase64', { rows: [{ row: 1, column: '表头', reason: `缺少${missing.join('、')}` }] });

  const problems: Problem[] = [];
  const cases = new Map(db.all(db.q.selectFrom('cases').select(['id', 'number'])).map((c) => [c.number, c.id]));
  const seenCase = new Map<number, number>();
  const seenAccount = new Map<string, number>();
  const out: AccountRow[] = [];
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    const row = i + 1;
    if (r.every((c) => c === '')) continue;
    const cell = (k: keyof typeof at_, label: string): string | null => {
      const v = at_[k] >= 0 ? (r[at_[k]] ?? '') : '';
      if (v.length > MAX_CELL) {
        problems.push({ row, column: label, reason: `内容过长（${v.length} 字）` });
        return null;
      }
      return v;
    };
    const number = cell('number', '案号');
    const account = cell('account', header[at_.account] ?? '账号');
    const name = (cell('name', '户名') || input.accountName || '').trim();
    const bank = (cell('bank', '开户行') || input.bank || '').trim();
    if (number === null || account === null) continue;
    const caseId = cases.get(normalizeCaseNumber(number));
    if (!number) problems.push({ row, column: '案号', reason: '案号为空' });
    else if (caseId === undefined) problems.push({ row, column: '案号', reason: `本院没有案号为“${number.slice(0, 40)}”的案件` });
    else if (seenCase.has(caseId)) problems.push({ row, column: '案号', reason: `与第${seenCase.get(caseId)}行重复` });
    const accountIssue = accountNumberProblem(account);
    const acct = normalizeAccountNumber(account);
    if (accountIssue) problems.push({ row, column: header[at_.account] ?? '账号', reason: accountIssue });
    else if (seenAccount.has(acct)) problems.push({ row, column: header[at_.account] ?? '账号', reason: `与第${seenAccount.get(acct)}行的账号相同` });
    if (!name) problems.push({ row, column: '户名', reason: '户名为空' });
    if (!bank) problems.push({ row, column: '开户行', reason: '开户行为空' });
    if (caseId !== undefined) seenCase.set(caseId, row);
    if (!accountIssue) seenAccount.set(acct, row);
    if (caseId !== undefined && !accountIssue && name && bank) out.push({ caseId, bank, accountName: name, accountNumber: acct });
  }
  if (problems.length === 0 && out.length === 0) throw new ApiError('invalid_input', '文件中没有数据行', 'contentBase64');
  refuseIfAny(problems);

  return { actor, at, fileName: input.fileName.slice(0, 255), bank: input.bank?.trim() || out[0]!.bank, rows: out, rowOfAccount: [...seenAccount] };
}

/** Writes a checked list in one transaction: all its accounts or, when one is another case's already, none. */
export function writeAccountImport(db: Db, plan: AccountImport): { importId: number; rows: number } {
  const { actor, at, rows: out } = plan;
  const rowOf = new Map(plan.rowOfAccount);
  return db.tx(() => {
    const importId = db.run(db.q.insertInto('case_account_imports').values({ file_name: plan.fileName, bank: plan.bank, rows: out.length, imported_at: at.toISOString(), imported_by: actor.name })).lastInsertRowid;
    // An account another case already holds is named with the row that brings it.
    const problems: Problem[] = [];
    const listed = new Set(out.map((x) => x.caseId));
    for (const o of out) {
      const other = db.get(db.q.selectFrom('case_accounts').select(['case_id']).where('account_number', '=', o.accountNumber).where('case_id', '!=', o.caseId));
      if (other && !listed.has(other.case_id)) problems.push({ row: rowOf.get(o.accountNumber) ?? 0, column: '账号', reason: `账号 ${o.accountNumber} 已是另一案件的案款账户` });
    }
    refuseIfAny(problems);
    writeAccounts(db, actor, at, out, Number(importId));
    return { importId: Number(importId), rows: out.length };
  });
}

function refuseIfAny(problems: Problem[]): void {
  if (problems.length === 0) return;
  problems.sort((a, b) => a.row - b.row);
  const first = problems[0]!;
  throw new ApiError('invalid_input', `${problems.length} 处有误，未导入任何账号：第${first.row}行“${first.column}”${first.reason}`, 'contentBase64', { rows: problems.slice(0, 500) });
}
