import { addCalendarDays, diffCalendarDays } from '../../src-shared/domain/chineseDate';
import { earliestZhongbenDate, type ClosureMode } from '../../src-shared/domain/closure';
import type { FilingType } from '../../src-shared/domain/stages';
import type { Rng } from './random';
import type { Workdays } from './workdays';

// What happens to one demo case and when: the plan the pipeline step then carries out day by day
// through the real services. Dates past the demo's today are simply never reached, so a case filed
// last month is still open at whatever stage its plan had reached by today.
//
// The shape follows Kailu's published figures (seeds/003, domain.md §4.1): about a third of cases end
// 执行完毕 (many debtors pay after the notice; 首执完毕率 30.3%), a third 终结本次执行程序 soon after the
// three months 终本规定 Art. 1(4) requires, the rest 终结执行/销案/驳回申请/不予执行; 执保 cases close
// within weeks. A year then reads 执结率 near 98.74 % and 首执 average time near 61.68 days (2022).

export const ENFORCEMENT_MODES: readonly (readonly [ClosureMode, number])[] = [
  ['执行完毕', 25],
  ['终结本次执行程序', 46],
  ['终结执行', 17],
  ['销案', 6],
  ['驳回申请', 4],
  ['不予执行', 2],
];
/**
 * 终本 comes soon after the three months (终本规定 Art. 1(4)): within 20 days of the earliest date.
 * With the modes above this gives Kailu's 2022 首执案件结案平均用时 of 61.68 days (seeds/003); the
 * former spread of up to 100 days gave 90.
 */
const ZHONGBEN_SPREAD_DAYS = 20;
/** Calendar days from filing to a closure by the other modes, [shortest, longest]. */
const OTHER_SPANS: Record<string, [number, number]> = { 终结执行: [20, 80], 销案: [8, 40], 驳回申请: [5, 30], 不予执行: [30, 80] };
/**
 * Filed too late in a past year for 终本 by 31 December (three months, 终本规定 Art. 1(4)): the
 * year-end push closes them otherwise. With it the year's closures come out about a third 终本 and a
 * third 执行完毕 (Kailu: 首执完毕率 30.3%), and 执结率 near Kailu's 98.74% (metrics.md).
 */
const YEAR_END_MODES: readonly (readonly [ClosureMode, number])[] = [
  ['执行完毕', 50],
  ['终结执行', 35],
  ['销案', 15],
];
export const PRESERVATION_MODES: readonly (readonly [ClosureMode, number])[] = [
  ['保全完毕', 70],
  ['部分保全', 20],
  ['无标的物可实施保全', 10],
];

/** Share of older 执行完毕 cases driven through real control (documents rendered): a sample, for speed. */
export const CONTROL_SHARE = 0.03;
/** Cases filed within this many days of today find property at Kailu's rate and are controlled for real. */
export const RECENT_DAYS = 30;

export interface PlanInput {
  caseId: number;
  type: FilingType;
  filedOn: string;
  claimFen: number;
}

export interface CasePlan extends PlanInput {
  mode: ClosureMode;
  /** Notices made (stage filed → query); null for 执保, which go to the query staff at once. */
  noticeOn: string | null;
  /** Notice documents rendered for real (a handful of recent cases; the others are paper-era files). */
  realNotice: boolean;
  servedOn: string | null;
  queryOn: string | null;
  feedbackOn: string | null;
  /** The online query finds property for this case's debtors. */
  found: boolean;
  /** Found property is frozen through real control batches (rulings and notices rendered). */
  control: boolean;
  controlOn: string | null;
  freezeResultOn: string | null;
  triageOn: string | null;
  assignOn: string | null;
  /** Money from the debtor before triage (the case then goes to the fast-track team). */
  prepaid: boolean;
  deductOn: string | null;
  deductResultOn: string | null;
  /** Voluntary payment of the rest (执行完毕) or of a part (终本, `partShare` of the claim). */
  paymentOn: string | null;
  partShare: number;
  payoutOn: string | null;
  closeOn: string | null;
  reviewOn: string | null;
  reviewPass: boolean;
}

