import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { MODE_RULES, isZhongben, modesFor, type ClosureMode } from '../../../src-shared/domain/closure';
import { formatYuan } from '../../../src-shared/domain/money';
import { appendEvent, type Actor } from '../../events/log';
import { afterClosure } from '../credit/grounds';
import { getCaseRow } from '../cases/queries';
import { assertOpen, setStage } from '../cases/stage';
import { createArchiveEntry } from '../archive/entries';
import { ledgerFacts } from './caseFacts';
import { evaluateChecklist, type Checklist } from './checklist';
import { rulingFacts, type RulingFacts } from './rulingFacts';

// Closure (结案) in the modes of 法发〔2014〕26号 Art. 14 and the 执保 modes (domain.md §4.1). A
// closure checks the facts its mode needs, produces its documents, records the amounts the metrics
// read (case.closed {mode, recoveredFen, unpaidFen}), sets cases.closed_on / closure_mode and the
// stage, and for 终本 opens the archive entry with its re-query clock — all in one transaction.

export interface CloseInput {
  caseId: number;
  mode: ClosureMode;
  closedOn: string;
  ground?: string | undefined;
  rulingNumber?: string | undefined;
  /** Performance made directly to the applicant outside the case account and confirmed by them. */
  paidDirectlyFen: number;
  /** 执行完毕 by a settlement agreement performed in full (2014 opinion Art. 15). */
  settlementPerformed: boolean;
  /** Why the case account still holds money (closure normally needs a zero balance). */
  balanceReason?: string | undefined;
  note?: string | undefined;
  /** 终结执行: the item of 民诉法 2023 Art. 268 the ground falls under (1–6). */
  groundItem?: number | undefined;
  /** 终本: the applicant's signed consent, or the 合议庭's review approved by the president (解释 2022 Art. 517). */
  zhongbenBasis?: ZhongbenBasisInput | undefined;
}

export type ZhongbenBasisInput =
  | { kind: 'consent'; consentOn: string }
  | { kind: 'panel'; presidingId: number; memberIds: number[]; reviewedOn: string; approvedBy: string; approvedOn: string };

/** What a closure will record, computed without writing: the UI shows it before the clerk confirms. */
export interface ClosurePlan {
  caseId: number;
  number: string;
  mode: ClosureMode;
  closedOn: string;
  claimFen: number;
  recoveredFen: number;
  unpaidFen: number;
  balanceFen: number;
  documents: readonly string[];
  checklist: Checklist | null;
  ruling: RulingFacts | null;
}

export interface IssuedDocument {
  caseId: number;
  documentId: number | null;
  kind: string;
  number: string;
}

/** Renders and registers the closure's documents inside the closure's transaction (services/documents). */
export type DocumentIssuer = (plan: ClosurePlan, input: CloseInput) => IssuedDocument[];

/** Validates a closure and computes its facts; throws the typed error naming the field that blocks it. */
export function planClosure(db: Db, input: CloseInput, today: string): ClosurePlan {
  const c = getCaseRow(db, input.caseId);
  assertOpen(db, input.caseId);
  const modes = modesFor(c.type);
  if (!modes.includes(input.mode)) throw invalid('mode', `${c.type}案件的结案方式应为：${modes.join('、')}`);
  if (input.closedOn < c.filed_on) throw invalid('closedOn', `结案日期不能早于立案日期 ${c.filed_on}`);
  if (input.closedOn > today) throw invalid('closedOn', '结案日期不能晚于今天');
  const rule = MODE_RULES[input.mode];
  if (rule.needsGround && !input.ground?.trim()) throw invalid('ground', `以“${input.mode}”结案须写明事由`);
  if (rule.needsRulingNumber && !input.rulingNumber?.trim()) throw invalid('rulingNumber', `以“${input.mode}”结案须填写裁定书文号`);

  const ledger = ledgerFacts(db, input.caseId);
  // Closure needs the case account emptied (paid out or refunded), or a recorded reason (domain.md §7).
  if (ledger.balanceFen !== 0 && !input.balanceReason?.trim()) {
    throw new ApiError('conflict', `案款账户尚有余额 ${formatYuan(ledger.balanceFen)} 元：请先发放或退还，或写明余额未清的原因`, 'balanceReason', { balanceFen: ledger.balanceFen });
  }
  const recovered = ledger.recoveredFen + input.paidDirectlyFen;
  let unpaid = Math.max(0, c.claim_fen - recovered);
  if (input.mode === '执行完毕') {
    // Art. 15: everything the title requires is done, or a settlement agreement was performed in full.
    if (unpaid > 0 && !input.settlementPerformed) {
      throw invalid('mode', `执行到位 ${formatYuan(recovered)} 元，少于申请执行标的 ${formatYuan(c.claim_fen)} 元：不能以执行完毕结案（和解协议已履行完毕的请勾选）`);
    }
    unpaid = 0;
  }
  let checklist: Checklist | null = null;
  let ruling: RulingFacts | null = null;
  if (isZhongben(input.mode)) {
    if (unpaid === 0) throw invalid('mode', '申请执行标的已全部到位，应以执行完毕结案，不能终结本次执行程序');
    checklist = evaluateChecklist(db, input.caseId, input.closedOn);
    if (!checklist.complete) {
      // 终本规定 Art. 1: every condition must hold; name each missing one.
      throw new ApiError('conflict', `不符合终结本次执行程序的条件，尚缺：${checklist.missing.join('；')}`, 'checklist', { missing: checklist.missing });
    }
    ruling = rulingFacts(db, input.caseId, recovered, unpaid);
    const b = input.zhongbenBasis;
    if (b?.kind === 'panel') {
      const ids = [b.presidingId, ...b.memberIds];
      if (new Set(ids).size !== ids.length) throw invalid('zhongbenBasis.memberIds', '合议庭成员不能重复');
      for (const id of ids) if (!db.get(db.q.selectFrom('users').select('id').where('id', '=', id))) throw invalid('zhongbenBasis.memberIds', `合议庭成员不存在（用户编号 ${id}）`);
      if (b.approvedOn < b.reviewedOn) throw invalid('zhongbenBasis.approvedOn', '院长批准日期不能早于合议庭审查日期');
      if (b.approvedOn > input.closedOn) throw invalid('zhongbenBasis.approvedOn', '院长批准日期不能晚于结案日期');
    } else if (b?.kind === 'consent' && b.consentOn > input.closedOn) throw invalid('zhongbenBasis.consentOn', '申请执行人确认日期不能晚于结案日期');
  }
  return {
    caseId: c.id,
    number: c.number,
    mode: input.mode,
    closedOn: input.closedOn,
    claimFen: c.claim_fen,
    recoveredFen: recovered,
    unpaidFen: unpaid,
    balanceFen: ledger.balanceFen,
    documents: rule.documents,
    checklist,
    ruling,
  };
}

