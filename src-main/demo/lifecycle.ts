import { addCalendarDays, diffCalendarDays } from '../../src-shared/domain/chineseDate';
import type { CaseStage, FilingType } from '../../src-shared/domain/stages';
import type { Rng } from './random';
import { ASSET_TYPES } from '../../src-shared/domain/assets';
import { ENFORCEMENT_MODES, PRESERVATION_MODES } from './casePlan';

// A synthetic life of one case as the events the pipeline domains append (names and payloads of the
// cross-domain contract). Used by the bulk generator for benchmarks; the demo proper drives the real
// services instead.

export interface LifeEvent {
  type: string;
  /** Court-local date the event takes effect on. */
  onDate: string;
  actor: 'window' | 'docsQuery' | 'money' | 'judge' | 'zhongben';
  payload: Record<string, unknown>;
}

export interface CaseLife {
  events: LifeEvent[];
  stage: CaseStage;
  teamId: string | null;
  judge: boolean;
  closedOn: string | null;
  closureMode: string | null;
}

export interface LifeInput {
  caseId: number;
  caseNumber: string;
  type: FilingType;
  filedOn: string;
  claimFen: number;
  debtorCount: number;
  /** The tribunal covering the debtor's township. */
  tribunalId: string;
  interviewed: boolean;
  today: string;
}

// The demo's closure-mode mix (casePlan.ts, shaped to Kailu's published figures), so the benchmark
// court and the demo court close their cases alike.
const CLOSURE_MODES: Record<'执' | '执保', readonly (readonly [string, number])[]> = { 执: ENFORCEMENT_MODES, 执保: PRESERVATION_MODES };

/** Ids for payload references (documents, batches, measures, entries): unique per case and kind. */
const ref = (caseId: number, k: number) => caseId * 100 + k;

/** The events of one case, in date order (same-day events keep the order the pipeline makes them in). */
export function caseLife(rng: Rng, c: LifeInput): CaseLife {
  const life = unsortedLife(rng, c);
  life.events = life.events.map((e, i) => [e, i] as const).sort((a, b) => (a[0].onDate < b[0].onDate ? -1 : a[0].onDate > b[0].onDate ? 1 : a[1] - b[1])).map(([e]) => e);
  return life;
}

