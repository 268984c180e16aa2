import { NOTICE_SET_DEFAULT } from '../../../src-shared/domain/documentKinds';
import { setStage } from '../../services/cases/stage';
import { markServed } from '../../services/documents/service';
import { writeAccounts } from '../../services/caseAccounts/accounts';
import type { CasePlan } from '../casePlan';
import { at, callAs, stageOf, waitForJob, type Pipeline } from './state';

// Notices (执行通知书, 报告财产令, 限制消费令 within 3 working days, domain.md §3.2). Rendering them costs
// about a tenth of a second per case, so only a handful of recent cases get real documents through
// documents.generateBatch; the older ones are treated as paper-era files: the case moves on to the
// query staff with the reason saying so, and the 终本 checklist later rests on the clerk's
// attestation that the service receipts are in the paper file (终本规定 Art. 1(1)).

/** The demo bank's virtual sub-account of a case (labelled demo data; a real court imports the bank's own list). */
function demoCaseAccount(db: Pipeline['ctx']['db'], caseId: number) {
  const c = db.get(db.q.selectFrom('cases').select(['year', 'serial', 'type']).where('id', '=', caseId))!;
  const typeDigit = c.type === '执' ? '1' : c.type === '执恢' ? '2' : '3';
  return { caseId, bank: '中国农业银行开鲁县支行', accountName: '开鲁县人民法院执行款专户（演示）', accountNumber: `05470101049${c.year}${typeDigit}${String(c.serial).padStart(5, '0')}` };
}

export const PAPER_NOTICE_REASON = '通知文书已制作（纸质卷宗，演示数据未生成电子文书）';

export async function makeNotices(p: Pipeline, date: string, plans: CasePlan[]): Promise<void> {
  const real = plans.filter((c) => c.realNotice && stageOf(p, c.caseId) === 'filed');
  if (real.length > 0) {
    // The bank's list of case sub-accounts (一案一账号) for the day's cases, as the court imports it.
    const t0 = at(p, date, 4);
    p.ctx.db.tx(() => writeAccounts(p.ctx.db, p.staff.docsQuery[0]!, t0, real.map((c) => demoCaseAccount(p.ctx.db, c.caseId)), null));
    at(p, date, 5);
    const job = await callAs(p, p.staff.docsQuery[0]!, 'documents.generateBatch', { caseIds: real.map((c) => c.caseId), kinds: [...NOTICE_SET_DEFAULT] });
    await waitForJob(p, job);
    p.counts.noticeDocuments += real.length * NOTICE_SET_DEFAULT.length;
  }
  const paper = plans.filter((c) => !c.realNotice && stageOf(p, c.caseId) === 'filed');
  if (paper.length === 0) return;
  const t = at(p, date, 15);
  const actor = p.ctx.rng.pick(p.staff.docsQuery);
  p.ctx.db.tx(() => {
    for (const c of paper) setStage(p.ctx.db, actor, t, c.caseId, 'query', PAPER_NOTICE_REASON);
  });
  p.counts.noticesPaper += paper.length;
}

/** 执保 cases go straight to the query staff: the preservation ruling is the court's own document. */
export function queuePreservation(p: Pipeline, date: string, plans: CasePlan[]): void {
  const t = at(p, date, 10);
  const actor = p.staff.docsQuery[0]!;
  p.ctx.db.tx(() => {
    for (const c of plans) if (stageOf(p, c.caseId) === 'filed') setStage(p.ctx.db, actor, t, c.caseId, 'query', '保全案件移交网络查控');
  });
}

/** The real notices come back signed: the 送达回证 date is the service date (民诉法 2023 Art. 91). */
export function recordService(p: Pipeline, date: string, plans: CasePlan[]): void {
  const db = p.ctx.db;
  const docs = db.raw<{ id: number; case_id: number }>(
    `SELECT id, case_id FROM documents WHERE status = 'current' AND served_on IS NULL AND kind IN ('执行通知书', '报告财产令')
        AND case_id IN (${plans.map(() => '?').join(',')}) ORDER BY id`,
    ...plans.map((c) => c.caseId),
  );
  if (docs.length === 0) return;
  const t = at(p, date, 150);
  const items = docs.map((d) => ({ documentId: d.id, method: '邮寄送达' as const, trackingNumber: `1180${String(d.id).padStart(9, '0')}`, servedOn: date }));
  p.counts.served += markServed(db, p.staff.docsQuery[1] ?? p.staff.docsQuery[0]!, t, date, items).served;
}
