import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { READ_TASKS } from '../../src-main/jobs/readTasks';
import { readsOffThread } from '../../src-main/jobs/readPool';
import { exportPath } from '../../src-main/services/inquiries/exportFile';
import ExcelJS from 'exceljs';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { makeId, sampleDraft } from '../helpers/drafts';
import { FileResponse } from '../../src-main/api/context';
import { buildGridSql, runGridInMemory, type GridSource } from '../../src-main/services/grids/query';
import { gridSql } from '../../src-main/services/grids/sources';
import { ApiError } from '../../src-shared/api/errors';

// The shared server-paged grid (services/grids): paging, sort and filter over whitelisted columns,
// the case scope, and the export that writes exactly what the filter shows. The expected rows are
// the fixture's own list, filtered and sorted here in plain JavaScript — not by the helper.

const TEAM_X = { id: 'kailu', name: '开鲁法庭', kind: 'tribunal' as const, areas: ['开鲁镇'], active: true };
const TEAM_Y = { id: 'dongfeng', name: '东风法庭', kind: 'tribunal' as const, areas: ['东风镇'], active: true };

interface Fixture {
  caseId: number;
  number: string;
  debtor: string;
  claimFen: number;
  terminatedOn: string;
  team: string;
  scan: 'pending' | 'scanned' | 'bound';
}

let t: TestApp;
const cases: Fixture[] = [];

beforeAll(async () => {
  t = openTestApp();
  await t.call('settings.set', { teams: [TEAM_X, TEAM_Y] });
  t.app.clock.set('2026-03-02T02:00:00Z');
  for (let i = 0; i < 14; i++) {
    const debtor = i % 3 === 0 ? `王某某${i}` : `开鲁县商贸${i}有限公司`;
    const claimFen = 100_000 + ((i * 7919) % 13) * 50_000;
    const c = await t.call(
      'cases.file',
      sampleDraft({
        filedOn: '2026-03-02',
        claim: { principalFen: claimFen, interestFen: 0, costsFen: 0 },
        debtors: [{ kind: 'person', name: debtor, idNumber: makeId('19800101', 100 + i), address: '开鲁县开鲁镇' }],
        title: { court: '开鲁县人民法院', number: `（2025）内0523民初${700 + i}号`, effectiveOn: '2025-12-01', cause: '买卖合同纠纷', kind: '民事判决书', ordered: '被告给付原告货款' },
      }),
    );
    const team = i % 2 === 0 ? TEAM_X.id : TEAM_Y.id;
    const terminatedOn = `2026-0${4 + (i % 5)}-${String(10 + i).padStart(2, '0')}`;
    const scan = (['pending', 'scanned', 'bound'] as const)[i % 3]!;
    // The archive rows as the 终本 closure leaves them (services/archive), written here as fixture data.
    t.app.db.rawRun('UPDATE cases SET team_id = ? WHERE id = ?', team, c.id);
    t.app.db.rawRun(
      `INSERT INTO archive_entries (case_id, terminated_on, requery_until, next_requery_on, scan_status, updated_at) VALUES (?, ?, '2031-01-01', ?, ?, '2026-04-01T00:00:00Z')`,
      c.id,
      terminatedOn,
      i % 4 === 0 ? null : '2026-10-01',
      scan,
    );
    const claim = t.app.db.raw<{ claim_fen: number }>('SELECT claim_fen FROM cases WHERE id = ?', c.id)[0]!.claim_fen;
    cases.push({ caseId: c.id, number: c.number, debtor, claimFen: claim, terminatedOn, team, scan });
  }
  t.user('xofficer', ['team'], TEAM_X.id);
}, 120_000);

afterAll(async () => t?.close());

