import type { CaseFact, ReceiptFact } from './facts';
import { deriveCase, type DerivedCase, type DerivedReceipt, type MetricContext } from './derive';
import { activeColumns, columnGroups, METRIC_DEFINITIONS, type MetricColumn, type MetricDefinition } from './definitions';
import type { CaseGroup } from './facts';
import { roundedQuotient } from './rounding';
import type { MetricContextSettings } from './metricSettings';
import type { Period } from './period';

// One engine for every figure: the court's dashboard, the monthly export and the city level's
// recomputation from detail rows all call computeFigures with the same definitions.

export interface Figure {
  metricId: string;
  column: MetricColumn;
  /** The rounded value; null when the denominator is empty (or 员额法官 not set). */
  value: number | null;
  /** Count of numerator rows, or Σ of the measured quantity (fen, days) for amount/average metrics. */
  numerator: number;
  /** Count of denominator rows, Σ of the denominator amount, or the judge count; null for plain counts. */
  denominator: number | null;
  numeratorCases: number;
  denominatorCases: number | null;
  version: number;
  /** The settings in force that this definition reads. */
  settings: Record<string, unknown>;
}

export interface FactSet {
  cases: readonly CaseFact[];
  receipts: readonly ReceiptFact[];
}

export interface Prepared {
  ctx: MetricContext;
  byColumnGroup: Map<string, DerivedCase[]>;
  receipts: DerivedReceipt[];
  /** The rows of each column, worked out once (a column's rows serve every figure in it). */
  columns: Map<MetricColumn, { cases: DerivedCase[]; receipts: DerivedReceipt[] }>;
  /** Receipts by their case's group; 'none' for a receipt whose case is not among the facts. */
  receiptsByGroup: Map<CaseGroup | 'none', DerivedReceipt[]>;
  /** Counts per definition and group, each group counted once however many columns show it. */
  tallies: Map<MetricDefinition, Map<CaseGroup | 'none', Tally>>;
}

/** Derives the period view of every case once; cases outside 受理 and not closed as 销案 in the period are dropped early. */
export function prepare(facts: FactSet, ctx: MetricContext): Prepared {
  const byColumnGroup = new Map<string, DerivedCase[]>();
  const byId = new Map<number, DerivedCase>();
  for (const f of facts.cases) {
    const d = deriveCase(f, ctx.period);
    byId.set(f.caseId, d);
    if (!d.accepted && !d.cancelled) continue;
    let list = byColumnGroup.get(d.group);
    if (!list) byColumnGroup.set(d.group, (list = []));
    list.push(d);
  }
  const receipts = facts.receipts.map((r) => ({ r, c: byId.get(r.caseId) }));
  const receiptsByGroup = new Map<CaseGroup | 'none', DerivedReceipt[]>();
  for (const r of receipts) {
    const g = r.c ? r.c.group : 'none';
    let list = receiptsByGroup.get(g);
    if (!list) receiptsByGroup.set(g, (list = []));
    list.push(r);
  }
  return { ctx, byColumnGroup, receipts, columns: new Map(), receiptsByGroup, tallies: new Map() };
}

function columnRows(p: Prepared, column: MetricColumn): { cases: DerivedCase[]; receipts: DerivedReceipt[] } {
  let rows = p.columns.get(column);
  if (!rows) {
    const groups = columnGroups(column, p.ctx.settings.mergeResumed);
    const cases = groups.length === 1 ? (p.byColumnGroup.get(groups[0]!) ?? []) : groups.flatMap((g) => p.byColumnGroup.get(g) ?? []);
    // Receipts belong to the column of their case; a receipt on a case outside the data is kept under 'all'.
    const receipts = p.receipts.filter((r) => (r.c ? groups.includes(r.c.group) : column === 'all'));
    p.columns.set(column, (rows = { cases, receipts }));
  }
  return rows;
}

function settingsFor(def: MetricDefinition, s: MetricContextSettings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of def.uses) out[k] = s[k];
  return out;
}

/** The rows behind a figure: denominator rows and, among them, the numerator rows. */
export function members(p: Prepared, def: MetricDefinition, column: MetricColumn): { den: (DerivedCase | DerivedReceipt)[] | null; num: (DerivedCase | DerivedReceipt)[] } {
  const { ctx } = p;
  if (def.rows === 'cases') {
    const rows = columnRows(p, column).cases;
    if (!def.den) return { den: null, num: rows.filter((d) => def.num(d, ctx)) };
    const den = rows.filter((d) => def.den!(d, ctx));
    return { den, num: den.filter((d) => def.num(d, ctx)) };
  }
  const rows = columnRows(p, column).receipts;
  if (!def.den) return { den: null, num: rows.filter((r) => def.num(r, ctx)) };
  const den = rows.filter((r) => def.den!(r, ctx));
  return { den, num: den.filter((r) => def.num(r, ctx)) };
}

