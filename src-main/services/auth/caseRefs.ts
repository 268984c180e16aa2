import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { CASE_REF_KINDS, parsePath, type CaseRefKind, type CaseScopeSpec } from '../../../src-shared/api/caseScope';
import { firstOutside, type CaseScope } from './scope';

// The resolvers behind each method's case declaration (src-shared/api/caseScope.ts): from an id of
// each kind to the cases it reaches. A container (a batch, a print file, a job, an assignment run)
// reaches every case inside it, so a tribunal team's officer may open it only when all of them are
// the team's; a job also belongs to its starter. Unknown ids reach nothing and pass: the handler
// answers not_found.

/** What one id reaches: cases, a team (team and judge ids) or the whole court. */
export interface Reach {
  cases?: number[];
  team?: string | null;
  court?: boolean;
}
type Resolver = (db: Db, ids: (number | string)[], scope: Exclude<CaseScope, { all: true }>) => Map<number | string, Reach>;

/** `SELECT <key>, case_id FROM …` grouped into a map key → its cases. */
function grouped(db: Db, sql: (marks: string) => string, ids: (number | string)[]): Map<number | string, Reach> {
  const out = new Map<number | string, Reach>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    for (const r of db.raw<{ k: number | string; case_id: number }>(sql(chunk.map(() => '?').join(',')), ...chunk)) {
      const reach = out.get(r.k) ?? { cases: [] };
      reach.cases!.push(r.case_id);
      out.set(r.k, reach);
    }
  }
  return out;
}

const RESOLVERS: Record<CaseRefKind, Resolver> = {
  case: (_db, ids) => new Map(ids.map((id) => [id, { cases: [Number(id)] }])),
  asset: (db, ids) => grouped(db, (m) => `SELECT id AS k, case_id FROM assets WHERE id IN (${m})`, ids),
  creditListing: (db, ids) => grouped(db, (m) => `SELECT id AS k, case_id FROM credit_listings WHERE id IN (${m})`, ids),
  creditCorrection: (db, ids) => grouped(db, (m) => `SELECT id AS k, case_id FROM credit_corrections WHERE id IN (${m})`, ids),
  restriction: (db, ids) => grouped(db, (m) => `SELECT id AS k, case_id FROM consumption_restrictions WHERE id IN (${m})`, ids),
  restrictionViolation: (db, ids) => grouped(db, (m) => `SELECT v.id AS k, r.case_id FROM restriction_violations v JOIN consumption_restrictions r ON r.id = v.restriction_id WHERE v.id IN (${m})`, ids),
  measure: (db, ids) => grouped(db, (m) => `SELECT id AS k, case_id FROM measures WHERE id IN (${m})`, ids),
  document: (db, ids) => grouped(db, (m) => `SELECT id AS k, case_id FROM documents WHERE id IN (${m})`, ids),
  documentBatch: (db, ids) => grouped(db, (m) => `SELECT DISTINCT batch_id AS k, case_id FROM documents WHERE batch_id IN (${m})`, ids.map(String)),
  inquiryBatch: (db, ids) => grouped(db, (m) => `SELECT DISTINCT batch_id AS k, case_id FROM inquiry_targets WHERE batch_id IN (${m})`, ids),
  controlBatch: (db, ids) => grouped(db, (m) => `SELECT DISTINCT batch_id AS k, case_id FROM measures WHERE batch_id IN (${m})`, ids),
  requeryBatch: (db, ids) => grouped(db, (m) => `SELECT batch_id AS k, case_id FROM archive_requeries WHERE batch_id IN (${m})`, ids),
  ledgerEntry: (db, ids) => grouped(db, (m) => `SELECT id AS k, case_id FROM ledger_entries WHERE id IN (${m})`, ids),
  workRecord: (db, ids) => grouped(db, (m) => `SELECT id AS k, case_id FROM work_records WHERE id IN (${m})`, ids),
  attachment: (db, ids) => grouped(db, (m) => `SELECT id AS k, case_id FROM attachments WHERE id IN (${m})`, ids),
  transferRequest: (db, ids) => grouped(db, (m) => `SELECT id AS k, case_id FROM transfer_requests WHERE id IN (${m})`, ids),
  closureRequest: (db, ids) => grouped(db, (m) => `SELECT id AS k, case_id FROM closure_requests WHERE id IN (${m})`, ids),
  assignmentRun: (db, ids) => grouped(db, (m) => `SELECT DISTINCT run_id AS k, case_id FROM assignment_items WHERE run_id IN (${m})`, ids),
  // A monthly export holds the whole court's cases.
  reportExport: (db, ids) => new Map(db.raw<{ id: number }>(`SELECT id FROM report_exports WHERE id IN (${ids.map(() => '?').join(',')})`, ...ids).map((r) => [r.id, { court: true }])),
  team: (_db, ids) => new Map(ids.map((id) => [id, { team: String(id) }])),
  judge: (db, ids) => new Map(db.raw<{ id: number; team_id: string | null }>(`SELECT id, team_id FROM users WHERE id IN (${ids.map(() => '?').join(',')})`, ...ids).map((r) => [r.id, { team: r.team_id }])),
  coercionRequest: (db, ids) => grouped(db, (m) => `SELECT id AS k, case_id FROM coercion_requests WHERE id IN (${m})`, ids),
  coercionMeasure: (db, ids) => grouped(db, (m) => `SELECT id AS k, case_id FROM coercion_measures WHERE id IN (${m})`, ids),
  coercionLeave: (db, ids) => grouped(db, (m) => `SELECT l.id AS k, x.case_id FROM coercion_leaves l JOIN coercion_measures x ON x.id = l.measure_id WHERE l.id IN (${m})`, ids),
  coercionReferral: (db, ids) => grouped(db, (m) => `SELECT id AS k, case_id FROM coercion_referrals WHERE id IN (${m})`, ids),
  coercionOperation: (db, ids) => grouped(db, (m) => `SELECT DISTINCT operation_id AS k, case_id FROM coercion_requests WHERE operation_id IN (${m})`, ids),
  // A job belongs to its starter; to anyone else it reaches its cases (or the court, for court-wide work).
  job: (db, ids, scope) => {
    const out = new Map<number | string, Reach>();
    for (const id of ids) {
      const row = db.raw<{ created_by_id: number | null; court_wide: number }>('SELECT created_by_id, court_wide FROM jobs WHERE id = ?', String(id))[0];
      if (!row || row.created_by_id === scope.userId) continue;
      out.set(id, row.court_wide ? { court: true } : { cases: db.raw<{ case_id: number }>('SELECT case_id FROM job_cases WHERE job_id = ?', String(id)).map((r) => r.case_id) });
    }
    return out;
  },
};

