import { CHECKLIST_RULES, MODE_RULES, REVIEW_REASONS, type ChecklistItem } from '../../../src-shared/domain/closure';
import { attestItem, evaluateChecklist } from '../../services/closure/checklist';
import { closeCase, type CloseInput } from '../../services/closure/close';
import { reviewCase } from '../../services/archive/review';
import type { CasePlan } from '../casePlan';
import type { DemoUser } from '../steps';
import { at, callAs, isOpen, type Pipeline } from './state';

// 结案 in the mode the plan drew, by the judge who holds the case. The last few days' closures go
// through closure.close and get their real documents (结案通知书, 终本裁定书 …); older ones are closed
// by the same service with no documents issued (rendering thousands would take the demo too long),
// which the closure records as it would a closure whose documents were made on paper.

/** What the clerk writes when attesting a 终本 condition the case's events do not show (paper-era files). */
const ATTESTATION_NOTES: Record<ChecklistItem, (date: string) => string> = {
  noticeServed: () => '执行通知书已邮寄送达，送达回证附卷（纸质卷宗）',
  reportOrderServed: () => '报告财产令与执行通知书一并送达，送达回证附卷（纸质卷宗）',
  restrictionIssued: () => '已发出限制消费令并纳入限制消费人员名单（纸质卷宗）',
  onlineQueried: () => '已通过总对总网络查控系统查询，查询记录附卷',
  nothingDisposable: () => '查控所见财产已处置或无处置价值，见财产调查笔录',
  threeMonths: () => '',
  debtorSearched: () => '被执行人下落明确，经传唤到庭接受调查询问',
  applicantInterviewed: (date) => `已于${date}约谈申请执行人，告知终本事由并听取意见，笔录在卷`,
};

function closerOf(p: Pipeline, caseId: number, type: string, mode: string): DemoUser {
  // 终本 is closed centrally by the 终本 group (settings.zhongbenClosedByGroup, seeds/003).
  if (mode === '终结本次执行程序') return p.staff.zhongben;
  const judge = p.ctx.db.raw<{ judge_id: number | null }>('SELECT judge_id FROM cases WHERE id = ?', caseId)[0]!.judge_id;
  const u = judge !== null ? p.staff.byId.get(judge) : undefined;
  if (u && (u.roles.includes('team') || u.roles.includes('fastTrack'))) return u;
  return type === '执保' ? p.staff.fastJudge : p.staff.zhongben;
}

function closeInput(p: Pipeline, c: CasePlan, date: string): CloseInput {
  const rule = MODE_RULES[c.mode];
  const ground = rule.needsGround ? (rule.grounds ? p.ctx.rng.pick(rule.grounds) : c.mode === '驳回申请' ? '申请执行的法律文书尚未生效，不符合受理条件' : '被保全财产部分已被他案冻结，部分实施保全') : undefined;
  const year = date.slice(0, 4);
  return {
    caseId: c.caseId,
    mode: c.mode,
    closedOn: date,
    ground,
    rulingNumber: rule.needsRulingNumber ? `（${year}）内0523执异${p.ctx.rng.int(1, 120)}号` : undefined,
    paidDirectlyFen: 0,
    settlementPerformed: false,
    balanceReason: undefined,
    note: undefined,
  };
}

/** The 终本 checklist: whatever the events do not show, the clerk attests with the file's evidence. */
function attestZhongben(p: Pipeline, c: CasePlan, date: string, actor: DemoUser): void {
  const t = at(p, date, 440);
  const list = evaluateChecklist(p.ctx.db, c.caseId, date);
  for (const item of list.items) {
    if (item.met || !CHECKLIST_RULES[item.key].attestable) continue;
    attestItem(p.ctx.db, actor, t, { caseId: c.caseId, item: item.key, note: ATTESTATION_NOTES[item.key](date), attestedOn: date });
    p.counts.attestations++;
  }
}

export async function closeDay(p: Pipeline, date: string, plans: CasePlan[], withDocuments: (c: CasePlan) => boolean): Promise<void> {
  const db = p.ctx.db;
  const open = plans.filter((c) => isOpen(p, c.caseId));
  // The last few closures through the API, each rendering its documents before its transaction.
  for (const c of open.filter(withDocuments)) {
    const actor = closerOf(p, c.caseId, c.type, c.mode);
    if (c.mode === '终结本次执行程序') db.tx(() => attestZhongben(p, c, date, actor));
    at(p, date, 450);
    const { caseId, mode, closedOn, ground, rulingNumber } = closeInput(p, c, date);
    // 终本 on the applicant's signed consent at the interview (民诉法解释 Art. 517), recorded in the file.
    const basis = mode === '终结本次执行程序' ? { zhongbenBasis: { kind: 'consent' as const, consentOn: closedOn } } : {};
    const done = await callAs(p, actor, 'closure.close', { caseId, mode, closedOn, ...(ground ? { ground } : {}), ...(rulingNumber ? { rulingNumber } : {}), ...basis });
    p.counts.closureDocuments += done.documents.length;
    p.counts.closures[c.mode] = (p.counts.closures[c.mode] ?? 0) + 1;
  }
  const direct = open.filter((c) => !withDocuments(c));
  if (direct.length === 0) return;
  // The day's other closures in one transaction: attestations, closures, archive entries together.
  db.tx(() => {
    for (const c of direct) {
      const actor = closerOf(p, c.caseId, c.type, c.mode);
      if (c.mode === '终结本次执行程序') attestZhongben(p, c, date, actor);
      closeCase(db, actor, at(p, date, 460), date, closeInput(p, c, date), () => []);
      p.counts.closures[c.mode] = (p.counts.closures[c.mode] ?? 0) + 1;
    }
  });
}

/** 终本 quality review (终本合格率): most pass; a fail names what the file lacks. */
export function reviewDay(p: Pipeline, date: string, plans: CasePlan[]): void {
  const db = p.ctx.db;
  const t = at(p, date, 480);
  db.tx(() => {
    for (const c of plans) {
      const archived = db.raw<{ n: number }>(`SELECT count(*) AS n FROM archive_entries WHERE case_id = ?`, c.caseId)[0]!.n > 0;
      if (!archived) continue;
      const reasons = c.reviewPass ? [] : [p.ctx.rng.pick(REVIEW_REASONS)];
      reviewCase(db, p.ctx.rng.chance(0.7) ? p.staff.zhongben : p.staff.chief, t, date, { caseId: c.caseId, pass: c.reviewPass, reasons });
      p.counts.reviews++;
    }
  });
}
