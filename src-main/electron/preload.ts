import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CONNECTION_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL, type ConnectionRequest, type DesktopBridge } from '../../src-shared/desktopBridge';

// The whole bridge: the contract's calls, the push events, and the first start's connection choice.
// Nothing else of Node or Electron reaches the page (contextIsolation + sandbox), and no token:
// main holds the session for this window.
const bridge: DesktopBridge = {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  onEvent: (listener) => {
    const wrapped = (_e: IpcRendererEvent, payload: { topic: string; data: unknown }) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
  connection: (request: ConnectionRequest) => ipcRenderer.invoke(CONNECTION_CHANNEL, request),
};
contextBridge.exposeInMainWorld('zhixing', bridge);
