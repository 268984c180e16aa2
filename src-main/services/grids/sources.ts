import type { Db } from '../../db/connection';
import type { z } from 'zod';
import type { GridRequest, GridSort } from '../../../src-shared/api/grid';
import { GRID_COLUMNS, GRID_PARAMS, type GridName } from '../../../src-shared/api/methods/grids';
import { addCalendarDays } from '../../../src-shared/domain/chineseDate';
import { STAGE_LABELS } from '../../../src-shared/domain/stages';
import { ASSET_TYPE_LABELS, MEASURE_ACTION_LABELS } from '../../../src-shared/domain/assets';
import { MEASURE_STATUS_LABELS } from '../../../src-shared/api/methods/measures';
import { eventLabel } from '../../../src-shared/domain/events';
import { ApiError } from '../../../src-shared/api/errors';
import { getSettings } from '../settings/settings';
import { archiveRowOf, type ArchiveDbRow } from '../archive/list';
import { assetsSql, assetViewOf } from '../assets/list';
import { MEASURE_FROM_SQL, MEASURE_SELECT_SQL, SHOWN_STATUS_SQL, toView as measureViewOf } from '../measures/view';
import { loadClockEntries, payoutDue, type LedgerAccountRow } from '../ledger/view';
import { ledgerTotals } from '../ledger/balance';
import { receiptClocks } from '../../../src-shared/domain/payoutClock';
import { evaluateChecklist } from '../closure/checklist';
import { scopeSql, type CaseScope } from '../auth/scope';
import { buildGridSql, countGrid, runGrid, runGridInMemory, type GridColumn, type GridSource } from './query';

// Each grid's whitelist: its column keys (the contract's GRID_COLUMNS) mapped to SQL written here,
// its fixed conditions, and how a row becomes the API's row. The list methods and the export both
// read a grid through `readGrid`, so an export is what the grid shows.

type Cols<G extends GridName> = Record<(typeof GRID_COLUMNS)[G][number], GridColumn>;
export type GridParams<G extends GridName> = z.output<z.ZodObject<(typeof GRID_PARAMS)[G]>>;

const SCAN = { pending: '未扫描', scanned: '已扫描', bound: '已扫描装订' };
const REVIEW = { pending: '未评查', pass: '合格', fail: '不合格' };
const caseNo = (sql: string, alias = 'c', notNull = true): GridColumn => ({ sql, type: 'text', label: '案号', caseNumber: true, sortSql: [`${alias}.year`, `${alias}.serial`], notNull });

// CROSS JOIN keeps archive_entries the outer loop (SQLite never reorders it), so the register's
// order is read from its index instead of scanning every case and sorting.
const ARCHIVE_FROM = 'archive_entries a CROSS JOIN cases c ON c.id = a.case_id LEFT JOIN closures cl ON cl.case_id = a.case_id LEFT JOIN cases r ON r.id = a.resumed_case_id';
const ARCHIVE_SELECT = `a.case_id, c.number, c.applicant_names, c.debtor_names, c.claim_fen, a.terminated_on, a.requery_until, a.next_requery_on,
  a.rounds_done, a.last_requery_on, a.last_result, a.room, a.shelf, a.box, a.scan_status, a.review_status, a.review_reasons,
  a.resumed_case_id, r.number AS resumed_number, cl.unpaid_fen, cl.recovered_fen, cl.ruling_number`;

function archiveColumns(): Cols<'archive'> {
  return {
    number: caseNo('c.number'),
    applicants: { sql: 'c.applicant_names', type: 'text', label: '申请执行人', notNull: true },
    debtors: { sql: 'c.debtor_names', type: 'text', label: '被执行人', notNull: true },
    claimFen: { sql: 'c.claim_fen', type: 'number', label: '标的（元）', fen: true, notNull: true },
    unpaidFen: { sql: 'coalesce(cl.unpaid_fen, c.claim_fen)', type: 'number', label: '未履行（元）', fen: true, notNull: true },
    terminatedOn: { sql: 'a.terminated_on', type: 'date', label: '终本日期', notNull: true },
    nextRequeryOn: { sql: 'a.next_requery_on', type: 'date', label: '下次复查' },
    roundsDone: { sql: 'a.rounds_done', type: 'number', label: '已复查次数', notNull: true },
    lastResult: { sql: 'a.last_result', type: 'enum', label: '最近结果', labels: { found: '发现财产', nothing: '未发现' } },
    room: { sql: "coalesce(a.room, '') || ' ' || coalesce(a.shelf, '') || ' ' || coalesce(a.box, '')", type: 'text', label: '卷宗位置', cell: (r) => [r.room, r.shelf, r.box].filter(Boolean).join(' / ') },
    scanStatus: { sql: 'a.scan_status', type: 'enum', label: '扫描', labels: SCAN, notNull: true },
    reviewStatus: { sql: 'a.review_status', type: 'enum', label: '评查', labels: REVIEW, notNull: true },
    resumedNumber: { sql: 'r.number', type: 'text', label: '恢复执行案号', caseNumber: true },
  };
}

