import type { CaseDraft } from '../../src-shared/api/methods/cases';
import type { FilingType } from '../../src-shared/domain/stages';
import { lender, organisation, person, pickTownship, type PartyDraft } from './people';
import type { Rng } from './random';
import { claim, enforcementTitle, orderedText, pickCause, preservationTitle, resumedTitle, type ApplicantKind, type TitleNumbers } from './titles';

/** Case-type mix of a county court's implementation cases: mostly first enforcement. */
export const TYPE_MIX: readonly (readonly [FilingType, number])[] = [['执', 86], ['执恢', 7], ['执保', 7]];

const PAYOUT_BANKS = ['中国农业银行开鲁县支行', '中国邮政储蓄银行开鲁县支行', '内蒙古开鲁农村商业银行', '中国建设银行开鲁支行', '中国工商银行通辽分行'];
const CLUES = [
  (r: Rng) => `被执行人名下有小型轿车一辆，号牌蒙G·${r.pick(['A', 'B', 'C', 'D', 'K', 'M'])}${r.int(1000, 9999)}${r.pick(['0', '1', '5', '8', 'X'])}`,
  (r: Rng) => `被执行人在本村有房屋一处，约${r.int(60, 180)}平方米`,
  (r: Rng) => `被执行人承包耕地约${r.int(10, 300)}亩，种植玉米、红干椒，秋收后有收入`,
  () => '被执行人在中国农业银行开鲁县支行开有账户，有存款',
  (r: Rng) => `被执行人饲养肉牛约${r.int(5, 80)}头`,
  () => '被执行人在开鲁镇经营门市，有经营收入',
  () => '被执行人对案外人享有到期债权',
];

function applicantParty(rng: Rng, kind: ApplicantKind, filedOn: string): PartyDraft {
  if (kind === 'lender') return lender(rng);
  if (kind === 'company') return organisation(rng, 'company', filedOn);
  return person(rng, { onDate: filedOn, minAge: 20, maxAge: 75 });
}

function debtorParties(rng: Rng, filedOn: string, cause: string): PartyDraft[] {
  const township = pickTownship(rng);
  const first: PartyDraft = rng.chance(0.78)
    ? person(rng, { onDate: filedOn, township, minAge: 22, maxAge: 66 })
    : organisation(rng, rng.weighted([['company', 14], ['individualBusiness', 5], ['coop', 3]] as const), filedOn, township);
  const list = [first];
  // Loans bring the borrower's spouse and guarantors along (same township, as a rule).
  const more = /借款|借贷|信用卡/.test(cause) ? rng.weighted([[0, 55], [1, 32], [2, 13]] as const) : rng.weighted([[0, 85], [1, 13], [2, 2]] as const);
  for (let i = 0; i < more; i++) list.push(person(rng, { onDate: filedOn, township: rng.chance(0.8) ? township : pickTownship(rng), minAge: 22, maxAge: 66 }));
  return list;
}

function interview(rng: Rng, applicants: PartyDraft[], type: FilingType): CaseDraft['interview'] {
  const a = applicants[0]!;
  const requests = (
    [
      ['限制消费', 0.7],
      ['纳入失信名单', 0.4],
      ['悬赏公告', 0.03],
      ['审计', 0.01],
      ['搜查', 0.02],
    ] as const
  )
    .filter(([, p]) => rng.chance(type === '执保' ? p / 4 : p))
    .map(([r]) => r);
  const accountDigits = `62${rng.pick(['28', '17', '21', '30', '15'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
  return {
    contactConfirmed: rng.chance(0.95),
    ...(a.address ? { serviceAddress: a.address } : {}),
    payoutBank: a.kind === 'org' && a.name.includes('银行') ? a.name : rng.pick(PAYOUT_BANKS),
    payoutAccountName: a.name,
    payoutAccount: accountDigits,
    ...(rng.chance(0.3) ? { propertyClues: rng.pick(CLUES)(rng) } : {}),
    requests,
    ...(type === '执恢' ? { notes: '原案已终结本次执行程序，申请执行人发现被执行人有可供执行的财产，申请恢复执行' } : {}),
  };
}

/** One realistic filing of the given type and date; every ID and credit code passes its checksum. */
export function demoCaseDraft(rng: Rng, numbers: TitleNumbers, type: FilingType, filedOn: string): CaseDraft {
  const applicantKind = rng.weighted<ApplicantKind>([['person', 62], ['lender', 18], ['company', 20]]);
  const cause = pickCause(rng, applicantKind);
  const title =
    type === '执保' ? preservationTitle(rng, numbers, filedOn, cause) : type === '执恢' ? resumedTitle(rng, numbers, filedOn, cause) : enforcementTitle(rng, numbers, filedOn, cause, applicantKind);
  const applicants = [applicantParty(rng, applicantKind, filedOn)];
  if (applicantKind === 'person' && rng.chance(0.08)) applicants.push(person(rng, { onDate: filedOn, minAge: 22, maxAge: 75 }));
  const debtors = debtorParties(rng, filedOn, title.cause);
  const c = claim(rng, title.cause, title);
  if (type === '执恢') {
    // What is left after the first round: part was recovered before 终本.
    c.principalFen = Math.round((c.principalFen * rng.int(40, 100)) / 100);
  }
  // Several applicants: an equal split of the claim, the remainder to the first (the payout split).
  if (applicants.length > 1) {
    const total = c.principalFen + (c.interestFen ?? 0) + (c.costsFen ?? 0);
    const each = Math.floor(total / applicants.length);
    applicants.forEach((a, i) => (a.shareFen = each + (i === 0 ? total - each * applicants.length : 0)));
  }
  const joint = debtors.length > 1;
  const draft: CaseDraft = {
    type,
    filedOn,
    applicants,
    debtors,
    title: { ...title, joint, ordered: orderedText(title, applicants.map((a) => a.name), debtors.map((d) => d.name), { principalFen: c.principalFen, interestFen: c.interestFen ?? 0, costsFen: c.costsFen ?? 0 }, joint) },
    claim: c,
    preserved: type === '执' && rng.chance(0.12),
  };
  if (type !== '执保' ? rng.chance(0.9) : rng.chance(0.3)) draft.interview = interview(rng, applicants, type);
  return draft;
}
