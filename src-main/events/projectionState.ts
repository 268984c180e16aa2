import type { Db } from '../db/connection';
import type { Projection } from './projection';

// Where each projection stands (table projection_state, migration 090): the version of the rules
// its tables were derived with, and while it is being re-derived, how far it got (the highest case
// id done) and how far it must go. A re-projection commits its progress with each chunk of cases,
// so a cancelled or killed one resumes where it stopped.

export interface ProjectionStateRow {
  name: string;
  version: number;
  status: 'current' | 'rebuilding';
  cursor: number;
  until: number;
  started_at: string | null;
  finished_at: string | null;
}

export function stateOf(db: Db, name: string): ProjectionStateRow | undefined {
  return db.raw<ProjectionStateRow>('SELECT name, version, status, cursor, until, started_at, finished_at FROM projection_state WHERE name = ?', name)[0];
}

const inputsKey = (p: Projection) => `projectionInputs:${p.name}`;

/** The fingerprint of the inputs a projection's tables were last derived from (Projection.inputs); undefined before the first. */
export function inputsOf(db: Db, p: Projection): string | undefined {
  return db.raw<{ value: string }>('SELECT value FROM meta WHERE key = ?', inputsKey(p))[0]?.value;
}

export function maxCaseId(db: Db): number {
  return db.raw<{ m: number | null }>('SELECT max(id) AS m FROM cases')[0]!.m ?? 0;
}

/** Re-derive every case (inside the caller's transaction): a new version, new inputs, or an administrator's request. */
export function markForRebuild(db: Db, p: Projection, at: string): void {
  // The rebuild derives from the inputs as they are now; a later change marks it again.
  if (p.inputs) db.rawRun(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, inputsKey(p), p.inputs(db));
  const until = maxCaseId(db);
  db.rawRun(
    `INSERT INTO projection_state (name, version, status, cursor, until, started_at, finished_at) VALUES (?, ?, ?, 0, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, status = excluded.status, cursor = 0, until = excluded.until, started_at = excluded.started_at, finished_at = excluded.finished_at`,
    p.name,
    p.version,
    until === 0 ? 'current' : 'rebuilding',
    until,
    at,
    until === 0 ? at : null,
  );
}

/**
 * Brings the state in line with the code at start: a projection new to this database is current when
 * there is nothing to derive yet, otherwise (a court upgraded from a version that kept these tables
 * by triggers or by read handlers) it is re-derived; one whose version or inputs changed is re-derived.
 */
export function reconcileStates(db: Db, projections: readonly Projection[], at: string): void {
  db.tx(() => {
    for (const p of projections) {
      const s = stateOf(db, p.name);
      if (!s || s.version !== p.version || (p.inputs && inputsOf(db, p) !== p.inputs(db))) markForRebuild(db, p, at);
    }
  });
}

export interface RebuildProgress {
  /** The projection's label (Chinese). */
  label: string;
  done: number;
  total: number;
}

/** Null when the projection's tables are current; otherwise how far its re-derivation has got (for its readers). */
export function rebuildProgress(db: Db, p: Projection): RebuildProgress | null {
  const s = stateOf(db, p.name);
  if (s && s.status === 'current' && s.version === p.version) return null;
  return { label: p.label, done: s && s.version === p.version ? s.cursor : 0, total: s?.until ?? maxCaseId(db) };
}
