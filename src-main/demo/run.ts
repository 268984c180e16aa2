import type { App } from '../app/app';
import { ApiError } from '../../src-shared/api/errors';
import { SYSTEM_ACTOR } from '../events/log';
import { findUser, ADMIN_USERNAME } from '../services/auth/users';
import { courtStep } from './court';
import { filingStep } from './filing';
import { pipelineStep } from './pipelineStep';
import { resumptionStep } from './resumptionStep';
import { demoShape } from './shape';
import { Rng } from './random';
import { staffStep } from './staff';
import type { DemoContext, DemoOptions, DemoStep } from './steps';

/**
 * The demo pipeline, in order. Later domains add their step files here (notices, queries, control,
 * triage, assignment, ledger, closure, 终本 …); a step whose API methods are not built is skipped.
 */
export const DEMO_STEPS: readonly DemoStep[] = [courtStep, staffStep, filingStep, pipelineStep, resumptionStep];

export const DEFAULT_DEMO_OPTIONS: DemoOptions = { seed: 523, fromYear: 2022, toYear: 2026, casesPerYear: 4000, password: 'demo1234' };

export interface DemoHooks {
  progress?: (message: string, done?: number, total?: number) => void;
  checkCancelled?: () => void;
}

export interface DemoResult {
  seed: number;
  years: [number, number];
  steps: { id: string; label: string; ms: number; skipped?: string }[];
  summary: Record<string, unknown>;
}

/** Demo data goes only into a database that has no cases and no users but the administrator. */
export function assertEmptyForDemo(app: App): void {
  const cases = app.db.raw<{ n: number }>('SELECT count(*) AS n FROM cases')[0]!.n;
  const users = app.db.raw<{ n: number }>("SELECT count(*) AS n FROM users WHERE username <> 'admin'")[0]!.n;
  if (cases > 0 || users > 0) {
    throw new ApiError('conflict', `数据库不是空的（已有 ${cases} 件案件、${users} 个用户）：演示数据只能载入新建的空数据库`);
  }
}

/** The context the steps share: the app, today, the administrator as actor, the hooks. */
export function demoContext(app: App, options: DemoOptions, hooks: DemoHooks = {}): Omit<DemoContext, 'rng'> {
  const admin = findUser(app.db, ADMIN_USERNAME);
  return {
    app,
    db: app.db,
    options,
    today: app.clock.today(),
    admin: admin ? { id: admin.id, name: admin.display_name, workstation: 'demo' } : SYSTEM_ACTOR,
    users: [],
    progress: hooks.progress ?? (() => {}),
    checkCancelled: hooks.checkCancelled ?? (() => {}),
    breathe: () => new Promise<void>((r) => setImmediate(r)),
    summary: {},
  };
}

export async function runDemo(app: App, options: DemoOptions, hooks: DemoHooks = {}): Promise<DemoResult> {
  if (options.fromYear > options.toYear) throw new ApiError('invalid_input', '起始年份不能晚于结束年份', 'years');
  assertEmptyForDemo(app);
  const root = new Rng(options.seed);
  const base = demoContext(app, options, hooks);
  const steps: DemoResult['steps'] = [];
  // Steps replay past days on the app's clock (pipeline/state.ts at()); it is put back afterwards.
  const clockOffset = app.clock.offset;
  try {
    for (const step of DEMO_STEPS) {
      const missing = (step.requires ?? []).filter((m) => !app.registry.has(m));
      if (missing.length > 0) {
        steps.push({ id: step.id, label: step.label, ms: 0, skipped: `尚未实现：${missing.join('、')}` });
        continue;
      }
      base.progress(step.label);
      const started = performance.now();
      await step.run({ ...base, rng: root.fork(step.id) });
      app.clock.replayAt(null, clockOffset);
      steps.push({ id: step.id, label: step.label, ms: Math.round(performance.now() - started) });
    }
    // What the figures match of the seed's published ones, and what they do not try to (shape.ts).
    if (steps.some((s) => s.id === 'pipeline' && !s.skipped)) base.summary.shape = demoShape(app.db, options.fromYear, options.toYear, base.today);
  } finally {
    app.clock.replayAt(null, clockOffset);
  }
  return { seed: options.seed, years: [options.fromYear, options.toYear], steps, summary: base.summary };
}
