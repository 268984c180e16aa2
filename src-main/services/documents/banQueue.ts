import type { Db } from '../../db/connection';
import { addCalendarDays } from '../../../src-shared/domain/chineseDate';
import { getSettings } from '../settings/settings';
import { recoveredFen } from '../ledger';
import { scopeSql, type CaseScope } from '../auth/scope';

// The queue of 限制消费令 to issue (《最高人民法院关于限制被执行人高消费及有关消费的若干规定》
// 法释〔2015〕17号 Art. 1: the court may restrict when the debtor has not performed within the period
// of the 执行通知书): open cases whose notice was served, whose period has run out, that are not paid
// in full and have no current order yet. The period is the setting performanceDays from service.

export interface BanQueueRow {
  caseId: number;
  number: string;
  debtors: string;
  claimFen: number;
  recoveredFen: number;
  servedOn: string;
  dueOn: string;
}

export function banQueue(db: Db, today: string, input: { offset: number; limit: number }, scope: CaseScope): { rows: BanQueueRow[]; total: number } {
  const inScope = scopeSql(scope);
  const days = getSettings(db).performanceDays;
  // Served on or before today − days: the period's last day is before today.
  const servedBy = addCalendarDays(today, -days - 1);
  const candidates = db.raw<{ id: number; number: string; debtor_names: string; claim_fen: number; served_on: string }>(
    `SELECT c.id, c.number, c.debtor_names, c.claim_fen, min(d.served_on) AS served_on
     FROM cases c JOIN documents d ON d.case_id = c.id AND d.kind = '执行通知书' AND d.status = 'current' AND d.served_on IS NOT NULL
     WHERE c.closed_on IS NULL${inScope.sql}
       AND NOT EXISTS (SELECT 1 FROM documents b WHERE b.case_id = c.id AND b.kind = '限制消费令' AND b.status = 'current')
     GROUP BY c.id HAVING min(d.served_on) <= ? ORDER BY min(d.served_on), c.id`,
    ...inScope.params,
    servedBy,
  );
  const rows: BanQueueRow[] = [];
  for (const c of candidates) {
    const recovered = recoveredFen(db, c.id);
    if (recovered >= c.claim_fen) continue;
    rows.push({ caseId: c.id, number: c.number, debtors: c.debtor_names, claimFen: c.claim_fen, recoveredFen: recovered, servedOn: c.served_on, dueOn: addCalendarDays(c.served_on, days) });
  }
  return { rows: rows.slice(input.offset, input.offset + input.limit), total: rows.length };
}
