import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { CaseRefKind } from '../../src-shared/api/caseScope';
import { FileResponse } from '../../src-main/api/context';
import { TEAM_X, TEAM_Y, type Court } from './twoTeams';
import { readDocx, readPdf } from './documents';
import { b64, csvBytes, feedbackTable, requestTargets } from './inquiries';
import { png } from './attachmentFiles';

// Hand-written inputs for every method a tribunal team's officer may call, aimed at another team's
// data (tests/integration/caseScope.test.ts) — also the inputs the masking test calls as the
// administrator (tests/integration/masking.test.ts).

export type Input = Record<string, unknown>;
export interface Probe {
  /** Inputs aimed at Y's data: each must be refused with 403. */
  refused?: (c: Court) => Input[] | Promise<Input[]>;
  /** Lists, counts, boards: must answer without Y's cases (and the administrator's answer must show them). */
  narrowed?: (c: Court) => Input[];
  /** A custom narrowing check, given the answer and whether it was the administrator's. */
  check?: (out: unknown, c: Court, admin: boolean) => void | Promise<void>;
  /** Touches no case data: must answer, without Y's data. */
  plain?: (c: Court) => Input[];
  /** The same call on X's own data must not be refused for scope (proves the refusal is about Y). */
  own?: (c: Court) => Input[];
}

const period = { kind: 'year', year: 2026 } as const;
const ids = (out: unknown, key = 'id') => ((Array.isArray(out) ? out : (out as { rows: unknown[] }).rows) as Record<string, unknown>[]).map((r) => r[key]);
const includes = (admin: boolean) => (admin ? 'toContain' : 'not.toContain');
function seenIff(list: unknown[], value: unknown, admin: boolean) {
  if (admin) expect(list, includes(admin)).toContain(value);
  else expect(list, includes(admin)).not.toContain(value);
}

/** A feedback file for Y's query batch that plants a new deposit (names the batch inside the file). */
async function plantedFeedback(c: Court): Promise<string> {
  const batch = await c.t.call('inquiries.get', { batchId: c.y.queryBatchId });
  const full = await requestTargets(c.t, c.y.queryBatchId);
  const rows = full.map((f) => ({ batch: batch.number, caseNumber: f.caseNumber, debtor: f.debtor, idCode: f.idCode, assetType: '银行存款', institution: '攻击者银行', identifier: `62220000${f.seq}99999999`, value: '1.00', queriedOn: '2026-11-10' }));
  return b64(csvBytes(feedbackTable(rows)));
}

