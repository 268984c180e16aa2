import { z } from 'zod';
import { defineMethods } from '../contract';
import { emptyInput, id, isoDate, okOutput, pageOf, paging } from '../common';
import { ROLE_NAMES } from '../roles';
import { userView } from './system';
import { masked } from '../masked';

// Reliability and security (issue 7): user administration beyond users.list/users.create
// (settings.ts), the role catalogue, the audit trail, backups and the health of the data file.

const roleName = z.enum(ROLE_NAMES as [string, ...string[]], { error: '角色无效' });
const password = z.string().min(8, '密码至少8位').max(200, '密码不能超过200位');

export const auditEventView = z.object({
  id: z.number().int(),
  caseId: z.number().int().nullable(),
  caseNumber: z.string().nullable(),
  type: z.string(),
  label: z.string(),
  at: z.string(),
  onDate: z.string(),
  actorId: z.number().int().nullable(),
  actor: z.string(),
  workstation: z.string(),
  payload: masked('payload', z.unknown()),
  hash: z.string(),
});

export const auditReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first row whose hash or link does not match, with the reason in Chinese. */
  firstBroken: z.object({ id: z.number().int(), reason: z.string() }).nullable(),
  triggersPresent: z.boolean(),
  checkedAt: z.string(),
  ms: z.number(),
});

export const backupView = z.object({
  name: z.string(),
  kind: z.enum(['manual', 'daily', 'preMigration', 'preRestore']),
  createdAt: z.string(),
  createdBy: z.string(),
  sizeBytes: z.number().int(),
  schemaVersion: z.number().int(),
  cases: z.number().int(),
  /** PRAGMA quick_check of the copy, run right after it was written. */
  checked: z.boolean(),
});

const backupName = z
  .string()
  .max(200)
  .regex(/^zhixing-[0-9TZ-]+-[a-zA-Z]+(-\d+)?\.sqlite$/, '备份文件名无效');

export const securityMethods = defineMethods({
  'users.update': {
    summary: '修改用户：姓名、角色、所属团队、是否可查看全部案件、启用或停用（记录修改前后）',
    input: z.object({
      id,
      displayName: z.string().trim().min(1, '姓名不能为空').max(50, '姓名不能超过50个字').optional(),
      roles: z.array(roleName).min(1, '至少选择一个角色').max(ROLE_NAMES.length).optional(),
      teamId: z.string().trim().max(50).nullable().optional(),
      /** A team user normally sees only its team's cases; this grants the whole register. */
      allCases: z.boolean().optional(),
      active: z.boolean().optional(),
      /** Clears a lock after repeated wrong passwords. */
      unlock: z.boolean().optional(),
    }),
    output: userView,
    access: ['admin'],
    cases: 'none',
    errors: ['not_found', 'conflict'],
    writes: true,
  },
  'users.setPassword': {
    summary: '设置密码：管理员可重置任何用户的密码；其他用户只能修改自己的密码（须输入原密码）',
    input: z.object({ id, password, currentPassword: z.string().max(200).optional() }),
    output: okOutput,
    access: 'user',
    cases: 'none',
    errors: ['not_found', 'forbidden', 'conflict'],
    writes: true,
  },
  'roles.list': {
    summary: '角色目录：每个角色的名称与可调用的接口',
    input: emptyInput,
    output: z.array(z.object({ role: roleName, label: z.string(), methods: z.array(z.string()) })),
    access: 'user',
    cases: 'none',
  },
  'cases.reveal': {
    summary: '查看案件中被遮盖的敏感信息（身份证号、出生日期、电话、收款账号、案款收款账号、财产账号）的完整内容，查看行为记入日志',
    input: z.object({
      caseId: id,
      reason: z.string().trim().max(200, '理由不能超过200个字').optional(),
    }),
    // Deliberately unmasked: this is the logged way to the full values.
    output: z.object({
      parties: z.array(z.object({ id: z.number().int(), idNumber: z.string().nullable(), birthDate: z.string().nullable(), phone: z.string().nullable() })),
      payoutAccount: z.string().nullable(),
      ledger: z.array(z.object({ entryId: z.number().int(), payeeAccount: z.string() })),
      assets: z.array(z.object({ id: z.number().int(), identifier: z.string() })),
    }),
    access: 'user',
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
    writes: true,
    versions: { exempt: '只查看、不修改案件（查看记录不改变案件版本）' },
  },
  'audit.verify': {
    summary: '校验事件日志的哈希链：重新计算每一行，报告第一处被修改或删除的位置',
    input: emptyInput,
    output: auditReport,
    access: ['management'],
    cases: 'court',
  },
  'audit.forCase': {
    summary: '一件案件的全部操作记录（操作人、时间、工作站、修改前后）',
    input: z.object({ caseId: id, ...paging }),
    output: pageOf(auditEventView),
    access: 'user',
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
  },
  'audit.forUser': {
    summary: '一名用户的全部操作记录',
    input: z.object({ userId: id, from: isoDate.optional(), to: isoDate.optional(), ...paging }),
    output: pageOf(auditEventView),
    access: ['management'],
    cases: 'court',
    errors: ['not_found'],
  },
  'backups.create': {
    summary: '立即备份数据库（SQLite 在线备份，写入备份文件夹）',
    input: emptyInput,
    output: backupView,
    access: ['management'],
    cases: 'court',
    // Not `writes`: a backup changes no data and must stay possible while the database is read-only.
  },
  'backups.list': {
    summary: '备份文件夹中的备份，最新的在前',
    input: emptyInput,
    output: z.object({ folder: z.string(), backups: z.array(backupView) }),
    access: ['management'],
    cases: 'court',
  },
  'backups.restore': {
    summary: '从备份恢复：先备份当前数据，再整体替换；恢复后重新自检',
    input: z.object({ name: backupName }),
    output: z.object({ restoredFrom: z.string(), safetyBackup: z.string().nullable(), readOnly: z.boolean() }),
    access: ['admin'],
    cases: 'court',
    errors: ['not_found', 'conflict', 'invalid_input'],
    // Not `writes`: restoring is the way out of read-only mode, so the registry must let it through.
  },
  'system.health': {
    summary: '数据库健康状况：启动自检（quick_check）、日志哈希链、最近的备份',
    input: emptyInput,
    output: z.object({
      readOnly: z.boolean(),
      quickCheck: z.object({ ok: z.boolean(), problems: z.array(z.string()), checkedAt: z.string() }).nullable(),
      audit: auditReport.nullable(),
      latestBackup: backupView.nullable(),
      idleLockMinutes: z.number().int(),
    }),
    access: 'user',
    cases: 'none',
  },
});