describe('grids.archive: paging, sort and filter in SQL over whitelisted columns', () => {
  it('filters by a column, sorts by another and pages with the total of the filter', async () => {
    const expected = cases.filter((c) => c.debtor.includes('商贸')).sort((a, b) => a.claimFen - b.claimFen || a.terminatedOn.localeCompare(b.terminatedOn));
    const first = await t.call('grids.archive', {
      filters: [{ col: 'debtors', op: 'contains', value: '商贸' }],
      sort: [
        { col: 'unpaidFen', dir: 'asc' },
        { col: 'terminatedOn', dir: 'asc' },
      ],
      offset: 0,
      limit: 4,
    });
    expect(first.total).toBe(expected.length);
    expect(first.rows.map((r) => r.number)).toEqual(expected.slice(0, 4).map((c) => c.number));
    const second = await t.call('grids.archive', {
      filters: [{ col: 'debtors', op: 'contains', value: '商贸' }],
      sort: [
        { col: 'unpaidFen', dir: 'asc' },
        { col: 'terminatedOn', dir: 'asc' },
      ],
      offset: 4,
      limit: 4,
    });
    expect(second.rows.map((r) => r.number)).toEqual(expected.slice(4, 8).map((c) => c.number));
  });

  it('filters dates by range, enums by value, and blanks', async () => {
    const r = await t.call('grids.archive', { filters: [{ col: 'terminatedOn', op: 'inRange', value: '2026-05-01', valueTo: '2026-06-30' }], limit: 100 });
    expect(r.rows.map((x) => x.caseId).sort()).toEqual(cases.filter((c) => c.terminatedOn >= '2026-05-01' && c.terminatedOn <= '2026-06-30').map((c) => c.caseId).sort());
    const scanned = await t.call('grids.archive', { filters: [{ col: 'scanStatus', op: 'equals', value: 'scanned' }], limit: 100 });
    expect(scanned.total).toBe(cases.filter((c) => c.scan === 'scanned').length);
    const finished = await t.call('grids.archive', { filters: [{ col: 'nextRequeryOn', op: 'blank' }], limit: 100 });
    expect(finished.total).toBe(cases.filter((_, i) => i % 4 === 0).length);
  });

  it('takes a case number typed with half-width brackets', async () => {
    const target = cases[5]!;
    const typed = target.number.replace('（', '(').replace('）', ')');
    const r = await t.call('grids.archive', { filters: [{ col: 'number', op: 'equals', value: typed }], limit: 10 });
    expect(r.rows.map((x) => x.caseId)).toEqual([target.caseId]);
  });

  it('refuses a column not in the list, naming the field, and never runs it as SQL', async () => {
    const bad = await t.fail('grids.archive', { sort: [{ col: 'c.id; DROP TABLE cases', dir: 'asc' }] });
    expect(bad.code).toBe('invalid_input');
    expect(bad.field).toBe('sort.0.col');
    const badFilter = await t.fail('grids.archive', { filters: [{ col: 'search_text', op: 'contains', value: 'x' }] });
    expect(badFilter.field).toBe('filters.0.col');
    // A value is a bound parameter: quotes and SQL in it match nothing and harm nothing.
    const quoted = await t.call('grids.archive', { filters: [{ col: 'debtors', op: 'contains', value: "' OR 1=1; DROP TABLE cases; --" }] });
    expect(quoted.total).toBe(0);
    expect(t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM cases')[0]!.n).toBe(cases.length);
  });

  it('the helper itself refuses unknown keys (second lock behind the schema)', () => {
    const source: GridSource<unknown> = { from: 'cases c', scope: 'cases', select: 'c.id', columns: { number: { sql: 'c.number', type: 'text', label: '案号' } }, defaultSort: [], tieBreak: 'c.id', map: (r) => r };
    const call = () => buildGridSql(source, { sort: [{ col: 'constructor', dir: 'asc' }], filters: [] }, { all: true });
    expect(call).toThrow(ApiError);
    expect(() => buildGridSql(source, { sort: [], filters: [{ col: 'id', op: 'equals', value: 1 }] }, { all: true })).toThrow(/没有“id”这一列/);
    expect(() => runGridInMemory({ a: { type: 'text', label: 'A' } }, [{ a: 'x' }], { sort: [{ col: 'b', dir: 'asc' }], filters: [], offset: 0, limit: 10 }, [])).toThrow(ApiError);
  });

  it("narrows a tribunal team's officer to the team's cases, filters and totals included", async () => {
    const own = cases.filter((c) => c.team === TEAM_X.id);
    const r = await t.call('grids.archive', { limit: 100 }, 'xofficer');
    expect(r.total).toBe(own.length);
    expect(r.rows.map((x) => x.caseId).sort()).toEqual(own.map((c) => c.caseId).sort());
    // Another team's case number, asked for by name, is not there.
    const other = cases.find((c) => c.team === TEAM_Y.id)!;
    const probe = await t.call('grids.archive', { filters: [{ col: 'number', op: 'equals', value: other.number }] }, 'xofficer');
    expect(probe.total).toBe(0);
    // Court-wide grids are the command centre's.
    expect((await t.fail('grids.audit', { userId: 1 }, 'xofficer')).code).toBe('forbidden');
    expect((await t.fail('grids.export', { grid: 'audit', userId: 1 }, 'xofficer')).code).toBe('forbidden');
  });
});

async function sheetOf(file: FileResponse) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file.path);
  return wb.worksheets[0]!;
}

