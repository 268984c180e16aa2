import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { App } from '../app/app';
import { FileResponse } from '../api/context';

export const INVOKE_CHANNEL = 'zhixing:invoke';
export const EVENT_CHANNEL = 'zhixing:event';

/**
 * Serves the registry over IPC: the same methods, validation and permissions as the web mode.
 * Only our own page may call (the sender's frame must be the app URL). A file result is returned
 * as its path and opened by the shell, since the renderer cannot touch the disk.
 */
export function serveIpc(ipc: IpcMain, app: App, appUrl: string, onFile: (f: FileResponse) => void): void {
  ipc.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown, token: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!frameUrl.startsWith(appUrl.replace(/index\.html.*$/, ''))) {
      return { ok: false, error: { code: 'forbidden', message: '拒绝：调用来自未知页面' } };
    }
    const user = app.sessions.resolve(app.db, typeof token === 'string' ? token : null, app.clock.now());
    const result = await app.registry.call(String(method), input, {
      app,
      user,
      token: typeof token === 'string' ? token : null,
      workstation: app.workstation,
      transport: 'ipc',
    });
    if (result.ok && result.data instanceof FileResponse) {
      onFile(result.data);
      return { ok: true, data: { opened: result.data.fileName } };
    }
    return result;
  });
}

/** Forwards push events (job progress) to the window. */
export function forwardEvents(app: App, contents: WebContents, currentUserId: () => number | null): () => void {
  return app.bus.subscribe((e) => {
    const uid = currentUserId();
    if (e.userId !== undefined && uid !== null && e.userId !== uid) return;
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, { topic: e.topic, data: e.data });
  });
}