export interface ClosureResult {
  plan: ClosurePlan;
  documents: IssuedDocument[];
  nextRequeryOn: string | null;
}

export function closeCase(db: Db, actor: Actor, at: Date, today: string, input: CloseInput, issue: DocumentIssuer): ClosureResult {
  return db.tx(() => {
    // Planned inside the write lock, so two clerks closing the same case cannot both pass.
    const plan = planClosure(db, input, today);
    const docs = issue(plan, input);
    const ruling = docs.find((d) => d.kind === '终本裁定书' || d.kind === '执行裁定书');
    // Enforcement rulings are issued under the case's own number (the register number is the document's).
    const rulingNumber = input.rulingNumber?.trim() || (ruling ? plan.number : null);
    db.run(
      db.q.insertInto('closures').values({
        case_id: input.caseId,
        mode: input.mode,
        closed_on: input.closedOn,
        ground: input.ground?.trim() || null,
        ruling_number: rulingNumber,
        claim_fen: plan.claimFen,
        recovered_fen: plan.recoveredFen,
        paid_directly_fen: input.paidDirectlyFen,
        unpaid_fen: plan.unpaidFen,
        balance_fen: plan.balanceFen,
        balance_reason: plan.balanceFen !== 0 ? input.balanceReason!.trim() : null,
        settlement: input.settlementPerformed ? 1 : 0,
        checklist: plan.checklist ? JSON.stringify(plan.checklist.items.map((i) => ({ key: i.key, via: i.via, evidence: i.evidence }))) : null,
        note: input.note?.trim() || null,
        closed_at: at.toISOString(),
        closed_by: actor.name,
        corrected_at: null,
        corrected_by: null,
      }),
    );
    db.run(db.q.updateTable('cases').set({ closed_on: input.closedOn, closure_mode: input.mode }).where('id', '=', input.caseId));
    const b = input.zhongbenBasis;
    if (b && isZhongben(input.mode)) {
      const row = {
        kind: b.kind,
        consent_on: b.kind === 'consent' ? b.consentOn : null,
        presiding_id: b.kind === 'panel' ? b.presidingId : null,
        member_ids: b.kind === 'panel' ? JSON.stringify(b.memberIds) : null,
        reviewed_on: b.kind === 'panel' ? b.reviewedOn : null,
        approved_by: b.kind === 'panel' ? b.approvedBy : null,
        approved_on: b.kind === 'panel' ? b.approvedOn : null,
        recorded_at: at.toISOString(),
        recorded_by: actor.name,
      };
      db.run(db.q.insertInto('zhongben_bases').values({ case_id: input.caseId, ...row }).onConflict((oc) => oc.column('case_id').doUpdateSet(row)));
    }
    appendEvent(db, actor, at, {
      caseId: input.caseId,
      type: 'case.closed',
      onDate: input.closedOn,
      payload: {
        mode: input.mode,
        recoveredFen: plan.recoveredFen,
        unpaidFen: plan.unpaidFen,
        claimFen: plan.claimFen,
        ...(input.ground?.trim() ? { ground: input.ground.trim() } : {}),
        ...(rulingNumber ? { rulingNumber } : {}),
        ...(input.paidDirectlyFen ? { paidDirectlyFen: input.paidDirectlyFen } : {}),
        ...(input.settlementPerformed ? { settlement: true } : {}),
        ...(plan.balanceFen !== 0 ? { balanceFen: plan.balanceFen, balanceReason: input.balanceReason!.trim() } : {}),
        documents: docs.map((d) => ({ documentId: d.documentId, kind: d.kind, number: d.number })),
      },
    });
    // Removal grounds of a listing and the duty to lift a restriction (失信规定 2017 Art. 10; 限高规定 2015 Art. 9).
    afterClosure(db, actor, at, input.caseId, input.mode, input.settlementPerformed, input.closedOn);
    let nextRequeryOn: string | null = null;
    if (isZhongben(input.mode)) {
      nextRequeryOn = createArchiveEntry(db, at, input.caseId, input.closedOn).nextRequeryOn;
      setStage(db, actor, at, input.caseId, 'archived', '终结本次执行程序，转入终本库');
    } else {
      setStage(db, actor, at, input.caseId, 'closed', `以${input.mode}方式结案`);
    }
    return { plan, documents: docs, nextRequeryOn };
  });
}
