import type { CaseDraft } from '../../src-shared/api/methods/cases';
import { addCalendarDays, diffCalendarDays } from '../../src-shared/domain/chineseDate';
import { COURT_CODE, COURT_NAME, INTERMEDIATE_CODE, INTERMEDIATE_COURT } from './kailu';
import type { Rng } from './random';

export type ApplicantKind = 'person' | 'lender' | 'company';
export type TitleDraft = CaseDraft['title'];
export type ClaimDraft = CaseDraft['claim'];

/** Causes (案由) by who applies, weighted by how often they reach a county court's enforcement office. */
const CAUSES: Record<ApplicantKind, readonly (readonly [string, number])[]> = {
  person: [
    ['民间借贷纠纷', 35], ['买卖合同纠纷', 10], ['劳务合同纠纷', 6], ['追索劳动报酬纠纷', 5], ['机动车交通事故责任纠纷', 6],
    ['离婚纠纷', 3], ['抚养费纠纷', 3], ['赡养纠纷', 1], ['租赁合同纠纷', 4], ['建设工程施工合同纠纷', 3],
    ['生命权、身体权、健康权纠纷', 3], ['农村土地承包合同纠纷', 3], ['不当得利纠纷', 2], ['追偿权纠纷', 2],
    ['提供劳务者受害责任纠纷', 2], ['种植、养殖回收合同纠纷', 2],
  ],
  lender: [['金融借款合同纠纷', 70], ['信用卡纠纷', 15], ['借款合同纠纷', 15]],
  company: [['买卖合同纠纷', 45], ['租赁合同纠纷', 12], ['建设工程施工合同纠纷', 12], ['承揽合同纠纷', 8], ['服务合同纠纷', 8], ['追偿权纠纷', 15]],
};

/** Median principal (元) and spread of each cause's claims: most are small, a few are very large. */
const CLAIM_SIZE: Record<string, readonly [number, number]> = {
  民间借贷纠纷: [50_000, 1.0], 买卖合同纠纷: [60_000, 1.1], 劳务合同纠纷: [15_000, 0.8], 追索劳动报酬纠纷: [20_000, 0.7],
  机动车交通事故责任纠纷: [40_000, 1.0], 离婚纠纷: [50_000, 0.9], 抚养费纠纷: [15_000, 0.6], 赡养纠纷: [8_000, 0.6],
  租赁合同纠纷: [30_000, 0.9], 建设工程施工合同纠纷: [200_000, 1.2], '生命权、身体权、健康权纠纷': [30_000, 0.9],
  农村土地承包合同纠纷: [20_000, 0.8], 不当得利纠纷: [30_000, 0.9], 追偿权纠纷: [60_000, 1.0], 提供劳务者受害责任纠纷: [40_000, 0.8],
  '种植、养殖回收合同纠纷': [40_000, 0.9], 金融借款合同纠纷: [80_000, 0.9], 信用卡纠纷: [25_000, 0.7], 借款合同纠纷: [60_000, 0.8],
  承揽合同纠纷: [50_000, 1.0], 服务合同纠纷: [30_000, 0.9], 劳动争议: [20_000, 0.7],
};

export function pickCause(rng: Rng, applicant: ApplicantKind): string {
  return rng.weighted(CAUSES[applicant]);
}

/**
 * Serial numbers of the issuing bodies' own case numbers. A serial reflects how far into its year the
 * matter was registered (a December 民初 number is high), and no two demo titles share a number (the
 * duplicate-filing check compares title numbers).
 */
export class TitleNumbers {
  private readonly taken = new Map<string, Set<number>>();
  constructor(private readonly rng: Rng) {}
  /** `date` is when the issuing body registered the matter; `perYear` its yearly volume of that kind. */
  next(key: string, date: string, perYear: number): number {
    const year = Number(date.slice(0, 4));
    const k = `${key}:${year}`;
    let set = this.taken.get(k);
    if (!set) this.taken.set(k, (set = new Set()));
    const share = diffCalendarDays(date, `${year}-01-01`) / 366;
    let n = Math.max(1, Math.floor(share * perYear) + this.rng.int(1, Math.max(2, Math.round(perYear / 100))));
    while (set.has(n)) n++;
    set.add(n);
    return n;
  }
}

type TitleKind = 'civilFirst' | 'civilAppeal' | 'judicialConfirmation' | 'otherCourt' | 'arbitration' | 'labourArbitration' | 'notarial';

