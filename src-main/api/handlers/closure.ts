import { defineHandlers } from '../registry';
import { actorOf, type CallContext } from '../context';
import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { getCase } from '../../services/cases/queries';
import { getCaseRow } from '../../services/cases/queries';
import { attestItem, evaluateChecklist } from '../../services/closure/checklist';
import { closeCase, planClosure, type CloseInput } from '../../services/closure/close';
import { ledgerFacts } from '../../services/closure/caseFacts';
import { correctClosure } from '../../services/closure/correct';
import { closureDocumentRequests } from '../../services/closure/documentTexts';
import { prepareDocuments } from '../../services/closure/issueDocuments';
import { resumeCase } from '../../services/resumption/resume';
import { isZhongben, terminationItemOf } from '../../../src-shared/domain/closure';
import { getSettings } from '../../services/settings/settings';
import { listClosureRequests, markClosureRequestClosed, pendingClosureRequest, requestClosure, returnClosureRequest } from '../../services/closure/requests';

function checklistView(db: Db, caseId: number, asOf: string) {
  const c = getCaseRow(db, caseId);
  const list = evaluateChecklist(db, caseId, asOf);
  const closure = db.get(db.q.selectFrom('closures').selectAll().where('case_id', '=', caseId));
  const ledger = ledgerFacts(db, caseId);
  const recovered = closure ? closure.recovered_fen : ledger.recoveredFen;
  return {
    ...list,
    money: { claimFen: c.claim_fen, recoveredFen: recovered, unpaidFen: closure ? closure.unpaid_fen : Math.max(0, c.claim_fen - recovered), balanceFen: ledger.balanceFen },
    stage: c.stage,
    caseType: c.type,
  };
}

export function closureView(db: Db, caseId: number) {
  const c = getCaseRow(db, caseId);
  const r = db.get(db.q.selectFrom('closures').selectAll().where('case_id', '=', caseId));
  if (!r) return null;
  const closed = db
    .all(db.q.selectFrom('case_events').select('payload').where('case_id', '=', caseId).where('type', '=', 'case.closed').orderBy('id', 'desc').limit(1))
    .map((e) => JSON.parse(e.payload) as { documents?: { documentId: number | null; kind: string; number: string }[] })[0];
  const archive = db.get(db.q.selectFrom('archive_entries').select(['next_requery_on', 'resumed_case_id']).where('case_id', '=', caseId));
  const resumed = db.get(db.q.selectFrom('cases').select('id').where('resumed_from_id', '=', caseId).orderBy('id', 'desc'));
  return {
    caseId,
    number: c.number,
    mode: r.mode,
    closedOn: r.closed_on,
    ground: r.ground,
    rulingNumber: r.ruling_number,
    claimFen: r.claim_fen,
    recoveredFen: r.recovered_fen,
    paidDirectlyFen: r.paid_directly_fen,
    unpaidFen: r.unpaid_fen,
    balanceFen: r.balance_fen,
    balanceReason: r.balance_reason,
    settlement: r.settlement === 1,
    note: r.note,
    closedBy: r.closed_by,
    correctedBy: r.corrected_by,
    documents: closed?.documents ?? [],
    nextRequeryOn: archive?.next_requery_on ?? null,
    resumedCaseId: resumed?.id ?? null,
  };
}

/**
 * 终本 is closed by the 终本 group when the court closes centrally (settings.zhongbenClosedByGroup,
 * seeds/003): a team proposes it (closure.request) instead.
 */
function assertMayCloseZhongben(ctx: CallContext, mode: string): void {
  if (!isZhongben(mode) || !getSettings(ctx.app.db).zhongbenClosedByGroup) return;
  const roles = ctx.user?.roles ?? [];
  if (roles.includes('admin') || roles.includes('zhongben')) return;
  throw new ApiError('forbidden', '终本结案由终本案件管控组审核办理：请在案件页提交终本申请', 'mode');
}

