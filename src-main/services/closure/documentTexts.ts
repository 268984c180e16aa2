import type { Db } from '../../db/connection';
import { MODE_RULES } from '../../../src-shared/domain/closure';
import { getCaseRow } from '../cases/queries';
import type { CloseInput, ClosurePlan, ZhongbenBasisInput } from './close';
import type { ZhongbenExtra } from '../documents/templates/zhongbenRuling';
import type { ClosureNoticeExtra } from '../documents/templates/closureNotice';
import type { QueryResultExtra } from '../documents/templates/queryResult';
import type { RejectionRuling, TerminationRuling } from '../documents/templates/rulingContent';

// The substance of the closure documents, as structured content for the documents engine's
// templates (which write the wording): the 终本 ruling's facts and basis, the 终结/驳回 ruling's
// ground, one 结案通知书 per party entitled to it, and the re-query result letter.

export interface DocumentRequest {
  kind: '终本裁定书' | '执行裁定书' | '结案通知书' | '查询结果告知书';
  extra: Record<string, unknown>;
  /** The party a per-recipient document is addressed to. */
  partyId?: number;
}

function userName(db: Db, id: number): string {
  return db.get(db.q.selectFrom('users').select('display_name').where('id', '=', id))?.display_name ?? '';
}

/** 终本裁定书: the facts of 终本规定 Art. 6 with their dates, and the basis of 解释 Art. 517. */
function zhongbenRuling(db: Db, plan: ClosurePlan, basis: ZhongbenBasisInput | undefined): DocumentRequest {
  const r = plan.ruling!;
  const extra: Partial<ZhongbenExtra> = {
    history: r.history,
    property: r.property,
    continuing: r.continuing,
    recoveredFen: r.recoveredFen,
    unpaidFen: r.unpaidFen,
    // 终本规定 Art. 1(3), Art. 3: the checklist shows the investigation done before the ruling says so.
    exhausted: plan.checklist?.complete === true,
  };
  if (basis?.kind === 'consent') extra.basis = { kind: 'consent', consentOn: basis.consentOn };
  else if (basis?.kind === 'panel') {
    extra.basis = { kind: 'panel', presiding: userName(db, basis.presidingId), members: basis.memberIds.map((id) => userName(db, id)), reviewedOn: basis.reviewedOn, approvedBy: basis.approvedBy, approvedOn: basis.approvedOn };
  }
  return { kind: '终本裁定书', extra: extra as Record<string, unknown> };
}

/** 执行裁定书 for 终结执行 (民诉法 2023 Arts. 268–269) and 驳回申请 (法发〔2014〕26号 Art. 20). */
function terminationRuling(plan: ClosurePlan, input: CloseInput): DocumentRequest {
  const ground = input.ground!.trim();
  if (plan.mode === '驳回申请') {
    const x: RejectionRuling = { ruling: 'rejection', ground };
    return { kind: '执行裁定书', extra: x as unknown as Record<string, unknown> };
  }
  const x: TerminationRuling = { ruling: 'termination', ground, groundItem: input.groundItem ?? null, recoveredFen: plan.recoveredFen };
  return { kind: '执行裁定书', extra: x as unknown as Record<string, unknown> };
}

/** 结案通知书, one per party (法发〔2014〕26号 Art. 15: the parties are notified of the closure). */
function closureNotices(db: Db, plan: ClosurePlan, input: CloseInput): DocumentRequest[] {
  const parties = db.all(db.q.selectFrom('parties').select(['id', 'role']).where('case_id', '=', plan.caseId).orderBy('role').orderBy('seq'));
  const extra: ClosureNoticeExtra = {
    mode: plan.mode,
    closedOn: plan.closedOn,
    claimFen: plan.claimFen,
    recoveredFen: plan.recoveredFen,
    unpaidFen: plan.unpaidFen,
    ground: input.ground?.trim() || null,
    rulingNumber: input.rulingNumber?.trim() || null,
    settlement: input.settlementPerformed,
    basis: MODE_RULES[plan.mode].basis,
  };
  return parties.map((p) => ({ kind: '结案通知书' as const, partyId: p.id, extra: extra as unknown as Record<string, unknown> }));
}

export function closureDocumentRequests(db: Db, plan: ClosurePlan, input: CloseInput): DocumentRequest[] {
  return MODE_RULES[plan.mode].documents.flatMap((kind) => {
    if (kind === '终本裁定书') return [zhongbenRuling(db, plan, input.zhongbenBasis)];
    if (kind === '执行裁定书') return [terminationRuling(plan, input)];
    return closureNotices(db, plan, input);
  });
}

/** 查询结果告知书 to the applicant after a re-query round (终本规定 Art. 9). */
export function requeryNotice(db: Db, caseId: number, x: { round: number; requestedOn: string; resultOn: string; nothingFound: boolean; findings: string[] }): DocumentRequest {
  const c = getCaseRow(db, caseId);
  const extra: QueryResultExtra = { round: x.round, requestedOn: x.requestedOn, closedOn: c.closed_on ?? x.requestedOn, nothingFound: x.nothingFound, findings: x.findings };
  return { kind: '查询结果告知书', extra: extra as unknown as Record<string, unknown> };
}
