// Work records of a case (笔录): what an officer writes down of an act done or a conversation held,
// signed by everyone present. What a 笔录 records and who signs it:
// - 查封规定 (2020) Art. 18: a seizure/freeze 笔录 states when the measure began and ended, where the
//   property is, its kind and quantity, the keeper, other matters; the officers and the keeper sign it,
//   and so do the persons present under 民诉法 Art. 245 (now 2023 Art. 256: the debtor or an adult
//   family member, the legal representative, the township's delegate).
// - 民诉法 (2023) Art. 133: 调查笔录经被调查人校阅后，由被调查人、调查人签名或者盖章.
// - 民诉法 (2023) Art. 150: the record is read to (or by) the persons present, who may ask for corrections;
//   a refusal to sign is written down (拒绝签名盖章的，记明情况附卷); 民诉法解释 (2022) Art. 498 the same
//   for a search record.
// - 终本规定 (2016) Art. 5 [U] and local rules (约谈, domain.md §4.2): before 终本 the court tells the
//   applicant what was done and hears them; the 约谈记录 is the record of it.

export const WORK_RECORD_KINDS = ['执行笔录', '谈话笔录', '约谈记录'] as const;
export type WorkRecordKind = (typeof WORK_RECORD_KINDS)[number];

export const WORK_RECORD_PURPOSE: Record<WorkRecordKind, string> = {
  执行笔录: '实施查封、扣押、搜查、现场调查等执行行为时制作（查封规定第十八条）',
  谈话笔录: '询问、谈话（被执行人报告财产、当事人陈述等）时制作（民事诉讼法第一百三十三条）',
  约谈记录: '终本前约谈申请执行人，告知执行情况并听取意见（终本规定第五条）',
};

/** The capacity in which a person is present; the signature lines and the 终本 interview read it. */
export const PERSON_CAPACITIES = [
  '申请执行人',
  '申请执行人的委托代理人',
  '被执行人',
  '被执行人的法定代表人',
  '被执行人的委托代理人',
  '被执行人的成年家属',
  '基层组织代表',
  '财产保管人',
  '协助执行人',
  '见证人',
  '其他',
] as const;
export type PersonCapacity = (typeof PERSON_CAPACITIES)[number];

/** Capacities that speak for the applicant: a 约谈记录 with one of them is the 终本 interview. */
export const APPLICANT_SIDE: readonly PersonCapacity[] = ['申请执行人', '申请执行人的委托代理人'];

export interface RecordPerson {
  name: string;
  capacity: PersonCapacity;
  /** The case's party this person is (or speaks for), when one. */
  partyId?: number | undefined;
  /** What identifies a person who is not a party (工作单位、住址、证件), printed after the name. */
  detail?: string | undefined;
}

/** A 约谈记录 in which someone for the applicant took part satisfies 终本规定 Art. 5. */
export function isApplicantInterview(kind: string, persons: readonly Pick<RecordPerson, 'capacity'>[]): boolean {
  return kind === '约谈记录' && persons.some((p) => APPLICANT_SIDE.includes(p.capacity));
}
