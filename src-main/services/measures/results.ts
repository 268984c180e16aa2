import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { fenToYuanString } from '../../../src-shared/domain/money';
import { appendEvent, type Actor } from '../../events/log';
import { recordReceipt } from '../ledger/entries';
import { freezeHeldFen } from './amounts';

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

/**
 * A deduction (划拨, 民诉法 2023 Art. 253) takes the frozen money out of the account: what it took no
 * longer stands frozen. When the deductions drawn on a freeze have taken all it held, the freeze has
 * nothing left to hold and ends — there is nothing to renew (民诉法解释 2022 Art. 485) or release
 * (查扣冻规定 2020 Art. 28). A partial deduction leaves the rest frozen for its term.
 */
function endConsumedFreeze(db: Db, actor: Actor, at: Date, freezeId: number, deductionId: number, on: string): void {
  const f = db.get(db.q.selectFrom('measures').select(['id', 'case_id', 'asset_id', 'action', 'status', 'ended_on', 'actual_fen', 'amount_fen']).where('id', '=', freezeId));
  if (!f || f.action !== 'freeze' || f.ended_on !== null || (f.status !== 'done' && f.status !== 'partial')) return;
  if (freezeHeldFen(db, f.id) > 0) return;
  db.run(db.q.updateTable('measures').set({ ended_on: on, ended_by: deductionId }).where('id', '=', f.id));
  appendEvent(db, actor, at, {
    caseId: f.case_id,
    type: 'measure.ended',
    onDate: on,
    payload: { measureId: f.id, action: 'freeze', assetId: f.asset_id, byMeasureId: deductionId, deductedFen: f.actual_fen ?? f.amount_fen },
  });
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
        if (m.from_measure_id !== null) endConsumedFreeze(db, actor, at, m.from_measure_id, m.id, on);
      }
      return m.id;
    });
  });
}
