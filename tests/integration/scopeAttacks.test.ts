import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTwoTeamCourt, TEAM_X, TEAM_Y, type Court } from '../helpers/twoTeams';
import { b64, csvBytes, feedbackTable, requestTargets } from '../helpers/inquiries';
import { waitJob } from '../helpers/documents';

// The attacks of the security review, one by one: a tribunal-team officer (开鲁, X) against the
// cases of another team (东风, Y), through the real registry on a real SQLite file. Each must be
// refused before anything is written, or answer with the officer's own cases only. The rule that
// stops each is the method's case declaration (src-shared/api/caseScope.ts); see docs/security.md.

let c: Court;
beforeAll(async () => {
  c = await buildTwoTeamCourt();
}, 180_000);
afterAll(async () => c?.t.close());

const X = () => c.x.officer;
const count = (sql: string, ...p: unknown[]) => c.t.app.db.raw<{ n: number }>(sql, ...p)[0]!.n;
const eventsOf = (caseId: number) => count('SELECT count(*) AS n FROM case_events WHERE case_id = ?', caseId);
const measure = (id: number) => c.t.app.db.raw<{ status: string; expires_on: string | null; renewals: number; released_on: string | null }>('SELECT status, expires_on, renewals, released_on FROM measures WHERE id = ?', id)[0]!;

describe('writes on another team’s property', () => {
  it('measures.release and measures.renew on 东风’s freeze: refused, the freeze stays in force, nothing logged in the officer’s name', async () => {
    const y = c.y.measureId;
    const before = measure(y);
    const events = eventsOf(c.y.propertyCaseId);
    const rel = await c.t.fail('measures.release', { measureIds: [y], reason: '案款已清偿' }, X());
    expect(rel).toMatchObject({ code: 'forbidden', field: 'measureIds.0' });
    expect(rel.message).toBe(`控制措施所属的案件 ${c.y.numbers[1]} 不属于本团队，无权查看或办理`);
    // Smuggled behind one of the officer's own measures: still refused, naming the second.
    expect((await c.t.fail('measures.release', { measureIds: [c.x.measureId, y], reason: '案款已清偿' }, X())).field).toBe('measureIds.1');
    expect((await c.t.fail('measures.renew', { measureIds: [y] }, X())).code).toBe('forbidden');
    expect(measure(y)).toEqual(before);
    expect(eventsOf(c.y.propertyCaseId)).toBe(events);
    expect(count("SELECT count(*) AS n FROM case_events WHERE actor_name = ? AND type LIKE 'measure.%' AND case_id = ?", X(), c.y.propertyCaseId)).toBe(0);
  });

  it('measures.createBatch deducting 东风’s asset: refused before any ruling is made or job started', async () => {
    const jobs = count('SELECT count(*) AS n FROM jobs');
    const docs = count('SELECT count(*) AS n FROM documents');
    const err = await c.t.fail('measures.createBatch', { items: [{ assetId: c.y.assetId, action: 'deduct' }] }, X());
    expect(err).toMatchObject({ code: 'forbidden', field: 'items.0.assetId' });
    expect(err.message).toContain('财产所属的案件');
    expect(count('SELECT count(*) AS n FROM jobs')).toBe(jobs);
    expect(count('SELECT count(*) AS n FROM documents')).toBe(docs);
  });

  it('measures.recordResult on 东风’s pending deduction: refused, no receipt booked into 东风’s ledger', async () => {
    // 东风's own officer starts a second deduction of the frozen money; it waits for the bank's answer.
    const job = await waitJob(c.t, (await c.t.call('measures.createBatch', { items: [{ assetId: c.y.assetId, action: 'deduct', amountFen: 500_000 }] }, c.y.officer)).id);
    expect(job.status).toBe('done');
    const pending = (await c.t.call('measures.batch', { batchId: (job.result as { batchId: number }).batchId }, c.y.officer)).measures[0]!;
    const entries = count('SELECT count(*) AS n FROM ledger_entries WHERE case_id = ?', c.y.propertyCaseId);
    const err = await c.t.fail('measures.recordResult', { results: [{ measureId: pending.id, outcome: 'done' }] }, X());
    expect(err).toMatchObject({ code: 'forbidden', field: 'results.0.measureId' });
    expect(count('SELECT count(*) AS n FROM ledger_entries WHERE case_id = ?', c.y.propertyCaseId)).toBe(entries);
    expect(measure(pending.id).status).toBe('pending');
    // The owner records it: the receipt is booked.
    await c.t.call('measures.recordResult', { results: [{ measureId: pending.id, outcome: 'done' }] }, c.y.officer);
    expect(count('SELECT count(*) AS n FROM ledger_entries WHERE case_id = ?', c.y.propertyCaseId)).toBe(entries + 1);
  });

  it('inquiries.importFeedback into 东风’s batch (named in the file, or as batchId): refused, no asset planted, no case moved', async () => {
    const batch = await c.t.call('inquiries.get', { batchId: c.y.queryBatchId });
    const full = await requestTargets(c.t, c.y.queryBatchId);
    const file = b64(csvBytes(feedbackTable(full.map((f) => ({ batch: batch.number, caseNumber: f.caseNumber, debtor: f.debtor, idCode: f.idCode, assetType: '银行存款', institution: '某银行', identifier: `6222000011112222${f.seq}`, value: '99.00', queriedOn: '2026-11-10' })))));
    const assets = count('SELECT count(*) AS n FROM assets');
    const stages = c.t.app.db.raw('SELECT id, stage FROM cases ORDER BY id');
    const imports = count('SELECT count(*) AS n FROM inquiry_imports');
    const inFile = await c.t.fail('inquiries.importFeedback', { fileName: '反馈.csv', contentBase64: file }, X());
    expect(inFile).toMatchObject({ code: 'forbidden', field: 'batchId' });
    expect(inFile.message).toContain('查控批次所属的案件');
    expect((await c.t.fail('inquiries.importFeedback', { fileName: '反馈.csv', contentBase64: file, batchId: c.y.queryBatchId }, X())).code).toBe('forbidden');
    expect(count('SELECT count(*) AS n FROM assets')).toBe(assets);
    expect(count('SELECT count(*) AS n FROM inquiry_imports')).toBe(imports);
    expect(c.t.app.db.raw('SELECT id, stage FROM cases ORDER BY id')).toEqual(stages);
  });
});

