// The 执行依据 (the enforceable title) as documents recite it: its type is printed by name — never a
// generic "法律文书" — with the issuing body, number, date and what it ordered. Titles a court enforces:
// its judgments and rulings (民诉法 2023 Art. 247), its mediation documents (Art. 245), arbitral awards
// (Art. 248) and notarised debt instruments (Art. 249). Arbitral and notarial titles are 非诉
// (法发〔2006〕35号 Art. 1).

export const TITLE_KINDS = ['民事判决书', '民事调解书', '民事裁定书', '支付令', '仲裁裁决书', '仲裁调解书', '公证债权文书', '其他'] as const;
export type TitleKind = (typeof TITLE_KINDS)[number];

/** The type of a title filed before the type was recorded: documents that recite it refuse until it is. */
export const TITLE_KIND_UNKNOWN = '未登记';

/** Types that are not a court's own litigation documents (非诉执行). */
export const NON_LITIGATION_KINDS: readonly TitleKind[] = ['仲裁裁决书', '仲裁调解书', '公证债权文书'];

/** The printed name of the title's type, or null when it is not recorded ('未登记', or '其他' without a name). */
export function titleDocumentName(kind: string, other: string | null | undefined): string | null {
  if (kind === '其他') return other?.trim() || null;
  return (TITLE_KINDS as readonly string[]).includes(kind) ? kind : null;
}

/** Several applicants' shares must add up to the claim (the payout split between them). */
export function sharesProblem(shares: (number | null | undefined)[], claimFen: number): string | null {
  if (shares.length < 2) {
    const s = shares[0];
    return s === undefined || s === null || s === claimFen ? null : '只有一名申请执行人时，其份额即申请执行标的总额';
  }
  if (shares.some((s) => s === undefined || s === null)) return '申请执行人有多名时，须逐一填写各自应受偿的份额';
  const sum = shares.reduce<number>((a, s) => a + (s ?? 0), 0);
  return sum === claimFen ? null : `各申请执行人份额之和（${(sum / 100).toFixed(2)}元）与申请执行标的总额（${(claimFen / 100).toFixed(2)}元）不一致`;
}