const caseIdOf = (x: DerivedCase | DerivedReceipt) => ('f' in x ? x.f.caseId : x.r.caseId);
/** Distinct cases among the rows: case rows are one per case already; receipts may share a case. */
const distinctCases = (def: MetricDefinition, rows: (DerivedCase | DerivedReceipt)[]) => (def.rows === 'cases' ? rows.length : new Set(rows.map(caseIdOf)).size);

/**
 * One figure, counted in one pass over the column's rows without building the row lists (the same
 * predicates as `members`, which the drill-down uses): a year of a 200,000-case court is 25,000
 * rows and 94 figures.
 */
interface Tally {
  denN: number;
  numN: number;
  /** Σ measure over denominator rows (amountRatio, average). */
  overDen: number;
  /** Σ denMeasure over denominator rows (amountRatio). */
  overDenMeasure: number;
  /** Σ measure over numerator rows (amount). */
  overNum: number;
  numCases: number;
  denCases: number;
}

type Counter = (rows: readonly unknown[], ctx: MetricContext) => Tally;

// One counting loop per definition, made once: each loop calls only its own definition's
// predicates, so V8 keeps those calls monomorphic (a loop shared by all 94 figures would not).
const counters = new WeakMap<MetricDefinition, Counter>();
function counterOf(def: MetricDefinition): Counter {
  let c = counters.get(def);
  if (c) return c;
  const den = def.den as ((x: unknown, c: MetricContext) => boolean) | undefined;
  const num = def.num as (x: unknown, c: MetricContext) => boolean;
  const measure = def.measure as ((x: unknown, c: MetricContext) => number) | undefined;
  const denMeasure = (def as { denMeasure?: (x: unknown, c: MetricContext) => number }).denMeasure;
  const measureDen = def.kind === 'amountRatio' || def.kind === 'average';
  const measureNum = def.kind === 'amount';
  const receipts = def.rows === 'receipts';
  c = (rows, ctx) => {
    const numCases = receipts ? new Set<number>() : null;
    const denCases = receipts ? new Set<number>() : null;
    let denN = 0;
    let numN = 0;
    let overDen = 0;
    let overDenMeasure = 0;
    let overNum = 0;
    for (let i = 0; i < rows.length; i++) {
      const x = rows[i];
      if (den !== undefined && !den(x, ctx)) continue;
      denN++;
      if (denCases !== null) denCases.add((x as DerivedReceipt).r.caseId);
      if (measureDen) overDen += measure!(x, ctx);
      if (denMeasure !== undefined) overDenMeasure += denMeasure(x, ctx);
      if (!num(x, ctx)) continue;
      numN++;
      if (numCases !== null) numCases.add((x as DerivedReceipt).r.caseId);
      if (measureNum) overNum += measure!(x, ctx);
    }
    return { denN, numN, overDen, overDenMeasure, overNum, numCases: numCases ? numCases.size : numN, denCases: denCases ? denCases.size : denN };
  };
  counters.set(def, c);
  return c;
}

/** The tally of one definition over one group of rows (cases of a group, or the receipts of its cases), counted once. */
function groupTally(p: Prepared, def: MetricDefinition, group: CaseGroup | 'none'): Tally {
  let byGroup = p.tallies.get(def);
  if (!byGroup) p.tallies.set(def, (byGroup = new Map()));
  let t = byGroup.get(group);
  if (!t) {
    const rows = def.rows === 'cases' ? (group === 'none' ? [] : (p.byColumnGroup.get(group) ?? [])) : (p.receiptsByGroup.get(group) ?? []);
    byGroup.set(group, (t = counterOf(def)(rows, p.ctx)));
  }
  return t;
}

/**
 * A column's tally: the sum of its groups' (a case is in one group, so counts, sums and distinct
 * cases all add up; receipts whose case is outside the facts count under 'all' only).
 */
function columnTally(p: Prepared, def: MetricDefinition, column: MetricColumn): Tally {
  const groups: (CaseGroup | 'none')[] = [...columnGroups(column, p.ctx.settings.mergeResumed)];
  if (column === 'all' && def.rows === 'receipts') groups.push('none');
  const sum: Tally = { denN: 0, numN: 0, overDen: 0, overDenMeasure: 0, overNum: 0, numCases: 0, denCases: 0 };
  for (const g of groups) {
    const t = groupTally(p, def, g);
    sum.denN += t.denN;
    sum.numN += t.numN;
    sum.overDen += t.overDen;
    sum.overDenMeasure += t.overDenMeasure;
    sum.overNum += t.overNum;
    sum.numCases += t.numCases;
    sum.denCases += t.denCases;
  }
  return sum;
}

