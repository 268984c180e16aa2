import { z } from 'zod';
import { courtCodeProblem, normalizeCaseNumber } from './caseNumber';
import { ROLE_NAMES } from '../api/roles';

// First-run setup of the court (法院名称, 法院代字 per domain.md §1.2, teams, first users), done in one
// transaction by system.setup. Until it is done no case can be filed: every case number carries the
// court code (案号规定 Art. 3), and a number assigned under a wrong code cannot be taken back.

export const courtIdentity = z.object({
  name: z
    .string({ error: '法院名称不能为空' })
    .trim()
    .min(1, '法院名称不能为空')
    .max(60, '法院名称不能超过60个字')
    .regex(/人民法院$|法院$/u, '法院名称应以“法院”结尾，如 开鲁县人民法院'),
  code: z
    .string({ error: '法院代字不能为空' })
    .transform((s) => normalizeCaseNumber(s))
    .superRefine((code, ctx) => {
      const problem = courtCodeProblem(code);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});
export type CourtIdentity = z.output<typeof courtIdentity>;

export const setupTeam = z.object({
  name: z.string({ error: '团队名称不能为空' }).trim().min(1, '团队名称不能为空').max(50, '团队名称不能超过50个字'),
  kind: z.enum(['tribunal', 'fastTrack', 'centre', 'other'], { error: '团队类型无效' }).default('tribunal'),
  /** Townships (乡镇、街道) whose debtors' cases go to this tribunal (分案). */
  towns: z.array(z.string().trim().min(1, '乡镇名称不能为空').max(50, '乡镇名称不能超过50个字')).max(50, '每个团队最多50个乡镇').default([]),
});

export const setupUser = z.object({
  username: z.string({ error: '用户名不能为空' }).trim().regex(/^[a-zA-Z0-9_.-]{2,40}$/, '用户名为2–40位字母、数字、_ . -'),
  displayName: z.string({ error: '姓名不能为空' }).trim().min(1, '姓名不能为空').max(50, '姓名不能超过50个字'),
  password: z.string({ error: '密码不能为空' }).min(8, '密码至少8位').max(200, '密码不能超过200位'),
  roles: z.array(z.enum(ROLE_NAMES as [string, ...string[]], { error: '角色无效' })).min(1, '至少选择一个角色'),
  /** Index into `teams` of the same request (the teams get their ids in the transaction). */
  team: z.number().int().min(0).nullable().default(null),
});

export const setupInput = z
  .object({
    adminPassword: z.string({ error: '管理员密码不能为空' }).min(8, '管理员密码至少8位').max(200, '管理员密码不能超过200位'),
    court: z.object(courtIdentity.shape, { error: '请填写本院的法院名称和法院代字' }),
    teams: z.array(setupTeam).max(30, '最多30个团队').default([]),
    users: z.array(setupUser).max(40, '首次设置最多40个用户，其余可在“用户管理”中添加').default([]),
  })
  .superRefine((input, ctx) => {
    const names = new Set<string>();
    input.teams.forEach((t, i) => {
      if (names.has(t.name)) ctx.addIssue({ code: 'custom', path: ['teams', i, 'name'], message: `团队名称“${t.name}”重复` });
      names.add(t.name);
    });
    const usernames = new Set<string>(['admin']);
    input.users.forEach((u, i) => {
      if (usernames.has(u.username.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['users', i, 'username'], message: `用户名“${u.username}”重复或已被系统管理员使用` });
      usernames.add(u.username.toLowerCase());
      if (u.team !== null && u.team >= input.teams.length) ctx.addIssue({ code: 'custom', path: ['users', i, 'team'], message: `用户“${u.displayName}”所属团队不存在` });
    });
  });
export type SetupInput = z.input<typeof setupInput>;
export type SetupParsed = z.output<typeof setupInput>;
