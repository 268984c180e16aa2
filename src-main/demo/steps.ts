import type { App } from '../app/app';
import type { Db } from '../db/connection';
import type { Actor } from '../events/log';
import type { Role } from '../../src-shared/api/roles';
import type { MethodName } from '../../src-shared/api';
import type { Rng } from './random';

export interface DemoOptions {
  seed: number;
  fromYear: number;
  toYear: number;
  /** About this many cases a year (Kailu files ~4,000). */
  casesPerYear: number;
  /** Password of every demo user (printed in the summary). */
  password: string;
}

export interface DemoUser extends Actor {
  id: number;
  username: string;
  roles: Role[];
  teamId: string | null;
}

/** What a step may use: the app, its own random stream, the demo's users, progress and cancel. */
export interface DemoContext {
  app: App;
  db: Db;
  options: DemoOptions;
  rng: Rng;
  /** Court-local today: nothing is filed or done after it. */
  today: string;
  admin: Actor;
  /** Filled by the staff step; later steps act as these people. */
  users: DemoUser[];
  progress(message: string, done?: number, total?: number): void;
  checkCancelled(): void;
  /** Lets progress events out between transactions (the work itself is synchronous). */
  breathe(): Promise<void>;
  /** Each step adds its figures; the CLI prints them and the job returns them. */
  summary: Record<string, unknown>;
}

/**
 * One step of the demo pipeline (court settings, staff, filing, and later notices, queries,
 * control, triage, assignment, ledger, closure, 终本 …): one file per step under src-main/demo/.
 * A step that drives another domain lists the API methods it needs and is skipped while they are
 * not built yet.
 */
export interface DemoStep {
  id: string;
  label: string;
  requires?: MethodName[];
  run(ctx: DemoContext): Promise<void> | void;
}

export function usersWithRole(ctx: DemoContext, role: Role): DemoUser[] {
  const list = ctx.users.filter((u) => u.roles.includes(role));
  if (list.length === 0) throw new Error(`演示数据缺少角色为 ${role} 的用户`);
  return list;
}

/** An office-hours timestamp on a court-local date: 08:30 Beijing time plus `minutes`. */
export function officeTime(date: string, minutes: number): Date {
  const m = Math.min(Math.max(0, minutes), 9 * 60);
  return new Date(Date.parse(`${date}T00:30:00Z`) + m * 60_000);
}
