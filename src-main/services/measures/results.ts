import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { fenToYuanString } from '../../../src-shared/domain/money';
import { appendEvent, type Actor } from '../../events/log';
import { recordReceipt } from '../ledger/entries';

// Results of the notices to assist (回执): done, partly done (with the amount actually frozen or
// deducted) or refused. A deduction that took money books it as a receipt on the case ledger
// (source 'online', dated the day of the deduction), which starts that money's payout clock.
// Results are accepted for closed cases too: the institution's reply arrives when it arrives.

export interface ResultInput {
  measureId: number;
  outcome: 'done' | 'partial' | 'refused';
  actualFen?: number | undefined;
  on?: string | undefined;
  note?: string | undefined;
}

export function recordResults(db: Db, actor: Actor, at: Date, today: string, results: ResultInput[]): number[] {
  return db.tx(() => {
    const seen = new Set<number>();
    return results.map((r, i) => {
      const field = `results.${i}`;
      const m = db.get(db.q.selectFrom('measures').selectAll().where('id', '=', r.measureId));
      if (!m) throw new ApiError('not_found', `控制措施不存在（编号 ${r.measureId}）`, `${field}.measureId`);
      if (seen.has(m.id)) throw invalid(`${field}.measureId`, '同一措施重复登记结果');
      seen.add(m.id);
      if (m.status !== 'pending') throw new ApiError('conflict', `措施 ${m.id} 已登记结果，不能重复登记`, `${field}.measureId`);
      const on = r.on ?? today;
      if (on > today) throw invalid(`${field}.on`, '结果日期不能晚于今天');
      if (on < m.start_on) throw invalid(`${field}.on`, `结果日期早于措施开始日 ${m.start_on}`);
      let actual: number;
      if (r.outcome === 'refused') {
        if (r.actualFen) throw invalid(`${field}.actualFen`, '未能执行的措施实际金额应为0');
        actual = 0;
      } else if (r.outcome === 'partial') {
        if (r.actualFen === undefined) throw invalid(`${field}.actualFen`, '部分执行须填写实际金额');
        if (r.actualFen <= 0 || r.actualFen >= m.amount_fen) throw invalid(`${field}.actualFen`, `部分执行的实际金额应大于0且小于 ${fenToYuanString(m.amount_fen)} 元`);
        actual = r.actualFen;
      } else {
        actual = r.actualFen ?? m.amount_fen;
        if (actual !== m.amount_fen) throw invalid(`${field}.actualFen`, `已执行的实际金额应等于措施金额 ${fenToYuanString(m.amount_fen)} 元（金额不足请登记为部分执行）`);
      }
      db.run(db.q.updateTable('measures').set({ status: r.outcome, actual_fen: actual, result_on: on, result_note: r.note || null }).where('id', '=', m.id));
      appendEvent(db, actor, at, { caseId: m.case_id, type: 'measure.result', onDate: on, payload: { measureId: m.id, action: m.action, outcome: r.outcome, actualFen: actual } });
      if (m.action === 'deduct' && actual > 0) {
        recordReceipt(db, actor, at, { caseId: m.case_id, amountFen: actual, on, source: 'online', measureId: m.id, note: '扣划到账' });
      }
      return m.id;
    });
  });
}
