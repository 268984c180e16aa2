import { z } from 'zod';
import { methods, type MethodName, type Methods } from '../../src-shared/api';
import type { MethodSpec } from '../../src-shared/api/contract';
import { ApiError, type ApiErrorShape, type ApiResult } from '../../src-shared/api/errors';
import type { CallContext } from './context';
import { FileResponse } from './context';
import { guardCaseScope } from '../services/auth/scope';
import { diskFullError, isDiskFull } from '../services/system/diskFull';

export type HandlerFor<N extends MethodName> = (
  input: z.output<Methods[N]['input']>,
  ctx: CallContext,
) => z.input<Methods[N]['output']> | FileResponse | Promise<z.input<Methods[N]['output']> | FileResponse>;

export type HandlerMap = { [N in MethodName]?: HandlerFor<N> };

/** Declares a domain's handlers with full typing against the contract. */
export function defineHandlers<const H extends HandlerMap>(handlers: H): H {
  return handlers;
}

type AnyHandler = (input: unknown, ctx: CallContext) => unknown;

/**
 * The registry both transports serve. It validates input against the method's schema, checks the
 * caller's roles, runs the handler and turns every failure into a typed error. Nothing here is
 * domain-specific.
 */
export class Registry {
  private readonly handlers = new Map<string, AnyHandler>();

  register(group: HandlerMap): void {
    for (const [name, handler] of Object.entries(group)) {
      if (!(name in methods)) throw new Error(`Handler for a method not in the contract: ${name}`);
      if (this.handlers.has(name)) throw new Error(`Handler registered twice: ${name}`);
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
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw zodToApiError(parsed.error);
      // Team scoping for every method whose input names cases (services/auth/scope.ts).
      guardCaseScope(ctx.app.db, ctx.user, parsed.data);
      const data = await handler(parsed.data, ctx);
      return { ok: true, data };
    } catch (e) {
      return { ok: false, error: toErrorShape(e, ctx) };
    }
  }
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

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return '必填项不能为空';
    return `类型错误：应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
  }
  if (issue.code === 'unrecognized_keys') return `不认识的字段：${issue.keys.join('、')}`;
  if (issue.code === 'too_big' && issue.origin === 'string') return issue.message.startsWith('Too') ? `不能超过${issue.maximum}个字符` : issue.message;
  if (issue.code === 'invalid_value') return issue.message.startsWith('Invalid') ? `取值无效，应为：${issue.values.map(String).join('、')}` : issue.message;
  if (/^[\x00-\x7f]*$/.test(issue.message)) return `输入无效（${issue.message}）`;
  return issue.message;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  object: '对象',
  array: '列表',
};

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
