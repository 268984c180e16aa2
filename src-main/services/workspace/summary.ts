import type { Db } from '../../db/connection';
import { methods } from '../../../src-shared/api';
import type { MethodSpec } from '../../../src-shared/api/contract';
import type { Role } from '../../../src-shared/api/roles';
import { isZhongben, modesFor, ZHONGBEN } from '../../../src-shared/domain/closure';
import { MEASURE_ACTION_LABELS } from '../../../src-shared/domain/assets';
import { STAGE_LABELS, type CaseStage } from '../../../src-shared/domain/stages';
import { getSettings } from '../settings/settings';
import { getCaseRow } from '../cases/queries';
import { officersOf } from '../cases/officers';
import { caseClocks, type Window } from '../deadlines/board';
import { getLedger } from '../ledger/view';
import { listMeasures } from '../measures/view';
import { evaluateChecklist } from '../closure/checklist';
import { listClosureRequests } from '../closure/requests';
import { listTransfers } from '../transfers/requests';
import { roleMayCall } from '../auth/roleCatalogue';

// The head of the case page (案件概要): where the case stands (stage, team, judge), its clocks with
// what is due next, its money (claim, received, paid out, balance), the measures in force with their
// expiry, what 终本 still lacks, the open requests — and which actions this user may take on it,
// from the registry's own access rules (so the page never offers what the registry would refuse)
// and the case's state.

export interface WorkspaceUser {
  id: number;
  roles: Role[];
}

/** May the user call the method (the registry's rule: the administrator may call everything)? */
function may(user: WorkspaceUser, method: string): boolean {
  const spec = (methods as Record<string, MethodSpec>)[method];
  if (!spec) return false;
  return user.roles.some((r) => roleMayCall(r, spec));
}

export function caseWorkspace(db: Db, w: Window, user: WorkspaceUser, caseId: number) {
  const c = getCaseRow(db, caseId);
  const settings = getSettings(db);
  const stage = c.stage as CaseStage;
  const closed = stage === 'closed' || stage === 'archived';
  const officers = officersOf(db, [caseId]).get(caseId) ?? { judge: null, clerk: null };
  const team = c.team_id ? (settings.teams.find((t) => t.id === c.team_id) ?? null) : null;

  const clocks = caseClocks(db, caseId, w)
    .filter((k) => k.status === 'open' && k.dueOn !== null)
    .sort((a, b) => (a.dueAt ?? a.dueOn!).localeCompare(b.dueAt ?? b.dueOn!))
    .map((k) => ({ ruleId: k.ruleId, name: k.name, dueOn: k.dueOn!, dueAt: k.dueAt, bucket: k.bucket, statusLabel: k.statusLabel, workingDaysLeft: k.workingDaysLeft }));

  const ledger = getLedger(db, caseId, w.today);
  const measures = listMeasures(db, w.today, { caseId, status: ['pending', 'done', 'partial'], renewalDue: false, offset: 0, limit: 200 }, { all: true })
    .rows.filter((m) => m.action !== 'deduct')
    .map((m) => ({ id: m.id, action: m.action, actionLabel: MEASURE_ACTION_LABELS[m.action], institution: m.institution, identifier: m.identifier, amountFen: m.actualFen ?? m.amountFen, status: m.status, expiresOn: m.expiresOn, daysToExpiry: m.daysToExpiry, renewalDue: m.renewalDue }));

  // What 终本 still lacks (终本规定 Art. 1), for a case that could end that way.
  const zhongben = !closed && modesFor(c.type).includes(ZHONGBEN) ? evaluateChecklist(db, caseId, w.today) : null;

  const transfer = listTransfers(db, { all: true }, { caseId, limit: 1 })[0] ?? null;
  const closureRequest = listClosureRequests(db, { all: true }, { caseId, limit: 1 })[0] ?? null;

  // Who closes 终本: the 终本 group when the court says so (settings.zhongbenClosedByGroup).
  const byGroup = settings.zhongbenClosedByGroup;
  const zhongbenCloser = user.roles.includes('admin') || user.roles.includes('zhongben') || !byGroup;
  const canClose = !closed && may(user, 'closure.close');
  const closeModes = canClose ? modesFor(c.type).filter((m) => !isZhongben(m) || zhongbenCloser) : [];
  const open = !closed;
  const pendingClosure = closureRequest?.status === 'pending';
  const actions = {
    query: open && may(user, 'inquiries.createBatch'),
    control: open && may(user, 'measures.createBatch'),
    renewRelease: (open || stage === 'archived') && may(user, 'measures.renew'),
    recordResult: may(user, 'measures.recordResult'),
    ledger: may(user, 'ledger.record'),
    documents: open && may(user, 'documents.generate'),
    service: may(user, 'documents.markServed'),
    records: stage !== 'closed' && may(user, 'records.create'),
    notes: may(user, 'notes.add'),
    attachments: may(user, 'attachments.upload'),
    suspend: open && may(user, 'cases.suspend'),
    transfer: open && (stage === 'team' || stage === 'fastTrack') && may(user, 'transfers.request') && transfer?.status !== 'pending',
    decideTransfer: transfer?.status === 'pending' && may(user, 'transfers.decide'),
    closeModes,
    requestClosure: open && byGroup && !zhongbenCloser && may(user, 'closure.request') && modesFor(c.type).includes(ZHONGBEN) && !pendingClosure,
    decideClosure: pendingClosure && may(user, 'closure.decide'),
    resume: stage === 'archived' && may(user, 'cases.resume'),
    attest: open && may(user, 'closure.attest'),
    setOfficers: open && may(user, 'cases.setOfficers'),
  };

  return {
    caseId,
    number: c.number,
    type: c.type,
    stage,
    stageLabel: STAGE_LABELS[stage],
    closed,
    closedOn: c.closed_on,
    closureMode: c.closure_mode,
    team: team ? { id: team.id, name: team.name } : null,
    judge: officers.judge ? { id: officers.judge.id, name: officers.judge.name } : null,
    clerk: officers.clerk ? { id: officers.clerk.id, name: officers.clerk.name } : null,
    clocks,
    money: {
      claimFen: c.claim_fen,
      recoveredFen: ledger.recoveredFen,
      paidOutFen: ledger.paidOutFen,
      balanceFen: ledger.balanceFen,
      unpaidFen: Math.max(0, c.claim_fen - ledger.recoveredFen),
      overdueFen: ledger.overdueFen,
    },
    measures,
    zhongben: zhongben ? { complete: zhongben.complete, missing: zhongben.missing } : null,
    transfer,
    closureRequest,
    actions,
  };
}