const OTHER_COURTS = [
  ['内蒙古自治区通辽市科尔沁区人民法院', '内0502'],
  ['内蒙古自治区科尔沁左翼中旗人民法院', '内0521'],
  ['内蒙古自治区奈曼旗人民法院', '内0525'],
] as const;

/**
 * The enforcement title (执行依据) of a first enforcement: mostly this court's own civil judgments and
 * mediation statements (民初), some appeals decided by the intermediate court (民终), judicial
 * confirmations (民特), other courts' titles, and the non-litigation titles (arbitral awards,
 * notarised debt instruments) that have the 3-month limit (法发〔2006〕35号 Art. 1).
 */
export function enforcementTitle(rng: Rng, numbers: TitleNumbers, filedOn: string, cause: string, applicant: ApplicantKind): TitleDraft {
  const kind: TitleKind =
    cause === '追索劳动报酬纠纷' && rng.chance(0.4)
      ? 'labourArbitration'
      : rng.weighted<TitleKind>([
          ['civilFirst', 72], ['civilAppeal', 8], ['judicialConfirmation', 5], ['otherCourt', 6],
          ['arbitration', applicant === 'person' ? 1 : 5], ['notarial', applicant === 'lender' ? 8 : 1],
        ]);
  // Titles reach enforcement a few weeks to two years after they take effect (the 2-year limit of 民诉法 Art. 250 (2023)).
  const effectiveOn = addCalendarDays(filedOn, -Math.min(700, Math.max(16, Math.round(rng.logNormal(75, 0.9)))));
  const decided = addCalendarDays(effectiveOn, -rng.int(15, 160));
  const started = addCalendarDays(effectiveOn, -rng.int(40, 260));
  const y = (d: string) => d.slice(0, 4);
  switch (kind) {
    case 'civilFirst': {
      // About a third of first-instance debt cases end in a mediation document (调解书); the serial decides, no extra draw.
      const serial = numbers.next('民初', started, 5200);
      return { court: COURT_NAME, number: `（${y(started)}）${COURT_CODE}民初${serial}号`, effectiveOn, cause, nonLitigation: false, kind: serial % 3 === 0 ? '民事调解书' : '民事判决书' };
    }
    case 'civilAppeal':
      return { court: INTERMEDIATE_COURT, number: `（${y(decided)}）${INTERMEDIATE_CODE}民终${numbers.next('民终', decided, 4500)}号`, effectiveOn, cause, nonLitigation: false, kind: '民事判决书' };
    case 'judicialConfirmation':
      return { court: COURT_NAME, number: `（${y(decided)}）${COURT_CODE}民特${numbers.next('民特', decided, 600)}号`, effectiveOn, cause, nonLitigation: false, kind: '民事裁定书' };
    case 'otherCourt': {
      const [court, code] = rng.pick(OTHER_COURTS);
      return { court, number: `（${y(started)}）${code}民初${numbers.next(code, started, 8000)}号`, effectiveOn, cause, nonLitigation: false, kind: '民事判决书' };
    }
    case 'arbitration':
      return { court: '通辽仲裁委员会', number: `通仲裁字〔${y(decided)}〕第${numbers.next('通仲', decided, 400)}号`, effectiveOn, cause, nonLitigation: true, kind: '仲裁裁决书' };
    case 'labourArbitration':
      return { court: '开鲁县劳动人事争议仲裁委员会', number: `开劳人仲案字〔${y(decided)}〕第${numbers.next('开劳', decided, 150)}号`, effectiveOn, cause: '劳动争议', nonLitigation: true, kind: '仲裁裁决书' };
    case 'notarial':
      return { court: '内蒙古自治区开鲁县公证处', number: `（${y(decided)}）内开证执字第${numbers.next('开证', decided, 120)}号`, effectiveOn, cause, nonLitigation: true, kind: '公证债权文书' };
  }
}

/** The preservation ruling a 执保 case carries out: in a pending suit (民初…号之一) or before suit (财保). */
export function preservationTitle(rng: Rng, numbers: TitleNumbers, filedOn: string, cause: string): TitleDraft {
  const effectiveOn = addCalendarDays(filedOn, -rng.int(0, 3));
  const suit = addCalendarDays(effectiveOn, -rng.int(0, 30));
  const number = rng.chance(0.8)
    ? `（${suit.slice(0, 4)}）${COURT_CODE}民初${numbers.next('民初', suit, 5200)}号之一`
    : `（${effectiveOn.slice(0, 4)}）${COURT_CODE}财保${numbers.next('财保', effectiveOn, 150)}号`;
  return { court: COURT_NAME, number, effectiveOn, cause, nonLitigation: false, kind: '民事裁定书' };
}