function archiveSource(): GridSource<ReturnType<typeof archiveRowOf>> {
  return {
    from: ARCHIVE_FROM,
    // Every entry has its case (a foreign key); the LEFT JOINs only add columns.
    countFrom: 'archive_entries a',
    countAliases: ['a'],
    scope: 'cases',
    select: ARCHIVE_SELECT,
    columns: archiveColumns(),
    defaultSort: [{ col: 'terminatedOn', dir: 'desc' }],
    tieBreak: 'a.case_id DESC',
    map: (r) => archiveRowOf(r as unknown as ArchiveDbRow),
  };
}

function requeryDueSource(db: Db, today: string, p: GridParams<'requeryDue'>) {
  const until = addCalendarDays(today, p.withinDays ?? getSettings(db).zhongbenRequeryLookaheadDays);
  const columns: Cols<'requeryDue'> = {
    number: caseNo('c.number'),
    applicants: { sql: 'c.applicant_names', type: 'text', label: '申请执行人' },
    debtors: { sql: 'c.debtor_names', type: 'text', label: '被执行人' },
    terminatedOn: { sql: 'a.terminated_on', type: 'date', label: '终本日期' },
    round: { sql: 'a.rounds_done + 1', type: 'number', label: '轮次' },
    dueOn: { sql: 'a.next_requery_on', type: 'date', label: '应复查日期', notNull: true },
    unpaidFen: { sql: 'coalesce(cl.unpaid_fen, 0)', type: 'number', label: '未履行（元）', fen: true },
  };
  // Due within the look-ahead (终本规定 Art. 9: a query every six months for five years), not resumed, no round pending.
  return {
    from: 'archive_entries a CROSS JOIN cases c ON c.id = a.case_id LEFT JOIN closures cl ON cl.case_id = a.case_id',
    where: [
      'a.next_requery_on IS NOT NULL AND a.next_requery_on <= ?',
      'a.resumed_case_id IS NULL',
      "NOT EXISTS (SELECT 1 FROM archive_requeries q WHERE q.case_id = a.case_id AND q.result = 'pending')",
    ],
    params: [until],
    countFrom: 'archive_entries a',
    countAliases: ['a', 'q'],
    scope: 'cases',
    select: 'a.case_id, c.number, c.applicant_names, c.debtor_names, a.terminated_on, a.rounds_done, a.next_requery_on, cl.unpaid_fen',
    columns,
    defaultSort: [{ col: 'dueOn', dir: 'asc' }],
    tieBreak: 'c.id',
    map: (r: Record<string, unknown>) => ({
      caseId: r.case_id as number,
      number: r.number as string,
      applicants: r.applicant_names as string,
      debtors: r.debtor_names as string,
      terminatedOn: r.terminated_on as string,
      round: (r.rounds_done as number) + 1,
      dueOn: r.next_requery_on as string,
      overdue: (r.next_requery_on as string) < today,
      unpaidFen: (r.unpaid_fen as number | null) ?? 0,
    }),
  } satisfies GridSource<unknown>;
}

/**
 * The cases ready to close: open, and every item of the 终本 checklist met as of today (终本规定
 * Arts. 1–5). One item (the search for a debtor whose whereabouts are unknown, Art. 1(5)) is only
 * ever met by the clerk's attestation, so only cases carrying it are evaluated in full.
 */
export function closureReadyIds(db: Db, today: string, scope: CaseScope): number[] {
  const narrow = scopeSql(scope);
  const candidates = db.raw<{ id: number }>(
    `SELECT c.id FROM closure_attestations t JOIN cases c ON c.id = t.case_id
      WHERE t.item = 'debtorSearched' AND c.stage NOT IN ('closed', 'archived')${narrow.sql}`,
    ...narrow.params,
  );
  return candidates.map((c) => c.id).filter((id) => evaluateChecklist(db, id, today).complete);
}