/** Each value at a declared path with the field name an error should point at (`items.3.assetId`). */
export function entriesAt(input: unknown, path: string): { value: number | string; field: string }[] {
  let level: { v: unknown; field: string[] }[] = [{ v: input, field: [] }];
  for (const { key, each } of parsePath(path)) {
    const next: typeof level = [];
    for (const { v, field } of level) {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) continue;
      const child = (v as Record<string, unknown>)[key];
      if (child === undefined || child === null) continue;
      if (each) {
        if (Array.isArray(child)) child.forEach((c, i) => next.push({ v: c, field: [...field, key, String(i)] }));
      } else next.push({ v: child, field: [...field, key] });
    }
    level = next;
  }
  return level.filter((e) => typeof e.v === 'number' || typeof e.v === 'string').map((e) => ({ value: e.v as number | string, field: e.field.join('.') }));
}

/**
 * Applies a method's declaration for a scoped caller before its handler runs: every id named in
 * the input is resolved to the cases it reaches, and any case, team or court-wide reach outside the
 * caller's scope is refused with 403 naming the field.
 */
export function enforceCaseRefs(db: Db, scope: CaseScope, spec: CaseScopeSpec, input: unknown): void {
  if (scope.all || spec === 'none') return;
  if (spec === 'court') throw new ApiError('forbidden', '此项涉及全院案件，当前账号只能查看、办理本团队的案件');
  for (const [path, kind] of Object.entries(spec.ids ?? {})) {
    const entries = entriesAt(input, path);
    if (entries.length === 0) continue;
    const reach = RESOLVERS[kind](db, entries.map((e) => e.value), scope);
    const caseField = new Map<number, string>();
    for (const e of entries) {
      const r = reach.get(e.value) ?? reach.get(String(e.value)) ?? reach.get(Number(e.value));
      if (!r) continue;
      if (r.court) throw new ApiError('forbidden', `此${label(kind)}涉及全院案件，当前账号只能查看、办理本团队的案件`, e.field);
      if (r.team !== undefined && (r.team === null || r.team !== scope.teamId)) throw new ApiError('forbidden', '只能查看、办理本团队的案件', e.field);
      for (const c of r.cases ?? []) if (!caseField.has(c)) caseField.set(c, e.field);
    }
    const outside = firstOutside(db, scope, [...caseField.keys()]);
    if (outside) {
      const what = kind === 'case' ? '' : `${label(kind)}所属的`;
      throw new ApiError('forbidden', `${what}案件 ${outside.number} 不属于本团队，无权查看或办理`, caseField.get(outside.id), { caseId: outside.id });
    }
  }
}

const label = (kind: CaseRefKind) => CASE_REF_KINDS[kind].replace(/（.*）$/, '');

/**
 * The cases reached through one declared path of a method's input, for any caller (the version
 * check: src-main/api/versionCheck.ts), each with the field that named it.
 */
export function casesAt(db: Db, spec: CaseScopeSpec, path: string, input: unknown): { caseId: number; field: string }[] {
  if (typeof spec !== 'object' || !spec.ids?.[path]) return [];
  const kind = spec.ids[path]!;
  const entries = entriesAt(input, path);
  if (entries.length === 0) return [];
  const reach = RESOLVERS[kind](db, entries.map((e) => e.value), { all: false, teamId: null, userId: -1 });
  const out: { caseId: number; field: string }[] = [];
  for (const e of entries) {
    const r = reach.get(e.value) ?? reach.get(String(e.value)) ?? reach.get(Number(e.value));
    for (const c of r?.cases ?? []) out.push({ caseId: c, field: e.field });
  }
  return out;
}
