import type { Db } from '../../db/connection';
import { getCaseRow } from '../cases/queries';
import { caseEvents, documentEvents, feedbackEvents, measureHistory, openMeasures } from './caseFacts';

// What the 终本 ruling must state (终本规定 Art. 6, domain.md §4.2): the claim, the enforcement
// history and measures taken, the property found, the amount recovered, the unpaid balance, and the
// applicant's right to resume with the debtor's continuing duty. Filled from the case's events so
// the ruling says exactly what the audit trail shows.

export interface RulingFacts {
  claimFen: number;
  principalFen: number;
  interestFen: number;
  costsFen: number;
  recoveredFen: number;
  unpaidFen: number;
  /** One line per step taken, oldest first: notices served, queries, measures, interview. */
  history: string[];
  /** Property found by the queries (or that nothing was found). */
  property: string[];
  /** Measures still in force after 终本 (Art. 8: restriction and freezes keep running). */
  continuing: string[];
}

const ACTION = { freeze: '冻结', seize: '查封', deduct: '划拨' } as Record<string, string>;

export function rulingFacts(db: Db, caseId: number, recoveredFen: number, unpaidFen: number): RulingFacts {
  const c = getCaseRow(db, caseId);
  const events = caseEvents(db, caseId);
  const history: string[] = [];
  for (const kind of ['执行通知书', '报告财产令', '限制消费令']) {
    const d = documentEvents(events, kind);
    const served = d.served[0];
    if (served) history.push(`${served.onDate}向被执行人送达${kind}`);
    else if (d.generated[0]) history.push(`${d.generated[0].onDate}发出${kind}`);
  }
  const fb = feedbackEvents(events);
  if (fb.length > 0) history.push(`通过网络执行查控系统查询被执行人财产${fb.length}次（${fb.map((e) => e.onDate).join('、')}）`);
  for (const m of measureHistory(events)) history.push(`${m.onDate}${ACTION[m.action] ?? m.action}被执行人财产${(m.amountFen / 100).toFixed(2)}元`);
  const interview = events.find((e) => e.type === 'closure.attested' && e.payload.item === 'applicantInterviewed');
  if (interview) history.push(`${interview.onDate}约谈申请执行人，告知执行情况并听取意见`);

  const property: string[] = [];
  for (const e of fb) {
    if (e.payload.nothingFound) property.push(`${e.onDate}查询：未发现可供执行的财产`);
    else {
      const f = e.payload.findings;
      const list = Array.isArray(f) ? f.map((x) => (typeof x === 'string' ? x : describeFinding(x))).filter(Boolean) : [];
      property.push(`${e.onDate}查询：${list.length ? list.join('；') : `发现财产${typeof f === 'number' ? `${f}项` : ''}`}`);
    }
  }
  if (property.length === 0) property.push('未发现可供执行的财产');

  const continuing = openMeasures(events).map((m) => `${ACTION[m.action] ?? m.action}措施（${(m.amountFen / 100).toFixed(2)}元${m.expiresOn ? `，期限至${m.expiresOn}` : ''}）继续有效`);
  if (documentEvents(events, '限制消费令').generated.length > 0) continuing.unshift('限制消费令继续有效');

  return { claimFen: c.claim_fen, principalFen: c.principal_fen, interestFen: c.interest_fen, costsFen: c.costs_fen, recoveredFen, unpaidFen, history, property, continuing };
}

function describeFinding(x: unknown): string {
  if (!x || typeof x !== 'object') return '';
  const o = x as Record<string, unknown>;
  const parts = [o.assetType, o.institution, o.identifier].filter((v) => typeof v === 'string' && v);
  const value = typeof o.valueFen === 'number' ? `，${(o.valueFen / 100).toFixed(2)}元` : typeof o.balanceFen === 'number' ? `，余额${(o.balanceFen / 100).toFixed(2)}元` : '';
  return `${parts.join(' ')}${value}`;
}
