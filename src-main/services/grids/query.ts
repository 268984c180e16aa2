import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import type { GridFilter, GridRequest, GridSort } from '../../../src-shared/api/grid';
import { scopeSql, type CaseScope } from '../auth/scope';

// One way to page, sort and filter a grid: the client names columns by key, and only keys in the
// source's whitelist reach SQL — as the column's own expression, written here by us; every value is
// a bound parameter. A key not in the list is refused naming the field (the schema refuses it
// first; this is the second lock, for callers inside the app).

export type ColumnType = 'text' | 'number' | 'date' | 'enum';

export interface GridColumn {
  /** The SQL expression of the column (over the source's FROM). */
  sql: string;
  type: ColumnType;
  /** The header in the grid and in the exported sheet. */
  label: string;
  /** Sort by these expressions instead (a case number by year and serial, not as text). */
  sortSql?: string[];
  /** Not offered for filtering (identifiers shown masked: a filter would reveal them digit by digit). */
  noFilter?: boolean;
  /** An amount in fen (exported as 元 with two decimals). */
  fen?: boolean;
  /** Labels of an enum's values (the export writes the label). */
  labels?: Record<string, string>;
  /** A case number: the filter normalises the brackets as the register stores them. */
  caseNumber?: boolean;
  /**
   * A UTC timestamp filtered by the court-local day (UTC+8, no DST): the day's bounds are computed
   * here and compared with the stored text, so the filter reads no function of every row.
   */
  utcDay?: boolean;
  /** Never NULL: sorted without the NULLs-last term, so an index on it serves the order. */
  notNull?: boolean;
  /** The exported cell when it is not the API row's field of the same key. */
  cell?: (row: Record<string, unknown>) => unknown;
}

export interface GridSource<R> {
  /** FROM … JOINs; a case table aliased `c` when `scoped`. */
  from: string;
  /**
   * A cheaper FROM for the count, holding only `countAliases` (the LEFT JOINs that add columns but
   * never rows left out): used when no condition of the request names another alias.
   */
  countFrom?: string;
  countAliases?: string[];
  /** Fixed conditions of the list (its parameters) and their values. */
  where?: string[];
  params?: unknown[];
  /**
   * How the rows are narrowed to the caller's cases: 'cases' through the case table `c` in FROM
   * (scopeSql), 'inside' when FROM is a query already narrowed, 'court' for the command centre's
   * court-wide lists (refused to a team's scope).
   */
  scope: 'cases' | 'inside' | 'court';
  select: string;
  columns: Record<string, GridColumn>;
  /** The order when the client gives none, and the last key of every order (unique: stable pages). */
  defaultSort: GridSort[];
  tieBreak: string;
  map: (row: Record<string, unknown>) => R;
}