describe('reads across teams', () => {
  it('documents.list and documents.file: 东风’s documents and the print file holding them are refused; the register lists only 开鲁’s', async () => {
    expect((await c.t.fail('documents.list', { caseId: c.y.propertyCaseId }, X())).code).toBe('forbidden');
    expect((await c.t.fail('documents.list', { batchId: c.mixed.documentBatchId }, X())).code).toBe('forbidden');
    expect((await c.t.fail('documents.file', { documentId: c.y.documentId, format: 'docx' }, X())).code).toBe('forbidden');
    // The batch's merged PDF holds 东风's notices too: it belongs to every case inside it.
    const print = await c.t.fail('documents.file', { batchId: c.mixed.documentBatchId }, X());
    expect(print).toMatchObject({ code: 'forbidden', field: 'batchId' });
    const mine = await c.t.call('documents.list', { limit: 1000 }, X());
    expect(mine.total).toBeGreaterThan(0);
    expect(new Set(mine.rows.map((d) => d.caseId))).toEqual(new Set([c.x.caseId]));
    expect((await c.t.call('documents.batches', { limit: 200 }, X())).map((b) => b.id)).not.toContain(c.mixed.documentBatchId);
  });

  it('assets.list: only 开鲁’s assets, with masked account numbers; 东风’s case or batch refused', async () => {
    const mine = await c.t.call('assets.list', {}, X());
    expect(mine.rows.map((a) => a.caseId)).toEqual([c.x.caseId]);
    expect(mine.rows[0]!.identifier).toBe('***************0444');
    expect((await c.t.fail('assets.list', { caseId: c.y.propertyCaseId }, X())).code).toBe('forbidden');
    expect((await c.t.fail('assets.list', { batchId: c.y.queryBatchId }, X())).code).toBe('forbidden');
    expect((await c.t.call('assets.list', {})).total).toBeGreaterThan(1);
  });

  it('inquiries.get and inquiries.exportRequest of 东风’s batch: refused (the request file carries full ID numbers)', async () => {
    expect((await c.t.fail('inquiries.get', { batchId: c.y.queryBatchId }, X())).code).toBe('forbidden');
    expect((await c.t.fail('inquiries.exportRequest', { batchId: c.y.queryBatchId, format: 'csv' }, X())).code).toBe('forbidden');
    expect((await c.t.fail('inquiries.exportRequest', { batchId: c.y.requeryInquiryBatchId }, X())).code).toBe('forbidden');
    const own = await c.t.call('inquiries.get', { batchId: c.x.queryBatchId }, X());
    expect(own.targets[0]!.idCode).toMatch(/^150523\*{8}\d{3}[\dX]$/);
    expect((await c.t.call('inquiries.batches', {}, X())).rows.map((b) => b.id)).toEqual([c.x.queryBatchId]);
  });

  it('deadlines.cases and deadlines.board: 东风’s clocks neither listed nor counted', async () => {
    expect((await c.t.fail('deadlines.cases', { teamId: TEAM_Y.id }, X())).code).toBe('forbidden');
    expect((await c.t.fail('deadlines.cases', { judgeId: c.y.judgeId }, X())).code).toBe('forbidden');
    const all = await c.t.call('deadlines.cases', { limit: 1000 }, X());
    expect(all.rows.every((r) => r.caseId === c.x.caseId)).toBe(true);
    const adminY = await c.t.call('deadlines.cases', { teamId: TEAM_Y.id, limit: 1000 });
    expect(adminY.total).toBeGreaterThan(0);
    const board = await c.t.call('deadlines.board', {}, X());
    expect(board.byTeam.map((b) => b.key).filter((k) => k !== TEAM_X.id)).toEqual([]);
    expect(board.totals.overdue + board.totals.today + board.totals.soon).toBe(all.total);
  });

  it('metrics.compute and metrics.drilldown for 东风 or its judge: refused; the court’s figures become 开鲁’s own', async () => {
    const period = { kind: 'year', year: 2026 } as const;
    expect((await c.t.fail('metrics.compute', { period, scope: { kind: 'team', teamId: TEAM_Y.id } }, X())).code).toBe('forbidden');
    expect((await c.t.fail('metrics.compute', { period, scope: { kind: 'judge', judgeId: c.y.judgeId } }, X())).code).toBe('forbidden');
    expect((await c.t.fail('metrics.drilldown', { period, scope: { kind: 'team', teamId: TEAM_Y.id }, metricId: 'accepted', column: 'main' }, X())).code).toBe('forbidden');
    const asked = await c.t.call('metrics.compute', { period }, X());
    const own = await c.t.call('metrics.compute', { period, scope: { kind: 'team', teamId: TEAM_X.id } });
    expect(asked.scope).toEqual({ kind: 'team', id: TEAM_X.id, label: TEAM_X.name });
    expect(asked.figures).toEqual(own.figures);
    const drill = await c.t.call('metrics.drilldown', { period, metricId: 'accepted', column: 'main' }, X());
    expect(drill.rows.map((r) => r.caseId)).toEqual([c.x.caseId]);
  });

  it('grids.archive and grids.requeryDue: 东风’s 终本 case is not in 开鲁’s archive or due list', async () => {
    expect((await c.t.call('grids.archive', {})).rows.map((r) => r.caseId)).toContain(c.y.zhongbenCaseId);
    expect((await c.t.call('grids.archive', {}, X())).total).toBe(0);
    // Complete the pending round so the next one falls due (终本规定 Art. 9: every six months).
    await c.t.call('archive.recordResults', { batchId: c.y.requeryBatchId, results: [{ caseId: c.y.zhongbenCaseId, nothingFound: true }] }, 'archivist');
    const was = c.t.app.clock.nowIso();
    c.t.app.clock.set('2027-05-20T02:00:00Z');
    const due = { withinDays: 30 };
    expect((await c.t.call('grids.requeryDue', due)).rows.map((r) => r.caseId)).toEqual([c.y.zhongbenCaseId]);
    expect((await c.t.call('grids.requeryDue', due, X())).rows).toEqual([]);
    expect((await c.t.call('grids.requeryDue', due, c.y.officer)).rows.map((r) => r.caseId)).toEqual([c.y.zhongbenCaseId]);
    c.t.app.clock.set(was);
    expect((await c.t.call('archive.requeryBatches', {}, X())).map((b) => b.id)).toEqual([]);
    expect((await c.t.fail('archive.requeryBatch', { batchId: c.y.requeryBatchId }, X())).code).toBe('forbidden');
  });

  it('assignment.runs and assignment.run: runs holding 东风’s cases are not shown', async () => {
    expect((await c.t.call('assignment.runs', {})).total).toBe(2);
    const runs = await c.t.call('assignment.runs', {}, X());
    expect(runs).toEqual({ rows: [], total: 0 });
    expect((await c.t.call('assignment.runs', {}, c.y.officer)).rows.map((r) => r.id)).toEqual([c.y.assignmentRunId]);
    expect((await c.t.fail('assignment.run', { id: c.mixed.distributionRunId }, X())).code).toBe('forbidden');
    // Why a case came to the officer stays answerable.
    expect((await c.t.call('assignment.explain', { caseId: c.x.caseId }, X())).length).toBeGreaterThan(0);
  });

  it('the navigation’s counts are the officer’s own', async () => {
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(await c.t.call('cases.counts', {}, X()))).toBe(1);
    expect(sum(await c.t.call('cases.counts', {}, c.y.officer))).toBe(2);
    expect(sum(await c.t.call('cases.counts', {}))).toBe(5);
  });
});

