import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { getCaseRow } from '../cases/queries';
import { setStage } from '../cases/stage';
import { getSettings } from '../settings/settings';
import { triageFacts } from './facts';

// The fast-track queue (快执): cases where enough money is already under control. The steps are
// the fewest the law allows — deduct the frozen money (扣划, 民诉法 2023 Art. 253), pay it out (法发
// 〔2017〕6号), close as 执行完毕 with the closure notice (法发〔2014〕26号 Art. 15) — each done with
// the measures, ledger and closure methods; the queue says which step each case is at.

export type FastTrackStep = 'deduct' | 'payout' | 'close' | 'review';
export const FAST_TRACK_STEP_LABELS: Record<FastTrackStep, string> = {
  deduct: '扣划冻结款',
  payout: '发放案款',
  close: '以执行完毕结案',
  review: '资金不足，考虑退回分流',
};

export function fastTrackQueue(db: Db, filter: { judgeId?: number | undefined }) {
  const settings = getSettings(db);
  let q = db.q
    .selectFrom('cases as c')
    .leftJoin('users as u', 'u.id', 'c.judge_id')
    .select(['c.id', 'c.number', 'c.applicant_names', 'c.debtor_names', 'c.claim_fen', 'c.filed_on', 'c.team_id', 'c.judge_id', 'u.display_name as judge_name'])
    .where('c.stage', '=', 'fastTrack');
  if (filter.judgeId !== undefined) q = q.where('c.judge_id', '=', filter.judgeId);
  const rows = db.all(q.orderBy('c.filed_on').orderBy('c.id'));
  return rows.map((c) => {
    const f = triageFacts(db, c.id, settings.triage);
    const step: FastTrackStep =
      f.outstandingFen === 0 && f.balanceFen === 0 ? 'close' : f.balanceFen > 0 ? 'payout' : f.frozenFen > 0 ? 'deduct' : 'review';
    return {
      caseId: c.id,
      number: c.number,
      applicants: c.applicant_names,
      debtors: c.debtor_names,
      filedOn: c.filed_on,
      claimFen: c.claim_fen,
      outstandingFen: f.outstandingFen,
      frozenFen: f.frozenFen,
      balanceFen: f.balanceFen,
      teamId: c.team_id,
      judgeId: c.judge_id,
      judgeName: c.judge_name,
      step,
      stepLabel: FAST_TRACK_STEP_LABELS[step],
    };
  });
}

/** A fast-track case that turns out hard goes back to triage with the reason, and leaves the team. */
export function sendBackToTriage(db: Db, actor: Actor, at: Date, caseIds: number[], reason: string): void {
  const why = reason.trim();
  if (why.length < 2) throw invalid('reason', '退回分流须填写理由');
  db.tx(() => {
    caseIds.forEach((id, i) => {
      const c = getCaseRow(db, id);
      if (c.stage !== 'fastTrack') throw new ApiError('conflict', `案件 ${c.number} 不在快执环节，不能退回分流`, `caseIds.${i}`);
      db.run(db.q.updateTable('cases').set({ team_id: null, judge_id: null }).where('id', '=', id));
      appendEvent(db, actor, at, { caseId: id, type: 'triage.sentBack', payload: { reason: why, fromTeamId: c.team_id, fromJudgeId: c.judge_id } });
      setStage(db, actor, at, id, 'triage', `快执退回分流：${why}`);
    });
  });
}