export const PROBES: Record<string, Probe> = {
  'credit.case': { refused: (c) => [{ caseId: c.y.propertyCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'credit.register': {
    narrowed: () => [{ pendingOnly: false }],
    check: (out, c, admin) => seenIff((out as { listings: { caseId: number }[] }).listings.map((l) => l.caseId), c.y.propertyCaseId, admin),
  },
  'credit.figures': { narrowed: () => [{ from: '2026-01-01', to: '2026-12-31' }], check: (out, _c, admin) => expect((out as { listed: number }).listed).toBe(admin ? 1 : 0) },
  'credit.checkBars': { refused: (c) => [{ caseId: c.y.propertyCaseId, partyId: c.y.debtorPartyId, ground: 1, facts: '攻击', origin: 'motion', securityGiven: false, laterInOrder: false }] },
  'credit.list': { refused: (c) => [{ caseId: c.y.propertyCaseId, partyId: c.y.debtorPartyId, ground: 1, facts: '攻击', origin: 'motion', securityGiven: false, laterInOrder: false }] },
  // The request and flag ids are read only together with the case (services/credit/requests.ts).
  'credit.requestListing': { refused: (c) => [{ caseId: c.y.propertyCaseId, partyId: c.y.debtorPartyId, ground: 4, reason: '攻击', requestedOn: '2026-11-10' }] },
  'credit.rejectListingRequest': { refused: (c) => [{ caseId: c.y.propertyCaseId, requestId: 1, reason: '攻击' }] },
  'credit.dismissRelist': { refused: (c) => [{ caseId: c.y.propertyCaseId, flagId: 1, note: '攻击' }] },
  'credit.requestRemoval': { refused: (c) => [{ listingId: c.y.creditListingId, requestedOn: '2026-11-10', note: '攻击' }] },
  'credit.delete': { refused: (c) => [{ listingId: c.y.creditListingId, ground: 'applicantRequest' }] },
  'credit.fileCorrection': { refused: (c) => [{ listingId: c.y.creditListingId, filedOn: '2026-11-10', reason: '攻击' }] },
  'credit.decideCorrection': { refused: (c) => [{ correctionId: c.y.creditCorrectionId, result: 'corrected', note: '攻击' }] },
  'credit.applyCorrection': { refused: (c) => [{ correctionId: c.y.creditCorrectionId }] },
  'credit.restrict': { refused: (c) => [{ caseId: c.y.propertyCaseId, partyId: c.y.debtorPartyId, origin: 'motion' }] },
  'credit.permit': { refused: (c) => [{ restrictionId: c.y.restrictionId, personId: c.y.restrictedPersonId, kind: 'medical', reason: '攻击' }] },
  'credit.reportViolation': { refused: (c) => [{ restrictionId: c.y.restrictionId, personId: c.y.restrictedPersonId, source: '攻击', what: '攻击' }] },
  'credit.followUpViolation': { refused: (c) => [{ violationId: c.y.violationId, followup: 'fineRequested' }] },
  'credit.lift': { refused: (c) => [{ restrictionId: c.y.restrictionId, ground: 'consent', note: '攻击' }] },
  'grids.archive': { narrowed: () => [{}, { filters: [{ col: 'debtors', op: 'notBlank' }] }] },
  'grids.requeryDue': { narrowed: () => [{ withinDays: 365 }], check: () => undefined },
  'grids.closureReady': { narrowed: () => [{}], check: () => undefined },
  'grids.assets': { narrowed: () => [{ controllable: false }, { controllable: false, filters: [{ col: 'institution', op: 'notBlank' }] }] },
  'grids.measures': { narrowed: () => [{}] },
  'grids.export': { narrowed: () => [{ grid: 'archive' }, { grid: 'assets', controllable: false }, { grid: 'measures' }] },
  'grids.download': { refused: (c) => [{ jobId: c.y.controlJobId }], own: (c) => [{ jobId: c.x.controlJobId }] },
  'archive.requeryBatch': { refused: (c) => [{ batchId: c.y.requeryBatchId }] },
  'archive.requeryBatches': { narrowed: () => [{}], check: (out, c, admin) => seenIff(ids(out), c.y.requeryBatchId, admin) },
  'archive.reviewStats': { narrowed: () => [{ from: '2026-01-01', to: '2026-12-31' }], check: (out, _c, admin) => expect((out as { terminated: number }).terminated).toBe(admin ? 1 : 0) },
  'assets.list': {
    refused: (c) => [{ caseId: c.y.propertyCaseId }, { caseIds: [c.x.caseId, c.y.propertyCaseId] }, { batchId: c.y.queryBatchId }],
    narrowed: () => [{}, { controllable: true }, { text: '东风' }],
    own: (c) => [{ caseId: c.x.caseId }, { batchId: c.x.queryBatchId }],
  },
  'assignment.explain': { refused: (c) => [{ caseId: c.y.propertyCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'assignment.loads': {
    narrowed: () => [{}],
    check: (out, _c, admin) => expect((out as { teams: { teamId: string }[] }).teams.map((t) => t.teamId).sort()).toEqual(admin ? [TEAM_X.id, TEAM_Y.id].sort() : [TEAM_X.id]),
  },
  'assignment.run': { refused: (c) => [{ id: c.y.assignmentRunId }, { id: c.mixed.distributionRunId }] },
  'assignment.runs': {
    narrowed: () => [{}],
    check: (out, c, admin) => {
      seenIff(ids(out), c.y.assignmentRunId, admin);
      seenIff(ids(out), c.mixed.distributionRunId, admin);
    },
  },
  'audit.forCase': { refused: (c) => [{ caseId: c.y.propertyCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'auth.login': { plain: (c) => [{ username: c.x.officer, password: 'password-1' }] },
  'auth.logout': { plain: () => [{}] },
  'auth.me': { plain: () => [{}] },
  'calendar.addWorkingDays': { plain: () => [{ date: '2026-11-10', n: 3 }] },
  'calendar.get': { plain: () => [{ year: 2026 }] },
  'cases.counts': { narrowed: () => [{}], check: (out, _c, admin) => expect(Object.values(out as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(admin ? 5 : 1) },
  'cases.get': { refused: (c) => [{ id: c.y.propertyCaseId }, { id: c.unassigned.caseIds[0] }], own: (c) => [{ id: c.x.caseId }] },
  'cases.list': { narrowed: () => [{}, { filter: { teamId: TEAM_Y.id } }, { filter: { text: '东风' } }] },
  'cases.reveal': { refused: (c) => [{ caseId: c.y.propertyCaseId }, { caseId: c.unassigned.caseIds[0] }], own: (c) => [{ caseId: c.x.caseId }] },
  'cases.updateTitle': {
    refused: (c) => [{ caseId: c.y.propertyCaseId, title: { kind: '民事判决书', ordered: '给付借款五万元', joint: false } }],
    own: (c) => [{ caseId: c.x.caseId, title: { kind: '民事判决书', ordered: '给付借款五万元', joint: false } }],
  },
  'cases.setOfficers': {
    refused: (c) => [{ caseIds: [c.y.propertyCaseId], judgeId: c.x.judgeId }, { caseIds: [c.x.caseId], judgeId: c.y.judgeId }],
    own: (c) => [{ caseIds: [c.x.caseId], judgeId: c.x.judgeId }],
  },
  'cases.suspend': { refused: (c) => [{ caseIds: [c.x.caseId, c.y.propertyCaseId], kind: '公告', onDate: '2026-11-10' }] },
  'cases.unsuspend': { refused: (c) => [{ caseIds: [c.y.propertyCaseId], kind: '公告', onDate: '2026-11-10' }] },
  'closure.attest': { refused: (c) => [{ caseId: c.y.propertyCaseId, item: 'debtorSearched', note: '攻击' }], own: (c) => [{ caseId: c.x.caseId, item: 'debtorSearched', note: '下落清楚' }] },
  'closure.checklist': { refused: (c) => [{ caseId: c.y.propertyCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'closure.close': { refused: (c) => [{ caseId: c.y.propertyCaseId, mode: '终结本次执行程序' }] },
  'closure.get': { refused: (c) => [{ caseId: c.y.zhongbenCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'deadlines.board': {
    narrowed: () => [{}],
    check: (out, _c, admin) => {
      const keys = (out as { byTeam: { key: string }[] }).byTeam.map((b) => b.key);
      seenIff(keys, TEAM_Y.id, admin);
      if (!admin) expect(keys.filter((k) => k !== TEAM_X.id)).toEqual([]);
    },
  },
  'deadlines.cases': { refused: (c) => [{ teamId: TEAM_Y.id }, { judgeId: c.y.judgeId }, { teamId: '' }], narrowed: () => [{}], own: () => [{ teamId: TEAM_X.id }] },
  'deadlines.forCase': { refused: (c) => [{ caseId: c.y.propertyCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'documents.batches': { narrowed: () => [{ limit: 200 }], check: (out, c, admin) => seenIff(ids(out), c.mixed.documentBatchId, admin) },
  'documents.file': {
    refused: (c) => [{ documentId: c.y.documentId }, { batchId: c.mixed.documentBatchId }, { documentId: c.y.documentId, format: 'docx' }],
    own: (c) => [{ documentId: c.t.app.db.raw<{ id: number }>('SELECT id FROM documents WHERE case_id = ? LIMIT 1', c.x.caseId)[0]!.id }],
  },
  'documents.list': { refused: (c) => [{ caseId: c.y.propertyCaseId }, { batchId: c.mixed.documentBatchId }], narrowed: () => [{}, { unservedOnly: true }], own: (c) => [{ caseId: c.x.caseId }] },
  'documents.queue': { narrowed: () => [{}] },
  'documents.banQueue': { narrowed: () => [{}] },
  'documents.templates': { plain: () => [{}] },
  'inquiries.batches': {
    narrowed: () => [{}],
    check: (out, c, admin) => {
      seenIff(ids(out), c.y.queryBatchId, admin);
      seenIff(ids(out), c.y.requeryInquiryBatchId, admin);
    },
  },
  'inquiries.createBatch': { refused: (c) => [{ caseIds: [c.y.propertyCaseId] }, { caseIds: [c.x.caseId, c.unassigned.caseIds[1]] }] },
  'inquiries.exportRequest': { refused: (c) => [{ batchId: c.y.queryBatchId }, { batchId: c.y.requeryInquiryBatchId, format: 'csv' }], own: (c) => [{ batchId: c.x.queryBatchId, format: 'csv' }] },
  'inquiries.get': { refused: (c) => [{ batchId: c.y.queryBatchId }, { batchId: c.y.requeryInquiryBatchId }], own: (c) => [{ batchId: c.x.queryBatchId }] },
  'inquiries.importFeedback': {
    refused: async (c) => {
      const file = await plantedFeedback(c);
      return [
        { fileName: '反馈.csv', contentBase64: file },
        { fileName: '反馈.csv', contentBase64: file, batchId: c.y.queryBatchId },
      ];
    },
  },
  'inquiries.queue': { narrowed: () => [{}] },
  'jobs.cancel': { refused: (c) => [{ id: c.y.controlJobId }, { id: c.mixed.controlJobId }, { id: c.court.exportJobId }], own: (c) => [{ id: c.x.controlJobId }] },
  'jobs.get': { refused: (c) => [{ id: c.y.controlJobId }, { id: c.mixed.documentJobId }, { id: c.court.exportJobId }], own: (c) => [{ id: c.x.controlJobId }] },
  'jobs.list': {
    narrowed: () => [{ limit: 200 }],
    check: (out, c, admin) => {
      for (const id of [c.y.controlJobId, c.mixed.documentJobId, c.mixed.controlJobId, c.court.exportJobId]) seenIff(ids(out), id, admin);
      expect(ids(out)).toContain(c.x.controlJobId);
    },
  },
  'ledger.get': { refused: (c) => [{ caseId: c.y.propertyCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'measures.batch': { refused: (c) => [{ batchId: c.y.controlBatchId }, { batchId: c.mixed.controlBatchId }], own: (c) => [{ batchId: c.x.controlBatchId }] },
  'measures.createBatch': {
    refused: (c) => [{ items: [{ assetId: c.y.assetId, action: 'deduct' }] }, { items: [{ assetId: c.x.assetId, action: 'freeze' }, { assetId: c.y.assetId, action: 'freeze' }] }],
  },
  'measures.list': {
    refused: (c) => [{ caseId: c.y.propertyCaseId }, { batchId: c.y.controlBatchId }, { batchId: c.mixed.controlBatchId }],
    narrowed: () => [{}, { status: ['done', 'partial'] }],
    own: (c) => [{ caseId: c.x.caseId }, { batchId: c.x.controlBatchId }],
  },
  'measures.recordResult': { refused: (c) => [{ results: [{ measureId: c.y.measureId, outcome: 'refused' }] }, { results: [{ measureId: c.x.measureId, outcome: 'done' }, { measureId: c.y.deductionId, outcome: 'done', actualFen: 1 }] }] },
  'measures.release': { refused: (c) => [{ measureIds: [c.y.measureId], reason: '攻击' }, { measureIds: [c.x.measureId, c.y.measureId], reason: '攻击' }] },
  'measures.renew': { refused: (c) => [{ measureIds: [c.y.measureId] }] },
  'metrics.compute': {
    refused: (c) => [{ period, scope: { kind: 'team', teamId: TEAM_Y.id } }, { period, scope: { kind: 'judge', judgeId: c.y.judgeId } }],
    narrowed: () => [{ period }],
    check: (out, _c, admin) => expect((out as { scope: unknown }).scope).toMatchObject(admin ? { kind: 'court' } : { kind: 'team', id: TEAM_X.id }),
    own: () => [{ period, scope: { kind: 'team', teamId: TEAM_X.id } }],
  },
  'metrics.dashboard': {
    refused: () => [{ period: { kind: 'month', year: 2026, month: 5 }, scope: { kind: 'team', teamId: TEAM_Y.id } }],
    narrowed: () => [{ period: { kind: 'quarter', year: 2026, quarter: 2 } }],
    check: (out, _c, admin) => {
      const d = out as { scope: { kind: string }; teams: { teamId: string }[] };
      expect(d.scope.kind).toBe(admin ? 'court' : 'team');
      seenIff(d.teams.map((x) => x.teamId), TEAM_Y.id, admin);
    },
  },
  'metrics.definitions': { plain: () => [{}] },
  'metrics.drilldown': {
    refused: () => [{ period, scope: { kind: 'team', teamId: TEAM_Y.id }, metricId: 'accepted', column: 'main' }],
    narrowed: () => [{ period, metricId: 'accepted', column: 'main' }],
  },
  'reports.dashboardPdf': { narrowed: () => [{ period: { kind: 'month', year: 2026, month: 5 } }], check: async (out, _c, admin) => seenIff([(await textOf(out)).includes(TEAM_Y.name)], true, admin) },
  'reports.dashboardXlsx': { narrowed: () => [{ period: { kind: 'year', year: 2026 } }], check: async (out, _c, admin) => seenIff([(await textOf(out)).includes(TEAM_Y.name)], true, admin) },
  'roles.list': { plain: () => [{}] },
  'settings.get': { plain: () => [{}] },
  'system.health': { plain: () => [{}] },
  'system.info': { plain: () => [{}] },
  // The health method for monitoring: public, and it names no case.
  'system.status': { plain: () => [{}] },
  // Presence on another team's case is refused like opening it; on the team's own, allowed.
  'presence.set': { refused: (c) => [{ caseId: c.y.propertyCaseId, window: 'probe-window-1' }], own: (c) => [{ caseId: c.x.caseId, window: 'probe-window-1' }, { caseId: null, window: 'probe-window-1' }] },
  'system.setup': { plain: () => [{ adminPassword: 'another-admin-1', court: { name: '开鲁县人民法院', code: '内0523' } }] },
  // Recovery mode's methods: public, and only about the data folder's backups (no case data).
  'recovery.status': { plain: () => [{}] },
  'recovery.restore': { plain: () => [{ name: 'zhixing-20261101T000000Z-manual.sqlite', username: 'admin', password: 'x' }] },
  // Compulsory measures: 东风's request, detention and referral are refused to 开鲁; lists hold only 开鲁's.
  'coercion.request': {
    refused: (c) => [{ caseId: c.y.propertyCaseId, personName: '某人', personKind: 'individual', measure: 'fine', place: '某地', wantedOn: '2026-11-20', purpose: '罚款' }],
    own: (c) => [{ caseId: c.x.caseId, personName: '开鲁被执行人丙', personKind: 'individual', measure: 'fine', place: '开鲁镇', wantedOn: '2026-11-20', purpose: '罚款' }],
  },
  'coercion.withdraw': { refused: (c) => [{ requestId: c.y.coercionRequestId, reason: '撤回' }] },
  'coercion.requests': {
    refused: (c) => [{ caseId: c.y.propertyCaseId }, { operationId: c.y.coercionOperationId }],
    narrowed: () => [{}, { status: ['done', 'scheduled', 'open'] }],
    own: (c) => [{ caseId: c.x.caseId }],
  },
  'coercion.measures': { refused: (c) => [{ caseId: c.y.propertyCaseId }, { operationId: c.y.coercionOperationId }], narrowed: () => [{}, { active: true }], own: (c) => [{ caseId: c.x.caseId }] },
  'coercion.referrals': { refused: (c) => [{ caseId: c.y.propertyCaseId }], narrowed: () => [{}], own: (c) => [{ caseId: c.x.caseId }] },
  'coercion.fine': { refused: (c) => [{ caseId: c.y.propertyCaseId, personName: '某人', personKind: 'individual', ground: 'refuse', act: '拒不履行', amountFen: 100_000, approvedById: c.y.judgeId }, { requestId: c.y.coercionRequestId, ground: 'refuse', act: '另一行为', amountFen: 100_000, approvedById: c.y.judgeId }] },
  'coercion.detain': { refused: (c) => [{ caseId: c.y.propertyCaseId, personName: '某人', personKind: 'individual', ground: 'refuse', act: '拒不履行', days: 3, approvedById: c.y.judgeId }] },
  'coercion.emergencyDecision': { refused: (c) => [{ measureId: c.y.coercionMeasureId, approvedById: c.y.judgeId, approved: true }] },
  'coercion.leave': { refused: (c) => [{ measureId: c.y.coercionMeasureId, reason: '攻击' }] },
  'coercion.leaveRefuse': { refused: (c) => [{ measureId: c.y.coercionMeasureId, applicationId: 1, reason: '攻击' }] },
  // Only 东风 has a compulsory measure (one detention, twoTeams.ts): 开鲁's officer counts none of it.
  'coercion.periodFigures': { narrowed: () => [{ period: { kind: 'year', year: 2026 } }], check: (out, _c, admin) => expect((out as { detained: number }).detained).toBe(admin ? 1 : 0) },
  'coercion.releaseEarly': { refused: (c) => [{ measureId: c.y.coercionMeasureId, approvedById: c.y.judgeId, reason: '悔过' }] },
  'coercion.fileReview': { refused: (c) => [{ measureId: c.y.coercionMeasureId, filedOn: '2026-11-10' }] },
  'coercion.reviewDecision': { refused: (c) => [{ measureId: c.y.coercionMeasureId, decidedOn: '2026-11-10', result: 'revoked' }] },
  'coercion.warrant': { refused: (c) => [{ caseId: c.y.propertyCaseId, personName: '某人', place: '某地', reason: '隐匿财产', approvedById: c.y.judgeId }] },
  'coercion.searchRecord': { refused: (c) => [{ measureId: c.y.coercionMeasureId, attendees: ['甲'], officers: [{ name: '乙', gender: 'male' }], items: '无' }] },
  'coercion.refer': { refused: (c) => [{ caseId: c.y.propertyCaseId, personName: '某人', police: '公安局', facts: '拒不履行', evidence: ['判决书'] }] },
  'coercion.policeAnswer': { refused: (c) => [{ referralId: c.y.coercionReferralId, answer: 'refused', answeredOn: '2026-11-10' }] },
  'coercion.privateProsecution': { refused: (c) => [{ referralId: c.y.coercionReferralId }] },
  'coercion.people': { plain: () => [{}] },
  'users.setPassword': { refused: (c) => [{ id: c.y.judgeId, password: 'taken-over-1' }] },
  // The case page as a workspace (methods/workspace.ts, the 终本 proposal, single documents, service).
  'cases.workspace': { refused: (c) => [{ caseId: c.y.propertyCaseId }, { caseId: c.unassigned.caseIds[0] }], own: (c) => [{ caseId: c.x.caseId }] },
  'cases.printSummary': { refused: (c) => [{ caseId: c.y.propertyCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'records.list': { refused: (c) => [{ caseId: c.y.zhongbenCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'records.create': {
    refused: (c) => [
      { caseId: c.y.propertyCaseId, ...RECORD },
      { caseId: c.x.caseId, ...RECORD, correctsId: c.y.recordId },
    ],
    own: (c) => [{ caseId: c.x.caseId, ...RECORD }],
  },
  'records.print': { refused: (c) => [{ recordId: c.y.recordId }] },
  'notes.list': { refused: (c) => [{ caseId: c.y.propertyCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'notes.add': { refused: (c) => [{ caseId: c.y.propertyCaseId, text: '攻击' }], own: (c) => [{ caseId: c.x.caseId, text: '电话联系申请执行人' }] },
  'attachments.list': { refused: (c) => [{ caseId: c.y.propertyCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'attachments.upload': { refused: (c) => [{ caseId: c.y.propertyCaseId, fileName: '攻击.png', contentBase64: b64Png }] },
  'attachments.file': { refused: (c) => [{ attachmentId: c.y.attachmentId }] },
  'transfers.request': { refused: (c) => [{ caseId: c.y.propertyCaseId, reason: '攻击' }] },
  'transfers.list': {
    refused: (c) => [{ caseId: c.y.propertyCaseId }],
    narrowed: () => [{}, { status: 'pending' }],
    check: (out, c, admin) => seenIff(ids(out), c.y.transferRequestId, admin),
  },
  'closure.request': { refused: (c) => [{ caseId: c.y.propertyCaseId, reason: '攻击' }] },
  'closure.requests': {
    refused: (c) => [{ caseId: c.y.zhongbenCaseId }],
    narrowed: () => [{}, { status: 'closed' }],
    check: (out, c, admin) => seenIff(ids(out), c.y.closureRequestId, admin),
  },
  'documents.generate': { refused: (c) => [{ caseId: c.y.propertyCaseId, kind: '执行通知书', reason: '攻击' }] },
  'documents.printAcceptance': { refused: (c) => [{ caseId: c.y.propertyCaseId }] },
  'documents.markServed': { refused: (c) => [{ items: [{ documentId: c.y.documentId, method: '直接送达', servedOn: '2026-11-10' }] }] },
  'todo.mine': { narrowed: () => [{}] },
  'todo.badges': {
    narrowed: () => [{}],
    // Counts only: 东风's overdue cases are in the administrator's total, not in the officer's.
    check: (out, c, admin) => {
      const n = (out as { overdueCases: number }).overdueCases;
      const own = c.t.app.db.raw<{ n: number }>(`SELECT count(DISTINCT case_id) AS n FROM deadlines WHERE status = 'open' AND due_on < '2026-11-10' AND team_id = ?`, TEAM_X.id)[0]!.n;
      if (admin) expect(n).toBeGreaterThan(own);
      else expect(n).toBe(own);
    },
  },
};

const RECORD = { kind: '谈话笔录', heldOn: '2026-11-10', startedAt: '10:00', endedAt: '10:30', place: '开鲁法庭', officers: ['开鲁法官'], recorder: '开鲁书记员', persons: [{ name: '某人', capacity: '其他' }], content: '问：你的财产情况？\n答：没有财产。' };
const b64Png = png().toString('base64');

/** Y's id of each kind a declaration can name: a kind with none here fails the declaration pass. */
export function yIdOf(c: Court, kind: CaseRefKind): number | string {
  const of: Record<CaseRefKind, number | string> = {
    case: c.y.propertyCaseId,
    asset: c.y.assetId,
    measure: c.y.measureId,
    document: c.y.documentId,
    documentBatch: c.mixed.documentBatchId,
    inquiryBatch: c.y.queryBatchId,
    controlBatch: c.y.controlBatchId,
    requeryBatch: c.y.requeryBatchId,
    ledgerEntry: c.y.receiptEntryId,
    job: c.y.controlJobId,
    assignmentRun: c.y.assignmentRunId,
    reportExport: c.court.exportId,
    coercionRequest: c.y.coercionRequestId,
    coercionMeasure: c.y.coercionMeasureId,
    coercionLeave: c.y.coercionLeaveId,
    coercionReferral: c.y.coercionReferralId,
    coercionOperation: c.y.coercionOperationId,
    team: TEAM_Y.id,
    judge: c.y.judgeId,
    creditListing: c.y.creditListingId,
    creditCorrection: c.y.creditCorrectionId,
    restriction: c.y.restrictionId,
    restrictionViolation: c.y.violationId,
    workRecord: c.y.recordId,
    attachment: c.y.attachmentId,
    transferRequest: c.y.transferRequestId,
    closureRequest: c.y.closureRequestId,
  };
  return of[kind];
}

/** The text of a file answer (PDF, xlsx, DOCX, csv), to look for Y's data inside it. */
export async function textOf(out: unknown): Promise<string> {
  if (!(out instanceof FileResponse)) return JSON.stringify(out);
  if (out.path.endsWith('.pdf')) return (await readPdf(out.path)).text;
  if (out.path.endsWith('.docx')) return (await readDocx(out.path)).text;
  if (out.path.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.path);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text)))));
    return cells.join('\n');
  }
  return readFileSync(out.path, 'utf8');
}

