import { z } from 'zod';
import { defineMethods, PUBLIC_BODY_BYTES } from '../contract';
import { emptyInput, okOutput, requiredText } from '../common';
import { ROLE_NAMES } from '../roles';
import { jobView } from './jobs';
import { setupInput } from '../../domain/courtSetup';

export const userView = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLE_NAMES as [string, ...string[]])),
  teamId: z.string().nullable(),
  active: z.boolean(),
  /** A team user sees the whole register only when an administrator grants it (用户与权限). */
  allCases: z.boolean().default(false),
  /** Set while the account is locked after repeated wrong passwords. */
  lockedUntil: z.string().nullable().default(null),
});

/** Enough for a user name and a 200-character password several times over. */

export const systemMethods = defineMethods({
  'system.info': {
    summary: '应用与数据库信息；是否已完成首次设置（无需登录）',
    input: emptyInput,
    output: z.object({
      app: z.literal('zhixing'),
      version: z.string(),
      schemaVersion: z.number().int(),
      initialized: z.boolean(),
      /** The court's name and code have been set (first-run setup); no case can be filed before. */
      courtConfigured: z.boolean(),
      courtName: z.string(),
      courtCode: z.string(),
      demo: z.boolean(),
      today: z.string(),
      readOnly: z.boolean(),
      /** The database could not be opened: the UI shows the recovery screen (recovery.status). */
      recovery: z.boolean(),
      mode: z.enum(['desktop', 'web', 'server']),
    }),
    access: 'public',
    cases: 'none',
    // Open to anyone: the body is read before any login, so it may be small.
    maxBodyBytes: PUBLIC_BODY_BYTES,
    recovery: true,
  },
  'system.setup': {
    summary: '首次启动：设置本院（名称、法院代字）、执行团队、首批用户和管理员 admin 的密码（仅在未初始化时可用）',
    input: setupInput,
    output: okOutput,
    access: 'public',
    cases: 'none',
    errors: ['conflict'],
    writes: true,
    // Open to anyone: the body is read before any login, so it may be small.
    maxBodyBytes: PUBLIC_BODY_BYTES,
  },
  'system.loadDemo': {
    summary: '载入演示数据（开鲁县人民法院：团队、干警账号、数年的执行案件）；仅限空数据库，作为长任务运行',
    input: z
      .object({
        seed: z.number().int('种子须为整数').min(0, '种子不能为负').max(0xffffffff).default(523),
        fromYear: z.number().int().min(2016, '起始年份不能早于2016年（现行案号规则）').max(2100).default(2022),
        toYear: z.number().int().min(2016).max(2100).default(2026),
        casesPerYear: z.number().int().min(1, '每年案件数至少为1').max(20_000, '每年案件数不能超过20000').default(4000),
      })
      .strict()
      .default({ seed: 523, fromYear: 2022, toYear: 2026, casesPerYear: 4000 }),
    output: jobView,
    access: ['admin'],
    cases: 'court',
    errors: ['conflict'],
    writes: true,
    versions: { exempt: '仅用于空数据库' },
  },
  'system.setClock': {
    summary: '测试用：设置应用时钟（仅在以 --test-clock 启动时可用）',
    input: z.object({ now: z.string().datetime({ offset: true }).nullable() }),
    output: okOutput,
    access: ['admin'],
    cases: 'none',
    errors: ['forbidden'],
  },
  'auth.login': {
    summary: '登录，返回会话令牌（请求头 Authorization: Bearer <token>）',
    input: z.object({ username: requiredText('用户名', 50), password: z.string().min(1, '请输入密码').max(200) }),
    output: z.object({ token: z.string(), user: userView }),
    access: 'public',
    cases: 'none',
    errors: ['unauthorized'],
    // Open to anyone: the body is read before any login, so it may be small.
    maxBodyBytes: PUBLIC_BODY_BYTES,
  },
  'auth.logout': {
    summary: '注销当前会话',
    input: emptyInput,
    output: okOutput,
    access: 'user',
    cases: 'none',
  },
  'auth.me': {
    summary: '当前登录用户',
    input: emptyInput,
    output: userView,
    access: 'user',
    cases: 'none',
  },
});
