import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { caseDraft, type CaseDraftParsed } from '../../../src-shared/api/methods/cases';
import { appendEvent, type Actor } from '../../events/log';
import { fileCase } from '../cases/filing';
import { getCaseRow } from '../cases/queries';

// Resumption (恢复执行): a new 执恢 case with the year's next 执恢 serial, linked both ways to the
// original (2014 opinion Art. 6, domain.md §4.4), carrying the parties, the title and the unpaid
// balance as its claim. It is filed through the ordinary filing service, so it gets its number,
// its events and its place in the pipeline ('filed') exactly like any other case.

/** Grounds for resumption (domain.md §4.4; 执行和解规定 Arts. 9, 16; 民诉法解释 2022 Art. 517 ¶2). */
export const RESUMPTION_GROUNDS = [
  '终本后发现被执行人有可供执行的财产',
  '被执行人不履行执行和解协议',
  '执行和解协议因欺诈、胁迫订立被撤销或确认无效',
  '受托法院不当退回委托',
  '终结执行后具备再次申请执行的条件',
] as const;

/** Closure modes after which a case can be resumed; 执行完毕 only when it ended by a settlement. */
function resumable(mode: string | null, settlement: boolean): boolean {
  return mode === '终结本次执行程序' || mode === '终结执行' || (mode === '执行完毕' && settlement);
}

export function resumeCase(
  db: Db,
  actor: Actor,
  at: Date,
  today: string,
  input: { caseId: number; ground: string; appliedOn: string; note?: string | undefined },
): number {
  return db.tx(() => {
    const orig = getCaseRow(db, input.caseId);
    const closure = db.get(db.q.selectFrom('closures').selectAll().where('case_id', '=', input.caseId));
    if (orig.stage !== 'archived' && orig.stage !== 'closed') throw new ApiError('conflict', `案件 ${orig.number} 尚未结案，无需恢复执行`, 'caseId');
    if (!resumable(orig.closure_mode, closure?.settlement === 1)) {
      throw new ApiError('conflict', `案件 ${orig.number} 以“${orig.closure_mode ?? '未知方式'}”结案，不能恢复执行`, 'caseId');
    }
    if (input.appliedOn > today) throw new ApiError('invalid_input', '申请日期不能晚于今天', 'appliedOn');
    if (orig.closed_on && input.appliedOn < orig.closed_on) throw new ApiError('invalid_input', `申请日期不能早于原案结案日期 ${orig.closed_on}`, 'appliedOn');
    const open = db.get(
      db.q.selectFrom('cases').select(['id', 'number']).where('resumed_from_id', '=', input.caseId).where('stage', 'not in', ['closed', 'archived']),
    );
    if (open) throw new ApiError('conflict', `该案已恢复执行，恢复案件 ${open.number} 尚未结案`, 'caseId', { resumedCaseId: open.id });

    const parties = db.all(db.q.selectFrom('parties').selectAll().where('case_id', '=', input.caseId).orderBy('role').orderBy('seq'));
    // The unpaid balance recorded at closure is the new claim (a migrated closure without a record keeps the old claim).
    const unpaid = closure ? closure.unpaid_fen : orig.claim_fen;
    if (unpaid <= 0) throw new ApiError('conflict', `案件 ${orig.number} 已无未履行金额，不能恢复执行`, 'caseId');
    // Several applicants share the unpaid balance in the proportion of their shares of the original claim
    // (equally where the original recorded none); the last takes the rounding remainder.
    const applicants = parties.filter((p) => p.role === 'applicant');
    const shareOf = new Map<number, number>();
    if (applicants.length > 1) {
      const known = applicants.every((a) => a.share_fen !== null) && applicants.reduce((t, a) => t + (a.share_fen ?? 0), 0) > 0;
      const base = known ? applicants.reduce((t, a) => t + (a.share_fen ?? 0), 0) : applicants.length;
      let given = 0;
      applicants.forEach((a, i) => {
        const v = i === applicants.length - 1 ? unpaid - given : Math.floor((unpaid * (known ? a.share_fen! : 1)) / base);
        shareOf.set(a.id, v);
        given += v;
      });
    }
    const toInput = (role: 'applicant' | 'debtor') =>
      parties
        .filter((p) => p.role === role)
        .map((p) => {
          const extras = { ...(shareOf.has(p.id) ? { shareFen: shareOf.get(p.id)! } : {}), ...(p.agent_name ? { agentName: p.agent_name } : {}), ...(p.agent_unit ? { agentUnit: p.agent_unit } : {}) };
          return p.kind === 'org'
            ? { kind: 'org' as const, name: p.name, creditCode: p.credit_code ?? '', legalRep: p.legal_rep ?? '', ...(p.legal_rep_title ? { legalRepTitle: p.legal_rep_title } : {}), address: p.address ?? undefined, phone: p.phone ?? undefined, ...extras }
            : { kind: 'person' as const, name: p.name, idNumber: p.id_number ?? '', address: p.address ?? undefined, phone: p.phone ?? undefined, ...extras };
        });
    const draft: CaseDraftParsed = caseDraft.parse({
      type: '执恢',
      filedOn: input.appliedOn,
      applicants: toInput('applicant'),
      debtors: toInput('debtor'),
      // The same title, with its type, judgment and joint liability as recorded on the original case.
      title: {
        court: orig.title_court,
        number: orig.title_number,
        effectiveOn: orig.title_effective_on,
        cause: orig.title_cause,
        nonLitigation: orig.non_litigation === 1,
        ...(orig.title_kind !== '未登记' ? { kind: orig.title_kind } : {}),
        ...(orig.title_kind_other ? { kindOther: orig.title_kind_other } : {}),
        ...(orig.title_ordered ? { ordered: orig.title_ordered } : {}),
        joint: orig.title_joint === 1 && parties.filter((p) => p.role === 'debtor').length > 1,
      },
      claim: { principalFen: unpaid, interestFen: 0, costsFen: 0 },
      preserved: false,
      // Same title, same debtor: that is the point of a resumption, not a duplicate filing.
      confirmDuplicate: true,
    });
    // A resumption of a demo case is demo data too (cases.demo labels everything the generator made).
    const newId = fileCase(db, actor, at, today, draft, { resumedFromId: input.caseId, demo: orig.demo === 1 });
    const created = getCaseRow(db, newId);
    appendEvent(db, actor, at, {
      caseId: input.caseId,
      type: 'case.resumed',
      onDate: input.appliedOn,
      payload: { newCaseId: newId, newNumber: created.number, ground: input.ground, unpaidFen: unpaid, ...(input.note ? { note: input.note } : {}) },
    });
    // The re-query clock stops: the case is being enforced again.
    db.run(db.q.updateTable('archive_entries').set({ resumed_case_id: newId, next_requery_on: null, updated_at: at.toISOString() }).where('case_id', '=', input.caseId));
    return newId;
  });
}
