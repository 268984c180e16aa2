import { z } from 'zod';
import { methods, type MethodName, type Methods } from '../../src-shared/api';
import type { MethodSpec } from '../../src-shared/api/contract';
import { CASE_REF_KINDS, openToScopedRole, pathProblem } from '../../src-shared/api/caseScope';
import { applyMasks, maskPlan, type MaskPlan } from '../../src-shared/api/masked';
import { ApiError, type ApiErrorShape, type ApiResult } from '../../src-shared/api/errors';
import { cleanInput } from '../../src-shared/api/hygiene';
import { issueMessage } from '../../src-shared/api/issueMessages';
import type { CallContext } from './context';
import { FileResponse } from './context';
import { caseScope, type CaseScope } from '../services/auth/scope';
import { enforceCaseRefs } from '../services/auth/caseRefs';
import { checkVersions, type VersionOutcome } from './versionCheck';
import { withExpectations } from '../events/caseVersion';
import { checkVersionDeclaration } from './versionDeclaration';
import { diskFullError, isDiskFull } from '../services/system/diskFull';

/** What a handler is given: the call's context and the caller's case scope, computed by the registry. */
export interface HandlerContext extends CallContext {
  /** The cases the caller may see and change; handlers declared `narrows` apply it to what they read. */
  scope: CaseScope;
}

export type HandlerFor<N extends MethodName> = (
  input: z.output<Methods[N]['input']>,
  ctx: HandlerContext,
) => z.input<Methods[N]['output']> | FileResponse | Promise<z.input<Methods[N]['output']> | FileResponse>;

export type HandlerMap = { [N in MethodName]?: HandlerFor<N> };

/** Declares a domain's handlers with full typing against the contract. */
export function defineHandlers<const H extends HandlerMap>(handlers: H): H {
  return handlers;
}

type AnyHandler = (input: unknown, ctx: HandlerContext) => unknown;

/**
 * The registry both transports serve. It checks the caller's roles, cleans every string of the
 * input (src-shared/api/hygiene.ts), validates it against the method's schema, runs the handler and
 * turns every failure into a typed error in Chinese. Nothing here is domain-specific.
 */
export class Registry {
  private readonly handlers = new Map<string, AnyHandler>();
  /** Per method: where its output carries identifiers (src-shared/api/masked.ts). */
  private readonly masks = new Map<string, MaskPlan | null>();

  register(group: HandlerMap): void {
    for (const [name, handler] of Object.entries(group)) {
      if (!(name in methods)) throw new Error(`Handler for a method not in the contract: ${name}`);
      if (this.handlers.has(name)) throw new Error(`Handler registered twice: ${name}`);
      const spec = (methods as Record<string, MethodSpec>)[name]!;
      checkCaseDeclaration(name, spec);
      checkVersionDeclaration(name, spec);
      this.masks.set(name, maskPlan(spec.output));
      this.handlers.set(name, handler as AnyHandler);
    }
  }

  /** Contract methods without a handler (a start-up check and a test). */
  missing(): string[] {
    return Object.keys(methods).filter((n) => !this.handlers.has(n));
  }

  names(): string[] {
    return [...this.handlers.keys()].sort();
  }

  has(name: string): boolean {
    return this.handlers.has(name);
  }

  async call(name: string, rawInput: unknown, ctx: CallContext): Promise<ApiResult<unknown>> {
    try {
      const spec = (methods as Record<string, MethodSpec>)[name];
      const handler = this.handlers.get(name);
      if (!spec || !handler) throw new ApiError('unknown_method', `没有名为 ${String(name).slice(0, 100)} 的接口`);
      if (ctx.app.recovery && !spec.recovery) {
        throw new ApiError('read_only', '数据库已损坏，系统处于恢复模式：请由系统管理员从备份恢复');
      }
      checkAccess(spec, ctx);
      if (spec.writes && ctx.app.readOnly) {
        throw new ApiError('read_only', '数据库处于只读状态（启动自检未通过），请先从备份恢复');
      }
      if (spec.writes && ctx.app.checking) {
        throw new ApiError('read_only', '正在进行启动自检（数据量大时需数秒），请稍候再保存');
      }
      // A large commit on the write worker holds the database: wait for it here, not inside SQLite
      // (which would wait synchronously, freezing every client of this thread). db/writeGate.ts.
      if (spec.writes) await ctx.app.db.gate.idle();
      const cleaned = cleanInput(rawInput ?? {});
      if (!cleaned.ok) throw new ApiError('invalid_input', cleaned.reason, cleaned.field || undefined);
      // reportInput: the translation tells a wrong type from a missing value (issueMessages.ts).
      const parsed = spec.input.safeParse(cleaned.value, { reportInput: true });
      if (!parsed.success) throw zodToApiError(parsed.error);
      // The method's case declaration, applied before the handler runs (src-shared/api/caseScope.ts).
      const scope = caseScope(ctx.user);
      enforceCaseRefs(ctx.app.db, scope, spec.cases, parsed.data);
      // The newest event the answer's data has seen — for a read, taken before the handler reads (a
      // change that slips in meanwhile can only make a later write look stale, never hide one); for
      // a write, after it (the answer shows the write itself). A later write states it as seen.asOf
      // (src-shared/api/caseVersions.ts).
      let asOf = spec.cases === 'none' || spec.writes ? undefined : lastEventId(ctx);
      // A case-changing write: the versions the clerk saw, checked before (here) and inside (appendEvent) the write.
      let versions: VersionOutcome | null = null;
      if (spec.versions && typeof spec.versions === 'object' && 'exempt' in spec.versions) versions = null;
      else if (spec.versions) versions = checkVersions(ctx.app.db, spec.cases, spec.versions, parsed.data, ctx.transport !== 'internal', ctx.app.clock.now());
      const input = versions ? versions.input : parsed.data;
      const run = () => handler(input, { ...ctx, scope });
      const data = await (versions ? withExpectations(versions.expectations, run) : run());
      if (spec.cases !== 'none' && spec.writes) asOf = lastEventId(ctx);
      // Identifiers leave masked, for every role; files are not API answers (docs/security.md).
      return {
        ok: true,
        data: data instanceof FileResponse ? data : applyMasks(data, this.masks.get(name) ?? null),
        ...(asOf !== undefined ? { asOf } : {}),
        ...(versions && versions.skipped.length > 0 ? { skipped: versions.skipped } : {}),
      };
    } catch (e) {
      return { ok: false, error: toErrorShape(e, ctx) };
    }
  }
}

