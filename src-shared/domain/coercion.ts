// Rules of the compulsory measures (desks.md §2), shared by the back office and the page.
// Amounts in fen; the articles are 民诉法 (2023) and 民诉法解释 (2022), texts in shared/laws/.

export const MEASURE_KINDS = { compel: '拘传', fine: '罚款', detain: '拘留', search: '搜查' } as const;
export type MeasureKind = keyof typeof MEASURE_KINDS;
export const PERSON_KINDS = { individual: '个人', organisation: '单位' } as const;
export type PersonKind = keyof typeof PERSON_KINDS;
export const GENDERS = { male: '男', female: '女' } as const;
export type Gender = keyof typeof GENDERS;

export const REQUEST_STATUS = { open: '待安排', scheduled: '已列入行动', done: '已办结', withdrawn: '已撤回' } as const;
export const OUTCOMES = { paid: '当场履行', settled: '达成和解', detained: '已拘留', released: '教育后放回', notFound: '未找到被拘传人' } as const;
export type Outcome = keyof typeof OUTCOMES;

/** 民诉法 Art. 118 para. 1: an individual ≤ ¥100,000; an organisation ¥50,000 – ¥1,000,000. */
export const FINE_LIMITS_FEN: Record<PersonKind, { min: number; max: number }> = {
  individual: { min: 1, max: 100_000_00 },
  organisation: { min: 50_000_00, max: 1_000_000_00 },
};
/** 民诉法 Art. 118 para. 2: detention 15 days at most. */
export const DETENTION_MAX_DAYS = 15;
/** 民诉法解释 Art. 185: a review is applied for within 3 days of receiving the decision. */
export const REVIEW_FILING_DAYS = 3;

/**
 * Grounds of a fine or detention in enforcement (desks.md §2 "Grounds"), each with the article the
 * decision cites. 民诉法 Art. 117 (units refusing to assist) allows a fine only, and detention of
 * its head only when the unit still does not assist.
 */
export const GROUNDS = {
  hideSeized: { label: '隐藏、转移、变卖、毁损已被查封、扣押、冻结的财产', article: '《中华人民共和国民事诉讼法》第一百一十四条第一款第三项' },
  obstruct: { label: '以暴力、威胁或者其他方法阻碍司法工作人员执行职务', article: '《中华人民共和国民事诉讼法》第一百一十四条第一款第五项、《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第一百八十七条' },
  refuse: { label: '拒不履行人民法院已经发生法律效力的判决、裁定', article: '《中华人民共和国民事诉讼法》第一百一十四条第一款第六项、《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第一百八十八条' },
  breachRestriction: { label: '违反人民法院限制高消费令进行消费', article: '《中华人民共和国民事诉讼法》第一百一十四条第一款第六项、《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第一百八十八条第三项' },
  collude: { label: '与他人恶意串通，通过诉讼、仲裁、调解等方式逃避履行法律文书确定的义务', article: '《中华人民共和国民事诉讼法》第一百一十六条' },
  refuseAssist: { label: '有义务协助执行的单位拒不协助执行', article: '《中华人民共和国民事诉讼法》第一百一十七条' },
  falseReport: { label: '拒绝报告或者虚假报告财产情况', article: '《中华人民共和国民事诉讼法》第二百五十二条' },
  hideEvidence: { label: '伪造、隐藏、毁灭或者拒绝交出有关被执行人履行能力的重要证据', article: '《中华人民共和国民事诉讼法》第一百一十四条第一款第一项、《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第一百八十九条第三项' },
} as const;
export type Ground = keyof typeof GROUNDS;
export const GROUND_LIST = Object.keys(GROUNDS) as Ground[];

/** The article of the amount or term: 民诉法 Art. 118, and Art. 119 (president's approval, written decision). */
export const AMOUNT_ARTICLE = '《中华人民共和国民事诉讼法》第一百一十八条、第一百一十九条';

/**
 * The act a sanction is for, as the same-act bar compares it: the person, the ground and the act's
 * description with whitespace and punctuation removed, so "2026年11月3日阻碍查封" and
 * "2026年11月3日 阻碍查封。" are one act (解释 Art. 184).
 */
export function actKey(person: string, ground: string, act: string): string {
  const plain = (s: string) => s.normalize('NFKC').replace(/[\s\p{P}]+/gu, '');
  return `${plain(person)}|${ground}|${plain(act)}`;
}

/** Why a fine amount is refused for this kind of party (民诉法 Art. 118 para. 1), or null. */
export function fineAmountProblem(kind: PersonKind, amountFen: number): string | null {
  const l = FINE_LIMITS_FEN[kind];
  if (kind === 'individual' && amountFen > l.max) return '对个人的罚款金额为人民币十万元以下（民诉法第一百一十八条）';
  if (kind === 'organisation' && (amountFen < l.min || amountFen > l.max)) return '对单位的罚款金额为人民币五万元以上一百万元以下（民诉法第一百一十八条）';
  if (amountFen <= 0) return '罚款金额应大于零';
  return null;
}