/** `days` after `from` on a working day; null once past the demo's today (never reached). */
const later = (w: Workdays, from: string | null, days: number): string | null => (from === null ? null : w.after(from, days));

/**
 * `feedbackOf(queryOn)` is the day the feedback of that day's query batch comes back: one file per
 * batch, so every case queried on a day gets its feedback on the same later day.
 */
export function planCase(rng: Rng, w: Workdays, c: PlanInput, today: string, feedbackOf: (queryOn: string) => string | null): CasePlan {
  const recent = diffCalendarDays(today, c.filedOn) <= RECENT_DAYS;
  const preservation = c.type === '执保';
  let mode = rng.weighted(preservation ? PRESERVATION_MODES : ENFORCEMENT_MODES);
  // Past years end with the year-end push (年底清结): all but a few cases closed by the last working day.
  const year = c.filedOn.slice(0, 4);
  const deadline = year < today.slice(0, 4) ? w.onOrBefore(`${year}-12-31`) : null;
  const push = deadline !== null && rng.chance(0.99);
  if (push && mode === '终结本次执行程序' && earliestZhongbenDate(c.filedOn) > addCalendarDays(deadline, -3)) mode = rng.weighted(YEAR_END_MODES);
  const plan: CasePlan = {
    ...c,
    mode,
    noticeOn: null,
    realNotice: false,
    servedOn: null,
    queryOn: null,
    feedbackOn: null,
    found: false,
    control: false,
    controlOn: null,
    freezeResultOn: null,
    triageOn: null,
    assignOn: null,
    prepaid: false,
    deductOn: null,
    deductResultOn: null,
    paymentOn: null,
    partShare: 0,
    payoutOn: null,
    closeOn: null,
    reviewOn: null,
    reviewPass: true,
  };

  if (preservation) {
    // 执保: the freeze is the whole case (民诉法 2023 Art. 103 ff.): queried at once, closed within weeks.
    plan.queryOn = later(w, c.filedOn, rng.int(0, 1));
    plan.feedbackOn = plan.queryOn === null ? null : feedbackOf(plan.queryOn);
    plan.found = mode !== '无标的物可实施保全';
    plan.control = plan.found && (recent || rng.chance(0.08));
    if (plan.control) {
      plan.controlOn = later(w, plan.feedbackOn, rng.int(0, 1));
      plan.freezeResultOn = later(w, plan.controlOn, rng.int(2, 5));
    }
    plan.closeOn = later(w, plan.freezeResultOn ?? plan.feedbackOn, rng.int(2, 30));
    if (push && plan.closeOn !== null && plan.closeOn > deadline!) fitIntoYear(rng, w, plan, deadline!);
    return plan;
  }

  // Notices within 3 working days of filing (domain.md §3.2), served by post a week or so later.
  plan.noticeOn = w.plusWorking(c.filedOn, rng.int(1, 3));
  plan.servedOn = later(w, plan.noticeOn, rng.int(4, 12));
  plan.queryOn = later(w, plan.noticeOn, rng.int(0, 1));
  plan.feedbackOn = plan.queryOn === null ? null : feedbackOf(plan.queryOn);
  plan.found = recent ? rng.chance(0.5) : mode === '执行完毕' && rng.chance(CONTROL_SHARE);
  plan.control = plan.found;
  let ready = plan.feedbackOn;
  if (plan.control) {
    plan.controlOn = later(w, plan.feedbackOn, rng.int(0, 1));
    plan.freezeResultOn = later(w, plan.controlOn, rng.int(2, 4));
    ready = plan.controlOn;
  }
  // Some debtors pay in full once the notice arrives: the case is then simple (nothing outstanding).
  plan.prepaid = mode === '执行完毕' && !plan.found && rng.chance(0.45);
  if (plan.prepaid) plan.paymentOn = later(w, plan.feedbackOn, 0);
  plan.triageOn = later(w, ready, rng.int(1, 2));
  plan.assignOn = later(w, plan.triageOn, rng.int(0, 2));

  if (mode === '执行完毕') {
    if (plan.found) {
      plan.deductOn = later(w, plan.freezeResultOn! > plan.triageOn! ? plan.freezeResultOn : plan.triageOn, rng.int(1, 8));
      plan.deductResultOn = later(w, plan.deductOn, rng.int(1, 3));
      plan.paymentOn = later(w, plan.deductResultOn, rng.int(3, 20));
    } else if (!plan.prepaid) {
      plan.paymentOn = later(w, plan.assignOn, Math.round(rng.logNormal(25, 0.7)));
    }
    plan.payoutOn = later(w, plan.paymentOn, rng.int(3, 24));
    plan.closeOn = later(w, plan.payoutOn, rng.int(1, 8));
  } else if (mode === '终结本次执行程序') {
    if (rng.chance(0.3)) {
      plan.partShare = 0.1 + rng.next() * 0.5;
      plan.paymentOn = later(w, plan.assignOn, rng.int(10, 60));
      plan.payoutOn = later(w, plan.paymentOn, rng.int(3, 24));
    }
    // Never before the three months are up (终本规定 Art. 1(4)); Kailu closes most within half a year.
    const earliest = earliestZhongbenDate(c.filedOn);
    plan.closeOn = plan.payoutOn && plan.payoutOn >= earliest ? later(w, plan.payoutOn, rng.int(1, 20)) : later(w, earliest, rng.int(0, ZHONGBEN_SPREAD_DAYS));
  } else {
    const [lo, hi] = OTHER_SPANS[mode]!;
    plan.closeOn = later(w, c.filedOn, rng.int(lo, hi));
  }
  if (push && plan.closeOn !== null && plan.closeOn > deadline!) fitIntoYear(rng, w, plan, deadline!);
  if (mode === '终结本次执行程序' && rng.chance(0.6)) {
    plan.reviewOn = later(w, plan.closeOn, rng.int(5, 45));
    plan.reviewPass = rng.chance(0.94);
  }
  if (plan.closeOn === null || plan.closeOn > today) plan.closeOn = null;
  return plan;
}

