import type { Db } from '../db/connection';
import { ApiError, invalid, type SkippedCase } from '../../src-shared/api/errors';
import { parsePath, type CaseRefKind, type CaseScopeSpec } from '../../src-shared/api/caseScope';
import type { Seen, VersionSpec } from '../../src-shared/api/caseVersions';
import { casesAt } from '../services/auth/caseRefs';
import { staleError, staleInfo, type Expectations, type StaleCase } from '../events/caseVersion';

// The registry's half of the version rule (src-shared/api/caseVersions.ts): before a case-changing
// handler runs, find the cases the call changes, compare each with the version the clerk saw, and
// refuse — or, for a batch that asked for it, leave out — the ones changed since. The other half
// runs inside the write transaction (events/caseVersion.ts).

/** Kinds of id that name cases a write changes (a team or a judge is a target, a job or an export is not a case). */
const CHANGED_KINDS: ReadonlySet<CaseRefKind> = new Set(['case', 'asset', 'measure', 'document', 'documentBatch', 'inquiryBatch', 'controlBatch', 'requeryBatch', 'ledgerEntry', 'assignmentRun', 'creditListing', 'creditCorrection', 'restriction', 'restrictionViolation', 'coercionRequest', 'coercionMeasure', 'coercionLeave', 'coercionReferral', 'coercionOperation', 'workRecord', 'attachment', 'transferRequest', 'closureRequest']);

/** The id paths whose cases a method changes. */
export function changedPaths(cases: CaseScopeSpec, versions: VersionSpec): string[] {
  if (typeof cases !== 'object' || !cases.ids) return [];
  const declared = Object.entries(cases.ids).filter(([, kind]) => CHANGED_KINDS.has(kind));
  if (versions === 'seen') return declared.map(([p]) => p);
  if ('seen' in versions) return declared.map(([p]) => p).filter((p) => versions.seen.includes(p));
  return [];
}

export interface VersionOutcome {
  input: unknown;
  expectations: Expectations;
  skipped: SkippedCase[];
}

/**
 * Checks a call of a method declared `versions: 'seen' | { seen }`. `required`: a client's call
 * must state a version for every case it changes (the app's own calls — demo data, tests of the
 * services — may leave `seen` out, and are then not checked).
 */
export function checkVersions(db: Db, cases: CaseScopeSpec, versions: VersionSpec, input: unknown, required: boolean, now: Date): VersionOutcome {
  const seen = (input as { seen?: Seen } | null)?.seen;
  const expectations: Expectations = { cases: new Map(), asOf: seen?.asOf ?? null, changed: new Set(), single: false };
  for (const [id, v] of Object.entries(seen?.cases ?? {})) expectations.cases.set(Number(id), v);
  const paths = changedPaths(cases, versions);
  const reached = paths.flatMap((path) => casesAt(db, cases, path, input).map((r) => ({ ...r, path })));
  const caseIds = [...new Set(reached.map((r) => r.caseId))];
  expectations.single = caseIds.length === 1;
  if (!seen) {
    if (required && caseIds.length > 0) throw invalid('seen', '缺少所见的案件版本（seen）：请刷新页面后重试');
    return { input, expectations: { ...expectations, asOf: null }, skipped: [] };
  }
  if (caseIds.length === 0) return { input, expectations, skipped: [] };
  const current = versionsOf(db, caseIds);
  const stale: StaleCase[] = [];
  for (const id of caseIds) {
    const expected = expectations.cases.get(id) ?? expectations.asOf;
    if (expected === null || expected === undefined) {
      if (required) throw invalid('seen', `缺少案件（编号 ${id}）的所见版本：请刷新页面后重试`, { caseId: id });
      continue;
    }
    const now = current.get(id);
    if (now !== undefined && now > expected) {
      const info = staleInfo(db, id);
      if (info) stale.push(info);
    }
  }
  if (stale.length === 0) return { input, expectations, skipped: [] };
  if (!seen.skipChanged) throw staleError(stale, expectations.single, now);
  return { input: withoutCases(input, reached, new Set(stale.map((s) => s.caseId)), stale, expectations.single, now), expectations, skipped: stale };
}

function versionsOf(db: Db, ids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const r of db.raw<{ id: number; version: number }>(`SELECT id, version FROM cases WHERE id IN (${chunk.map(() => '?').join(',')})`, ...chunk)) out.set(r.id, r.version);
  }
  return out;
}

/**
 * The input without the elements of its lists that reach a changed case. A changed case named by a
 * single field (not in a list) cannot be left out: the call is refused. A list left empty is refused too.
 */
function withoutCases(input: unknown, reached: { caseId: number; field: string; path: string }[], staleIds: Set<number>, stale: StaleCase[], single: boolean, now: Date): unknown {
  const drop = new Map<string, { keys: string[]; indexes: Set<number> }>();
  for (const r of reached) {
    if (!staleIds.has(r.caseId)) continue;
    const segments = parsePath(r.path);
    const k = segments.findIndex((s) => s.each);
    if (k < 0) throw staleError(stale, single, now);
    const keys = segments.slice(0, k + 1).map((s) => s.key);
    const index = Number(r.field.split('.')[k + 1]);
    const key = keys.join('.');
    const entry = drop.get(key) ?? { keys, indexes: new Set<number>() };
    entry.indexes.add(index);
    drop.set(key, entry);
  }
  const out = structuredClone(input) as Record<string, unknown>;
  for (const { keys, indexes } of drop.values()) {
    let parent: Record<string, unknown> = out;
    for (const key of keys.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
    const last = keys.at(-1)!;
    const list = parent[last] as unknown[];
    const kept = list.filter((_, i) => !indexes.has(i));
    if (kept.length === 0) throw new ApiError('conflict', `所选的 ${list.length} 件案件在您查看之后都已被他人修改，请刷新后重试`, 'seen', { changed: stale });
    parent[last] = kept;
  }
  return out;
}
