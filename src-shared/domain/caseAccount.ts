// 一案一账号 (domain.md §7): offline payments for a case go to a sub-account of the court's enforcement
// account that identifies the case, so that case number, amount and payer match one to one.
//
// Sub-account rule (a local convention, [U]: banks issue virtual sub-accounts in their own format, so
// the court may replace this by the bank's numbers; the rule only has to be deterministic and unique):
//   sub-account = the court's account number + year (4 digits) + type digit + serial (5 digits)
//   type digit: 执 1, 执恢 2, 执保 3, any other enforcement type 9.
// Example: account 15050171610800000123, （2026）内0523执17号 → 15050171610800000123 2026 1 00017.
// The printed form keeps a space between the parts so a clerk can read it back over the phone.

const TYPE_DIGIT: Readonly<Record<string, string>> = { 执: '1', 执恢: '2', 执保: '3' };

export interface CaseAccountParts {
  year: number;
  type: string;
  serial: number;
}

/** The case's own code appended to the court account: year + type digit + 5-digit serial. */
export function caseAccountSuffix(c: CaseAccountParts): string {
  if (!Number.isInteger(c.serial) || c.serial < 1 || c.serial > 99999) throw new RangeError(`案件序号超出子账号范围：${c.serial}`);
  return `${String(c.year).padStart(4, '0')}${TYPE_DIGIT[c.type] ?? '9'}${String(c.serial).padStart(5, '0')}`;
}

/** The full sub-account number (digits only), or '' when the court account is not set up yet. */
export function caseSubAccount(accountNumber: string, c: CaseAccountParts): string {
  const base = accountNumber.replace(/[\s-]/g, '');
  if (!base) return '';
  return base + caseAccountSuffix(c);
}

/** The same, grouped for print: '<account> <year> <digit> <serial>'. */
export function formatCaseSubAccount(accountNumber: string, c: CaseAccountParts): string {
  const base = accountNumber.replace(/[\s-]/g, '');
  if (!base) return '';
  const s = caseAccountSuffix(c);
  return `${base} ${s.slice(0, 4)} ${s.slice(4, 5)} ${s.slice(5)}`;
}
