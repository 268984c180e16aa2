// 一案一账号 (domain.md §7, 法发〔2017〕6号): offline payments for a case go to a sub-account of the
// court's enforcement account that identifies the case, so that case number, amount and payer match
// one to one. The sub-accounts are the bank's: each bank issues its virtual account numbers in its own
// format, and the court enters them per case or imports the bank's list matched by case number
// (src-main/services/caseAccounts). A document names a case account only when one is registered;
// no number is ever derived here.

/** A bank account number as banks print it: digits (some banks add letters), 6–40 of them, no spaces. */
export const ACCOUNT_NUMBER_REGEX = /^[0-9A-Z]{6,40}$/;

/** The number as the clerk typed or the bank's file wrote it: spaces and hyphens dropped, upper case. */
export function normalizeAccountNumber(s: string): string {
  return s.normalize('NFKC').replace(/[\s\-－]/g, '').toUpperCase();
}

/** Why a number is not an account number, or null. */
export function accountNumberProblem(s: string): string | null {
  const n = normalizeAccountNumber(s);
  if (n === '') return '账号为空';
  if (!ACCOUNT_NUMBER_REGEX.test(n)) return `账号“${s.slice(0, 50)}”格式不正确（应为6至40位数字或字母）`;
  return null;
}