/** `within` runs inside the closure's own transaction (a 终本 proposal marked closed with it). */
async function close(ctx: CallContext, input: CloseInput, within?: () => void) {
  const { app } = ctx;
  const today = app.clock.today();
  // Validate and compute first (typed errors before any file is written), render the documents
  // outside the transaction, then plan again and commit everything inside it.
  const plan = planClosure(app.db, input, today);
  const requests = closureDocumentRequests(app.db, plan, input).map((request) => ({ caseId: input.caseId, request }));
  const prepared = await prepareDocuments(app.db, app.dataDir, input.closedOn, requests);
  let ok = false;
  try {
    closeCase(app.db, actorOf(ctx), app.clock.now(), today, input, () => {
      const docs = prepared.register(app.db, actorOf(ctx), app.clock.now());
      within?.();
      return docs;
    });
    ok = true;
  } finally {
    prepared.finish(ok);
  }
  return closureView(app.db, input.caseId)!;
}

export const handlers = defineHandlers({
  'closure.checklist': ({ caseId, asOf }, { app }) => checklistView(app.db, caseId, asOf ?? app.clock.today()),
  'closure.attest': (input, ctx) => {
    const { app } = ctx;
    const today = app.clock.today();
    attestItem(app.db, actorOf(ctx), app.clock.now(), { ...input, attestedOn: input.attestedOn ?? today });
    return checklistView(app.db, input.caseId, today);
  },
  'closure.close': (input, ctx) => {
    assertMayCloseZhongben(ctx, input.mode);
    return close(ctx, {
      caseId: input.caseId,
      mode: input.mode,
      closedOn: input.closedOn ?? ctx.app.clock.today(),
      ground: input.ground,
      rulingNumber: input.rulingNumber,
      paidDirectlyFen: input.paidDirectlyFen,
      settlementPerformed: input.settlementPerformed,
      balanceReason: input.balanceReason,
      note: input.note,
      // 民诉法 2023 Art. 268: the ruling cites the item; a ground in an item's own words states it.
      groundItem: input.groundItem ?? (input.mode === '终结执行' ? terminationItemOf(input.ground) : undefined),
      zhongbenBasis: input.zhongbenBasis,
    });
  },
  'closure.request': (input, ctx) => {
    const { app } = ctx;
    const id = requestClosure(app.db, actorOf(ctx), app.clock.now(), app.clock.today(), { caseId: input.caseId, reason: input.reason, basis: input.zhongbenBasis });
    return listClosureRequests(app.db, ctx.scope, { caseId: input.caseId, limit: 5 }).find((r) => r.id === id)!;
  },
  'closure.requests': (input, ctx) => listClosureRequests(ctx.app.db, ctx.scope, input),
  'closure.decide': async (input, ctx) => {
    const { app } = ctx;
    const r = pendingClosureRequest(app.db, input.requestId);
    if (input.close) {
      const basis = input.zhongbenBasis ?? r.basis ?? undefined;
      await close(
        ctx,
        { caseId: r.case_id, mode: '终结本次执行程序', closedOn: input.closedOn ?? app.clock.today(), paidDirectlyFen: 0, settlementPerformed: false, balanceReason: input.balanceReason, note: input.note, zhongbenBasis: basis },
        () => markClosureRequestClosed(app.db, actorOf(ctx), app.clock.now(), r.id, input.note),
      );
    } else {
      returnClosureRequest(app.db, actorOf(ctx), app.clock.now(), { requestId: r.id, reasons: input.reasons, note: input.note });
    }
    return listClosureRequests(app.db, { all: true }, { caseId: r.case_id, limit: 5 }).find((x) => x.id === r.id)!;
  },
  'closure.get': ({ caseId }, { app }) => {
    getCaseRow(app.db, caseId);
    return closureView(app.db, caseId);
  },
  'closure.correct': (input, ctx) => {
    const { app } = ctx;
    correctClosure(app.db, actorOf(ctx), app.clock.now(), app.clock.today(), input);
    const v = closureView(app.db, input.caseId);
    if (!v) throw new ApiError('not_found', '没有结案记录', 'caseId');
    return v;
  },
  'cases.resume': (input, ctx) => {
    const { app } = ctx;
    const today = app.clock.today();
    const id = resumeCase(app.db, actorOf(ctx), app.clock.now(), today, { caseId: input.caseId, ground: input.ground, appliedOn: input.appliedOn ?? today, note: input.note });
    return getCase(app.db, id);
  },
});