/** Pulls a closure (and the payments before it) back to the last working days of its year, where the dates allow. */
function fitIntoYear(rng: Rng, w: Workdays, plan: CasePlan, deadline: string): void {
  const pick = (from: string, to: string) => w.between(from, to, (n) => rng.int(0, n));
  const next = (d: string) => addCalendarDays(d, 1);
  if (plan.control) return; // the few cases with real control keep their dates
  if (plan.mode === '执行完毕') {
    let start = plan.prepaid ? plan.paymentOn : plan.assignOn;
    // Filed in December: no time for the team; the debtor pays after the notice (快执 then closes it).
    const lastCall = addCalendarDays(deadline, -2);
    if ((start === null || start > lastCall) && plan.feedbackOn !== null && plan.feedbackOn <= lastCall) {
      plan.prepaid = true;
      start = plan.feedbackOn;
    }
    if (start === null) return;
    const paymentOn = plan.prepaid ? start : pick(start, addCalendarDays(deadline, -2));
    const payoutOn = paymentOn && pick(next(paymentOn), addCalendarDays(deadline, -1));
    const closeOn = payoutOn && pick(next(payoutOn), deadline);
    if (!paymentOn || !payoutOn || !closeOn) return;
    Object.assign(plan, { paymentOn, payoutOn, closeOn });
  } else if (plan.mode === '终结本次执行程序') {
    if (plan.payoutOn !== null && plan.payoutOn >= deadline) Object.assign(plan, { partShare: 0, paymentOn: null, payoutOn: null });
    const from = [earliestZhongbenDate(plan.filedOn), plan.assignOn ?? plan.filedOn, plan.payoutOn ? next(plan.payoutOn) : plan.filedOn].sort().at(-1)!;
    plan.closeOn = pick(from, deadline) ?? plan.closeOn;
  } else {
    const from = [addCalendarDays(plan.filedOn, 5), addCalendarDays(deadline, -25)].sort().at(-1)!;
    plan.closeOn = pick(from, deadline) ?? plan.closeOn;
  }
}
