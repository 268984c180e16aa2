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
  'backup.restored': {
    label: '从备份恢复',
    scope: 'court',
    // fromHead: the backup's last signed log row, so a verify can tell the restore from a cut.
    payload: obj({ from: text, safetyBackup: text.nullable(), schemaVersion: z.number().int(), fromHead: obj({ id, hash: text }).optional() }),
  },
  // The keyed audit trail: its first row names the key; a daily slip seals the head of the day.
  'audit.keyed': {
    label: '启用操作日志签名',
    scope: 'court',
    payload: obj({ keyId: text, legacyRows: z.number().int(), legacyHead: obj({ id, hash: text }).optional() }),
  },
  'audit.sealed': { label: '打印操作日志签章单', scope: 'court', payload: obj({ date: text, headId: id, headHash: text }) },
  'template.saved': { label: '修改文书模板', scope: 'court', payload: obj({ kind: text, version: z.number().int(), keys: z.array(text), note: text.optional() }) },
});
