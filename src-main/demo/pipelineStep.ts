import { diffCalendarDays } from '../../src-shared/domain/chineseDate';
import type { FilingType } from '../../src-shared/domain/stages';
import { planCase, type CasePlan } from './casePlan';
import { freezeFound, deductFrozen, recordReplies } from './pipeline/control';
import { closeDay, reviewDay } from './pipeline/closure';
import { createQueryBatch, importBatchFeedback, type SentBatch } from './pipeline/inquiries';
import { payOut, receivePayments } from './pipeline/money';
import { makeNotices, queuePreservation, recordService } from './pipeline/notices';
import { collectRequeryRound, createRequeryRound, isRequeryDay, type SentRequery } from './pipeline/requery';
import { demoStaff, emptyCounts, type Pipeline } from './pipeline/state';
import { distributeDay, triageDay } from './pipeline/triage';
import type { DemoStep } from './steps';
import { Workdays } from './workdays';

/** Recent cases whose notices are rendered for real, so the documents pages have content. */
export const REAL_NOTICE_CASES = 20;
/** The most recent closures issue their real documents through closure.close. */
export const REAL_CLOSURES = 12;
/** Re-query batches whose results come back within this many days of today issue a few real 查询结果告知书. */
export const REAL_REQUERY_DAYS = 40;

/** The dated actions of a plan, in the order a day's work is done. */
const ACTIONS = [
  'preserve',
  'notice',
  'query',
  'payment',
  'triage',
  'assign',
  'served',
  'control',
  'freezeResult',
  'deduct',
  'deductResult',
  'payout',
  'close',
  'review',
] as const;
type Action = (typeof ACTIONS)[number];

function dateOf(c: CasePlan, a: Action): string | null {
  switch (a) {
    case 'preserve':
      return c.type === '执保' ? c.queryOn : null;
    case 'notice':
      return c.noticeOn;
    case 'query':
      return c.queryOn;
    case 'payment':
      return c.paymentOn;
    case 'triage':
      return c.triageOn;
    case 'assign':
      return c.assignOn;
    case 'served':
      return c.realNotice ? c.servedOn : null;
    case 'control':
      return c.control ? c.controlOn : null;
    case 'freezeResult':
      return c.control ? c.freezeResultOn : null;
    case 'deduct':
      return c.control ? c.deductOn : null;
    case 'deductResult':
      return c.control ? c.deductResultOn : null;
    case 'payout':
      return c.payoutOn;
    case 'close':
      return c.closeOn;
    case 'review':
      return c.reviewOn;
  }
}

/**
 * Step 4: the cases' lives. Every case gets a plan (casePlan.ts); then the court's days are replayed
 * in order, the app's clock set to each day, and each day's work done through the real services —
 * notices, query batches and their feedback, control, triage, distribution, payments and payouts,
 * closures with the 终本 checklist, quality reviews — so stages, events, the ledger, the archive and
 * the metrics are exactly what clerks doing the same work would have produced.
 */