const LIKE_ESCAPE = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** How the register stores a case number: full-width brackets, no spaces (cases/search). */
export function normaliseCaseNumber(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

function column<R>(source: GridSource<R>, key: string, field: string): GridColumn {
  const c = Object.hasOwn(source.columns, key) ? source.columns[key] : undefined;
  if (!c) throw new ApiError('invalid_input', `没有“${key}”这一列`, field);
  return c;
}

function valueOf(c: GridColumn, v: string | number | undefined, field: string): string | number {
  if (v === undefined || v === '') throw new ApiError('invalid_input', `请填写“${c.label}”的筛选值`, field);
  if (c.type === 'number') {
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) throw new ApiError('invalid_input', `“${c.label}”的筛选值须为数字`, field);
    return n;
  }
  const s = String(v);
  if (c.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new ApiError('invalid_input', `“${c.label}”的筛选值须为日期（年-月-日）`, field);
  return c.caseNumber ? normaliseCaseNumber(s) : s;
}

const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
const dayEnd = (d: string) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();

/** A date filter on a UTC timestamp column, as ranges of court-local days. */
function utcDaySql(c: GridColumn, f: GridFilter, i: number): { sql: string; params: unknown[] } | null {
  const e = c.sql;
  const v = () => String(valueOf(c, f.value, `filters.${i}.value`));
  switch (f.op) {
    case 'equals':
      return { sql: `${e} >= ? AND ${e} < ?`, params: [dayStart(v()), dayEnd(v())] };
    case 'notEqual':
      return { sql: `(${e} < ? OR ${e} >= ?)`, params: [dayStart(v()), dayEnd(v())] };
    case 'lessThan':
      return { sql: `${e} < ?`, params: [dayStart(v())] };
    case 'lessThanOrEqual':
      return { sql: `${e} < ?`, params: [dayEnd(v())] };
    case 'greaterThan':
      return { sql: `${e} >= ?`, params: [dayEnd(v())] };
    case 'greaterThanOrEqual':
      return { sql: `${e} >= ?`, params: [dayStart(v())] };
    case 'inRange':
      return { sql: `${e} >= ? AND ${e} < ?`, params: [dayStart(v()), dayEnd(String(valueOf(c, f.valueTo, `filters.${i}.valueTo`)))] };
    default:
      return null;
  }
}

/** One filter as SQL with its parameters. */
function filterSql(c: GridColumn, f: GridFilter, i: number): { sql: string; params: unknown[] } {
  const field = `filters.${i}.value`;
  const e = c.sql;
  if (c.utcDay) {
    const r = utcDaySql(c, f, i);
    if (r) return r;
  }
  // A date column may hold a timestamp (the audit trail's `at`): compare its court-local day.
  const d = c.type === 'date' ? `substr(${e}, 1, 10)` : e;
  switch (f.op) {
    case 'blank':
      return { sql: `(${e} IS NULL OR ${e} = '')`, params: [] };
    case 'notBlank':
      return { sql: `(${e} IS NOT NULL AND ${e} <> '')`, params: [] };
    case 'contains':
    case 'notContains':
    case 'startsWith':
    case 'endsWith': {
      if (c.type === 'number' || c.type === 'date') throw new ApiError('invalid_input', `“${c.label}”不能按文字筛选`, `filters.${i}.op`);
      const v = LIKE_ESCAPE(String(valueOf(c, f.value, field)));
      const pattern = f.op === 'startsWith' ? `${v}%` : f.op === 'endsWith' ? `%${v}` : `%${v}%`;
      return { sql: `${f.op === 'notContains' ? `coalesce(${e}, '') NOT LIKE` : `${e} LIKE`} ? ESCAPE '\\'`, params: [pattern] };
    }
    case 'equals':
      return { sql: `${d} = ?`, params: [valueOf(c, f.value, field)] };
    case 'notEqual':
      return { sql: `(${d} IS NULL OR ${d} <> ?)`, params: [valueOf(c, f.value, field)] };
    case 'lessThan':
      return { sql: `${d} < ?`, params: [valueOf(c, f.value, field)] };
    case 'lessThanOrEqual':
      return { sql: `${d} <= ?`, params: [valueOf(c, f.value, field)] };
    case 'greaterThan':
      return { sql: `${d} > ?`, params: [valueOf(c, f.value, field)] };
    case 'greaterThanOrEqual':
      return { sql: `${d} >= ?`, params: [valueOf(c, f.value, field)] };
    case 'inRange':
      return { sql: `${d} BETWEEN ? AND ?`, params: [valueOf(c, f.value, field), valueOf(c, f.valueTo, `filters.${i}.valueTo`)] };
  }
}

/** The WHERE and ORDER BY of a grid request over a source (exported for tests and EXPLAIN). */
export function buildGridSql<R>(source: GridSource<R>, req: Pick<GridRequest, 'sort' | 'filters'>, scope: CaseScope): { where: string; order: string; params: unknown[] } {
  const where = [...(source.where ?? [])];
  const params = [...(source.params ?? [])];
  if (source.scope === 'cases') {
    const narrow = scopeSql(scope);
    if (narrow.sql) {
      where.push(narrow.sql.replace(/^ AND /, ''));
      params.push(...narrow.params);
    }
  } else if (source.scope === 'court' && !scope.all) {
    // A court-wide list is the command centre's; the method's access keeps team roles out, this is the lock behind it.
    throw new ApiError('forbidden', '该列表为全院数据，本团队无权查看');
  }
  req.filters.forEach((f, i) => {
    const c = column(source, f.col, `filters.${i}.col`);
    if (c.noFilter) throw new ApiError('invalid_input', `“${c.label}”不能筛选`, `filters.${i}.col`);
    const s = filterSql(c, f, i);
    where.push(s.sql);
    params.push(...s.params);
  });
  const sort = req.sort.length ? req.sort : source.defaultSort;
  const order: string[] = [];
  const seen = new Set<string>();
  const add = (expr: string, dir: string) => {
    if (seen.has(expr)) return;
    seen.add(expr);
    order.push(`${expr} ${dir}`);
  };
  sort.forEach((s, i) => {
    const c = column(source, s.col, `sort.${i}.col`);
    const dir = s.dir === 'desc' ? 'DESC' : 'ASC';
    for (const x of c.sortSql ?? [c.sql]) {
      // NULLs last either way: an empty date is not the earliest.
      if (!c.notNull) order.push(`${x} IS NULL`);
      add(x, dir);
    }
  });
  for (const t of source.tieBreak.split(',')) {
    const [expr, dir = 'ASC'] = t.trim().split(/\s+/);
    add(expr!, dir.toUpperCase());
  }
  return { where: where.length ? `WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : '', order: `ORDER BY ${order.join(', ')}`, params };
}

/** The count's FROM: the cheaper one when every condition names only its aliases. */
function countFromOf<R>(source: GridSource<R>, where: string): string {
  if (!source.countFrom) return source.from;
  const named = new Set([...where.matchAll(/\b([a-z_]+)\.[a-z_]/g)].map((m) => m[1]!));
  return [...named].every((a) => source.countAliases?.includes(a)) ? source.countFrom : source.from;
}

/** The number of rows a grid's filters leave (the count alone: an export decides from it where to read). */
export function countGrid<R>(db: Db, source: GridSource<R>, req: Pick<GridRequest, 'sort' | 'filters'>, scope: CaseScope): number {
  const { where, params } = buildGridSql(source, req, scope);
  return db.raw<{ n: number }>(`SELECT count(*) AS n FROM ${countFromOf(source, where)} ${where}`, ...params)[0]!.n;
}

/** One page of a grid and the number of rows its filters leave. */
export function runGrid<R>(db: Db, source: GridSource<R>, req: GridRequest, scope: CaseScope): { rows: R[]; total: number } {
  const { where, order, params } = buildGridSql(source, req, scope);
  const total = db.raw<{ n: number }>(`SELECT count(*) AS n FROM ${countFromOf(source, where)} ${where}`, ...params)[0]!.n;
  if (total === 0 || req.offset >= total) return { rows: [], total };
  const rows = db.raw<Record<string, unknown>>(`SELECT ${source.select} FROM ${source.from} ${where} ${order} LIMIT ? OFFSET ?`, ...params, req.limit, req.offset);
  return { rows: rows.map(source.map), total };
}

/**
 * The same request over rows the app computes (a case account's payout clock, the closure
 * checklist): the same whitelist, the same filter rules, in memory.
 */
export function runGridInMemory<R extends Record<string, unknown>>(columns: Record<string, Pick<GridColumn, 'type' | 'label' | 'noFilter' | 'caseNumber'>>, all: R[], req: GridRequest, defaultSort: GridSort[]): { rows: R[]; total: number } {
  const source = { columns } as unknown as GridSource<R>;
  const tests = req.filters.map((f, i) => {
    const c = column(source, f.col, `filters.${i}.col`);
    if (c.noFilter) throw new ApiError('invalid_input', `“${c.label}”不能筛选`, `filters.${i}.col`);
    const blank = (x: unknown) => x === null || x === undefined || x === '';
    const get = (r: R) => (c.type === 'date' && typeof r[f.col] === 'string' ? (r[f.col] as string).slice(0, 10) : r[f.col]);
    if (f.op === 'blank') return (r: R) => blank(r[f.col]);
    if (f.op === 'notBlank') return (r: R) => !blank(r[f.col]);
    const v = valueOf(c as GridColumn, f.value, `filters.${i}.value`);
    const to = f.op === 'inRange' ? valueOf(c as GridColumn, f.valueTo, `filters.${i}.valueTo`) : null;
    const cmp = (x: unknown) => (typeof v === 'number' ? Number(x) - v : String(x).localeCompare(String(v)));
    switch (f.op) {
      case 'contains':
        return (r: R) => String(r[f.col] ?? '').includes(String(v));
      case 'notContains':
        return (r: R) => !String(r[f.col] ?? '').includes(String(v));
      case 'startsWith':
        return (r: R) => String(r[f.col] ?? '').startsWith(String(v));
      case 'endsWith':
        return (r: R) => String(r[f.col] ?? '').endsWith(String(v));
      case 'equals':
        return (r: R) => !blank(get(r)) && cmp(get(r)) === 0;
      case 'notEqual':
        return (r: R) => blank(get(r)) || cmp(get(r)) !== 0;
      case 'lessThan':
        return (r: R) => !blank(get(r)) && cmp(get(r)) < 0;
      case 'lessThanOrEqual':
        return (r: R) => !blank(get(r)) && cmp(get(r)) <= 0;
      case 'greaterThan':
        return (r: R) => !blank(get(r)) && cmp(get(r)) > 0;
      case 'greaterThanOrEqual':
        return (r: R) => !blank(get(r)) && cmp(get(r)) >= 0;
      case 'inRange':
        return (r: R) => !blank(get(r)) && cmp(get(r)) >= 0 && (typeof to === 'number' ? Number(get(r)) <= to : String(get(r)).localeCompare(String(to)) <= 0);
    }
  });
  const kept = all.filter((r) => tests.every((t) => t(r)));
  const sort = (req.sort.length ? req.sort : defaultSort).map((s, i) => ({ ...s, c: column(source, s.col, `sort.${i}.col`) }));
  kept.sort((a, b) => {
    for (const s of sort) {
      const x = a[s.col];
      const y = b[s.col];
      if (x === y) continue;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      const d = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      if (d !== 0) return s.dir === 'desc' ? -d : d;
    }
    return 0;
  });
  return { rows: kept.slice(req.offset, req.offset + req.limit), total: kept.length };
}
