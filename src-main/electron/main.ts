import { app as electronApp, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { App } from '../app/app';
import { CONTENT_SECURITY_POLICY } from '../transports/http';
import { lockDown, windowOptions } from './window';
import { forwardEvents, serveIpc } from './ipc';
import { startBackupSchedule } from '../services/backups/schedule';

// The desktop shell: thin. It opens the back office on the user's app-data folder, serves the
// registry over IPC and shows the same UI the web mode serves.
const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '../renderer/index.html');
const appUrl = pathToFileURL(rendererIndex).toString();

electronApp.enableSandbox();

async function start(): Promise<void> {
  if (!electronApp.requestSingleInstanceLock()) {
    dialog.showErrorBox('执行案件管理系统', '程序已经在运行（同一数据文件夹只能由一个程序打开）。');
    electronApp.quit();
    return;
  }
  await electronApp.whenReady();
  const dataDir = process.env.ZHIXING_DATA ?? join(electronApp.getPath('userData'), 'data');
  let core: App;
  try {
    core = new App({ dataDir, mode: 'desktop', exclusive: true });
  } catch (e) {
    dialog.showErrorBox('无法打开数据', e instanceof Error ? e.message : String(e));
    electronApp.quit();
    return;
  }
  startBackupSchedule(core);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  const win = new BrowserWindow(windowOptions(join(here, '../preload/index.cjs')));
  lockDown(win.webContents, appUrl);
  serveIpc(ipcMain, core, appUrl, (f) => (f.reveal ? shell.showItemInFolder(f.path) : void shell.openPath(f.path)));
  forwardEvents(core, win.webContents, () => null);
  win.once('ready-to-show', () => win.show());
  await win.loadFile(rendererIndex);

  electronApp.on('window-all-closed', () => {
    void core.close().then(() => electronApp.quit());
  });
}

void start();