describe('grids.export: the xlsx of what the filter shows', () => {
  it('writes every filtered row in the grid order, amounts in 元', async () => {
    const expected = cases.filter((c) => c.debtor.startsWith('王某某')).sort((a, b) => b.claimFen - a.claimFen || b.caseId - a.caseId);
    const out = await t.call('grids.export', { grid: 'archive', filters: [{ col: 'debtors', op: 'startsWith', value: '王某某' }], sort: [{ col: 'claimFen', dir: 'desc' }] });
    expect(out).toBeInstanceOf(FileResponse);
    const file = out as unknown as FileResponse;
    expect(file.fileName).toMatch(/^终本库-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ws = await sheetOf(file);
    expect(ws.rowCount).toBe(expected.length + 1);
    expect(ws.getRow(1).getCell(1).value).toBe('案号');
    expect(ws.getRow(1).getCell(4).value).toBe('标的（元）');
    for (let i = 0; i < expected.length; i++) {
      expect(ws.getRow(i + 2).getCell(1).value).toBe(expected[i]!.number);
      expect(ws.getRow(i + 2).getCell(3).value).toBe(expected[i]!.debtor);
    }
    // 标的 as text with two decimals (fen / 100), written by hand here.
    const top = expected[0]!.claimFen;
    expect(ws.getRow(2).getCell(4).value).toBe(`${Math.floor(top / 100)}.${String(top % 100).padStart(2, '0')}`);
  });

  it("exports only the officer's own team's rows", async () => {
    const out = (await t.call('grids.export', { grid: 'archive' }, 'xofficer')) as unknown as FileResponse;
    const ws = await sheetOf(out);
    const numbers = new Set<string>();
    for (let i = 2; i <= ws.rowCount; i++) numbers.add(String(ws.getRow(i).getCell(1).value));
    expect([...numbers].sort()).toEqual(cases.filter((c) => c.team === TEAM_X.id).map((c) => c.number).sort());
  });

  it("exports one user's audit trail filtered, and refuses an unknown column", async () => {
    const adminId = t.app.db.raw<{ id: number }>("SELECT id FROM users WHERE username = 'admin'")[0]!.id;
    const filed = t.app.db.raw<{ n: number }>("SELECT count(*) AS n FROM case_events WHERE actor_id = ? AND type = 'case.filed'", adminId)[0]!.n;
    expect(filed).toBe(cases.length);
    const page = await t.call('grids.audit', { userId: adminId, filters: [{ col: 'caseNumber', op: 'equals', value: cases[0]!.number }], limit: 100 });
    const own = t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM case_events WHERE actor_id = ? AND case_id = ?', adminId, cases[0]!.caseId)[0]!.n;
    expect(page.total).toBe(own);
    const file = (await t.call('grids.export', { grid: 'audit', userId: adminId, filters: [{ col: 'caseNumber', op: 'equals', value: cases[0]!.number }] })) as unknown as FileResponse;
    const ws = await sheetOf(file);
    expect(ws.rowCount).toBe(own + 1);
    expect(ws.getRow(2).getCell(2).value).toBe(cases[0]!.number);
    expect((await t.fail('grids.export', { grid: 'audit', userId: adminId, sort: [{ col: 'payload', dir: 'asc' }] })).field).toBe('sort.0.col');
    // 时间 filtered by the court-local day: 2026-03-02 in Beijing is 2026-03-01T16:00Z up to 2026-03-02T16:00Z.
    const day = t.app.db.raw<{ n: number }>("SELECT count(*) AS n FROM case_events WHERE actor_id = ? AND at >= '2026-03-01T16:00:00.000Z' AND at < '2026-03-02T16:00:00.000Z'", adminId)[0]!.n;
    expect(day).toBeGreaterThan(0);
    expect((await t.call('grids.audit', { userId: adminId, filters: [{ col: 'at', op: 'equals', value: '2026-03-02' }] })).total).toBe(day);
    expect((await t.call('grids.audit', { userId: adminId, filters: [{ col: 'at', op: 'lessThan', value: '2026-03-02' }] })).total).toBe(0);
  });

  it("reads one user's day of the trail from the (actor, time) index, in time order without a sort", () => {
    const gctx = { db: t.app.db, today: '2026-03-02', scope: { all: true } as const };
    for (const filters of [[], [{ col: 'at', op: 'equals' as const, value: '2026-03-02' }]]) {
      const sql = gridSql(gctx, 'audit', { userId: 1, sort: [], filters, offset: 0, limit: 100 });
      const params = (sql.match(/\?/g) ?? []).map((_, i) => (i === 0 ? 1 : '2026-03-02T00:00:00.000Z'));
      const plan = t.app.db.raw<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, ...params).map((p) => p.detail);
      expect(plan[0]).toMatch(filters.length ? /^SEARCH e USING INDEX case_events_actor_at \(actor_id=\? AND at>\? AND at<\?\)/ : /^SEARCH e USING INDEX case_events_actor_at \(actor_id=\?\)/);
      expect(plan.join(' | ')).not.toContain('TEMP B-TREE');
    }
  });
});

