import { z } from 'zod';
import { defineMethods } from '../contract';
import { emptyInput, id } from '../common';

// The court server (many workstations on one database): its health for monitoring, what the
// administrator is shown about it (address, names, the certificate's fingerprint), the open login
// sessions and their revocation, and who has a case open right now (presence).

export const sessionView = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  /** The client's address as the server's socket saw it at login. */
  address: z.string(),
  /** What the client says it is (the desktop's computer name, or the browser) — the client's own claim. */
  client: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** The caller's own session. */
  current: z.boolean(),
});

export const viewerView = z.object({ userId: z.number().int(), name: z.string(), since: z.string() });

/** Enough for an empty body several times over: the health method is polled by monitoring before any login. */
const STATUS_BODY_BYTES = 1024;

export const serverMethods = defineMethods({
  'system.status': {
    summary: '服务器运行状况（供监控程序轮询，无需登录；GET /api/system.status 亦可，异常时返回 503）',
    input: emptyInput,
    output: z.object({
      /** ok: serving normally; degraded: read-only, the start-up check still running, or the daily backup overdue. */
      status: z.enum(['ok', 'degraded']),
      version: z.string(),
      schemaVersion: z.number().int(),
      uptimeSeconds: z.number().int(),
      readOnly: z.boolean(),
      checking: z.boolean(),
      latestBackupAt: z.string().nullable(),
      /** Daily backups are on and the newest backup is more than 26 hours old. */
      backupOverdue: z.boolean(),
      time: z.string(),
    }),
    access: 'public',
    cases: 'none',
    maxBodyBytes: STATUS_BODY_BYTES,
  },
  'server.info': {
    summary: '本院服务器：监听地址、服务器名称、证书指纹（供各工作站首次连接时核对）、日志文件',
    input: emptyInput,
    output: z.object({
      mode: z.enum(['desktop', 'web', 'server']),
      listen: z.object({ host: z.string(), port: z.number().int() }).nullable(),
      names: z.array(z.string()),
      certificate: z
        .object({
          fingerprint256: z.string(),
          /** The fingerprint in four lines of eight pairs, as the clerk's desktop shows it. */
          fingerprintLines: z.array(z.string()),
          source: z.enum(['court', 'created']),
          subject: z.string(),
          validTo: z.string(),
          file: z.string(),
        })
        .nullable(),
      logFile: z.string().nullable(),
      openSessions: z.number().int(),
    }),
    access: ['admin'],
    cases: 'none',
  },
  'sessions.list': {
    summary: '当前登录会话：用户、计算机地址、登录时间、最近操作时间',
    input: z.object({ userId: id.optional() }).strict().default({}),
    output: z.array(sessionView),
    access: ['admin'],
    cases: 'none',
  },
  'sessions.revoke': {
    summary: '结束登录会话（指定会话，或某用户的全部会话）；被结束的客户端须重新登录',
    input: z
      .object({ ids: z.array(id).max(1000).optional(), userId: id.optional() })
      .strict()
      .refine((v) => (v.ids?.length ?? 0) > 0 || v.userId !== undefined, { message: '请指定要结束的会话或用户', path: ['ids'] }),
    output: z.object({ ended: z.number().int() }),
    access: ['admin'],
    cases: 'none',
    errors: ['not_found'],
    // Not `writes`: ending sessions must stay possible while the database is read-only.
  },
  'presence.set': {
    summary: '本窗口正在查看的案件（离开时为 null），返回同时查看该案件的其他用户；每 30 秒续报一次',
    input: z.object({
      caseId: id.nullable(),
      /** A random key of the window (one user may have several windows open). */
      window: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '窗口标识无效'),
    }),
    /** `seq`: the number of the last presence change, to order this answer against pushed changes. */
    output: z.object({ viewers: z.array(viewerView), seq: z.number().int() }),
    access: 'user',
    cases: { ids: { caseId: 'case' } },
  },
});
