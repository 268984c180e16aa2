import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { NON_LITIGATION_KINDS, type TitleKind } from '../../../src-shared/domain/executionTitle';
import { appendEvent, type Actor } from '../../events/log';
import { getCaseRow } from './queries';

// Records (or corrects) what the documents recite of the title: its type, what it ordered, and joint
// liability — for a case filed before they were asked, whose documents refuse until they are.

export interface TitleTermsInput {
  caseId: number;
  title: { kind: TitleKind; kindOther?: string | undefined; ordered: string; joint: boolean };
}

export function updateTitle(db: Db, actor: Actor, at: Date, input: TitleTermsInput): void {
  const t = input.title;
  if (t.kind === '其他' && !t.kindOther?.trim()) throw invalid('title.kindOther', '执行依据类型为“其他”时，请填写文书名称（如 行政处罚决定书）');
  db.tx(() => {
    const c = getCaseRow(db, input.caseId);
    if (c.closed_on) throw new ApiError('conflict', `${c.number}已结案，不能修改执行依据`, 'caseId');
    if (t.joint) {
      const debtors = db.raw<{ n: number }>("SELECT count(*) AS n FROM parties WHERE case_id = ? AND role = 'debtor'", input.caseId)[0]!.n;
      if (debtors < 2) throw invalid('title.joint', '只有一名被执行人，不存在连带责任');
    }
    db.run(
      db.q
        .updateTable('cases')
        .set({
          title_kind: t.kind,
          title_kind_other: t.kind === '其他' ? t.kindOther!.trim() : null,
          title_ordered: t.ordered.trim(),
          title_joint: t.joint ? 1 : 0,
          ...(NON_LITIGATION_KINDS.includes(t.kind) ? { non_litigation: 1 } : {}),
        })
        .where('id', '=', input.caseId),
    );
    appendEvent(db, actor, at, { caseId: input.caseId, type: 'case.titleRecorded', payload: { kind: t.kind, ...(t.kind === '其他' ? { kindOther: t.kindOther } : {}), joint: t.joint, previousKind: c.title_kind } });
  });
}