describe('grids.ledgerAccounts: the accounts holding money or owing a payout', () => {
  it('lists the accounts with a balance, overdue after 30 days (money-handling rules: payout within 30 days of receipt)', async () => {
    t.user('money1', ['money']);
    const [a, b] = [cases[0]!, cases[1]!];
    await t.call('ledger.record', { kind: 'receipt', caseId: a.caseId, amountFen: 120_000, on: '2026-03-02', source: 'voluntary', payer: '被执行人' }, 'money1');
    t.app.clock.set('2026-03-20T02:00:00Z');
    await t.call('ledger.record', { kind: 'receipt', caseId: b.caseId, amountFen: 30_000, on: '2026-03-20', source: 'voluntary', payer: '被执行人' }, 'money1');
    t.app.clock.set('2026-04-10T02:00:00Z');
    const page = await t.call('grids.ledgerAccounts', { sort: [{ col: 'balanceFen', dir: 'desc' }] }, 'money1');
    // a: received 2026-03-02, due by 2026-04-01, overdue on 2026-04-10; b: due by 2026-04-19, not yet.
    expect(page.rows.map((r) => [r.caseNumber, r.balanceFen, r.overdueFen])).toEqual([
      [a.number, 120_000, 120_000],
      [b.number, 30_000, 0],
    ]);
    const overdue = await t.call('grids.ledgerAccounts', { overdueOnly: true, filters: [{ col: 'balanceFen', op: 'greaterThan', value: 100_000 }] }, 'money1');
    expect(overdue.rows.map((r) => r.caseId)).toEqual([a.caseId]);
  });
});

