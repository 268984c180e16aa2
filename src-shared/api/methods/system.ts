import { z } from 'zod';
import { defineMethods } from '../contract';
import { emptyInput, okOutput, requiredText } from '../common';
import { ROLE_NAMES } from '../roles';

export const userView = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLE_NAMES as [string, ...string[]])),
  teamId: z.string().nullable(),
  active: z.boolean(),
});

export const systemMethods = defineMethods({
  'system.info': {
    summary: '应用与数据库信息；是否已完成首次设置（无需登录）',
    input: emptyInput,
    output: z.object({
      app: z.literal('zhixing'),
      version: z.string(),
      schemaVersion: z.number().int(),
      initialized: z.boolean(),
      courtName: z.string(),
      courtCode: z.string(),
      demo: z.boolean(),
      today: z.string(),
      readOnly: z.boolean(),
      mode: z.enum(['desktop', 'web']),
    }),
    access: 'public',
  },
  'system.setup': {
    summary: '首次启动：设置管理员 admin 的密码（仅在未初始化时可用）',
    input: z.object({ adminPassword: z.string().min(8, '密码至少8位').max(200) }),
    output: okOutput,
    access: 'public',
    errors: ['conflict'],
    writes: true,
  },
  'system.setClock': {
    summary: '测试用：设置应用时钟（仅在以 --test-clock 启动时可用）',
    input: z.object({ now: z.string().datetime({ offset: true }).nullable() }),
    output: okOutput,
    access: ['admin'],
    errors: ['forbidden'],
  },
  'auth.login': {
    summary: '登录，返回会话令牌（请求头 Authorization: Bearer <token>）',
    input: z.object({ username: requiredText('用户名', 50), password: z.string().min(1, '请输入密码').max(200) }),
    output: z.object({ token: z.string(), user: userView }),
    access: 'public',
    errors: ['unauthorized'],
  },
  'auth.logout': {
    summary: '注销当前会话',
    input: emptyInput,
    output: okOutput,
    access: 'user',
  },
  'auth.me': {
    summary: '当前登录用户',
    input: emptyInput,
    output: userView,
    access: 'user',
  },
});
