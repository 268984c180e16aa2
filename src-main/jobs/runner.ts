import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';
import type { Bus } from '../app/bus';
import type { Clock } from '../app/clock';
import { ApiError } from '../../src-shared/api/errors';
import type { JobView } from '../../src-shared/api/methods/jobs';
import { wholeContainerSql, type CaseScope } from '../services/auth/scope';
import { withoutExpectations } from '../events/caseVersion';
import { diskFullError, isDiskFull } from '../services/system/diskFull';

export interface JobHandle {
  readonly id: string;
  readonly signal: AbortSignal;
  /** Reports progress; cheap to call often (pushes to the UI are throttled). */
  progress(done: number, total?: number, message?: string): void;
  /** Throws when the job was cancelled; call between units of work. */
  checkCancelled(): void;
}

export class JobCancelled extends Error {
  constructor() {
    super('已取消');
  }
}

interface Running {
  view: JobView;
  controller: AbortController;
  lastPush: number;
  userId: number | null;
}

/**
 * Long-running work (batches, imports, exports) as jobs with progress and cancel. A job writes its
 * results in one transaction at its end, so a cancelled, failed or killed job leaves nothing behind;
 * jobs found running at start-up are marked interrupted.
 */
export class Jobs {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly db: Db,
    private readonly bus: Bus,
    private readonly clock: Clock,
  ) {
    db.run(db.q.updateTable('jobs').set({ status: 'interrupted', finished_at: clock.nowIso(), message: '程序在任务运行中退出，任务未完成，未写入任何结果' }).where('status', 'in', ['queued', 'running']));
  }

  /**
   * Starts a job. `cases` is what the job touches — the case ids inside it, or 'court' for court-wide
   * work — because a job, its result and its files belong to its starter and to those cases: a
   * tribunal team's officer sees another user's job only when every case in it is the team's.
   */
  start(
    opts: { kind: string; label: string; total?: number; user: { id: number; displayName: string } | null; cases: readonly number[] | 'court' },
    run: (job: JobHandle) => Promise<unknown>,
  ): JobView {
    const id = randomUUID();
    const view: JobView = {
      id,
      kind: opts.kind,
      label: opts.label,
      status: 'running',
      done: 0,
      total: opts.total ?? 0,
      message: '',
      result: null,
      error: null,
      createdAt: this.clock.nowIso(),
      finishedAt: null,
      createdBy: opts.user?.displayName ?? '系统',
    };
    // The job and the cases it touches are recorded together.
    this.db.tx(() => {
      this.db.run(
        this.db.q.insertInto('jobs').values({
          id,
          kind: view.kind,
          label: view.label,
          status: view.status,
          done: 0,
          total: view.total,
          message: '',
          result: null,
          error: null,
          created_at: view.createdAt,
          finished_at: null,
          created_by: view.createdBy,
          created_by_id: opts.user?.id ?? null,
          court_wide: opts.cases === 'court' ? 1 : 0,
        }),
      );
      if (opts.cases !== 'court') {
        for (const c of new Set(opts.cases)) this.db.rawRun('INSERT INTO job_cases (job_id, case_id) VALUES (?, ?)', id, c);
      }
    });
    const controller = new AbortController();
    const entry: Running = { view, controller, lastPush: 0, userId: opts.user?.id ?? null };
    this.running.set(id, entry);
    const handle: JobHandle = {
      id,
      signal: controller.signal,
      progress: (done, total, message) => {
        view.done = done;
        if (total !== undefined) view.total = total;
        if (message !== undefined) view.message = message;
        const now = Date.now();
        if (now - entry.lastPush > 100) {
          entry.lastPush = now;
          this.push(entry);
        }
      },
      checkCancelled: () => {
        if (controller.signal.aborted) throw new JobCancelled();
      },
    };
    this.push(entry);
    // Run on the next tick so the caller gets the job id before any work happens. The versions the
    // clerk saw were checked when the job was started; its own writes are not held to them
    // (events/caseVersion.ts).
    withoutExpectations(() => setImmediate(() => {
      run(handle)
        .then((result) => this.finish(entry, 'done', result ?? null, null))
        .catch((e: unknown) => {
          if (e instanceof JobCancelled || controller.signal.aborted) this.finish(entry, 'cancelled', null, null);
          else {
            const err =
              e instanceof ApiError
                ? { code: e.code, message: e.message }
                : isDiskFull(e)
                  ? { code: 'disk_full', message: diskFullError().message }
                  : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
            this.finish(entry, 'failed', null, err);
          }
        });
    }));
    return { ...view };
  }

  private finish(entry: Running, status: JobView['status'], result: unknown, error: JobView['error']): void {
    const v = entry.view;
    v.status = status;
    v.result = result;
    v.error = error;
    v.finishedAt = this.clock.nowIso();
    if (status === 'done') v.done = Math.max(v.done, v.total);
    if (status === 'cancelled') v.message = '已取消，未写入任何结果';
    try {
      this.db.run(
        this.db.q
          .updateTable('jobs')
          .set({ status, done: v.done, total: v.total, message: v.message, result: result === null ? null : JSON.stringify(result), error: error ? JSON.stringify(error) : null, finished_at: v.finishedAt })
          .where('id', '=', v.id),
      );
    } catch {
      // A full disk can refuse even this row: the outcome is still pushed to the user below, and the
      // row left 'running' is marked interrupted at the next start.
    }
    this.running.delete(v.id);
    this.push(entry);
  }

  private push(entry: Running): void {
    // A job's progress is its starter's; a job the app started itself (userId null) only the command centre sees.
    this.bus.publish({ topic: 'job', data: { ...entry.view }, audience: entry.userId !== null ? { kind: 'user', userId: entry.userId } : { kind: 'court' } });
  }

  get(id: string): JobView {
    const live = this.running.get(id);
    if (live) return { ...live.view };
    const row = this.db.get(this.db.q.selectFrom('jobs').selectAll().where('id', '=', id));
    if (!row) throw new ApiError('not_found', '没有这个任务');
    return rowToView(row);
  }

  /** The latest jobs the scope may see: all, or the user's own and those whose every case is in scope. */
  list(limit: number, scope: CaseScope = { all: true }): JobView[] {
    const inside = wholeContainerSql(scope, 'SELECT jc.case_id FROM job_cases jc WHERE jc.job_id = j.id');
    const where = scope.all ? '' : `WHERE j.created_by_id = ? OR (j.court_wide = 0${inside.sql})`;
    const params = scope.all ? [] : [scope.userId, ...inside.params];
    const rows = this.db.raw<JobRow>(`SELECT j.* FROM jobs j ${where} ORDER BY j.created_at DESC LIMIT ?`, ...params, limit);
    return rows.map((r) => this.running.get(r.id)?.view ?? rowToView(r));
  }

  /** Who started a job and what it touches (the registry's 'job' resolver). */
  owner(id: string): { userId: number | null; courtWide: boolean; caseIds: number[] } | null {
    const row = this.db.raw<{ created_by_id: number | null; court_wide: number }>('SELECT created_by_id, court_wide FROM jobs WHERE id = ?', id)[0];
    if (!row) return null;
    const caseIds = this.db.raw<{ case_id: number }>('SELECT case_id FROM job_cases WHERE job_id = ?', id).map((r) => r.case_id);
    return { userId: row.created_by_id, courtWide: row.court_wide === 1, caseIds };
  }

  /** Cancels a running job: only its starter may, or the administrator (any other user is refused). */
  cancel(id: string, by: { id: number; roles: readonly string[] } | null): void {
    const owner = this.owner(id);
    if (!owner) throw new ApiError('not_found', '没有这个任务');
    if (by && !by.roles.includes('admin') && owner.userId !== by.id) throw new ApiError('forbidden', '只能取消自己发起的任务', 'id');
    const live = this.running.get(id);
    if (!live) throw new ApiError('conflict', '任务已经结束，无法取消');
    live.controller.abort();
  }

  /**
   * The cases a job touches, once it knows them (an export that reads its rows inside the job): the
   * job was started court-wide — its starter's and the command centre's only — and now reaches
   * exactly these cases, recorded in one transaction.
   */
  recordCases(id: string, caseIds: readonly number[]): void {
    this.db.tx(() => {
      this.db.rawRun('UPDATE jobs SET court_wide = 0 WHERE id = ?', id);
      for (const c of new Set(caseIds)) this.db.rawRun('INSERT OR IGNORE INTO job_cases (job_id, case_id) VALUES (?, ?)', id, c);
    });
  }

  /** Resolves when every running job has finished (used on shutdown and in tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await new Promise((r) => setTimeout(r, 20));
  }
}

type JobRow = { id: string; kind: string; label: string; status: string; done: number; total: number; message: string; result: string | null; error: string | null; created_at: string; finished_at: string | null; created_by: string };

function rowToView(r: JobRow): JobView {
  return {
    id: r.id,
    kind: r.kind,
    label: r.label,
    status: r.status as JobView['status'],
    done: r.done,
    total: r.total,
    message: r.message,
    result: r.result ? JSON.parse(r.result) : null,
    error: r.error ? JSON.parse(r.error) : null,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    createdBy: r.created_by,
  };
}
