import type { SessionUser } from '../../api/context';
import type { MethodInput, MethodName, MethodOutput } from '../../../src-shared/api';
import { ApiError } from '../../../src-shared/api/errors';
import type { JobView } from '../../../src-shared/api/methods/jobs';
import type { CasePlan } from '../casePlan';
import { officeTime, usersWithRole, type DemoContext, type DemoUser } from '../steps';

// What the pipeline's actions share: the plans, the staff who act, the figures counted, and the
// two ways of acting — a service call with the clock set to the day, or an API call as a clerk.

export interface Staff {
  docsQuery: DemoUser[];
  money: DemoUser;
  zhongben: DemoUser;
  chief: DemoUser;
  fastJudge: DemoUser;
  window: DemoUser[];
  byId: Map<number, DemoUser>;
}

export interface Counts {
  noticesPaper: number;
  noticeDocuments: number;
  served: number;
  inquiryBatches: number;
  feedbackImports: number;
  controlBatches: number;
  measures: number;
  triaged: number;
  assigned: number;
  receipts: number;
  payouts: number;
  attestations: number;
  closures: Record<string, number>;
  closureDocuments: number;
  reviews: number;
  resumed: number;
  requeryBatches: number;
  requeryRounds: number;
  requeryFound: number;
  requeryNotices: number;
}

export interface Pipeline {
  ctx: DemoContext;
  plans: Map<number, CasePlan>;
  staff: Staff;
  counts: Counts;
  /** The real time when the replay started: today's work is stamped no later than that. */
  realNow: Date;
}

export function demoStaff(ctx: DemoContext): Staff {
  const one = (username: string) => {
    const u = ctx.users.find((x) => x.username === username);
    if (!u) throw new Error(`演示数据缺少用户 ${username}`);
    return u;
  };
  return {
    docsQuery: usersWithRole(ctx, 'docsQuery'),
    money: usersWithRole(ctx, 'money')[0]!,
    zhongben: usersWithRole(ctx, 'zhongben')[0]!,
    chief: one('wangzhigang'),
    fastJudge: one('liuhaifeng'),
    window: usersWithRole(ctx, 'window'),
    byId: new Map(ctx.users.map((u) => [u.id, u])),
  };
}

export function emptyCounts(): Counts {
  return { noticesPaper: 0, noticeDocuments: 0, served: 0, inquiryBatches: 0, feedbackImports: 0, controlBatches: 0, measures: 0, triaged: 0, assigned: 0, receipts: 0, payouts: 0, attestations: 0, closures: {}, closureDocuments: 0, reviews: 0, resumed: 0, requeryBatches: 0, requeryRounds: 0, requeryFound: 0, requeryNotices: 0 };
}

/** Moves the app's clock to `minutes` after 08:30 on `date` and returns that moment. */
export function at(p: Pipeline, date: string, minutes: number): Date {
  const office = officeTime(date, minutes);
  const t = office > p.realNow ? p.realNow : office;
  p.ctx.app.clock.replayAt(t);
  return t;
}

export function sessionOf(u: DemoUser): SessionUser {
  return { id: u.id, username: u.username, displayName: u.name, roles: u.roles, teamId: u.teamId };
}

/** An API call as a demo clerk, exactly as the screen makes it; a refusal stops the demo with its message. */
export async function callAs<N extends MethodName>(p: Pipeline, user: DemoUser, name: N, input: MethodInput<N>): Promise<MethodOutput<N>> {
  const r = await p.ctx.app.registry.call(name, input, p.ctx.app.internalContext(sessionOf(user)));
  if (!r.ok) throw new ApiError(r.error.code, `演示数据：${name} 被拒绝：${r.error.message}`, r.error.field);
  return r.data as MethodOutput<N>;
}

/** Waits for a job started through the API (the demo may itself run inside a job, so never jobs.idle()). */
export async function waitForJob(p: Pipeline, job: JobView): Promise<unknown> {
  for (;;) {
    const v = p.ctx.app.jobs.get(job.id);
    if (v.status === 'done') return v.result;
    if (v.status === 'failed' || v.status === 'cancelled' || v.status === 'interrupted') throw new Error(`演示数据：任务“${v.label}”${v.status === 'failed' ? `失败：${v.error?.message ?? ''}` : '已取消'}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** The case's stage now (actions skip cases a previous action closed or moved elsewhere). */
export function stageOf(p: Pipeline, caseId: number): string {
  return p.ctx.db.raw<{ stage: string }>('SELECT stage FROM cases WHERE id = ?', caseId)[0]!.stage;
}

export const isOpen = (p: Pipeline, caseId: number) => !['closed', 'archived'].includes(stageOf(p, caseId));
