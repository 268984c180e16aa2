import { App } from '../app/app';
import { FileResponse } from '../api/context';
import { startBackupSchedule } from '../services/backups/schedule';
import { caseScope } from '../services/auth/scope';
import type { BackOfficePort, ToBackOffice } from './backOfficeProtocol';

/**
 * The back office inside the utility process: opens the App on the data folder and serves the
 * registry to the main process over the port, with the same validation, access and scope checks
 * the web mode applies. A file result goes back as its path (main opens it with the OS).
 */
export function serveBackOffice(port: BackOfficePort, open: (dataDir: string) => App = (dataDir) => new App({ dataDir, mode: 'desktop', exclusive: true })): { closed: Promise<void> } {
  let app: App | null = null;
  let stopBackups: (() => void) | null = null;
  const subscriptions = new Map<number, () => void>();
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));

  const handle = async (m: ToBackOffice): Promise<void> => {
    switch (m.type) {
      case 'open': {
        try {
          app = open(m.dataDir);
        } catch (e) {
          port.postMessage({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
          return;
        }
        stopBackups = startBackupSchedule(app);
        port.postMessage({ type: 'ready' });
        return;
      }
      case 'call': {
        if (!app) {
          port.postMessage({ type: 'result', id: m.id, result: { ok: false, error: { code: 'unavailable', message: '后台服务尚未启动完成，请稍候' } } });
          return;
        }
        const result = await app.registry.call(m.method, m.input, {
          app,
          user: app.sessions.resolve(app.db, m.token, app.clock.now()),
          token: m.token,
          workstation: app.workstation,
          transport: 'ipc',
        });
        if (result.ok && result.data instanceof FileResponse) {
          const f = result.data;
          port.postMessage({ type: 'file', id: m.id, path: f.path, fileName: f.fileName, reveal: f.reveal });
        } else {
          port.postMessage({ type: 'result', id: m.id, result });
        }
        return;
      }
      case 'subscribe': {
        if (!app) return;
        const user = app.sessions.resolve(app.db, m.token, app.clock.now());
        if (!user) {
          port.postMessage({ type: 'sessionEnded', sid: m.sid });
          return;
        }
        // The same rule as the web mode's /api/events: each push as the user's case scope allows (app/bus.ts).
        const who = { userId: user.id, scope: caseScope(user) };
        const off = app.bus.subscribeAs(
          () => who,
          (topic, data) => port.postMessage({ type: 'event', sid: m.sid, topic, data }),
        );
        subscriptions.set(m.sid, off);
        return;
      }
      case 'unsubscribe':
        subscriptions.get(m.sid)?.();
        subscriptions.delete(m.sid);
        return;
      case 'close':
        for (const off of subscriptions.values()) off();
        subscriptions.clear();
        stopBackups?.();
        await app?.close();
        app = null;
        port.postMessage({ type: 'closed' });
        resolveClosed();
        return;
    }
  };

  port.onMessage((m) => {
    handle(m).catch((e: unknown) => {
      console.error('back office message failed', e);
      if (m.type === 'call') port.postMessage({ type: 'result', id: m.id, result: { ok: false, error: { code: 'internal', message: '内部错误，操作未完成，数据未改动' } } });
    });
  });
  return { closed };
}