function closureReadySource(db: Db, today: string, scope: CaseScope) {
  const teams = new Map(getSettings(db).teams.map((t) => [t.id, t.name]));
  const columns: Cols<'closureReady'> = {
    number: caseNo('c.number'),
    applicants: { sql: 'c.applicant_names', type: 'text', label: '申请执行人' },
    debtors: { sql: 'c.debtor_names', type: 'text', label: '被执行人' },
    claimFen: { sql: 'c.claim_fen', type: 'number', label: '标的（元）', fen: true },
    filedOn: { sql: 'c.filed_on', type: 'date', label: '立案日期' },
    stage: { sql: 'c.stage', type: 'enum', label: '阶段', labels: STAGE_LABELS },
    teamId: { sql: 'c.team_id', type: 'enum', label: '团队', labels: Object.fromEntries(teams) },
  };
  return {
    from: 'cases c',
    where: ['c.id IN (SELECT value FROM json_each(?))'],
    params: [JSON.stringify(closureReadyIds(db, today, scope))],
    scope: 'cases',
    select: 'c.id, c.number, c.applicant_names, c.debtor_names, c.claim_fen, c.filed_on, c.stage, c.team_id',
    columns,
    defaultSort: [{ col: 'filedOn', dir: 'asc' }],
    tieBreak: 'c.id',
    map: (r: Record<string, unknown>) => ({
      caseId: r.id as number,
      number: r.number as string,
      applicants: r.applicant_names as string,
      debtors: r.debtor_names as string,
      claimFen: r.claim_fen as number,
      filedOn: r.filed_on as string,
      stage: r.stage as string,
      teamId: (r.team_id as string | null) ?? null,
    }),
  } satisfies GridSource<unknown>;
}

function assetsSource(db: Db, scope: CaseScope, p: GridParams<'assets'>) {
  const inner = assetsSql({ controllable: p.controllable }, scope);
  const view = assetViewOf(db);
  const columns: Cols<'assets'> = {
    caseNumber: { sql: 't.case_number', type: 'text', label: '案号', caseNumber: true },
    debtor: { sql: 't.debtor', type: 'text', label: '被执行人' },
    typeLabel: { sql: 't.type', type: 'enum', label: '类别', labels: ASSET_TYPE_LABELS },
    institution: { sql: 't.institution', type: 'text', label: '协助单位' },
    identifier: { sql: 't.identifier', type: 'text', label: '账号/标识', noFilter: true },
    valueFen: { sql: 't.value_fen', type: 'number', label: '余额/价值（元）', fen: true },
    controlledFen: { sql: 't.controlled', type: 'number', label: '已控制（元）', fen: true },
    frozenAvailableFen: { sql: 't.deductible', type: 'number', label: '可扣划（元）', fen: true },
    caseOutstandingFen: { sql: 't.outstanding', type: 'number', label: '尚需控制（元）', fen: true },
    foundOn: { sql: 't.found_on', type: 'date', label: '发现日期' },
  };
  return {
    from: `(${inner.sql}) t`,
    params: inner.params,
    scope: 'inside',
    select: 't.*',
    columns,
    defaultSort: [{ col: 'foundOn', dir: 'asc' }],
    tieBreak: 't.found_at, t.case_id, t.id',
    map: view,
  } satisfies GridSource<unknown>;
}

function measuresSource(db: Db, today: string, p: GridParams<'measures'>) {
  const alert = getSettings(db).measureRenewalAlertDays;
  const columns: Cols<'measures'> = {
    caseNumber: caseNo('c.number'),
    action: { sql: 'm.action', type: 'enum', label: '措施', labels: MEASURE_ACTION_LABELS },
    institution: { sql: 'a.institution', type: 'text', label: '协助单位' },
    identifier: { sql: 'a.identifier', type: 'text', label: '账号/标识', noFilter: true },
    amountFen: { sql: 'm.amount_fen', type: 'number', label: '金额（元）', fen: true },
    actualFen: { sql: 'm.actual_fen', type: 'number', label: '实际（元）', fen: true },
    startOn: { sql: 'm.start_on', type: 'date', label: '起始日期' },
    expiresOn: { sql: 'm.expires_on', type: 'date', label: '到期日期' },
    // A freeze a deduction used up shows 已全部扣划 (measures/view.ts), and is filtered as it shows.
    status: { sql: SHOWN_STATUS_SQL, type: 'enum', label: '状态', labels: MEASURE_STATUS_LABELS, notNull: true },
  };
  return {
    from: MEASURE_FROM_SQL,
    // Same rule as services/measures/view.ts: in force (not ended by deduction), answered, expiring within the alert window.
    where: p.renewalDue ? ["m.status IN ('done','partial') AND m.ended_on IS NULL AND m.expires_on IS NOT NULL AND m.expires_on >= ? AND julianday(m.expires_on) - julianday(?) <= ?"] : [],
    params: p.renewalDue ? [today, today, alert] : [],
    scope: 'cases',
    select: MEASURE_SELECT_SQL,
    columns,
    defaultSort: p.renewalDue ? [{ col: 'expiresOn', dir: 'asc' }] : [],
    tieBreak: 'm.id DESC',
    map: (r: Record<string, unknown>) => measureViewOf(r, today, alert),
  } satisfies GridSource<unknown>;
}

