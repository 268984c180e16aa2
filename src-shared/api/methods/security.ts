import { z } from 'zod';
import { defineMethods } from '../contract';
import { emptyInput, id, isoDate, okOutput, pageOf, paging } from '../common';
import { ROLE_NAMES } from '../roles';
import { userView } from './system';
import { masked } from '../masked';
import { jobView } from './jobs';

// Reliability and security: user administration beyond users.list/users.create
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

export const auditProblem = z.object({
  kind: z.enum(['chain', 'key', 'head', 'record', 'trigger']),
  table: z.string(),
  id: z.number().int().nullable(),
  reason: z.string(),
});

export const auditReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first bad row: of the log (case_events), else of a table checked against it, else a trigger. */
  firstBroken: z.object({ table: z.string(), id: z.number().int(), reason: z.string() }).nullable(),
  problems: z.array(auditProblem),
  problemCount: z.number().int(),
  triggersPresent: z.boolean(),
  head: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
  keyed: z.object({ fromId: z.number().int(), keyId: z.string() }).nullable(),
  heads: z.object({ matched: z.number().int(), found: z.number().int(), setAside: z.number().int() }),
  records: z.object({ ledgerEntries: z.number().int(), measures: z.number().int(), closures: z.number().int() }),
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
  /** Signed with the audit key and intact (SHA-256 as written): only such a backup may be restored. */
  verified: z.boolean(),
  /** Why it may not be restored (Chinese), or null. */
  problem: z.string().nullable(),
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
    summary: '校验操作日志（长任务，在后台线程运行）：以审计密钥重算哈希链，核对已公布的链头（锚点、备份说明、上报文件、审计封存单）、案款账目、控制措施和结案记录，检查防篡改触发器；报告第一处异常。结果在任务的 result 和 system.health 中',
    input: z
      .object({
        /** A head typed in from a printed 审计封存单: its row number and (the first 16 digits of) its hash. */
        check: z
          .object({
            id: z.number({ error: '应为整数' }).int('应为整数').min(1, '记录编号应为正整数'),
            hash: z.string().trim().toLowerCase().regex(/^[0-9a-f]{16,64}$/, '哈希值应为封存单上的16至64位十六进制数字'),
          })
          .optional(),
      })
      .strict()
      .default({}),
    output: jobView,
    access: ['management'],
    cases: 'court',
  },
  'audit.slip': {
    summary: '审计封存单（PDF）：当日操作日志的链头，以审计密钥签名，供监督人员打印签字、另行保管；当天第一次调用时生成，以后返回同一份',
    input: z.object({ date: isoDate.optional() }),
    output: z.unknown(),
    access: ['management'],
    cases: 'court',
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: { exempt: '打印审计封存单，只记录当日操作日志的链头，不改变案件' },
  },
  'audit.slips': {
    summary: '已生成的审计封存单，最新的在前',
    input: emptyInput,
    output: z.array(z.object({ date: z.string(), headId: z.number().int(), hash: z.string(), createdAt: z.string(), createdBy: z.string() })),
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
  'backups.create': {
    summary: '立即备份数据库（SQLite 在线备份，写入备份文件夹；说明文件记录校验值和日志链头，以审计密钥签名）',
    input: emptyInput,
    output: backupView.omit({ verified: true, problem: true }),
    access: ['management'],
    cases: 'court',
    // Not `writes`: a backup changes no data and must stay possible while the database is read-only.
  },
  'backups.list': {
    summary: '备份文件夹中的备份，最新的在前；只有签名和校验值都相符的备份（verified）可以恢复',
    input: emptyInput,
    output: z.object({ folder: z.string(), backups: z.array(backupView) }),
    access: ['management'],
    cases: 'court',
  },
  'backups.restore': {
    summary: '从备份恢复（仅限签名和校验值都相符的备份）：先备份当前数据，在暂存文件中迁移、自检并记下恢复事件，再整体替换',
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
      /** Applied migrations whose file has changed since (never run again; a sign of a tampered or mis-built install). */
      changedMigrations: z.array(z.object({ version: z.number().int(), name: z.string() })),
      /** Derived tables being derived again from the event log (new rules or a new version). */
      rebuilding: z.array(z.object({ label: z.string(), done: z.number().int(), total: z.number().int() })),
    }),
    access: 'user',
    cases: 'none',
  },
});
