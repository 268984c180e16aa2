import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// The whole bridge: one invoke and one event subscription. Nothing else of Node or Electron
// reaches the page (contextIsolation + sandbox).
contextBridge.exposeInMainWorld('zhixing', {
  invoke: (method: string, input: unknown, token: string | null): Promise<unknown> => ipcRenderer.invoke('zhixing:invoke', method, input, token),
  onEvent: (listener: (e: { topic: string; data: unknown }) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, payload: { topic: string; data: unknown }) => listener(payload);
    ipcRenderer.on('zhixing:event', wrapped);
    return () => ipcRenderer.removeListener('zhixing:event', wrapped);
  },
});