const LEDGER_COLUMNS: Cols<'ledgerAccounts'> = {
  caseNumber: { sql: '', type: 'text', label: '案号', caseNumber: true },
  stage: { sql: '', type: 'enum', label: '阶段', labels: STAGE_LABELS },
  balanceFen: { sql: '', type: 'number', label: '余额（元）', fen: true },
  recoveredFen: { sql: '', type: 'number', label: '执行到位（元）', fen: true },
  overdueFen: { sql: '', type: 'number', label: '超期未发放（元）', fen: true },
  oldestDueOn: { sql: '', type: 'date', label: '最早应发放日' },
};

/**
 * The case accounts holding money or owing a payout — the per-case work (the payout clock, computed
 * by the app) only for the accounts whose balance is not zero, found in one aggregate: money overdue is money still held (the clock settles
 * receipts oldest first against every out-flow, services/ledger/clock.ts), so a zero balance owes
 * nothing. Reversed entries count for nothing (their reversal is subtracted back).
 */
export function ledgerAccountRows(db: Db, today: string, overdueOnly: boolean): LedgerAccountRow[] {
  // The one payout clock (src-shared/domain/payoutClock.ts), as the 案款 page and the board read it.
  const dueOf = payoutDue(db);
  const sign = "CASE t.kind WHEN 'receipt' THEN t.amount_fen ELSE -t.amount_fen END";
  const held = db.raw<{ id: number; number: string; stage: string }>(
    `SELECT c.id, c.number, c.stage FROM cases c JOIN (
       SELECT case_id, SUM(s) AS b FROM (
         SELECT t.case_id, SUM(${sign}) AS s FROM ledger_entries t WHERE t.kind IN ('receipt','fee','payout','refund') GROUP BY t.case_id
         UNION ALL
         SELECT t.case_id, -SUM(${sign}) FROM ledger_entries r JOIN ledger_entries t ON t.id = r.reverses_id
          WHERE r.reverses_id IS NOT NULL AND t.kind IN ('receipt','fee','payout','refund') GROUP BY t.case_id)
       GROUP BY case_id HAVING SUM(s) <> 0) h ON h.case_id = c.id
     ORDER BY c.id`,
  );
  const rows: LedgerAccountRow[] = [];
  for (const c of held) {
    const totals = ledgerTotals(db, c.id);
    const clocks = receiptClocks(loadClockEntries(db, c.id), today, dueOf).filter((r) => r.outstandingFen > 0);
    // What is overdue of each receipt (a deferred part is not, 法发〔2017〕6号), as the case account shows it.
    const overdueFen = clocks.reduce((sum, r) => sum + r.overdueFen, 0);
    if (totals.balanceFen === 0 && overdueFen === 0) continue;
    if (overdueOnly && overdueFen === 0) continue;
    rows.push({ caseId: c.id, caseNumber: c.number, stage: c.stage, balanceFen: totals.balanceFen, recoveredFen: totals.recoveredFen, overdueFen, oldestDueOn: clocks[0]?.dueOn ?? null });
  }
  return rows;
}