/** 执恢: the title of an older case of this court that was closed as 终本 before the demo's years. */
export function resumedTitle(rng: Rng, numbers: TitleNumbers, filedOn: string, cause: string): TitleDraft {
  const effectiveOn = addCalendarDays(filedOn, -rng.int(2 * 365, 6 * 365));
  const started = addCalendarDays(effectiveOn, -rng.int(40, 200));
  return { court: COURT_NAME, number: `（${started.slice(0, 4)}）${COURT_CODE}民初${numbers.next('民初', started, 5200)}号`, effectiveOn, cause, nonLitigation: false, kind: '民事判决书' };
}

/**
 * What the title ordered, as its operative part reads (判项): written from the parties and the claim,
 * with no draw of its own (the demo's streams stay as they were).
 */
export function orderedText(title: TitleDraft, applicants: string[], debtors: string[], claim: { principalFen: number; interestFen: number; costsFen: number }, joint: boolean): string {
  const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;
  const who = debtors.length > 1 ? `被告${debtors.join('、')}` : `被告${debtors[0]}`;
  const to = `原告${applicants.join('、')}`;
  const deadline = title.kind === '民事调解书' ? '于本调解书生效之日起十日内' : title.kind === '公证债权文书' ? '于约定的还款期限届满时' : '于本判决生效之日起十日内';
  const parts = [`${who}${deadline}给付${to}${title.cause?.includes('劳动') ? '劳动报酬' : '款项'}${yuan(claim.principalFen)}`];
  if (claim.interestFen > 0) parts.push(`利息${yuan(claim.interestFen)}`);
  let text = parts.join('及');
  if (joint) text += `；${debtors.slice(1).join('、')}对上述债务承担连带清偿责任`;
  if (claim.costsFen > 0) text += `；案件受理费等${yuan(claim.costsFen)}由${who.replace(/^被告/, '')}负担`;
  if (title.kind === '仲裁裁决书' || title.kind === '公证债权文书') text = text.replace(/原告/g, '申请人').replace(/被告/g, '被申请人').replace('本判决', '本裁决');
  return `${text}。`;
}

/**
 * Case acceptance fee of a money claim (诉讼费用交纳办法 (2006) Art. 13(1)), halved under the
 * simplified procedure (Art. 16) that most county-court debt cases use. In 元.
 */
export function acceptanceFee(principalYuan: number, simplified: boolean): number {
  const bands: [number, number][] = [[10_000, 0], [100_000, 0.025], [200_000, 0.02], [500_000, 0.015], [1_000_000, 0.01], [2_000_000, 0.009], [5_000_000, 0.008], [10_000_000, 0.007], [20_000_000, 0.006], [Infinity, 0.005]];
  let fee = 50;
  let lower = 0;
  for (const [upper, rate] of bands) {
    if (principalYuan > lower) fee += (Math.min(principalYuan, upper) - lower) * rate;
    lower = upper;
  }
  return Math.round((simplified ? fee / 2 : fee) * 100) / 100;
}

/** Principal, interest up to judgment and the fees the debtor was ordered to bear, in fen. */
export function claim(rng: Rng, cause: string, title: TitleDraft): ClaimDraft {
  const [median, sigma] = CLAIM_SIZE[cause] ?? [40_000, 1.0];
  const yuan = Math.min(20_000_000, Math.max(800, rng.logNormal(median, sigma)));
  // Judgments usually state whole yuan; bank loans carry fen.
  const principalFen = cause === '金融借款合同纠纷' || cause === '信用卡纠纷' ? Math.round(yuan * 100) : Math.round(yuan) * 100;
  let interestFen = 0;
  if (/借|信用卡|买卖|追偿/.test(cause) && rng.chance(0.55)) {
    const annualRate = rng.pick([0.0385, 0.0435, 0.06, 0.0775, 0.12, 0.154]);
    interestFen = Math.round((principalFen * annualRate * rng.int(3, 30)) / 12);
  }
  const court = title.court.endsWith('人民法院');
  const costsFen = court && rng.chance(0.65) ? Math.round(acceptanceFee(principalFen / 100, rng.chance(0.8)) * 100) : 0;
  return { principalFen, interestFen, costsFen };
}
