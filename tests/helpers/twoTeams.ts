import { openTestApp, type TestApp } from './testApp';
import { makeId, sampleDraft } from './drafts';
import { waitJob } from './documents';
import { answerBatch, serve } from './pipeline';
import { signers } from './inquiries';
import type { JobView } from '../../src-shared/api/methods/jobs';
import { b64, png } from './attachmentFiles';

// A small court with two tribunal teams and real data of every kind, made through the real
// services: cases, notices in a batch with its print file, query batches and their feedback, the
// assets found, control batches (jobs) with their measures and documents, ledger entries with a
// payout account, triage and distribution runs, a 终本 closure in the archive with a re-query
// batch, and a court-wide monthly export. Team 开鲁 (X) is the attacker; team 东风 (Y) owns the
// victim cases. Names of Y's parties are unique, so any answer that shows one leaks Y's data.

export const TEAM_X = { id: 'kailu', name: '开鲁法庭', kind: 'tribunal' as const, areas: ['开鲁镇'], active: true };
export const TEAM_Y = { id: 'dongfeng', name: '东风法庭', kind: 'tribunal' as const, areas: ['东风镇'], active: true };

/** Full identifiers of Y's cases: none may appear in any API answer (they are masked) except the reveal's. */
export const Y_SECRETS = {
  debtorId: makeId('19790305', 411),
  debtorPhone: '13904751111',
  applicantId: makeId('19660812', 222),
  payoutAccount: '6228481234567890123',
  deposit: '6217009999888877776',
};

export interface Court {
  t: TestApp;
  x: { officer: string; judgeId: number; caseId: number; number: string; assetId: number; measureId: number; queryBatchId: number; controlBatchId: number; controlJobId: string };
  /** Cases of no team yet (the command centre's): a tribunal team sees none of them either. */
  unassigned: { caseIds: number[]; names: string[] };
  y: {
    officer: string;
    judgeId: number;
    /** Every Y case. */
    caseIds: number[];
    numbers: string[];
    /** Names no X answer may contain. */
    names: string[];
    zhongbenCaseId: number;
    propertyCaseId: number;
    assetId: number;
    measureId: number;
    deductionId: number;
    documentId: number;
    queryBatchId: number;
    controlBatchId: number;
    requeryBatchId: number;
    requeryInquiryBatchId: number;
    receiptEntryId: number;
    payoutEntryId: number;
    /** 东风's 约谈记录 of y1, its attachment on y2, its pending transfer request for y2, its 终本 proposal of y1 (closed by the group). */
    recordId: number;
    attachmentId: number;
    transferRequestId: number;
    closureRequestId: number;
    controlJobId: string;
    assignmentRunId: number;
    /** Credit sanctions on y2 (the property case): its debtor listed and restricted, a correction request, a violation report. */
    debtorPartyId: number;
    creditListingId: number;
    creditCorrectionId: number;
    restrictionId: number;
    restrictedPersonId: number;
    violationId: number;
    /** 东风's compulsory measures: a request in a sweep, a detention with its leave, a referral. */
    coercionRequestId: number;
    coercionMeasureId: number;
    coercionLeaveId: number;
    coercionReferralId: number;
    coercionOperationId: number;
  };
  /** Containers holding both teams' cases. */
  mixed: { documentBatchId: string; documentJobId: string; distributionRunId: number; controlBatchId: number; controlJobId: string };
  court: { exportId: number; exportJobId: string };
}

async function job(t: TestApp, started: JobView): Promise<JobView> {
  const done = await waitJob(t, started.id);
  if (done.status !== 'done') throw new Error(`job ${started.kind}: ${done.status} ${JSON.stringify(done.error)}`);
  return done;
}

