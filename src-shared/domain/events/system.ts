import { z } from 'zod';
import { changes, defineEvents, id, obj, text } from './define';

// The court's own housekeeping: first start, settings, users and sign-in, the working-day calendar,
// backups. None belongs to a case.
const userRef = { userId: id, username: text };

export const systemEvents = defineEvents({
  'system.setup': { label: '首次设置', scope: 'court', payload: obj({}) },
  'settings.changed': { label: '修改设置', scope: 'court', payload: obj({ keys: z.array(text), before: changes, after: changes }) },
  'user.created': { label: '新建用户', scope: 'court', payload: obj({ ...userRef, roles: z.array(text) }) },
  'user.updated': { label: '修改用户', scope: 'court', payload: obj({ ...userRef, before: changes, after: changes }) },
  'user.passwordSet': { label: '设置密码', scope: 'court', payload: obj({ ...userRef, byAdmin: z.boolean() }) },
  'user.locked': { label: '账号因密码错误被锁定', scope: 'court', payload: obj({ ...userRef, failures: z.number().int(), lockedUntil: text }) },
  'auth.login': { label: '登录', scope: 'court', payload: obj({ ...userRef }) },
  'auth.logout': { label: '注销', scope: 'court', payload: obj({ ...userRef }) },
  'calendar.changed': {
    label: '修改工作日历',
    scope: 'court',
    payload: obj({ years: z.array(z.number().int()), entriesBefore: z.number().int(), entriesAfter: z.number().int(), source: text }),
  },
  'backup.created': { label: '备份数据库', scope: 'court', payload: obj({ name: text, kind: text, sizeBytes: z.number().int(), cases: z.number().int() }) },
  'backup.restored': { label: '从备份恢复', scope: 'court', payload: obj({ from: text, safetyBackup: text.nullable(), schemaVersion: z.number().int() }) },
});
