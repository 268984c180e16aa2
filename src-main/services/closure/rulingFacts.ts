import type { Db } from '../../db/connection';
import { getCaseRow } from '../cases/queries';
import { toChineseDate } from '../../../src-shared/domain/chineseDate';
import { caseEvents, documentEvents, feedbackEvents, interviewEvents, measureHistory, openMeasures } from './caseFacts';

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
  /** One entry per step taken, oldest first, with its date from the records: notices, queries, measures, interview. */
  history: { onDate: string; text: string }[];
  /** Property found by each query (or that nothing was found), with the query's date. */
  property: { onDate: string | null; text: string }[];
  /** Measures still in force after 终本 (Art. 8: restriction and freezes keep running). */
  continuing: string[];
}

const ACTION = { freeze: '冻结', seize: '查封', deduct: '划拨' } as Record<string, string>;

export function rulingFacts(db: Db, caseId: number, recoveredFen: number, unpaidFen: number): RulingFacts {
  const c = getCaseRow(db, caseId);
  const events = caseEvents(db, caseId);
  const history: { onDate: string; text: string }[] = [];
  for (const kind of ['执行通知书', '报告财产令', '限制消费令']) {
    const d = documentEvents(events, kind);
    const served = d.served[0];
    if (served) history.push({ onDate: served.onDate, text: `向被执行人送达${kind}` });
    else if (d.generated[0]) history.push({ onDate: d.generated[0].onDate, text: `发出${kind}` });
  }
  const fb = feedbackEvents(events);
  fb.forEach((e, i) => history.push({ onDate: e.onDate, text: `通过网络执行查控系统查询被执行人的存款、车辆、不动产、证券等财产（第${'一二三四五六七八九十'[i] ?? String(i + 1)}次）` }));
  for (const m of measureHistory(events)) history.push({ onDate: m.onDate, text: `${ACTION[m.action] ?? m.action}被执行人财产${(m.amountFen / 100).toFixed(2)}元` });
  // The interview on the day its record says it was held; a paper file's attestation otherwise.
  const interview = interviewEvents(events).at(-1) ?? events.find((e) => e.type === 'closure.attested' && e.payload.item === 'applicantInterviewed');
  if (interview) history.push({ onDate: interview.onDate, text: '约谈申请执行人，告知执行情况并听取意见' });
  history.sort((a, b) => (a.onDate < b.onDate ? -1 : a.onDate > b.onDate ? 1 : 0));

  const property: { onDate: string | null; text: string }[] = [];
  for (const e of fb) {
    if (e.payload.nothingFound) property.push({ onDate: e.onDate, text: '未发现可供执行的财产' });
    else {
      const f = e.payload.findings;
      const list = Array.isArray(f) ? f.map((x) => (typeof x === 'string' ? x : describeFinding(x))).filter(Boolean) : [];
      property.push({ onDate: e.onDate, text: list.length ? `发现${list.join('；')}` : `发现财产${typeof f === 'number' ? `${f}项` : ''}` });
    }
  }
  if (property.length === 0) property.push({ onDate: null, text: '未发现可供执行的财产' });

  const continuing = openMeasures(events).map((m) => `${ACTION[m.action] ?? m.action}措施（${(m.amountFen / 100).toFixed(2)}元${m.expiresOn ? `，期限至${toChineseDate(m.expiresOn)}` : ''}）继续有效`);
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