describe('jobs belong to their starter and the cases inside them', () => {
  it('jobs.list shows the officer’s own job and none holding another team’s cases or the whole court', async () => {
    const mine = await c.t.call('jobs.list', { limit: 200 }, X());
    expect(mine.map((j) => j.id)).toEqual([c.x.controlJobId]);
    expect((await c.t.fail('jobs.get', { id: c.y.controlJobId }, X())).code).toBe('forbidden');
    expect((await c.t.fail('jobs.get', { id: c.court.exportJobId }, X())).code).toBe('forbidden');
    // The command centre sees them all.
    expect((await c.t.call('jobs.list', { limit: 200 }, 'clerk')).length).toBeGreaterThan(4);
  });

  it('jobs.cancel of someone else’s running job is refused — to another team and to the command centre alike', async () => {
    const app = c.t.app;
    const yUser = app.db.raw<{ id: number; display_name: string }>('SELECT id, display_name FROM users WHERE username = ?', c.y.officer)[0]!;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const view = app.jobs.start({ kind: 'test.wait', label: '等待', user: { id: yUser.id, displayName: yUser.display_name }, cases: [c.y.propertyCaseId] }, async (job) => {
      await gate;
      job.checkCancelled();
      return { done: true };
    });
    expect((await c.t.fail('jobs.cancel', { id: view.id }, X())).code).toBe('forbidden');
    const other = await c.t.fail('jobs.cancel', { id: view.id }, 'clerk');
    expect(other).toMatchObject({ code: 'forbidden', message: '只能取消自己发起的任务' });
    expect((await c.t.call('jobs.get', { id: view.id }, c.y.officer)).status).toBe('running');
    await c.t.call('jobs.cancel', { id: view.id }, c.y.officer);
    release();
    expect((await waitJob(c.t, view.id)).status).toBe('cancelled');
  });
});
