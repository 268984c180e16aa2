import { describe, expect, it } from 'vitest';
import shipped from '../../resources/calendar/holidays-2020-2026.json';
import { makeCalendar, type CalendarEntry } from '../../src-shared/domain/workingDays';
import { defaultDeadlineRules, deadlineRule, type DeadlineRule } from '../../src-shared/domain/deadlineRules';
import { bucketOf, computeDeadlines, type CaseEventLite } from '../../src-shared/domain/deadlines';

const cal = makeCalendar(shipped.days as CalendarEntry[], shipped.years);
const rules = defaultDeadlineRules();
const only = (id: string): DeadlineRule[] => rules.filter((r) => r.id === id);
const facts = { type: '执', nonLitigation: false };

let nextId = 1;
function ev(type: string, onDate: string, payload: Record<string, unknown> = {}, at = `${onDate}T02:00:00.000Z`): CaseEventLite {
  return { id: nextId++, type, at, onDate, payload };
}

describe('deadline rules derived from events', () => {
  it('notices: 3 working days from filing — filed 2025-09-30, due 2025-10-11 (make-up Saturday)', () => {
    const e = [ev('case.filed', '2025-09-30')];
    const [d] = computeDeadlines(facts, e, only('notices'), cal);
    expect(d).toMatchObject({ ruleId: 'notices', startOn: '2025-09-30', dueOn: '2025-10-11', status: 'open' });
    const met = computeDeadlines(facts, [...e, ev('document.generated', '2025-10-10', { kind: '执行通知书' })], only('notices'), cal)[0]!;
    expect(met.status).toBe('met');
    const late = computeDeadlines(facts, [...e, ev('document.generated', '2025-10-13', { kind: '执行通知书' })], only('notices'), cal)[0]!;
    expect(late.status).toBe('late');
    // Another kind of document does not stop the clock.
    expect(computeDeadlines(facts, [...e, ev('document.generated', '2025-10-09', { kind: '限制消费令' })], only('notices'), cal)[0]!.status).toBe('open');
  });

  it('officer: 7 calendar days from filing, moved past a day off (Art. 85)', () => {
    const [d] = computeDeadlines(facts, [ev('case.filed', '2026-11-13')], only('officer'), cal); // +7 = Fri 11-20
    expect(d!.dueOn).toBe('2026-11-20');
    const [w] = computeDeadlines(facts, [ev('case.filed', '2026-11-14')], only('officer'), cal); // +7 = Sat → Mon
    expect(w!.dueOn).toBe('2026-11-23');
    const stopped = computeDeadlines(facts, [ev('case.filed', '2026-11-14'), ev('case.stageChanged', '2026-11-18', { from: 'triage', to: 'fastTrack' })], only('officer'), cal);
    expect(stopped[0]!.status).toBe('met');
  });

  it('notice after assignment is met when the notice and report order went out before (集约 model)', () => {
    const e = [ev('case.filed', '2026-03-02'), ev('document.generated', '2026-03-03', { kind: '报告财产令' }), ev('case.assigned', '2026-03-20', { teamId: 'a', judgeId: 2 })];
    const [d] = computeDeadlines(facts, e, only('noticeAfterAssignment'), cal);
    expect(d).toMatchObject({ status: 'met', dueOn: '2026-03-23' });
  });

  it('first query: 24 hours from hand-over to the query staff, to the minute', () => {
    const e = [ev('case.stageChanged', '2026-03-06', { to: 'query' }, '2026-03-06T07:30:00.000Z')];
    const [d] = computeDeadlines(facts, e, only('firstQuery'), cal);
    expect(d).toMatchObject({ dueAt: '2026-03-07T07:30:00.000Z', dueOn: '2026-03-07' });
    expect(bucketOf(d!, new Date('2026-03-07T07:29:00Z'), '2026-03-07', '2026-03-12')).toBe('today');
    expect(bucketOf(d!, new Date('2026-03-07T07:31:00Z'), '2026-03-07', '2026-03-12')).toBe('overdue');
    // As a setting, hour clocks may stand still over days off: Friday 15:30 local → Monday 15:30.
    const paused = only('firstQuery').map((r) => ({ ...r, pauseOnDaysOff: true }));
    expect(computeDeadlines(facts, e, paused, cal)[0]!.dueAt).toBe('2026-03-09T07:30:00.000Z');
  });

  it('control: 24 hours after feedback with findings; nothing-found feedback starts no clock', () => {
    expect(computeDeadlines(facts, [ev('inquiry.feedback', '2026-03-09', { nothingFound: true })], only('control'), cal)).toEqual([]);
    const e = [ev('inquiry.feedback', '2026-03-09', { nothingFound: false }, '2026-03-09T01:00:00.000Z'), ev('measure.applied', '2026-03-10', { measureId: 1, action: 'freeze' }, '2026-03-10T03:00:00.000Z')];
    expect(computeDeadlines(facts, e, only('control'), cal)[0]!.status).toBe('late');
  });

  it('hand-over: 3 days from entering triage; each return to triage starts a new clock', () => {
    const e = [
      ev('case.stageChanged', '2026-03-10', { to: 'triage' }),
      ev('case.stageChanged', '2026-03-11', { to: 'fastTrack' }),
      ev('case.stageChanged', '2026-04-01', { to: 'triage' }),
    ];
    const ds = computeDeadlines(facts, e, only('handover'), cal);
    expect(ds.map((d) => [d.seq, d.status, d.dueOn])).toEqual([
      [1, 'met', '2026-03-13'],
      [2, 'open', '2026-04-04'],
    ]);
  });

  it('closure: 6 months from filing net of suspensions; 3 months for non-litigation titles', () => {
    const filed = ev('case.filed', '2026-01-15');
    expect(computeDeadlines(facts, [filed], only('closure'), cal)[0]!.dueOn).toBe('2026-07-15');
    expect(computeDeadlines({ type: '执', nonLitigation: true }, [filed], [...only('closure'), ...only('closureNonLitigation')], cal).map((d) => [d.ruleId, d.dueOn])).toEqual([
      ['closureNonLitigation', '2026-04-15'],
    ]);
    // 20 days of 公告 (02-01 … 02-20 inclusive; resumed 02-21) push the end 20 days: 07-15 → 08-04.
    const withNotice = [filed, ev('case.suspended', '2026-02-01', { kind: '公告' }), ev('case.unsuspended', '2026-02-21', { kind: '公告' })];
    const d = computeDeadlines(facts, withNotice, only('closure'), cal)[0]!;
    expect(d).toMatchObject({ dueOn: '2026-08-04', excludedDays: 20 });
    // While a suspension runs the clock is paused (no due date); closing stops it.
    const running = computeDeadlines(facts, [filed, ev('case.suspended', '2026-02-01', { kind: '中止' })], only('closure'), cal)[0]!;
    expect(running).toMatchObject({ status: 'paused', dueOn: null });
    expect(computeDeadlines(facts, [filed, ev('case.closed', '2026-05-01', { mode: '执行完毕' })], only('closure'), cal)[0]!.status).toBe('met');
    // 执保 cases are not under this rule.
    expect(computeDeadlines({ type: '执保', nonLitigation: false }, [filed], only('closure'), cal)).toEqual([]);
  });

  it('payout: 30 days per receipt, out-flows taking the oldest money first (法发〔2017〕6号, domain.md §7)', () => {
    const r11 = ev('ledger.receipt', '2026-03-01', { entryId: 11, amountFen: 1000 });
    const r12 = ev('ledger.receipt', '2026-03-05', { entryId: 12, amountFen: 500 });
    const p13 = ev('ledger.payout', '2026-03-20', { entryId: 13, amountFen: 500, receiptIds: [11] });
    const ds = computeDeadlines(facts, [r11, r12, p13], only('payout'), cal);
    // Half of the first receipt is still waiting; the second is untouched.
    expect(ds.map((d) => [d.status, d.dueOn])).toEqual([
      ['open', '2026-03-31'],
      ['open', '2026-04-07'], // 04-04 is 清明 (holiday block 04-04…04-06) → next working day 04-07
    ]);
    // The payout that takes the last of a receipt settles it: late for the first, on time for the second.
    const p14 = ev('ledger.payout', '2026-04-02', { entryId: 14, amountFen: 1000 });
    const settled = computeDeadlines(facts, [r11, r12, p13, p14], only('payout'), cal);
    expect(settled.map((d) => [d.status, d.doneEventId])).toEqual([
      ['late', p14.id],
      ['met', p14.id],
    ]);
    // A fee counts as money leaving the account too.
    const fee = ev('ledger.fee', '2026-03-21', { entryId: 15, amountFen: 500 });
    expect(computeDeadlines(facts, [r11, r12, p13, fee], only('payout'), cal).map((d) => d.status)).toEqual(['met', 'open']);
  });

  it('payout: a deferral of part of the money moves only that part\'s day; a deferral of the account moves all', () => {
    const r11 = ev('ledger.receipt', '2026-03-01', { entryId: 11, amountFen: 1000 });
    const r12 = ev('ledger.receipt', '2026-03-05', { entryId: 12, amountFen: 500 });
    const p13 = ev('ledger.payout', '2026-03-20', { entryId: 13, amountFen: 500 });
    // 700 held until 05-15: the 500 left of the first receipt and 200 of the second; 300 keeps its day.
    const part = ev('ledger.deferral', '2026-03-20', { entryId: 16, ground: '需要参与分配', until: '2026-05-15', approver: '局长', amountFen: 700 });
    expect(computeDeadlines(facts, [r11, r12, p13, part], only('payout'), cal).map((d) => [d.status, d.dueOn])).toEqual([
      ['open', '2026-05-15'],
      ['open', '2026-04-07'],
    ]);
    const whole = ev('ledger.deferral', '2026-03-20', { entryId: 17, ground: '需要参与分配', until: '2026-05-15', approver: '局长' });
    expect(computeDeadlines(facts, [r11, r12, p13, whole], only('payout'), cal).map((d) => [d.status, d.dueOn])).toEqual([
      ['open', '2026-05-15'],
      ['open', '2026-05-15'],
    ]);
    // A reversed deferral no longer counts; a reversed receipt has no clock.
    const undo = ev('ledger.reversal', '2026-03-25', { entryId: 18, reverses: 16, reversedKind: 'deferral', reversedLabel: '暂缓发放', amountFen: 700, reason: '误录' });
    expect(computeDeadlines(facts, [r11, r12, p13, part, undo], only('payout'), cal).map((d) => d.dueOn)).toEqual(['2026-03-31', '2026-04-07']);
    const gone = ev('ledger.reversal', '2026-03-25', { entryId: 19, reverses: 12, reversedKind: 'receipt', reversedLabel: '到账', amountFen: 500, reason: '误录' });
    expect(computeDeadlines(facts, [r11, r12, gone], only('payout'), cal).map((d) => [d.status, d.doneEventId])).toEqual([
      ['open', null],
      ['cancelled', gone.id],
    ]);
  });

  it('renewal: due on the measure\'s expiry; a renewal meets it and starts the next term', () => {
    const e = [
      ev('measure.applied', '2026-03-01', { measureId: 5, action: 'freeze', expiresOn: '2027-02-28' }),
      ev('measure.applied', '2026-03-01', { measureId: 6, action: 'deduct', expiresOn: null }),
      ev('measure.renewed', '2027-02-20', { measureId: 5, expiresOn: '2028-02-19' }),
    ];
    const ds = computeDeadlines(facts, e, only('renewal'), cal);
    expect(ds.map((d) => [d.status, d.dueOn])).toEqual([
      ['met', '2027-02-28'],
      ['open', '2028-02-19'],
    ]);
  });

  it('终本 re-query: every 6 months, each period met by a query after the previous due date', () => {
    const closed = ev('case.closed', '2025-01-10', { mode: '终结本次执行程序' });
    const e = [closed, ev('archive.requeried', '2025-06-01'), ev('archive.requeried', '2025-12-01')];
    const ds = computeDeadlines(facts, e, only('requery'), cal);
    expect(ds.map((d) => [d.seq, d.status, d.dueOn])).toEqual([
      [1, 'met', '2025-07-10'],
      [2, 'met', '2026-01-10'],
      [3, 'open', '2026-07-10'],
    ]);
    expect(computeDeadlines(facts, [ev('case.closed', '2025-01-10', { mode: '执行完毕' })], only('requery'), cal)).toEqual([]);
    expect(computeDeadlines(facts, [closed, ev('case.resumed', '2025-03-01', { newCaseId: 9 })], only('requery'), cal)[0]!.status).toBe('cancelled');
  });

  it('a closed case no longer owes its notice', () => {
    const e = [ev('case.filed', '2026-03-02'), ev('case.closed', '2026-03-03', { mode: '驳回申请' })];
    expect(computeDeadlines(facts, e, only('notices'), cal)[0]!.status).toBe('cancelled');
  });

  it('a closed case starts no clock of its process: feedback with findings after a 终本 closure owes no control', () => {
    const preservation = { type: '执保', nonLitigation: false };
    const e = [
      ev('case.filed', '2022-03-01'),
      ev('case.closed', '2022-04-01', { mode: '终结本次执行程序' }),
      ev('inquiry.feedback', '2022-05-01', { nothingFound: false }),
      ev('case.stageChanged', '2022-05-02', { to: 'query' }),
    ];
    const ds = computeDeadlines(preservation, e, rules, cal);
    // Nothing is open or overdue on the closed case but the re-query it owes from the closure (终本规定 第9条).
    expect(ds.filter((d) => d.status === 'open' || d.status === 'paused').map((d) => d.ruleId)).toEqual(['requery']);
    expect(ds.find((d) => d.ruleId === 'control')).toBeUndefined();
    expect(ds.find((d) => d.ruleId === 'firstQuery')).toBeUndefined();
    // The board's test: on 2026-12-05 no clock of this case is overdue except the re-query.
    const overdue = ds.filter((d) => bucketOf(d, new Date('2026-12-05T04:00:00Z'), '2026-12-05', '2026-12-10') === 'overdue');
    expect(overdue.map((d) => d.ruleId)).toEqual(['requery']);
  });

  it('every clock of a case stops at closure, and a resumed (执恢) case runs its own from its filing', () => {
    const e = [ev('case.filed', '2026-01-05'), ev('case.stageChanged', '2026-01-06', { to: 'query' }), ev('case.closed', '2026-01-06', { mode: '终结执行' })];
    const closed = computeDeadlines(facts, e, rules, cal);
    expect(closed.filter((d) => d.status === 'open' || d.status === 'paused')).toEqual([]);
    // The resumption is a new 执恢 case (2014 意见 第6条): its clocks start from its own filing.
    const resumed = computeDeadlines({ type: '执恢', nonLitigation: false }, [ev('case.filed', '2026-11-30')], rules, cal);
    expect(resumed.filter((d) => d.status === 'open').map((d) => [d.ruleId, d.dueOn])).toEqual([
      ['notices', '2026-12-03'],
      ['officer', '2026-12-07'],
      ['closure', '2027-05-31'],
    ]);
  });

  it('中止 stops the clocks of the enforcement process until resumption (严格执行审限规定 第9条第（九）项)', () => {
    const filed = ev('case.filed', '2026-03-02');
    const suspended = ev('case.suspended', '2026-03-03', { kind: '中止' });
    // Running: the officer clock (7 days, due 03-09) has no due date while suspended.
    expect(computeDeadlines(facts, [filed, suspended], only('officer'), cal)[0]).toMatchObject({ status: 'paused', dueOn: null });
    // Resumed on 03-13: 03-03 … 03-12 (10 days) do not count → due 03-19.
    const resumed = computeDeadlines(facts, [filed, suspended, ev('case.unsuspended', '2026-03-13', { kind: '中止' })], only('officer'), cal)[0]!;
    expect(resumed).toMatchObject({ status: 'open', dueOn: '2026-03-19', excludedDays: 10 });
    // Other kinds still count only where the rule lists them: 公告 does not stop the officer clock.
    const notice = computeDeadlines(facts, [filed, ev('case.suspended', '2026-03-03', { kind: '公告' })], only('officer'), cal)[0]!;
    expect(notice).toMatchObject({ status: 'open', dueOn: '2026-03-09' });
    // A payout is owed whatever the state of the case: 中止 does not stop its clock.
    const payout = computeDeadlines(facts, [filed, suspended, ev('ledger.receipt', '2026-03-05', { entryId: 1, amountFen: 100 })], only('payout'), cal)[0]!;
    expect(payout).toMatchObject({ status: 'open', dueOn: '2026-04-07' });
  });

  it('中止 does not stop a clock counted in hours: the family of a detained person is told within 24 h (民诉法解释 第180条)', () => {
    const filed = ev('case.filed', '2026-03-02');
    const suspended = ev('case.suspended', '2026-03-03', { kind: '中止' });
    const detained = ev('coercion.detained', '2026-03-05', { measureId: 7 }, '2026-03-05T02:00:00.000Z');
    const [d] = computeDeadlines(facts, [filed, suspended, detained], only('detentionFamily'), cal);
    expect(d).toMatchObject({ status: 'open', dueAt: '2026-03-06T02:00:00.000Z' });
  });

  it('the 终本 re-queries run from the corrected closure date', () => {
    const e = [ev('case.closed', '2025-01-10', { mode: '终结本次执行程序' }), ev('case.closureCorrected', '2025-02-10', { mode: '终结本次执行程序' })];
    expect(computeDeadlines(facts, e, only('requery'), cal)[0]).toMatchObject({ startOn: '2025-02-10', dueOn: '2025-08-10' });
  });

  it('rejects a rule with a bad unit, naming the field in Chinese', () => {
    const r = deadlineRule.safeParse({ id: 'x', name: '测试', unit: 'weeks', amount: 1, start: [{ type: 'case.filed' }], stop: [{ type: 'case.closed' }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['unit']);
    expect(r.error!.issues[0]!.message).toMatch(/单位/);
  });
});