export function figureOf(p: Prepared, def: MetricDefinition, column: MetricColumn): Figure {
  const { ctx } = p;
  const { denN, numN, overDen, overDenMeasure, overNum, numCases, denCases } = columnTally(p, def, column);
  const den = def.den;
  const base = {
    metricId: def.id,
    column,
    version: def.version,
    settings: settingsFor(def, ctx.settings),
    numeratorCases: numCases,
    denominatorCases: den ? denCases : null,
  };
  switch (def.kind) {
    case 'count':
      return { ...base, value: numN, numerator: numN, denominator: null };
    case 'amount':
      return { ...base, value: roundedQuotient(overNum, 100, 1, 2), numerator: overNum, denominator: null };
    case 'ratio':
      return { ...base, value: denN ? roundedQuotient(numN, denN, 100, def.dp) : null, numerator: numN, denominator: denN };
    case 'amountRatio':
      return { ...base, value: overDenMeasure > 0 ? roundedQuotient(overDen, overDenMeasure, 100, def.dp) : null, numerator: overDen, denominator: overDenMeasure };
    case 'average':
      return { ...base, value: denN ? roundedQuotient(overDen, denN, 1, def.dp) : null, numerator: overDen, denominator: denN };
    case 'perCapita': {
      const judges = ctx.settings.quotaJudges;
      const ok = judges > 0 && ctx.scopeKind === 'court';
      return { ...base, value: ok ? roundedQuotient(numN, judges, 1, def.dp) : null, numerator: numN, denominator: ok ? judges : null };
    }
  }
}

/** The same figure from the row lists (kept as the reference the one-pass count is tested against). */
export function figureFromMembers(p: Prepared, def: MetricDefinition, column: MetricColumn): Figure {
  const { ctx } = p;
  const { den, num } = members(p, def, column);
  const base = { metricId: def.id, column, version: def.version, settings: settingsFor(def, ctx.settings), numeratorCases: distinctCases(def, num), denominatorCases: den ? distinctCases(def, den) : null };
  const measure = def.measure as ((x: unknown, c: MetricContext) => number) | undefined;
  const sum = (rows: unknown[], f: (x: unknown, c: MetricContext) => number) => rows.reduce<number>((a, x) => a + f(x, ctx), 0);
  switch (def.kind) {
    case 'count':
      return { ...base, value: num.length, numerator: num.length, denominator: null };
    case 'amount': {
      const total = sum(num, measure!);
      return { ...base, value: roundedQuotient(total, 100, 1, 2), numerator: total, denominator: null };
    }
    case 'ratio':
      return { ...base, value: den!.length ? roundedQuotient(num.length, den!.length, 100, def.dp) : null, numerator: num.length, denominator: den!.length };
    case 'amountRatio': {
      const n = sum(den!, measure!);
      const dm = (def as { denMeasure: (x: unknown, c: MetricContext) => number }).denMeasure;
      const d = sum(den!, dm);
      return { ...base, value: d > 0 ? roundedQuotient(n, d, 100, def.dp) : null, numerator: n, denominator: d };
    }
    case 'average': {
      const n = sum(den!, measure!);
      return { ...base, value: den!.length ? roundedQuotient(n, den!.length, 1, def.dp) : null, numerator: n, denominator: den!.length };
    }
    case 'perCapita': {
      const judges = ctx.settings.quotaJudges;
      const ok = judges > 0 && ctx.scopeKind === 'court';
      return { ...base, value: ok ? roundedQuotient(num.length, judges, 1, def.dp) : null, numerator: num.length, denominator: ok ? judges : null };
    }
  }
}

/** Every figure of every definition (or of the listed ones) for one period and one set of facts. */
export function computeFigures(facts: FactSet, ctx: MetricContext, only?: readonly string[]): Figure[] {
  const p = prepare(facts, ctx);
  const out: Figure[] = [];
  for (const def of METRIC_DEFINITIONS) {
    if (only && !only.includes(def.id)) continue;
    for (const column of activeColumns(def, ctx.settings.mergeResumed)) out.push(figureOf(p, def, column));
  }
  return out;
}

/** Case ids behind a figure, sorted: the drill-down lists (numerator ⊆ denominator by construction). */
export function drillIds(facts: FactSet, ctx: MetricContext, def: MetricDefinition, column: MetricColumn): { numerator: number[]; denominator: number[] | null } {
  const { den, num } = members(prepare(facts, ctx), def, column);
  const ids = (rows: (DerivedCase | DerivedReceipt)[]) => [...new Set(rows.map(caseIdOf))].sort((a, b) => a - b);
  return { numerator: ids(num), denominator: den ? ids(den) : null };
}

export const figureKey = (f: { metricId: string; column: string }) => `${f.metricId}|${f.column}`;