function auditSource(db: Db, p: GridParams<'audit'>) {
  if (!db.raw('SELECT 1 FROM users WHERE id = ?', p.userId)[0]) throw new ApiError('not_found', `用户不存在（编号 ${p.userId}）`, 'userId');
  // By when it was done (UTC `at`), with the court-local day boundaries (UTC+8, no DST).
  const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
  const nextDay = (d: string) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
  const columns: Cols<'audit'> = {
    // The court-local day of `at` is what the clerk reads and filters by.
    // Sorted by time, then id: the index (actor_id, at) (migration 151, rowid last) serves the order, filtered to a day or not.
    at: { sql: 'e.at', type: 'date', label: '时间', sortSql: ['e.at', 'e.id'], notNull: true, utcDay: true, cell: (r) => localTime(r.at as string) },
    caseNumber: caseNo('c.number', 'c', false),
    label: { sql: 'e.type', type: 'text', label: '操作', noFilter: true },
    actor: { sql: 'e.actor_name', type: 'text', label: '操作人' },
    workstation: { sql: 'e.workstation', type: 'text', label: '终端' },
  };
  return {
    from: 'case_events e LEFT JOIN cases c ON c.id = e.case_id',
    countFrom: 'case_events e',
    countAliases: ['e'],
    // The dates only when given: the count of a user's whole trail is then read from the index alone.
    where: ['e.actor_id = ?', ...(p.from ? ['e.at >= ?'] : []), ...(p.to ? ['e.at < ?'] : [])],
    params: [p.userId, ...(p.from ? [dayStart(p.from)] : []), ...(p.to ? [nextDay(p.to)] : [])],
    scope: 'court',
    select: 'e.id, e.case_id, c.number, e.type, e.at, e.on_date, e.actor_id, e.actor_name, e.workstation, e.payload, e.hash',
    columns,
    defaultSort: [{ col: 'at', dir: 'desc' }],
    tieBreak: 'e.id DESC',
    map: (r: Record<string, unknown>) => ({
      id: r.id as number,
      caseId: (r.case_id as number | null) ?? null,
      caseNumber: (r.number as string | null) ?? null,
      type: r.type as string,
      label: eventLabel(r.type as string),
      at: r.at as string,
      onDate: r.on_date as string,
      actorId: (r.actor_id as number | null) ?? null,
      actor: r.actor_name as string,
      workstation: r.workstation as string,
      payload: JSON.parse(r.payload as string) as unknown,
      hash: r.hash as string,
    }),
  } satisfies GridSource<unknown>;
}

/** A UTC timestamp as the court-local time of day (UTC+8, no DST). */
function localTime(at: string): string {
  return new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export interface GridContext {
  db: Db;
  today: string;
  scope: CaseScope;
}

/** The columns of a grid (for the export's headers and formats). */
export function gridColumns(ctx: GridContext, grid: GridName, params: Record<string, unknown>): Record<string, GridColumn> {
  return grid === 'ledgerAccounts' ? LEDGER_COLUMNS : sourceOf(ctx, grid, params).columns;
}

function sourceOf(ctx: GridContext, grid: Exclude<GridName, 'ledgerAccounts'>, params: Record<string, unknown>): GridSource<unknown> {
  const { db, today, scope } = ctx;
  switch (grid) {
    case 'archive':
      return archiveSource();
    case 'requeryDue':
      return requeryDueSource(db, today, params as GridParams<'requeryDue'>);
    case 'closureReady':
      return closureReadySource(db, today, scope);
    case 'assets':
      return assetsSource(db, scope, params as GridParams<'assets'>);
    case 'measures':
      return measuresSource(db, today, params as GridParams<'measures'>);
    case 'audit':
      return auditSource(db, params as GridParams<'audit'>);
  }
}

/** The SQL a grid runs for a request (EXPLAIN in the bench). */
export function gridSql(ctx: GridContext, grid: Exclude<GridName, 'ledgerAccounts'>, input: Record<string, unknown> & GridRequest): string {
  const source = sourceOf(ctx, grid, input);
  const { where, order } = buildGridSql(source, input, ctx.scope);
  return `SELECT ${source.select} FROM ${source.from} ${where} ${order} LIMIT ${input.limit} OFFSET ${input.offset}`;
}

/** One page of a grid (or, for the export, every row: limit up to GRID_EXPORT_MAX). */
export function readGrid(ctx: GridContext, grid: GridName, input: Record<string, unknown> & GridRequest): { rows: unknown[]; total: number } {
  if (grid === 'ledgerAccounts') {
    if (!ctx.scope.all) throw new ApiError('forbidden', '该列表为全院数据，本团队无权查看');
    const all = ledgerAccountRows(ctx.db, ctx.today, Boolean(input.overdueOnly));
    const defaultSort: GridSort[] = [
      { col: 'overdueFen', dir: 'desc' },
      { col: 'oldestDueOn', dir: 'asc' },
    ];
    return runGridInMemory(LEDGER_COLUMNS, all, input, defaultSort);
  }
  return runGrid(ctx.db, sourceOf(ctx, grid, input), input, ctx.scope);
}

/** How many rows a grid's request leaves, without reading them (the in-memory grid reads its rows). */
export function countGridRows(ctx: GridContext, grid: GridName, input: Record<string, unknown> & GridRequest): number {
  if (grid === 'ledgerAccounts') return readGrid(ctx, grid, { ...input, offset: 0, limit: 1 }).total;
  return countGrid(ctx.db, sourceOf(ctx, grid, input), input, ctx.scope);
}
