import { z } from 'zod';
import { defineMethods } from '../contract';
import { emptyInput } from '../common';
import { settingsPatch, settingsSchema } from '../../settings';
import { ROLE_NAMES } from '../roles';
import { userView } from './system';

export const settingsMethods = defineMethods({
  'settings.get': {
    summary: '读取全部设置（法院名称、法院代字、团队等）',
    input: emptyInput,
    output: settingsSchema,
    access: 'user',
    cases: 'none',
  },
  'settings.set': {
    summary: '修改设置（只需给出要改的项）；法院名称与代字、执行款专户、院长、备份、登录锁定与锁屏只能由系统管理员修改',
    input: settingsPatch,
    output: settingsSchema,
    access: ['admin', 'management'],
    cases: 'none',
    writes: true,
  },
  'users.list': {
    summary: '用户列表',
    input: emptyInput,
    output: z.array(userView),
    access: ['admin', 'management'],
    cases: 'none',
  },
  'users.create': {
    summary: '新建用户',
    input: z.object({
      username: z.string().trim().regex(/^[a-zA-Z0-9_.-]{2,40}$/, '用户名为2–40位字母、数字、_ . -'),
      displayName: z.string().trim().min(1, '姓名不能为空').max(50),
      password: z.string().min(8, '密码至少8位').max(200),
      roles: z.array(z.enum(ROLE_NAMES as [string, ...string[]])).min(1, '至少选择一个角色'),
      teamId: z.string().max(50).nullable().default(null),
    }),
    output: userView,
    access: ['admin'],
    cases: 'none',
    errors: ['conflict'],
    writes: true,
  },
});