/**
 * Refuses to register a method whose case declaration is missing or cannot hold: every method says
 * which cases it touches; a method open to a scoped role (a tribunal team) may not be court-wide;
 * every declared path must be an id field of the input, and every kind must have a resolver.
 */
export function checkCaseDeclaration(name: string, spec: MethodSpec): void {
  const decl = (spec as Partial<MethodSpec>).cases;
  const scoped = openToScopedRole(spec.access);
  if (decl === undefined) {
    throw new Error(`${name}: no case declaration (MethodSpec.cases)${scoped ? ' — it is open to a tribunal team, whose users may see only their own cases' : ''}. Declare 'none', 'court', { ids } or { narrows } (src-shared/api/caseScope.ts).`);
  }
  if (decl === 'none') return;
  if (decl === 'court') {
    if (scoped) throw new Error(`${name}: declared court-wide (cases: 'court') but open to a tribunal team; declare the ids it takes or narrow its rows to ctx.scope.`);
    return;
  }
  if (typeof decl !== 'object' || decl === null || (!decl.ids && !decl.narrows)) throw new Error(`${name}: a case declaration object needs ids or narrows`);
  if (decl.narrows !== undefined && decl.narrows !== 'rows' && decl.narrows !== 'file') throw new Error(`${name}: narrows must be 'rows' or 'file'`);
  for (const [path, kind] of Object.entries(decl.ids ?? {})) {
    if (!(kind in CASE_REF_KINDS)) throw new Error(`${name}: cases.ids.${path}: unknown kind ${String(kind)}`);
    const problem = pathProblem(spec.input, path);
    if (problem) throw new Error(`${name}: cases.ids.${path}: ${problem}`);
  }
}

function lastEventId(ctx: CallContext): number {
  return ctx.app.db.raw<{ n: number | null }>('SELECT max(id) AS n FROM case_events')[0]?.n ?? 0;
}

export function checkAccess(spec: MethodSpec, ctx: CallContext): void {
  if (spec.access === 'public') return;
  if (!ctx.user) throw new ApiError('unauthorized', '请先登录');
  if (spec.access === 'user') return;
  if (ctx.user.roles.includes('admin')) return;
  if (!spec.access.some((r) => ctx.user!.roles.includes(r))) {
    throw new ApiError('forbidden', '当前账号的角色无权执行此操作');
  }
}

/** First schema issue → one typed error naming the field by its path (e.g. `debtors.0.creditCode`). */
export function zodToApiError(error: z.ZodError): ApiError {
  const issues = error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: issueMessage(i) }));
  const first = issues[0] ?? { field: '', message: '输入无效' };
  return new ApiError('invalid_input', first.message, first.field || undefined, { issues });
}

function toErrorShape(e: unknown, ctx: CallContext): ApiErrorShape {
  if (e instanceof ApiError) return e.toJSON();
  if (e instanceof z.ZodError) return zodToApiError(e).toJSON();
  // A full disk: one Chinese sentence, no file names or SQLite text (services/system/diskFull.ts).
  if (isDiskFull(e)) {
    ctx.app.log('error', 'disk full', e);
    return diskFullError().toJSON();
  }
  ctx.app.log('error', 'handler failed', e);
  return { code: 'internal', message: '内部错误，操作未完成，数据未改动' };
}
