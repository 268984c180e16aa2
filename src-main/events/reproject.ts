import type { Db } from '../db/connection';
import type { App } from '../app/app';
import type { JobHandle } from '../jobs/runner';
import type { JobView } from '../../src-shared/api/methods/jobs';
import type { Projection } from './projection';
import { projections } from './projections';
import { markForRebuild, maxCaseId, reconcileStates, stateOf } from './projectionState';
import { appendEvent, SYSTEM_ACTOR } from './log';
import { ApiError } from '../../src-shared/api/errors';

// Re-projection: deriving a projection's tables again from the whole log, chunk by chunk of cases,
// each chunk one transaction that also records how far it got. Live events keep being folded in
// meanwhile by the new code (a case not reached yet is simply derived again when its chunk comes).

/** Up to this many cases to re-derive, the work is done at once (well under a second); above, as a job. */
export const SMALL_COURT_CASES = 3000;

export interface StepResult {
  done: number;
  total: number;
  finished: boolean;
}

/** The projections whose tables are not current (new version, new inputs, or a rebuild under way). */
export function pendingProjections(db: Db, list: readonly Projection[] = projections()): Projection[] {
  return list.filter((p) => {
    const s = stateOf(db, p.name);
    return !s || s.version !== p.version || s.status !== 'current';
  });
}

/** Re-derives the next chunk of cases of one projection, in one transaction. */
export function reprojectStep(db: Db, p: Projection, at: () => Date): StepResult {
  return db.tx(() => {
    let s = stateOf(db, p.name);
    if (!s || s.version !== p.version) {
      markForRebuild(db, p, at().toISOString());
      s = stateOf(db, p.name)!;
    }
    if (s.status === 'current') return { done: s.until, total: s.until, finished: true };
    const from = s.cursor + 1;
    const to = p.chunk === 'whole' ? s.until : Math.min(s.until, s.cursor + p.chunk);
    if (p.chunk === 'whole') p.rebuild(db, 1, s.until);
    else if (to >= from) p.rebuild(db, from, to);
    const finished = to >= s.until;
    db.rawRun(`UPDATE projection_state SET cursor = ?, status = ?, finished_at = ? WHERE name = ?`, to, finished ? 'current' : 'rebuilding', finished ? at().toISOString() : null, p.name);
    if (finished) appendEvent(db, SYSTEM_ACTOR, at(), { caseId: null, type: 'projection.rebuilt', payload: { projection: p.name, version: p.version, cases: s.until } });
    return { done: to, total: s.until, finished };
  });
}

/** Every pending projection to the end, synchronously (small courts, the benchmark court's loader). */
export function reprojectAll(db: Db, at: () => Date, onProgress?: (p: Projection, r: StepResult) => void): void {
  for (const p of pendingProjections(db)) {
    for (;;) {
      const r = reprojectStep(db, p, at);
      onProgress?.(p, r);
      if (r.finished) break;
    }
  }
}

/** Cases still to re-derive, over every pending projection. */
function remaining(db: Db, pending: readonly Projection[]): number {
  return pending.reduce((n, p) => {
    const s = stateOf(db, p.name);
    return n + (s && s.version === p.version ? Math.max(0, s.until - s.cursor) : maxCaseId(db));
  }, 0);
}

const runningJob = new WeakMap<App, string>();

/**
 * Brings every projection up to date: at start (a new version of the app), and after a change of
 * the inputs of one (deadline rules, the calendar). A small court is done at once; a large one gets
 * one job with progress (cancel stops it between chunks; the next start resumes it), and the
 * readers of a projection say it is being rebuilt until it is done. Nothing happens on a read-only
 * database; while the start-up integrity check still runs, the work waits for its verdict.
 */
export function keepProjectionsCurrent(app: App): JobView | null {
  if (app.readOnly) return null;
  if (app.checking) {
    const timer = setInterval(() => {
      if (app.checking) return;
      clearInterval(timer);
      if (app.db.sqlite.open) keepProjectionsCurrent(app);
    }, 200);
    timer.unref();
    return null;
  }
  const at = () => app.clock.now();
  reconcileStates(app.db, projections(), at().toISOString());
  const pending = pendingProjections(app.db);
  if (pending.length === 0) return null;
  const existing = runningJob.get(app);
  if (existing) return app.jobs.get(existing);
  if (remaining(app.db, pending) <= SMALL_COURT_CASES) {
    reprojectAll(app.db, at);
    return null;
  }
  const view = app.jobs.start({ kind: 'projections.rebuild', label: `按新规则重新生成：${pending.map((p) => p.label).join('、')}`, user: null, cases: 'court' }, async (job) => {
    try {
      return await reprojectInJob(app.db, job, at);
    } finally {
      runningJob.delete(app);
    }
  });
  runningJob.set(app, view.id);
  return view;
}

/** The job body: chunk after chunk, yielding to the event loop between them so requests are served. */
async function reprojectInJob(db: Db, job: JobHandle, at: () => Date): Promise<{ projections: string[]; cases: number }> {
  const names: string[] = [];
  let cases = 0;
  for (;;) {
    const p = pendingProjections(db)[0];
    if (!p) break;
    for (;;) {
      job.checkCancelled();
      const r = reprojectStep(db, p, at);
      job.progress(r.done, r.total, `${p.label}：已处理 ${r.done} / ${r.total} 件案件`);
      if (r.finished) {
        names.push(p.name);
        cases += r.total;
        break;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { projections: names, cases };
}

/** Cancels a running re-projection (closing the app): what it did is kept, the rest is done at the next start. */
export function stopReprojection(app: App): void {
  const id = runningJob.get(app);
  if (id) app.jobs.cancel(id, null);
}

/** An administrator's request to derive one projection again (metrics.rebuildFacts). */
export async function rebuildNow(app: App, p: Projection): Promise<void> {
  app.db.tx(() => markForRebuild(app.db, p, app.clock.nowIso()));
  const view = keepProjectionsCurrent(app);
  if (!view) return;
  let job = app.jobs.get(view.id);
  while (job.status === 'running' || job.status === 'queued') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    job = app.jobs.get(view.id);
  }
  if (job.status !== 'done') throw new ApiError('conflict', `重新生成${p.label}未完成（${job.error?.message ?? job.message}），下次启动时继续`);
}
