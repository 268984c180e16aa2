import { z } from 'zod';
import { defineMethods, PUBLIC_BODY_BYTES } from '../contract';
import { emptyInput } from '../common';

// Recovery mode (the database could not be opened): what is wrong, the backups found, and the
// restore of one that verifies — the only methods served in that mode besides system.info.

const offered = z.object({
  name: z.string(),
  kind: z.enum(['manual', 'daily', 'preMigration', 'preRestore']),
  createdAt: z.string(),
  createdBy: z.string(),
  sizeBytes: z.number().int(),
  schemaVersion: z.number().int(),
  cases: z.number().int(),
  verified: z.boolean(),
  problem: z.string().nullable(),
});

export const recoveryMethods = defineMethods({
  'recovery.status': {
    summary: '恢复模式：数据库为何无法打开，以及找到的备份（只有签名和校验值都相符的备份可以恢复），最新的在前',
    input: emptyInput,
    output: z.object({
      active: z.boolean(),
      reason: z.string().nullable(),
      problems: z.array(z.string()),
      since: z.string().nullable(),
      keyMissing: z.boolean(),
      backups: z.array(offered),
    }),
    access: 'public',
    cases: 'none',
    // Open to anyone: the body is read before any login, so it may be small.
    maxBodyBytes: PUBLIC_BODY_BYTES,
    recovery: true,
  },
  'recovery.restore': {
    summary: '恢复模式：用一份通过校验的备份替换损坏的数据库（须输入该备份中系统管理员的用户名和密码）；损坏的文件另存于数据文件夹的 damaged 子文件夹',
    input: z.object({
      name: z.string().max(200).regex(/^zhixing-[0-9TZ-]+-[a-zA-Z]+(-\d+)?\.sqlite$/, '备份文件名无效'),
      username: z.string().trim().min(1, '请输入用户名').max(50),
      password: z.string().min(1, '请输入密码').max(200),
    }),
    output: z.object({ restoredFrom: z.string(), damagedKept: z.string() }),
    access: 'public',
    cases: 'none',
    maxBodyBytes: PUBLIC_BODY_BYTES,
    errors: ['not_found', 'conflict', 'unauthorized', 'forbidden'],
    recovery: true,
  },
});