export const pipelineStep: DemoStep = {
  id: 'pipeline',
  label: '案件流转（通知、查控、控制、分流、分案、案款、结案）',
  requires: ['documents.generateBatch', 'inquiries.importFeedback', 'measures.createBatch', 'triage.confirm', 'assignment.distribute', 'ledger.record', 'closure.close', 'archive.review'],
  async run(ctx) {
    const { db, today } = ctx;
    const w = new Workdays(ctx.options.fromYear, today);
    const feedbackRng = ctx.rng.fork('feedback');
    const feedbackDays = new Map<string, string | null>();
    // One feedback day per query day, drawn in date order so the draw does not depend on the case order.
    const feedbackOf = (queryOn: string) => feedbackDays.get(queryOn) ?? null;
    for (let d = w.onOrAfter(`${ctx.options.fromYear}-01-01`); d !== null; d = w.plusWorking(d, 1)) feedbackDays.set(d, w.after(d, feedbackRng.int(2, 5)));

    const cases = db.raw<{ id: number; number: string; type: FilingType; filed_on: string; claim_fen: number }>('SELECT id, number, type, filed_on, claim_fen FROM cases ORDER BY id');
    const plans = new Map<number, CasePlan>();
    for (const c of cases) {
      plans.set(c.id, planCase(ctx.rng.fork(`case:${c.number}`), w, { caseId: c.id, type: c.type, filedOn: c.filed_on, claimFen: c.claim_fen }, today, feedbackOf));
    }
    // Real documents for the last few notices and closures only (see notices.ts, closure.ts).
    // One case a day over the last notice days, so some are served by now and some still in the post.
    const noticed = [...plans.values()].filter((c) => c.noticeOn !== null && c.noticeOn <= today && (c.closeOn === null || c.closeOn > c.noticeOn));
    const lastOfDay = new Map<string, CasePlan>();
    for (const c of noticed) if ((lastOfDay.get(c.noticeOn!)?.caseId ?? 0) < c.caseId) lastOfDay.set(c.noticeOn!, c);
    for (const d of [...lastOfDay.keys()].sort().slice(-REAL_NOTICE_CASES)) lastOfDay.get(d)!.realNotice = true;
    const closing = [...plans.values()].filter((c) => c.closeOn !== null && diffCalendarDays(today, c.closeOn) <= 10);
    closing.sort((a, b) => (a.closeOn! < b.closeOn! ? 1 : a.closeOn! > b.closeOn! ? -1 : b.caseId - a.caseId));
    const realClosures = new Set(closing.slice(0, REAL_CLOSURES).map((c) => c.caseId));

    const agenda = new Map<string, Map<Action, CasePlan[]>>();
    for (const c of plans.values()) {
      for (const a of ACTIONS) {
        const d = dateOf(c, a);
        if (d === null || d > today) continue;
        const day = agenda.get(d) ?? agenda.set(d, new Map()).get(d)!;
        (day.get(a) ?? day.set(a, []).get(a)!).push(c);
      }
    }

    const p: Pipeline = { ctx, plans, staff: demoStaff(ctx), counts: emptyCounts(), realNow: ctx.app.clock.now() };
    const sent = new Map<string, SentBatch[]>();
    const requerySent = new Map<string, SentRequery[]>();
    // The re-queries draw from their own stream, so they leave every other action's draws as they were.
    const rq: Pipeline = { ...p, ctx: { ...ctx, rng: ctx.rng.fork('requery') } };
    const days = [...new Set([...agenda.keys(), ...feedbackDays.keys(), ...[...feedbackDays.values()].filter((d): d is string => d !== null)])].filter((d) => d <= today).sort();
    const ms: Record<string, number> = {};
    let n = 0;
    for (const date of days) {
      ctx.checkCancelled();
      const todo = agenda.get(date) ?? new Map<Action, CasePlan[]>();
      const list = (a: Action) => todo.get(a) ?? [];
      // Each action timed, so the summary shows where the replay spends its time.
      const run = async (a: Action | 'feedback' | 'requery', work: () => unknown) => {
        const t0 = performance.now();
        await work();
        ms[a] = (ms[a] ?? 0) + performance.now() - t0;
      };
      const has = (a: Action) => list(a).length > 0;
      if (has('preserve')) await run('preserve', () => queuePreservation(p, date, list('preserve')));
      if (has('notice')) await run('notice', () => makeNotices(p, date, list('notice')));
      if (has('query'))
        await run('query', () => {
          const b = createQueryBatch(p, date, list('query'));
          const back = feedbackOf(date);
          if (b && back) sent.set(back, [...(sent.get(back) ?? []), b]);
        });
      // 终本 re-queries (终本规定 Art. 9): the group's monthly batch of the rounds falling due (pipeline/requery.ts).
      if (isRequeryDay(w, date))
        await run('requery', () => {
          const back = feedbackOf(date);
          const r = createRequeryRound(rq, date, back !== null && diffCalendarDays(today, back) <= REAL_REQUERY_DAYS);
          if (r && back) requerySent.set(back, [...(requerySent.get(back) ?? []), r]);
        });
      if (has('payment')) await run('payment', () => receivePayments(p, date, list('payment')));
      if (has('triage')) await run('triage', () => triageDay(p, date, list('triage')));
      if (has('assign')) await run('assign', () => distributeDay(p, date, list('assign')));
      if (has('served')) await run('served', () => recordService(p, date, list('served')));
      for (const b of sent.get(date) ?? []) await run('feedback', () => importBatchFeedback(p, date, b));
      sent.delete(date);
      for (const r of requerySent.get(date) ?? []) await run('requery', () => collectRequeryRound(rq, date, r));
      requerySent.delete(date);
      if (has('control')) await run('control', () => freezeFound(p, date, list('control')));
      if (has('freezeResult')) await run('freezeResult', () => recordReplies(p, date, list('freezeResult'), 'freeze'));
      if (has('deduct')) await run('deduct', () => deductFrozen(p, date, list('deduct')));
      if (has('deductResult')) await run('deductResult', () => recordReplies(p, date, list('deductResult'), 'deduct'));
      if (has('payout')) await run('payout', () => payOut(p, date, list('payout')));
      if (has('close')) await run('close', () => closeDay(p, date, list('close'), (c) => realClosures.has(c.caseId)));
      if (has('review')) await run('review', () => reviewDay(p, date, list('review')));
      if (++n % 10 === 0) {
        ctx.progress(`案件流转：${date}`, n, days.length);
        await ctx.breathe();
      }
    }
    ctx.progress('案件流转完成', days.length, days.length);
    ctx.summary.pipeline = { ...p.counts, ms: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(v)])) };
  },
};