function draft(n: number, who: { debtor: string; debtorId: string; phone?: string; applicant: string; applicantId: string; town: string; account: string }) {
  return sampleDraft({
    filedOn: '2026-01-10',
    applicants: [{ kind: 'person', name: who.applicant, idNumber: who.applicantId, address: `开鲁县${who.town}`, phone: '13800000000' }],
    debtors: [{ kind: 'person', name: who.debtor, idNumber: who.debtorId, address: `开鲁县${who.town}某村`, ...(who.phone ? { phone: who.phone } : {}) }],
    title: { court: '开鲁县人民法院', number: `（2025）内0523民初${700 + n}号`, effectiveOn: '2025-12-01', cause: '民间借贷纠纷', kind: '民事判决书', ordered: `被告${who.debtor}于本判决生效之日起十日内偿还原告${who.applicant}借款50000.00元` },
    claim: { principalFen: 5_000_000, interestFen: 0, costsFen: 0 },
    interview: { contactConfirmed: true, payoutBank: '中国农业银行开鲁支行', payoutAccountName: who.applicant, payoutAccount: who.account, requests: [] },
  });
}

export async function buildTwoTeamCourt(): Promise<Court> {
  const t = openTestApp();
  const at = (day: string) => t.app.clock.set(`${day}T02:00:00Z`);
  at('2026-01-10');
  await t.call('settings.set', { teams: [TEAM_X, TEAM_Y] });
  const officerX = t.user('officer_x', ['team'], TEAM_X.id);
  const officerY = t.user('officer_y', ['team'], TEAM_Y.id);
  t.user('clerk', ['docsQuery']);
  t.user('cashier', ['money']);
  t.user('archivist', ['zhongben']);
  t.user('manager', ['management']);
  const idOf = (u: string) => t.app.db.raw<{ id: number }>('SELECT id FROM users WHERE username = ?', u)[0]!.id;

  // — Filing: two cases of 东风 (one will be 终本, one has property), one of 开鲁. —
  const y1 = await t.call('cases.file', draft(1, { debtor: '东风被执行人甲', debtorId: Y_SECRETS.debtorId, phone: Y_SECRETS.debtorPhone, applicant: '东风申请人甲', applicantId: Y_SECRETS.applicantId, town: '东风镇', account: Y_SECRETS.payoutAccount }));
  const y2 = await t.call('cases.file', draft(2, { debtor: '东风被执行人乙', debtorId: makeId('19810101', 412), applicant: '东风申请人乙', applicantId: makeId('19700101', 223), town: '东风镇', account: Y_SECRETS.payoutAccount }));
  const x1 = await t.call('cases.file', draft(3, { debtor: '开鲁被执行人丙', debtorId: makeId('19820202', 413), applicant: '开鲁申请人丙', applicantId: makeId('19710101', 224), town: '开鲁镇', account: '6228480000000000333' }));

  // What the documents need besides the filing: signing officers, the bank's case accounts, the president.
  await signers(t, [y1.id, y2.id, x1.id]);

  // — Notices for all three in one batch (a print file holding both teams' documents), served. —
  at('2026-01-12');
  const docJob = await job(t, await t.call('documents.generateBatch', { caseIds: [y1.id, y2.id, x1.id], kinds: ['执行通知书', '报告财产令', '限制消费令'] }, 'clerk'));
  const documentBatchId = (docJob.result as { batchId: string }).batchId;
  for (const c of [y1, y2, x1]) await serve(t, c.id, ['执行通知书', '报告财产令'], '2026-01-12');

  // — Online queries: 东风's cases in one batch (a deposit found for y2), 开鲁's in another. —
  at('2026-01-13');
  const yQuery = await t.call('inquiries.createBatch', { caseIds: [y1.id, y2.id] }, 'clerk');
  await answerBatch(t, yQuery.id, '2026-01-13', (caseId) => (caseId === y2.id ? [{ assetType: '银行存款', institution: '中国建设银行开鲁支行', identifier: Y_SECRETS.deposit, value: '30000.00' }] : []));
  const xQuery = await t.call('inquiries.createBatch', { caseIds: [x1.id] }, 'clerk');
  await answerBatch(t, xQuery.id, '2026-01-13', () => [{ assetType: '银行存款', institution: '中国农业银行开鲁支行', identifier: '6228480000000000444', value: '20000.00' }]);
  const assetY = (await t.call('assets.list', { caseId: y2.id })).rows[0]!;
  const assetX = (await t.call('assets.list', { caseId: x1.id })).rows[0]!;

  // — Control: the command centre freezes both deposits in one batch (a job holding both teams' cases). —
  at('2026-01-14');
  const freezeJob = await job(t, await t.call('measures.createBatch', { items: [{ assetId: assetY.id, action: 'freeze' }, { assetId: assetX.id, action: 'freeze' }] }, 'clerk'));
  const freeze = await t.call('measures.batch', { batchId: (freezeJob.result as { batchId: number }).batchId });
  await t.call('measures.recordResult', { results: freeze.measures.map((m) => ({ measureId: m.id, outcome: 'done' as const })) }, 'clerk');
  const freezeOf = (assetId: number) => freeze.measures.find((m) => m.assetId === assetId)!.id;

  // — Triage and distribution by township: one run with both teams' cases. —
  at('2026-01-15');
  await t.call('triage.confirm', { items: [y1, y2, x1].map((c) => ({ caseId: c.id, track: 'complex' as const, reason: '需实地调查' })) }, 'clerk');
  const dist = await t.call('assignment.distribute', { caseIds: [y1.id, y2.id, x1.id] }, 'clerk');
  const teamOf = (id: number) => dist.decisions.find((d) => d.caseId === id)?.teamId;
  if (teamOf(y1.id) !== TEAM_Y.id || teamOf(y2.id) !== TEAM_Y.id || teamOf(x1.id) !== TEAM_X.id) throw new Error(`distribution: ${JSON.stringify(dist.decisions)}`);
  // 东风 moves its cases between its own judges: a run holding only 东风's cases.
  const yRun = await t.call('assignment.reassign', { caseIds: [y1.id, y2.id], judgeId: idOf(officerY), reason: '团队内调整' }, 'manager');

  // — Each team deducts its own frozen deposit (jobs started by the teams' officers) into its ledger. —
  at('2026-01-16');
  const xStarted = await t.call('measures.createBatch', { items: [{ assetId: assetX.id, action: 'deduct' }] }, officerX);
  const xControlJob = await job(t, xStarted);
  const xControl = await t.call('measures.batch', { batchId: (xControlJob.result as { batchId: number }).batchId }, officerX);
  await t.call('measures.recordResult', { results: [{ measureId: xControl.measures[0]!.id, outcome: 'done' }] }, officerX);
  const yControlJob = await job(t, await t.call('measures.createBatch', { items: [{ assetId: assetY.id, action: 'deduct', amountFen: 1_500_000 }] }, officerY));
  const yControl = await t.call('measures.batch', { batchId: (yControlJob.result as { batchId: number }).batchId }, officerY);
  await t.call('measures.recordResult', { results: [{ measureId: yControl.measures[0]!.id, outcome: 'done' }] }, officerY);

  // — 东风's money is paid out to the applicant's account recorded at filing. —
  at('2026-01-19');
  const ledger = await t.call('ledger.record', { kind: 'payout', caseId: y2.id, amountFen: 1_000_000, approverId: t.app.db.raw<{ id: number }>(`SELECT id FROM users WHERE username = 'manager'`)[0]!.id }, 'cashier');
  const receipt = ledger.entries.find((e) => e.kind === 'receipt')!;
  const payout = ledger.entries.find((e) => e.kind === 'payout')!;

  // — 东风 interviews y1's applicant, proposes 终本 (nothing found); the 终本 group closes it into the
  // archive, where it is re-queried. 东风 also asks to move y2 and files a photo on it. —
  at('2026-05-20');
  await t.call('closure.attest', { caseId: y1.id, item: 'debtorSearched', note: '下落清楚，卷第12页' }, officerY);
  const yRecord = await t.call(
    'records.create',
    { caseId: y1.id, kind: '约谈记录', heldOn: '2026-05-18', startedAt: '09:00', endedAt: '09:40', place: '东风法庭', officers: ['东风法官'], recorder: '东风书记员', persons: [{ name: '东风申请人甲', capacity: '申请执行人', partyId: y1.parties.find((p) => p.role === 'applicant')!.id }], content: '告知申请执行人执行情况，申请执行人同意终结本次执行程序。' },
    officerY,
  );
  const yClosure = await t.call('closure.request', { caseId: y1.id, reason: '穷尽财产调查措施，未发现可供执行的财产', zhongbenBasis: { kind: 'consent', consentOn: '2026-05-18' } }, officerY);
  await t.call('closure.decide', { requestId: yClosure.id, close: true }, 'archivist');
  const yTransfer = await t.call('transfers.request', { caseId: y2.id, reason: '被执行人住所地在开鲁镇，请移交开鲁法庭', toTeamId: TEAM_X.id }, officerY);
  const yAttachment = await t.call('attachments.upload', { caseId: y2.id, fileName: '东风现场照片.png', contentBase64: b64(png()) }, officerY);

  // — Two cases not yet with any team: one just filed, one waiting for its first query. —
  const u1 = await t.call('cases.file', draft(4, { debtor: '未分案被执行人丁', debtorId: makeId('19830303', 414), applicant: '未分案申请人丁', applicantId: makeId('19720101', 225), town: '大榆树镇', account: '6228480000000000555' }));
  const u2 = await t.call('cases.file', draft(5, { debtor: '未分案被执行人戊', debtorId: makeId('19840404', 415), applicant: '未分案申请人戊', applicantId: makeId('19730101', 226), town: '大榆树镇', account: '6228480000000000666' }));
  await signers(t, [u2.id]);
  await job(t, await t.call('documents.generateBatch', { caseIds: [u2.id], kinds: ['执行通知书', '报告财产令'] }, 'clerk'));
  // Served in May and still unpaid in November, with no consumption order yet: it waits in the
  // consumption-order queue (限高规定 Art. 1), which a team officer must not see.
  await serve(t, u2.id, ['执行通知书', '报告财产令'], '2026-05-20');

  at('2026-11-10');
  const requery = await t.call('archive.createRequeryBatch', { caseIds: [y1.id] }, 'archivist');

  // — A court-wide monthly export (a job of the manager). —
  const exportJob = await job(t, await t.call('reports.exportMonthly', { periodCode: '202605' }, 'manager'));
  const exportId = t.app.db.raw<{ id: number }>('SELECT id FROM report_exports ORDER BY id DESC LIMIT 1')[0]!.id;

  // — 东风 lists y2's debtor (breach of the property report), restricts it, a correction request and a tip follow. —
  const yDebtor = t.app.db.raw<{ id: number }>(`SELECT id FROM parties WHERE case_id = ? AND role = 'debtor'`, y2.id)[0]!.id;
  const credit0 = await t.call('credit.list', { caseId: y2.id, partyId: yDebtor, ground: 4, facts: '收到报告财产令后拒不报告财产', origin: 'motion', securityGiven: false, laterInOrder: false }, officerY);
  const creditRestricted = await t.call('credit.restrict', { caseId: y2.id, partyId: yDebtor, origin: 'listing' }, officerY);
  const creditCorrected = await t.call('credit.fileCorrection', { listingId: credit0.listings[0]!.id, filedOn: '2026-11-10', reason: '已报告财产' }, officerY);
  const creditReported = await t.call('credit.reportViolation', { restrictionId: creditRestricted.restrictions[0]!.id, personId: creditRestricted.restrictions[0]!.persons[0]!.id, source: '举报电话', what: '乘坐飞机' }, officerY);
  // — 东风 asks the detention team to compel y2's debtor; the police sweep, the debtor is detained
  // (approved by the manager, a leader), checked, handed over and let out on leave; a referral for 拒执罪. —
  const police = t.user('police', ['detention']);
  const coercionRequest = await t.call('coercion.request', { caseId: y2.id, personName: '东风被执行人乙', personKind: 'individual', gender: 'male', measure: 'compel', place: '东风镇', wantedOn: '2026-11-10', purpose: '拒不到场', summonsServedOn: '2026-11-05' }, officerY);
  const coercionOperation = await t.call('coercion.planOperation', { name: '东风集中拘传', plannedOn: '2026-11-10', leaderId: idOf(police), requestIds: [coercionRequest.id] }, police);
  const detention = await t.call('coercion.detain', { requestId: coercionRequest.id, ground: 'refuse', act: '2026年11月10日有能力履行而拒不履行', days: 5, approvedById: idOf('manager') }, officerY);
  await t.call('coercion.medical', { measureId: detention.id, fit: true, result: '正常' }, police);
  await t.call('coercion.handOver', { measureId: detention.id, centre: '开鲁县拘留所' }, police);
  const coercionLeave = await t.call('coercion.leave', { measureId: detention.id, reason: '参加考试' }, police);
  const referral = await t.call('coercion.refer', { caseId: y2.id, personName: '东风被执行人乙', police: '开鲁县公安局', facts: '拒不履行', evidence: ['判决书'] }, officerY);

  const yDocument = t.app.db.raw<{ id: number }>('SELECT id FROM documents WHERE case_id = ? ORDER BY id LIMIT 1', y2.id)[0]!.id;
  const numbers = [y1.number, y2.number];
  return {
    t,
    x: { officer: officerX, judgeId: idOf(officerX), caseId: x1.id, number: x1.number, assetId: assetX.id, measureId: freezeOf(assetX.id), queryBatchId: xQuery.id, controlBatchId: xControl.id, controlJobId: xStarted.id },
    y: {
      officer: officerY,
      judgeId: idOf(officerY),
      caseIds: [y1.id, y2.id],
      numbers,
      names: ['东风被执行人甲', '东风被执行人乙', '东风申请人甲', '东风申请人乙', ...numbers],
      zhongbenCaseId: y1.id,
      propertyCaseId: y2.id,
      assetId: assetY.id,
      measureId: freezeOf(assetY.id),
      deductionId: yControl.measures[0]!.id,
      documentId: yDocument,
      queryBatchId: yQuery.id,
      controlBatchId: yControl.id,
      requeryBatchId: requery.id,
      requeryInquiryBatchId: requery.inquiryBatchId!,
      receiptEntryId: receipt.id,
      payoutEntryId: payout.id,
      recordId: yRecord.id,
      attachmentId: yAttachment.id,
      transferRequestId: yTransfer.id,
      closureRequestId: yClosure.id,
      controlJobId: yControlJob.id,
      assignmentRunId: yRun.runId,
      debtorPartyId: yDebtor,
      creditListingId: credit0.listings[0]!.id,
      creditCorrectionId: creditCorrected.listings[0]!.corrections[0]!.id,
      restrictionId: creditRestricted.restrictions[0]!.id,
      restrictedPersonId: creditRestricted.restrictions[0]!.persons[0]!.id,
      violationId: creditReported.restrictions[0]!.violations[0]!.id,
      coercionRequestId: coercionRequest.id,
      coercionMeasureId: detention.id,
      coercionLeaveId: coercionLeave.id,
      coercionReferralId: referral.id,
      coercionOperationId: coercionOperation.id,
    },
    unassigned: { caseIds: [u1.id, u2.id], names: ['未分案被执行人丁', '未分案被执行人戊', u1.number, u2.number] },
    mixed: { documentBatchId, documentJobId: docJob.id, distributionRunId: dist.runId!, controlBatchId: freeze.id, controlJobId: freezeJob.id },
    court: { exportId, exportJobId: exportJob.id },
  };
}