describe('grids.export of many rows: a job, then grids.download', () => {
  it('writes every row of a large 终本库 in a job and downloads it', async () => {
    // 5,200 more 终本 cases as fixture rows: copies of a filed case with their own numbers.
    const cols = t.app.db
      .raw<{ name: string }>('PRAGMA table_info(cases)')
      .map((c) => c.name)
      .filter((n) => !['id', 'number', 'serial', 'search_text'].includes(n));
    const src = cases[0]!.caseId;
    t.app.db.rawRun(
      `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 5200)
       INSERT INTO cases (number, serial, search_text, ${cols.join(', ')})
       SELECT '（2026）内0523执' || (5000 + i) || '号', 5000 + i, '（2026）内0523执' || (5000 + i) || '号', ${cols.map((c) => `s.${c}`).join(', ')} FROM k, cases s WHERE s.id = ?`,
      src,
    );
    t.app.db.rawRun(
      `INSERT INTO archive_entries (case_id, terminated_on, requery_until, next_requery_on, updated_at)
       SELECT id, '2026-06-01', '2031-06-01', '2026-12-01', '2026-06-01T00:00:00Z' FROM cases WHERE serial > 5000`,
    );
    const expected = cases.length + 5200;
    const job = (await t.call('grids.export', { grid: 'archive' })) as unknown as { id: string; status: string; kind: string };
    expect(job.kind).toBe('grids.export');
    await t.app.jobs.idle();
    const done = await t.call('jobs.get', { id: job.id });
    expect(done.status).toBe('done');
    expect(done.result).toEqual({ fileName: expect.stringMatching(/^终本库-/), rows: expected });
    const file = (await t.call('grids.download', { jobId: job.id })) as unknown as FileResponse;
    const ws = await sheetOf(file);
    expect(ws.rowCount).toBe(expected + 1);
    // Newest 终本 first, the later case first: the fixture's latest (August) heads the sheet; the copies (June) follow, the last copy first.
    const latest = [...cases].sort((a, b) => b.terminatedOn.localeCompare(a.terminatedOn) || b.caseId - a.caseId)[0]!;
    expect(latest.terminatedOn > '2026-06-01').toBe(true);
    expect(ws.getRow(2).getCell(1).value).toBe(latest.number);
    const firstCopy = 2 + cases.filter((c) => c.terminatedOn > '2026-06-01').length;
    expect(ws.getRow(firstCopy).getCell(1).value).toBe('（2026）内0523执10200号');
    // A team's officer may not fetch another user's court-wide export.
    expect((await t.fail('grids.download', { jobId: job.id }, 'xofficer')).code).toBe('forbidden');
  }, 120_000);

  it('reads the rows inside the job through the read worker, not on the request', async () => {
    const read = vi.spyOn(READ_TASKS, 'grids.read');
    try {
      const job = (await t.call('grids.export', { grid: 'archive' })) as unknown as { id: string; total: number };
      // The request counted the rows and answered; nothing was read yet.
      expect(read).not.toHaveBeenCalled();
      expect(job.total).toBe(cases.length + 5200);
      await t.app.jobs.idle();
      // In-thread here (TypeScript, no built worker); with the built worker (ZHIXING_READ_WORKER) it is read there.
      expect(read).toHaveBeenCalledTimes(readsOffThread() ? 0 : 1);
      expect((await t.call('jobs.get', { id: job.id })).status).toBe('done');
    } finally {
      read.mockRestore();
    }
  }, 120_000);

  it('a cancelled export reads nothing more and leaves no file', async () => {
    const read = vi.spyOn(READ_TASKS, 'grids.read');
    try {
      const job = (await t.call('grids.export', { grid: 'archive' })) as unknown as { id: string };
      await t.call('jobs.cancel', { id: job.id });
      await t.app.jobs.idle();
      const done = await t.call('jobs.get', { id: job.id });
      expect(done.status).toBe('cancelled');
      expect(read).not.toHaveBeenCalled();
      expect(existsSync(exportPath(t.app.dataDir, 'grids', `${job.id}.xlsx`))).toBe(false);
      expect((await t.fail('grids.download', { jobId: job.id })).code).toBe('conflict');
    } finally {
      read.mockRestore();
    }
  }, 120_000);

  it("a team officer's large export reaches only the team's cases once read", async () => {
    // The copies are of a 开鲁 case: the team's rows are its 7 fixture cases and the 5,200 copies.
    const teamRows = cases.filter((c) => c.team === TEAM_X.id).length + 5200;
    const job = (await t.call('grids.export', { grid: 'archive' }, 'xofficer')) as unknown as { id: string };
    // While reading, the job is its starter's alone.
    expect(t.app.jobs.owner(job.id)).toEqual({ userId: expect.any(Number), courtWide: true, caseIds: [] });
    await t.app.jobs.idle();
    expect((await t.call('jobs.get', { id: job.id }, 'xofficer')).result).toEqual({ fileName: expect.any(String), rows: teamRows });
    const owner = t.app.jobs.owner(job.id)!;
    expect(owner.courtWide).toBe(false);
    expect(owner.caseIds.length).toBe(teamRows);
    t.user('xofficer2', ['team'], TEAM_X.id);
    t.user('yofficer', ['team'], TEAM_Y.id);
    expect(await t.call('grids.download', { jobId: job.id }, 'xofficer2')).toBeInstanceOf(FileResponse);
    expect((await t.fail('grids.download', { jobId: job.id }, 'yofficer')).code).toBe('forbidden');
  }, 120_000);
});
