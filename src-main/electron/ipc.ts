import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CONNECTION_CHANNEL, INVOKE_CHANNEL, type ConnectionRequest } from '../../src-shared/desktopBridge';
import type { DesktopShell, WindowContents } from './desktopShell';

/**
 * The IPC side of the bridge: the contract's calls and the connection choice. Only our own page may
 * call — the sending frame must be the window's top frame showing the bundled index.html (any
 * `#/route`); anything else is refused before it reaches the back office.
 */
export function serveIpc(ipc: IpcMain, shell: DesktopShell, appUrl: string): void {
  ipc.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!fromOurPage(event, appUrl)) return { ok: false, error: { code: 'forbidden', message: '拒绝：调用来自未知页面' } };
    if (typeof method !== 'string' || method.length > 200) return { ok: false, error: { code: 'unknown_method', message: '接口名无效' } };
    return shell.invoke(event.sender as unknown as WindowContents, method, input);
  });
  ipc.handle(CONNECTION_CHANNEL, async (event: IpcMainInvokeEvent, request: unknown) => {
    if (!fromOurPage(event, appUrl)) return { ok: false, error: { code: 'forbidden', message: '拒绝：调用来自未知页面' } };
    if (typeof request !== 'object' || request === null) return { ok: false, error: { code: 'invalid_input', message: '连接设置请求无效' } };
    return shell.connection(request as ConnectionRequest);
  });
}

export function fromOurPage(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, appUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent) return false; // a sub-frame (there are none in our page)
  return frame.url.replace(/#.*$/, '') === appUrl;
}