function unsortedLife(rng: Rng, c: LifeInput): CaseLife {
  const events: LifeEvent[] = [];
  const push = (days: number, type: string, actor: LifeEvent['actor'], payload: Record<string, unknown>) => {
    const onDate = addCalendarDays(c.filedOn, days);
    if (onDate <= c.today) events.push({ type, onDate, actor, payload });
    return onDate <= c.today;
  };
  const age = diffCalendarDays(c.today, c.filedOn);
  let stage: CaseStage = 'filed';
  const stageTo = (days: number, to: CaseStage, reason: string) => {
    if (push(days, 'case.stageChanged', 'docsQuery', { from: stage, to, reason })) stage = to;
  };

  // The command centre works in daily batches: one notice batch, one query batch, one control batch a day.
  const batchOf = (days: number) => Number(addCalendarDays(c.filedOn, days).replace(/-/g, ''));
  push(0, 'case.filed', 'window', { type: c.type, claimFen: c.claimFen });
  if (c.interviewed) push(0, 'case.interviewed', 'window', { requests: ['限制消费'] });

  // 执保: carried out at once, closed within weeks.
  if (c.type === '执保') {
    const close = rng.int(3, 40);
    push(1, 'measure.applied', 'docsQuery', { measureId: ref(c.caseId, 30), action: 'freeze', assetId: ref(c.caseId, 40), amountFen: c.claimFen, expiresOn: addCalendarDays(c.filedOn, 366), batchId: batchOf(1), batchNumber: `KZ${batchOf(1)}` });
    const mode = rng.weighted(CLOSURE_MODES['执保']);
    if (close <= age) {
      push(close, 'case.closed', 'judge', { mode, recoveredFen: 0, unpaidFen: 0 });
      stageTo(close, 'closed', '结案');
      return { events, stage, teamId: null, judge: false, closedOn: addCalendarDays(c.filedOn, close), closureMode: mode };
    }
    return { events, stage, teamId: null, judge: false, closedOn: null, closureMode: null };
  }

  // Notices batch (≤ 3 working days), served by post a week later.
  const notice = rng.int(1, 4);
  (['执行通知书', '报告财产令', '限制消费令'] as const).forEach((kind, i) =>
    push(notice, 'document.generated', 'docsQuery', { documentId: ref(c.caseId, 10 + i), kind, number: `${c.caseNumber}${kind}`, batchId: `notices-${batchOf(notice)}` }),
  );
  stageTo(notice, 'query', '执行通知已制作');
  push(notice + rng.int(4, 12), 'document.served', 'docsQuery', { documentId: ref(c.caseId, 10), kind: '执行通知书', method: '邮寄送达' });

  // Online query the next day; feedback within a week.
  const query = notice + rng.int(0, 2);
  push(query, 'inquiry.requested', 'docsQuery', { batchId: batchOf(query), batchNumber: `查控${batchOf(query)}`, debtorCount: c.debtorCount, first: true, categories: [...ASSET_TYPES] });
  const feedback = query + rng.int(2, 7);
  const found = rng.chance(0.55);
  const findings = found ? rng.int(1, 4) : 0;
  push(feedback, 'inquiry.feedback', 'docsQuery', { batchId: batchOf(query), batchNumber: `查控${batchOf(query)}`, importId: batchOf(feedback), findings, rows: c.debtorCount * 3, nothingFound: !found, complete: true });
  stageTo(feedback, 'control', '查控反馈已导入');
  let frozenFen = 0;
  if (found) {
    frozenFen = Math.round(c.claimFen * rng.next());
    const action = rng.weighted([['freeze', 70], ['deduct', 20], ['seize', 10]] as const);
    const applied = feedback + rng.int(0, 1);
    push(applied, 'measure.applied', 'docsQuery', {
      measureId: ref(c.caseId, 30),
      action,
      assetId: ref(c.caseId, 40),
      amountFen: frozenFen,
      // A deduction takes the money at once: nothing expires.
      expiresOn: action === 'deduct' ? null : addCalendarDays(c.filedOn, action === 'seize' ? 1100 : 366),
      batchId: batchOf(applied),
      batchNumber: `KZ${batchOf(applied)}`,
    });
  }

  // Triage after the first control (or at once when nothing was found).
  const triage = feedback + rng.int(1, 3);
  stageTo(triage, 'triage', '首次控制完成');
  const simple = found && frozenFen > c.claimFen * 0.5 && rng.chance(0.7);
  const track = simple ? 'simple' : 'complex';
  push(triage, 'triage.decided', 'docsQuery', { track, reason: simple ? '财产已控制，可一次性执行完毕' : '需处置财产或未发现财产', override: false, rule: simple ? 'liquidCovers' : found ? 'needsSale' : 'nothingFound', proposedTrack: track });
  let teamId: string | null;
  if (simple) {
    teamId = 'fast';
    stageTo(triage, 'fastTrack', '简案快执');
  } else {
    teamId = c.tribunalId;
    stageTo(triage, 'assignment', '繁案待分案');
    push(triage + rng.int(0, 3), 'case.assigned', 'docsQuery', { teamId, judgeId: null, runId: ref(c.caseId, 3), rule: '按被执行人住所地法庭' });
    stageTo(triage + 3, 'team', '已分案');
  }

  // Closure: Kailu's average is about two months; 终本 no earlier than 3 months after filing (终本规定 Art. 1(4)).
  let mode = rng.weighted(CLOSURE_MODES['执']);
  if (simple && mode === '终结本次执行程序') mode = '执行完毕';
  const duration = mode === '终结本次执行程序' ? rng.int(92, 200) : Math.max(triage + 4, Math.round(rng.logNormal(45, 0.6)));
  let recoveredFen = 0;
  if (mode === '执行完毕') recoveredFen = c.claimFen;
  else if (mode === '终结本次执行程序' && found) recoveredFen = Math.round(frozenFen * 0.5);
  if (recoveredFen > 0) {
    const arrives = Math.min(duration - 1, triage + rng.int(3, 30));
    push(arrives, 'ledger.receipt', 'money', { entryId: ref(c.caseId, 50), amountFen: recoveredFen, source: found ? 'online' : 'voluntary' });
    push(Math.min(duration, arrives + rng.int(3, 25)), 'ledger.payout', 'money', { entryId: ref(c.caseId, 51), amountFen: recoveredFen, receiptIds: [ref(c.caseId, 50)] });
  }
  if (duration > age) return { events, stage, teamId, judge: teamId !== 'fast', closedOn: null, closureMode: null };
  if (mode === '终结本次执行程序') push(duration - 1, 'document.generated', 'zhongben', { documentId: ref(c.caseId, 20), kind: '终本裁定书', number: `${c.caseNumber}终本裁定书`, batchId: `closure-${batchOf(duration - 1)}` });
  push(duration, 'case.closed', 'judge', { mode, recoveredFen, unpaidFen: c.claimFen - recoveredFen });
  const final: CaseStage = mode === '终结本次执行程序' ? 'archived' : 'closed';
  stageTo(duration, final, '结案');
  return { events, stage, teamId, judge: teamId !== 'fast', closedOn: addCalendarDays(c.filedOn, duration), closureMode: mode };
}
